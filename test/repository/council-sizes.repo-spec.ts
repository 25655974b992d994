import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { AwardTypesRepository } from '../../src/award-types/award-types.repository.js';
import { councilKey, CouncilSizesRepository } from '../../src/organizations/council-sizes.repository.js';
import { OrganizationsRepository } from '../../src/organizations/organizations.repository.js';
import { insertOrganization, openRepositoryDb, type RepositoryDb } from '../support/repository-db.js';

/**
 * The council whose size counts for a vote (R-VOTE-1) and the organization's own row lock, on real PostgreSQL; and
 * the catalogue's vote policy columns, which only `AwardTypesRepository` writes.
 */
describe('CouncilSizesRepository, OrganizationsRepository locks and AwardTypesRepository vote policies', () => {
  let r: RepositoryDb;
  let councilSizes: CouncilSizesRepository;
  let organizations: OrganizationsRepository;
  let awardTypes: AwardTypesRepository;
  let province: string;
  let department: string;
  let unit: string;

  beforeAll(async () => {
    r = await openRepositoryDb();
    councilSizes = new CouncilSizesRepository(r.queries);
    organizations = new OrganizationsRepository(r.queries);
    awardTypes = new AwardTypesRepository(r.queries);
  });
  afterAll(async () => {
    await r.close();
  });
  beforeEach(async () => {
    await r.reset();
    province = await insertOrganization(r.db, { kind: 'PROVINCE' });
    department = await insertOrganization(r.db, { kind: 'DEPARTMENT', parentId: province });
    unit = await insertOrganization(r.db, { parentId: department });
  });

  const record = (organizationId: string, members: number, effectiveFrom: string) =>
    councilSizes.add({ organizationId, members, effectiveFrom, reference: `QĐ ${members}`, recordedByKeyId: null });

  it("takes the nearest council above the unit in force on the date, the latest recorded among a date's rows", async () => {
    expect(await councilSizes.inForce(unit, '2024-12-20')).toBeNull();
    await record(province, 15, '2020-01-01');
    await record(department, 9, '2024-01-01');
    expect(await councilSizes.inForce(unit, '2023-12-31')).toMatchObject({
      organizationId: province,
      members: 15,
      effectiveFrom: '2020-01-01',
    });
    expect(await councilSizes.inForce(unit, '2024-01-01')).toMatchObject({ organizationId: department, members: 9 });
    const correction = await record(department, 11, '2024-01-01');
    expect(await councilSizes.inForce(unit, '2024-06-01')).toEqual({
      id: correction.id,
      organizationId: department,
      members: 11,
      effectiveFrom: '2024-01-01',
    });
    await record(unit, 5, '2025-01-01');
    expect(await councilSizes.inForce(unit, '2024-12-31')).toMatchObject({ members: 11 });
    expect(await councilSizes.inForce(unit, '2025-01-01')).toMatchObject({ organizationId: unit, members: 5 });
    expect((await councilSizes.history(department)).map((row) => [row.effectiveFrom, row.members])).toEqual([
      ['2024-01-01', 11],
      ['2024-01-01', 9],
    ]);
  });

  it('answers many meetings in one statement exactly as inForce answers each', async () => {
    await record(province, 15, '2020-01-01');
    await record(department, 9, '2024-01-01');
    await record(department, 11, '2024-01-01');
    await record(unit, 5, '2025-01-01');
    const meetings = [
      { organizationId: unit, on: '2019-06-01' },
      { organizationId: unit, on: '2023-12-31' },
      { organizationId: unit, on: '2024-06-01' },
      { organizationId: unit, on: '2025-01-01' },
      { organizationId: department, on: '2025-01-01' },
      { organizationId: unit, on: '2024-06-01' },
    ];
    const sizes = await councilSizes.inForceOf(meetings);
    for (const m of meetings)
      expect(sizes.get(councilKey(m.organizationId, m.on)) ?? null).toBe(
        (await councilSizes.inForce(m.organizationId, m.on))?.members ?? null,
      );
    expect([...sizes.values()].sort()).toEqual([11, 11, 15, 5]);
    expect(await councilSizes.inForceOf([])).toEqual(new Map());
  });

  it('locks the organization it reads for update until the transaction ends', async () => {
    const tryLock = () => r.db.query('SELECT 1 FROM organizations WHERE id = $1 FOR UPDATE NOWAIT', [unit]);
    await r.transactions.run(async () => {
      expect((await organizations.findByIdForUpdate(unit))?.id).toBe(unit);
      await expect(tryLock()).rejects.toMatchObject({ driverError: { code: '55P03' } });
    });
    await expect(tryLock()).resolves.toHaveLength(1);
  });

  it('updates only the given columns of an organization; a new parent moves it', async () => {
    const updated = await organizations.update(unit, { parentId: province, shortName: 'TT' });
    expect(updated).toMatchObject({ id: unit, parentId: province, shortName: 'TT', kind: 'UNIT' });
    expect(await organizations.isWithin(department, unit)).toBe(false);
    expect(await organizations.isWithin(province, unit, true)).toBe(true);
  });

  it('sets and reads the vote policy of a code, null for a code the catalogue does not have', async () => {
    const original = (await awardTypes.votePolicy('CHIEN_SI_THI_DUA_CO_SO'))!;
    const set = await awardTypes.setVotePolicy('CHIEN_SI_THI_DUA_CO_SO', true, 0.75);
    expect(set).toEqual({ awardCode: 'CHIEN_SI_THI_DUA_CO_SO', required: true, passRatio: 0.75 });
    expect(await awardTypes.votePolicy('CHIEN_SI_THI_DUA_CO_SO')).toEqual(set);
    expect((await awardTypes.votePolicies()).find((p) => p.awardCode === 'CHIEN_SI_THI_DUA_CO_SO')).toEqual(set);
    expect(await awardTypes.setVotePolicy('NO_SUCH_CODE', true, 0.5)).toBeNull();
    const row = await awardTypes.findByCode('CHIEN_SI_THI_DUA_CO_SO');
    expect(row).toMatchObject({ code: 'CHIEN_SI_THI_DUA_CO_SO', voteRequired: true, votePassRatio: '0.750' });
    const order = (await awardTypes.findAll()).map((t) => t.sortOrder);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // award_types survives reset(): put the seeded policy back.
    await awardTypes.setVotePolicy('CHIEN_SI_THI_DUA_CO_SO', original.required, original.passRatio);
  });
});
