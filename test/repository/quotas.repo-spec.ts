import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { AwardTypesRepository } from '../../src/award-types/award-types.repository.js';
import { QuotasRepository, recordKey } from '../../src/quotas/quotas.repository.js';
import { makeApprovedNomination, makeAwardRecord } from '../support/factories.js';
import { insertIndividual, insertOrganization, openRepositoryDb, type RepositoryDb } from '../support/repository-db.js';

/**
 * What quotas count, on real PostgreSQL: `QuotasRepository` groups the record of a proposing organization and year
 * in SQL, and the rules (`countedByCode`, R-REVOKE-1) decide what counts — awards not revoked and APPROVED
 * nominations; revoked awards, nominations in any other status, other years and other proposers do not.
 */
describe('QuotasRepository counts', () => {
  let r: RepositoryDb;
  let quotas: QuotasRepository;
  let department: string;
  let unit: string;
  let otherDepartment: string;

  beforeAll(async () => {
    r = await openRepositoryDb();
    quotas = new QuotasRepository(r.queries);
  });
  afterAll(async () => {
    await r.close();
  });
  beforeEach(async () => {
    await r.reset();
    const province = await insertOrganization(r.db, { kind: 'PROVINCE' });
    department = await insertOrganization(r.db, { kind: 'DEPARTMENT', parentId: province });
    unit = await insertOrganization(r.db, { parentId: department });
    otherDepartment = await insertOrganization(r.db, { kind: 'DEPARTMENT', parentId: province });
  });

  const by = (proposer: string, year: number, awardCode: string, individualId: string) => ({
    proposingOrganizationId: proposer,
    year,
    awardCode,
    individualId,
  });

  /** The record the tests count: what counts for the department in 2024, and what must not. */
  async function makeRecord(): Promise<void> {
    const people = await Promise.all(Array.from({ length: 9 }, () => insertIndividual(r.db, unit)));
    // Counted: two awards and one APPROVED nomination of LĐTT, one CSTĐ cơ sở award.
    await makeAwardRecord(r, by(department, 2024, 'LAO_DONG_TIEN_TIEN', people[0]));
    await makeAwardRecord(r, by(department, 2024, 'LAO_DONG_TIEN_TIEN', people[1]));
    await makeApprovedNomination(r, by(department, 2024, 'LAO_DONG_TIEN_TIEN', people[2]));
    await makeAwardRecord(r, by(department, 2024, 'CHIEN_SI_THI_DUA_CO_SO', people[3]));
    // Not counted: a revoked award, a nomination still SUBMITTED, another year, another proposer.
    await makeAwardRecord(r, { ...by(department, 2024, 'LAO_DONG_TIEN_TIEN', people[4]), revoked: true });
    await makeApprovedNomination(r, {
      ...by(department, 2024, 'CHIEN_SI_THI_DUA_CO_SO', people[5]),
      status: 'SUBMITTED',
    });
    await makeAwardRecord(r, by(department, 2023, 'LAO_DONG_TIEN_TIEN', people[6]));
    await makeApprovedNomination(r, by(otherDepartment, 2024, 'LAO_DONG_TIEN_TIEN', people[7]));
  }

  it('counts awards not revoked and APPROVED nominations of the proposer and year, per code', async () => {
    await makeRecord();
    expect(await quotas.countedByCode(department, 2024)).toEqual({
      LAO_DONG_TIEN_TIEN: 3,
      CHIEN_SI_THI_DUA_CO_SO: 1,
    });
    expect(await quotas.countedByCode(department, 2023)).toEqual({ LAO_DONG_TIEN_TIEN: 1 });
    expect(await quotas.countedByCode(otherDepartment, 2024)).toEqual({ LAO_DONG_TIEN_TIEN: 1 });
    expect(await quotas.countedByCode(unit, 2024)).toEqual({});
  });

  it('gives an approval, in its transaction, the same counts along with its unit quotas and vote policy', async () => {
    await makeRecord();
    await quotas.upsertUnitQuota({
      organizationId: department,
      year: 2024,
      awardCode: 'CHIEN_SI_THI_DUA_CO_SO',
      maxCount: 2,
      maxRatio: null,
      ratioOf: null,
    });
    const figures = await r.transactions.run(() =>
      quotas.approvalFiguresOf([{ organizationId: department, year: 2024, awardCode: 'CHIEN_SI_THI_DUA_CO_SO' }]),
    );
    expect(figures.counts.get(recordKey(department, 2024))).toEqual(await quotas.countedByCode(department, 2024));
    expect(figures.unitQuotas).toEqual([
      expect.objectContaining({ organizationId: department, awardCode: 'CHIEN_SI_THI_DUA_CO_SO', maxCount: 2 }),
    ]);
    expect(figures.unitQuotas[0].updatedAt).toBeInstanceOf(Date);
    // The vote policy read with the figures is the catalogue's, as its owner (award-types) reads it.
    const awardTypes = new AwardTypesRepository(r.queries);
    expect(figures.votePolicies.get('CHIEN_SI_THI_DUA_CO_SO')).toEqual(
      await awardTypes.votePolicy('CHIEN_SI_THI_DUA_CO_SO'),
    );
  });

  it('reads the bases of many approvals (headcounts, subtree Lao động tiên tiến) in the one figures statement', async () => {
    await makeRecord();
    await quotas.upsertUnitQuota({
      organizationId: department,
      year: 2024,
      awardCode: 'GIAY_KHEN',
      maxCount: null,
      maxRatio: 0.5,
      ratioOf: 'HEADCOUNT',
    });
    const groups = [
      { organizationId: department, year: 2024, awardCode: 'GIAY_KHEN' as const },
      { organizationId: department, year: 2024, awardCode: 'CHIEN_SI_THI_DUA_CO_SO' as const },
      { organizationId: unit, year: 2024, awardCode: 'CHIEN_SI_THI_DUA_CO_SO' as const },
      { organizationId: otherDepartment, year: 2023, awardCode: 'CHIEN_SI_THI_DUA_CO_SO' as const },
    ];
    const figures = await r.transactions.run(() => quotas.approvalFiguresOf(groups));
    // Only the department has a HEADCOUNT ratio quota among the groups.
    expect(figures.headcounts).toEqual(new Map([[department, await quotas.headcount(department)]]));
    expect(figures.subtreeLdtt).toEqual(
      new Map([
        [`${department}:2024`, await quotas.subtreeCounted(department, 2024, 'LAO_DONG_TIEN_TIEN')],
        [`${unit}:2024`, await quotas.subtreeCounted(unit, 2024, 'LAO_DONG_TIEN_TIEN')],
        [`${otherDepartment}:2023`, 0],
      ]),
    );
    // The department's subtree: its two awards, its approved nomination and the other department's approved one
    // for a person of the unit (the revoked award and the other year do not count).
    expect(figures.subtreeLdtt.get(`${department}:2024`)).toBe(4);
  });

  it("counts the headcount of an organization's whole subtree through the closure table", async () => {
    await Promise.all([insertIndividual(r.db, department), insertIndividual(r.db, unit), insertIndividual(r.db, unit)]);
    await insertIndividual(r.db, otherDepartment);
    expect(await quotas.headcount(department)).toBe(3);
    expect(await quotas.headcount(unit)).toBe(2);
    expect(await quotas.headcount(otherDepartment)).toBe(1);
  });
});
