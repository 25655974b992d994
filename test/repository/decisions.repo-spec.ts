import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { DecisionsRepository, type NewDecision } from '../../src/decisions/decisions.repository.js';
import { insertIndividual, insertOrganization, openRepositoryDb, type RepositoryDb } from '../support/repository-db.js';

/** `DecisionsRepository` on real PostgreSQL: keyset pages, the number series' lock and numbering, open holds. */
describe('DecisionsRepository', () => {
  let r: RepositoryDb;
  let decisions: DecisionsRepository;
  let issuer: string;

  beforeAll(async () => {
    r = await openRepositoryDb();
    decisions = new DecisionsRepository(r.queries);
  });
  afterAll(async () => {
    await r.close();
  });
  beforeEach(async () => {
    await r.reset();
    issuer = await insertOrganization(r.db, { kind: 'PROVINCE' });
  });

  const decision = (number: number, issuedOn: string): NewDecision => ({
    issuerOrganizationId: issuer,
    authority: 'PROVINCE_CHAIR',
    year: Number(issuedOn.slice(0, 4)),
    number,
    numberText: `${number}/QĐ-UBND`,
    issuedOn,
    signerName: 'Vừ A Bằng',
    signerTitle: 'Phó Chủ tịch',
    signingMode: 'ON_BEHALF',
    regime: 'TDKT_2022_ND98',
    createdByKeyId: null,
  });

  it('serves decisions newest first by (issued on, id), page by page, with the issuer and the line count', async () => {
    const ids = await r.transactions.run(async () => [
      await decisions.insert(decision(1, '2024-03-01')),
      await decisions.insert(decision(2, '2024-05-01')),
      await decisions.insert(decision(3, '2024-04-01')),
    ]);
    const first = await decisions.list({ limit: 1 });
    expect(first.map((row) => row.id)).toEqual([ids[1], ids[2]]);
    expect(first[0]).toMatchObject({
      number: 2,
      numberText: '2/QĐ-UBND',
      year: 2024,
      issuedOn: '2024-05-01',
      issuerId: issuer,
      authority: 'PROVINCE_CHAIR',
      awardCount: 0,
    });
    expect(first[0].createdAt).toBeInstanceOf(Date);
    const second = await decisions.list({ limit: 1, after: [first[0].issuedOn, first[0].id] });
    expect(second.map((row) => row.id)).toEqual([ids[2], ids[0]]);
    expect(await decisions.list({ limit: 5, year: 2023 })).toEqual([]);
    expect((await decisions.findById(ids[0]))?.numberText).toBe('1/QĐ-UBND');
  });

  it('numbers a series without gaps: a second writer waits on the series lock and sees the first one’s number', async () => {
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstLocked!: () => void;
    const locked = new Promise<void>((resolve) => (firstLocked = resolve));
    const first = r.transactions.run(async () => {
      await decisions.lockNumberSeries(issuer, 2024);
      firstLocked();
      const number = await decisions.nextNumber(issuer, 2024);
      await firstHolds;
      await decisions.insert(decision(number, '2024-06-01'));
      return number;
    });
    await locked;
    let secondGotLock = false;
    const second = r.transactions.run(async () => {
      await decisions.lockNumberSeries(issuer, 2024);
      secondGotLock = true;
      const number = await decisions.nextNumber(issuer, 2024);
      await decisions.insert(decision(number, '2024-06-02'));
      return number;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(secondGotLock).toBe(false);
    releaseFirst();
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    // Another year is another series.
    expect(await r.transactions.run(() => decisions.nextNumber(issuer, 2025))).toBe(1);
    expect(await r.transactions.run(() => decisions.findByNumber(issuer, 2024, 2))).toMatchObject({
      numberText: '2/QĐ-UBND',
    });
  });

  it('counts only open disciplinary cases per individual', async () => {
    const unit = await insertOrganization(r.db, { parentId: issuer });
    const held = await insertIndividual(r.db, unit);
    const closed = await insertIndividual(r.db, unit);
    await r.db.query(
      `INSERT INTO disciplinary_cases (individual_id, kind, opened_on, closed_on)
       VALUES ($1, 'DISCIPLINE', '2024-01-01', NULL), ($1, 'INVESTIGATION', '2024-02-01', NULL),
              ($2, 'DISCIPLINE', '2024-01-01', '2024-03-01')`,
      [held, closed],
    );
    const holds = await r.transactions.run(() => decisions.openHolds([held, closed]));
    expect([...holds]).toEqual([[held, 2]]);
  });
});
