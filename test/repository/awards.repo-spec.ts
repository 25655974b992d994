import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { AwardsRepository, type AwardFilter } from '../../src/awards/awards.repository.js';
import { makeAwardRecord } from '../support/factories.js';
import { insertIndividual, insertOrganization, openRepositoryDb, type RepositoryDb } from '../support/repository-db.js';

/**
 * The award register query (`AwardsRepository.list`, behind `GET /awards`, the stats and the histories) on real
 * PostgreSQL: its filters, the subtree through the closure table, revoked awards left out by default, the
 * accent-insensitive name search, and the keyset pages newest first by (issued_on, id).
 */
let r: RepositoryDb;
let awards: AwardsRepository;

beforeAll(async () => {
  r = await openRepositoryDb();
  awards = new AwardsRepository(r.queries, r.db);
});
afterAll(async () => {
  await r.close();
});

/** A clean database with a province and one of its departments. */
async function freshDepartment(): Promise<{ province: string; department: string }> {
  await r.reset();
  const province = await insertOrganization(r.db, { kind: 'PROVINCE' });
  const department = await insertOrganization(r.db, { kind: 'DEPARTMENT', parentId: province });
  return { province, department };
}

describe('AwardsRepository.list (the award register query)', () => {
  let department: string;
  let unit: string;
  let otherDepartment: string;
  /** Award ids by a short name. */
  let ids: Record<'huong2024' | 'binh2023' | 'collective2023' | 'revoked2023' | 'other2022', string>;

  beforeEach(async () => {
    const fresh = await freshDepartment();
    department = fresh.department;
    unit = await insertOrganization(r.db, { parentId: department, name: 'Trung tâm Công nghệ' });
    otherDepartment = await insertOrganization(r.db, { kind: 'DEPARTMENT', parentId: fresh.province });
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

/**
 * A person's history is read from `awards` alone, and every award carries its decision's number and its revocation
 * decision's number, date and ground (the AwardDecisionNumbers migration). The copies are held to the rows they
 * copy by foreign keys: a disagreeing copy is refused, a corrected number reaches the awards.
 */
describe('AwardsRepository: the decision numbers an award carries', () => {
  let unit: string;
  let person: string;
  let personAwards: { id: string; decisionId: string }[];

  beforeEach(async () => {
    const { department } = await freshDepartment();
    unit = await insertOrganization(r.db, { parentId: department });
    person = await insertIndividual(r.db, unit, 'Nguyễn Thị Hương');
    personAwards = [];
    for (const year of [2019, 2020, 2021, 2022, 2023]) {
      personAwards.push(
        await makeAwardRecord(r, {
          year,
          awardCode: 'LAO_DONG_TIEN_TIEN',
          proposingOrganizationId: unit,
          individualId: person,
        }),
      );
    }
  });

  const numberOf = async (awardId: string): Promise<string> =>
    (await awards.findById(awardId))?.decisionNumber as string;

  it("walks a person's history page by page, each award once, newest first", async () => {
    const everything = await awards.list({ individualId: person, includeRevoked: true, limit: 50 });
    expect(everything).toHaveLength(5);
    const walked: string[] = [];
    let after: [string, string] | null = null;
    for (let page = 0; page < 5; page++) {
      const rows = await awards.list({ individualId: person, includeRevoked: true, limit: 2, after });
      walked.push(...rows.slice(0, 2).map((row) => row.id));
      if (rows.length <= 2) break;
      after = [rows[1].issuedOn, rows[1].id];
    }
    expect(walked).toEqual(everything.map((row) => row.id));
    const [{ number_text }] = await r.db.query<{ number_text: string }[]>(
      'SELECT number_text FROM decisions WHERE id = $1',
      [personAwards[4].decisionId],
    );
    expect(everything[0]).toMatchObject({ id: personAwards[4].id, year: 2023, decisionNumber: number_text });
  });

  it("refuses an award whose decision number is not its decision's", async () => {
    await expect(
      r.db.query(`UPDATE awards SET decision_number = '999/QĐ-KHAC' WHERE id = $1`, [personAwards[0].id]),
    ).rejects.toMatchObject({ driverError: expect.objectContaining({ constraint: 'fk_awards_decision_number' }) });
  });

  it("carries a corrected decision number to the decision's awards", async () => {
    const { decisionId } = personAwards[0];
    await r.db.query(`UPDATE decisions SET number_text = number_text || '-SUA' WHERE id = $1`, [decisionId]);
    expect(await numberOf(personAwards[0].id)).toMatch(/-SUA$/);
    expect(await numberOf(personAwards[1].id)).not.toMatch(/-SUA$/);
  });

  it("copies the revocation decision's number, date and ground when awards are revoked", async () => {
    const [revocation] = await r.db.query<{ id: string }[]>(
      `INSERT INTO revocations (issuer_organization_id, authority, year, number, number_text, issued_on, ground, reason)
       VALUES ($1, 'DEPARTMENT_HEAD', 2024, 7, '07/QĐ-UBND', '2024-03-05', 'B', 'Khai man thành tích') RETURNING id`,
      [unit],
    );
    await awards.revokeMany([personAwards[0].id, personAwards[1].id], revocation.id, 'Khai man thành tích', null);
    const revoked = await awards.listByRevocation(revocation.id, 'revoked');
    expect(revoked.map((row) => row.id).sort()).toEqual([personAwards[0].id, personAwards[1].id].sort());
    for (const row of revoked) {
      expect(row).toMatchObject({
        revocationId: revocation.id,
        revocationNumber: '07/QĐ-UBND',
        revocationIssuedOn: '2024-03-05',
        revocationGround: 'B',
      });
    }
    // All four or none: a revocation's number without the revocation is refused.
    await expect(
      r.db.query(`UPDATE awards SET revocation_number = '07/QĐ-UBND' WHERE id = $1`, [personAwards[2].id]),
    ).rejects.toMatchObject({ driverError: expect.objectContaining({ constraint: 'fk_awards_revocation_number' }) });
  });
});
