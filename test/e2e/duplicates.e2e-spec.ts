import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { duplicateClashes, type AwardCode, type AwardHistoryItem, type Basis } from '../../src/rules/index.js';
import {
  importCsv,
  makeApprovedNomination,
  makeAwardRecord,
  makeDecision,
  makeIndividual,
  makeTree,
  revokeAward,
  type Tree,
} from '../support/factories.js';
import { useTwoInstances } from '../support/lifecycle.js';
import { bearer, BOOTSTRAP_TOKEN } from '../support/test-app.js';
import { byDepartment } from '../support/world.js';

const Y = 2024;
const ADMIN = bearer(BOOTSTRAP_TOKEN);

type Check = { rule: string; passed: boolean };
type Body = Record<string, unknown>;

/** The body of POST /nominations (and /check) for a nominee of the tree, proposed by the department. */
function nominationBody(tree: Tree, individualId: string, over: Body = {}): Body {
  return {
    ...byDepartment(tree, Y, 'GIAY_KHEN', individualId),
    basis: 'REGULAR',
    achievements: 'Hoàn thành xuất sắc nhiệm vụ năm 2024',
    ...over,
  };
}

/** R-DUP-1 as `/check` reports it: passed when it passes or does not apply (a basis other than REGULAR). */
function dupPasses(checks: Check[]): boolean {
  return checks.filter((c) => c.rule === 'R-DUP-1').every((c) => c.passed);
}

/**
 * R-DUP-1 (Law 2022 principles: one achievement is rewarded once) is decided once, by the rule engine, and
 * `POST /nominations/check` and `POST /nominations` never disagree on it — after a revocation (R-REVOKE-1), under
 * concurrency across two API instances, and over generated records.
 */
describe('R-DUP-1: /check and creation agree', () => {
  const instances = useTwoInstances();
  const { t } = instances;

  it('after the award is revoked, /check says eligible and POST /nominations creates the nomination (201)', async () => {
    const tree = await makeTree(t);
    const person = await makeIndividual(t, tree.unit.id);
    const body = nominationBody(tree, person.id);

    // Proposed, submitted, approved, decided: the award stands, so a second regular Giấy khen of 2024 is refused.
    const first = await t.http.post('/api/v1/nominations').set(ADMIN).send(body).expect(201);
    await t.http.post(`/api/v1/nominations/${first.body.id}/submit`).set(ADMIN).expect(200);
    await t.http.post(`/api/v1/nominations/${first.body.id}/approve`).set(ADMIN).expect(200);
    const decision = await makeDecision(t, {
      issuerOrganizationId: tree.department.id,
      issuedOn: '2025-01-20',
      nominationIds: [first.body.id],
    });
    const before = await t.http.post('/api/v1/nominations/check').set(ADMIN).send(body).expect(200);
    expect(dupPasses(before.body.eligibility.checks)).toBe(false);
    const refused = await t.http.post('/api/v1/nominations').set(ADMIN).send(body).expect(409);
    expect(refused.body).toMatchObject({ code: 'DUPLICATE_NOMINATION', violations: [{ rule: 'R-DUP-1' }] });

    // Revoked (R-REVOKE-1): the award stays in history but no longer counts, nor does its DECIDED nomination.
    await revokeAward(t, decision.id, decision.awards[0].id, 'Khai man thành tích');
    const after = await t.http.post('/api/v1/nominations/check').set(ADMIN).send(body).expect(200);
    expect(after.body.eligibility.eligible).toBe(true);
    expect(after.body.eligibility.checks).toContainEqual(expect.objectContaining({ rule: 'R-DUP-1', passed: true }));
    const created = await t.http.post('/api/v1/nominations').set(ADMIN).send(body).expect(201);
    expect(created.body.status).toBe('DRAFT');
    // Now the new DRAFT is an open proposal of the code: /check and creation refuse a third one alike.
    const third = await t.http.post('/api/v1/nominations/check').set(ADMIN).send(body).expect(200);
    expect(dupPasses(third.body.eligibility.checks)).toBe(false);
    await t.http.post('/api/v1/nominations').set(ADMIN).send(body).expect(409);
    // The revoked award stays in history.
    const [award] = await t.db.query<{ revoked: boolean }[]>(
      `SELECT revoked_at IS NOT NULL AS revoked FROM awards WHERE id = $1`,
      [decision.awards[0].id],
    );
    expect(award.revoked).toBe(true);
  });

  it('the import judges R-DUP-1 as creation does: allowed again after the revocation, refused twice in one file', async () => {
    const tree = await makeTree(t);
    const person = await makeIndividual(t, tree.unit.id);
    const award = await makeAwardRecord(t, byDepartment(tree, Y, 'GIAY_KHEN', person.id));
    const row = [String(Y), 'GIAY_KHEN', 'REGULAR', person.id, '', tree.department.id, 'Hoàn thành xuất sắc'];
    const header = ['year', 'awardCode', 'basis', 'individualId', 'organizationId', 'proposingOrganizationId'];
    const upload = (rows: string[][], name: string) =>
      t.http
        .post('/api/v1/nominations/import')
        .set(ADMIN)
        .attach('file', importCsv([[...header, 'achievements'], ...rows]), name);

    const refused = await upload([row], 'a.csv').expect(422);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ row: 2, message: expect.stringContaining('R-DUP-1') }),
    ]);
    await revokeAward(t, award.decisionId, award.id, 'Khai man thành tích');
    const twice = await upload([row, [...row.slice(0, 6), 'Lần hai']], 'b.csv').expect(422);
    expect(twice.body.errors).toEqual([
      expect.objectContaining({ row: 3, message: expect.stringContaining('trùng với dòng 2') }),
    ]);
    const imported = await upload([row], 'c.csv').expect(201);
    expect(imported.body.created).toBe(1);
  });

  it('two creations of the same regular nomination at once, on two instances: exactly one succeeds', async () => {
    const tree = await makeTree(t);
    const people = [];
    for (let i = 0; i < 6; i++) people.push(await makeIndividual(t, tree.unit.id));
    const responses = await Promise.all(
      people.flatMap((p) =>
        [instances.first, instances.second.http].map((http) =>
          http.post('/api/v1/nominations').set(ADMIN).send(nominationBody(tree, p.id)),
        ),
      ),
    );
    for (let i = 0; i < people.length; i++) {
      const pair = [responses[2 * i], responses[2 * i + 1]];
      expect(pair.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(pair.find((r) => r.status === 409)!.body.code).toBe('DUPLICATE_NOMINATION');
    }
    const [{ n }] = await t.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM nominations WHERE individual_id = ANY($1::uuid[])`,
      [people.map((p) => p.id)],
    );
    expect(n).toBe(people.length);
  });

  describe('property: over generated records, the engine, /check and creation give one verdict', () => {
    const CODES: AwardCode[] = ['GIAY_KHEN', 'BANG_KHEN_TINH', 'BANG_KHEN_THU_TUONG', 'LAO_DONG_TIEN_TIEN'];
    const STATUSES = ['DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'DECIDED'] as const;
    const item = fc.record({
      kind: fc.constantFrom('AWARD' as const, 'NOMINATION' as const),
      awardCode: fc.constantFrom(...CODES),
      year: fc.constantFrom(Y - 1, Y),
      basis: fc.constantFrom<Basis>('REGULAR', 'REGULAR', 'THEMATIC'),
      revoked: fc.boolean(),
      status: fc.constantFrom(...STATUSES),
    });
    const candidate = fc.record({
      awardCode: fc.constantFrom<AwardCode>('GIAY_KHEN', 'BANG_KHEN_TINH', 'BANG_KHEN_THU_TUONG'),
      year: fc.constantFrom(Y - 1, Y),
      basis: fc.constantFrom<Basis>('REGULAR', 'REGULAR', 'REGULAR', 'THEMATIC'),
    });

    it('R-DUP-1 fails in /check ⇔ creation answers 409 DUPLICATE_NOMINATION ⇔ the engine finds a clash', async () => {
      const tree = await makeTree(t);
      let refusedRuns = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(item, { maxLength: 5 }), candidate, async (items, wanted) => {
          const person = await makeIndividual(t, tree.unit.id);
          const model: AwardHistoryItem[] = [];
          for (const it of items) {
            const where = byDepartment(tree, it.year, it.awardCode, person.id);
            if (it.kind === 'AWARD' || it.status === 'DECIDED') {
              const award = await makeAwardRecord(t, { ...where, basis: it.basis, revoked: it.revoked });
              model.push({ source: 'AWARD', ...pick(it), revoked: it.revoked });
              if (it.kind === 'AWARD') continue;
              // A DECIDED nomination, with its decision and award.
              const n = await makeApprovedNomination(t, { ...where, basis: it.basis, status: 'APPROVED' });
              await t.db.query(`UPDATE nominations SET status = 'DECIDED', decision_id = $2 WHERE id = $1`, [
                n.id,
                award.decisionId,
              ]);
              model.push({ source: 'NOMINATION', id: n.id, ...pick(it), status: 'DECIDED' });
            } else {
              const n = await makeApprovedNomination(t, { ...where, basis: it.basis, status: it.status });
              model.push({ source: 'NOMINATION', id: n.id, ...pick(it), status: it.status });
            }
          }
          const body = nominationBody(tree, person.id, wanted);
          const checked = await t.http.post('/api/v1/nominations/check').set(ADMIN).send(body).expect(200);
          const engineSays = duplicateClashes(wanted, model).length === 0;
          const checkSays = dupPasses(checked.body.eligibility.checks);
          const created = await t.http.post('/api/v1/nominations').set(ADMIN).send(body);
          expect(checkSays).toBe(engineSays);
          if (checkSays) {
            expect(created.status).toBe(201);
          } else {
            refusedRuns++;
            expect(created.status).toBe(409);
            expect(created.body).toMatchObject({ code: 'DUPLICATE_NOMINATION', violations: [{ rule: 'R-DUP-1' }] });
          }
        }),
        { numRuns: 25, seed: 20260112 },
      );
      // The generated records exercised both verdicts.
      expect(refusedRuns).toBeGreaterThan(0);
      expect(refusedRuns).toBeLessThan(25);
    });
  });
});

function pick(it: { awardCode: AwardCode; year: number; basis: Basis }) {
  return { awardCode: it.awardCode, year: it.year, basis: it.basis };
}
