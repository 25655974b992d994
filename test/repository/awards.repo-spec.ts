import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { AwardsRepository, type AwardFilter } from '../../src/awards/awards.repository.js';
import { makeAwardRecord } from '../support/factories.js';
import { insertIndividual, insertOrganization, openRepositoryDb, type RepositoryDb } from '../support/repository-db.js';

/**
 * The award register query (`AwardsRepository.list`, behind `GET /awards`, the stats and the histories) on real
 * PostgreSQL: its filters, the subtree through the closure table, revoked awards left out by default, the
 * accent-insensitive name search, and the keyset pages newest first by (issued_on, id).
 */
describe('AwardsRepository.list (the award register query)', () => {
  let r: RepositoryDb;
  let awards: AwardsRepository;
  let department: string;
  let unit: string;
  let otherDepartment: string;
  /** Award ids by a short name. */
  let ids: Record<'huong2024' | 'binh2023' | 'collective2023' | 'revoked2023' | 'other2022', string>;

  beforeAll(async () => {
    r = await openRepositoryDb();
    awards = new AwardsRepository(r.queries, r.db);
  });
  afterAll(async () => {
    await r.close();
  });
  beforeEach(async () => {
    await r.reset();
    const province = await insertOrganization(r.db, { kind: 'PROVINCE' });
    department = await insertOrganization(r.db, { kind: 'DEPARTMENT', parentId: province });
    unit = await insertOrganization(r.db, { parentId: department, name: 'Trung tâm Công nghệ' });
    otherDepartment = await insertOrganization(r.db, { kind: 'DEPARTMENT', parentId: province });
    const huong = await insertIndividual(r.db, unit, 'Nguyễn Thị Hương');
    const binh = await insertIndividual(r.db, department, 'Trần Văn Bình');
    const panh = await insertIndividual(r.db, unit, 'Lò Văn Pánh');
    const trang = await insertIndividual(r.db, otherDepartment, 'Phạm Thu Trang');
    const record = async (year: number, individualId: string | null, extra: { revoked?: boolean } = {}) =>
      (
        await makeAwardRecord(r, {
          year,
          awardCode: individualId ? 'GIAY_KHEN' : 'TAP_THE_LAO_DONG_TIEN_TIEN',
          proposingOrganizationId: department,
          ...(individualId ? { individualId } : { organizationId: unit }),
          ...extra,
        })
      ).id;
    ids = {
      huong2024: await record(2024, huong),
      binh2023: await record(2023, binh),
      collective2023: await record(2023, null),
      revoked2023: await record(2023, panh, { revoked: true }),
      other2022: await record(2022, trang),
    };
  });

  const list = (filter: Partial<AwardFilter>) =>
    awards.list({ includeRevoked: false, limit: 50, ...filter }).then((rows) => rows.map((row) => row.id));

  /** The two awards of 15 December 2023 that are not revoked, in the order of the keyset: id descending. */
  const of2023 = () => [ids.binh2023, ids.collective2023].sort().reverse();

  it('serves the register newest first by issue date, then id, and leaves revoked awards out unless asked', async () => {
    expect(await list({})).toEqual([ids.huong2024, ...of2023(), ids.other2022]);
    expect(await list({ includeRevoked: true })).toEqual(expect.arrayContaining([ids.revoked2023]));
    expect(await list({ includeRevoked: true })).toHaveLength(5);
  });

  it('reads its plain row in one statement: the decision number and the revocation come along', async () => {
    const [revoked] = (await awards.list({ includeRevoked: true, limit: 50, year: 2023 })).filter(
      (row) => row.id === ids.revoked2023,
    );
    expect(revoked).toMatchObject({
      year: 2023,
      awardCode: 'GIAY_KHEN',
      recipientName: 'Lò Văn Pánh',
      organizationId: unit,
      proposingOrganizationId: department,
      issuedOn: '2023-12-15',
      decisionNumber: expect.stringMatching(/^\d+\/QĐ-UBND$/),
      revokedReason: 'Khai man thành tích',
    });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
  });

  it('takes a subtree through the closure table, or one organization exactly', async () => {
    expect(await list({ subtreeOf: department })).toEqual([ids.huong2024, ...of2023()]);
    expect(await list({ subtreeOf: unit })).toEqual([ids.huong2024, ids.collective2023]);
    expect(await list({ organizationId: department })).toEqual([ids.binh2023]);
    expect(await list({ subtreeOf: otherDepartment })).toEqual([ids.other2022]);
  });

  it('filters by years, code and recipient kind', async () => {
    expect(await list({ year: 2023 })).toEqual(of2023());
    expect(await list({ fromYear: 2023, toYear: 2024, recipientKind: 'INDIVIDUAL' })).toEqual([
      ids.huong2024,
      ids.binh2023,
    ]);
    expect(await list({ awardCode: 'TAP_THE_LAO_DONG_TIEN_TIEN' })).toEqual([ids.collective2023]);
  });

  it('searches names without accents or case, and binds LIKE wildcards as literals', async () => {
    expect(await list({ q: 'huong' })).toEqual([ids.huong2024]);
    expect(await list({ q: 'TRẦN VĂN' })).toEqual([ids.binh2023]);
    expect(await list({ q: '%' })).toEqual([]);
    expect(await list({ q: '_' })).toEqual([]);
  });

  it('walks the register page by page with the keyset, each row once, in the order of one big page', async () => {
    const everything = await list({ includeRevoked: true });
    const walked: string[] = [];
    let after: [string, string] | null = null;
    for (let page = 0; page < 10; page++) {
      const rows = await awards.list({ includeRevoked: true, limit: 2, after });
      walked.push(...rows.slice(0, 2).map((row) => row.id));
      if (rows.length <= 2) break;
      const last = rows[1];
      after = [last.issuedOn, last.id];
    }
    expect(walked).toEqual(everything);
  });
});
