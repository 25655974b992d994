import { describe, expect, it } from '@jest/globals';
import {
  makeAwardRecord,
  makeIndividual,
  makeNomination,
  makeSubmittedNomination,
  makeTree,
  setRating,
  type Tree,
} from '../support/factories.js';
import { useTwoInstances } from '../support/lifecycle.js';
import { bearer } from '../support/test-app.js';
import { byDepartment, makeLdttBase, makeVotedCscsNomination, PASSING_VOTE } from '../support/world.js';

// Booting the application and building many records take longer than Jest's default 5 s on a busy machine.

const Y = 2024;

type Outcome = { status: number; rules: string[]; code?: string };

/**
 * Quotas and R-DUP-1 must hold with any number of concurrent requests and API instances (docs/rules.md, "Quotas"): two
 * instances of the application, each with its own connection pool and its own port, share one database, and
 * approvals are fired at both at once.
 */
describe('approval under concurrency, across two API instances', () => {
  const instances = useTwoInstances();
  const { t } = instances;

  /** Fires every approval at once, alternating between the two instances. */
  async function approveAll(ids: string[], token: string): Promise<Outcome[]> {
    const responses = await Promise.all(
      ids.map((id, i) =>
        (i % 2 === 0 ? instances.first : instances.second.http)
          .post(`/api/v1/nominations/${id}/approve`)
          .set(bearer(token)),
      ),
    );
    return responses.map((r) => ({
      status: r.status,
      code: r.body.code,
      rules: [...new Set(((r.body.violations ?? []) as { rule: string }[]).map((v) => v.rule))],
    }));
  }

  /** Submitted Giấy khen nominations of `count` new people of the unit, by the department; returns their ids. */
  async function submittedGiayKhens(tree: Tree, count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const person = await makeIndividual(t, tree.unit.id);
      ids.push((await makeSubmittedNomination(t, byDepartment(tree, Y, 'GIAY_KHEN', person.id))).id);
    }
    return ids;
  }

  /**
   * `count` new people of the unit, each with the record for both, a submitted Giấy khen by the department and a
   * voted Bằng khen tỉnh by the province (R-DUP-1 lets only one of each pair through); returns the pairs' ids.
   */
  async function giayKhenBangKhenPairs(tree: Tree, count: number): Promise<[string, string][]> {
    const pairs: [string, string][] = [];
    for (let i = 0; i < count; i++) {
      const person = await makeIndividual(t, tree.unit.id);
      for (const year of [2023, 2024]) {
        await makeAwardRecord(t, byDepartment(tree, year, 'CHIEN_SI_THI_DUA_CO_SO', person.id));
      }
      const giayKhen = await makeSubmittedNomination(t, byDepartment(tree, Y, 'GIAY_KHEN', person.id));
      const bangKhen = await makeSubmittedNomination(
        t,
        { year: Y, awardCode: 'BANG_KHEN_TINH', individualId: person.id, proposingOrganizationId: tree.province.id },
        { vote: PASSING_VOTE },
      );
      pairs.push([giayKhen.id, bangKhen.id]);
    }
    return pairs;
  }

  async function approvedCount(proposingOrganizationId: string, awardCode: string): Promise<number> {
    const [row] = await t.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM nominations WHERE proposing_organization_id = $1 AND award_code = $2 AND year = $3 AND status = 'APPROVED'`,
      [proposingOrganizationId, awardCode, Y],
    );
    return row.n;
  }

  it('both instances answer and share the data', async () => {
    await t.http.get('/api/v1/health/live').expect(200);
    await instances.second.http.get('/api/v1/health/live').expect(200);
    const tree = await makeTree(t);
    const read = await instances.second.http.get(`/api/v1/organizations/${tree.unit.id}`).expect(200);
    expect(read.body.id).toBe(tree.unit.id);
  });

  it('R-QUOTA-UNIT: 20 concurrent approvals against a quota of 3 approve exactly 3', async () => {
    const tree = await makeTree(t);
    const approver = await t.token('APPROVER', tree.department.id);
    // The department's quota is set from above it: by the province's approver.
    await instances.first
      .put('/api/v1/quotas')
      .set(bearer(await t.token('APPROVER', tree.province.id)))
      .send({ organizationId: tree.department.id, year: Y, awardCode: 'GIAY_KHEN', maxCount: 3 })
      .expect(200);
    const ids = await submittedGiayKhens(tree, 20);

    const outcomes = await approveAll(ids, approver);

    expect(outcomes.filter((o) => o.status === 200)).toHaveLength(3);
    const refused = outcomes.filter((o) => o.status !== 200);
    expect(refused).toHaveLength(17);
    for (const o of refused) expect(o).toEqual({ status: 422, code: 'RULE_VIOLATION', rules: ['R-QUOTA-UNIT'] });
    expect(await approvedCount(tree.department.id, 'GIAY_KHEN')).toBe(3);
    const quotas = await instances.first
      .get(`/api/v1/quotas?organizationId=${tree.department.id}&year=${Y}`)
      .set(bearer(approver))
      .expect(200);
    expect(quotas.body.items).toEqual([
      expect.objectContaining({ awardCode: 'CHIEN_SI_THI_DUA_CO_SO', rule: 'R-QUOTA-CSCS', source: 'SETTING' }),
      expect.objectContaining({
        awardCode: 'GIAY_KHEN',
        rule: 'R-QUOTA-UNIT',
        source: 'UNIT',
        limit: 3,
        used: 3,
        remaining: 0,
      }),
    ]);
  });

  it('R-QUOTA-CSCS: with 20 Lao động tiên tiến, 10 concurrent CSTĐ cơ sở approvals approve exactly 3', async () => {
    const tree = await makeTree(t);
    const approver = await t.token('APPROVER', tree.department.id);
    const people = await makeLdttBase(t, tree, Y, 20);
    const ids: string[] = [];
    for (const person of people.slice(0, 10)) ids.push((await makeVotedCscsNomination(t, tree, Y, person.id)).id);

    const outcomes = await approveAll(ids, approver);

    expect(outcomes.filter((o) => o.status === 200)).toHaveLength(3);
    for (const o of outcomes.filter((x) => x.status !== 200)) {
      expect(o).toEqual({ status: 422, code: 'RULE_VIOLATION', rules: ['R-QUOTA-CSCS'] });
    }
    expect(await approvedCount(tree.department.id, 'CHIEN_SI_THI_DUA_CO_SO')).toBe(3);
  });

  it('R-QUOTA-CSCS holds while its base grows concurrently: LĐTT and CSTĐ cơ sở approvals of one unit interleave', async () => {
    // 6 LĐTT already counted: floor(15 % × 6) = 0. Seven more LĐTT approvals race with five CSTĐ cơ sở approvals;
    // whatever the order, the CSTĐ cơ sở approved never exceed 15 % of the LĐTT counted at that moment, so at the
    // end at most floor(15 % × 13) = 1.
    const tree = await makeTree(t);
    const approver = await t.token('APPROVER', tree.department.id);
    const cscsIds: string[] = [];
    for (const person of (await makeLdttBase(t, tree, Y, 6)).slice(0, 5))
      cscsIds.push((await makeVotedCscsNomination(t, tree, Y, person.id)).id);
    const ldttIds: string[] = [];
    for (let i = 0; i < 7; i++) {
      const person = await makeIndividual(t, tree.unit.id);
      await setRating(t, person.id, Y, 'HTT');
      ldttIds.push((await makeSubmittedNomination(t, byDepartment(tree, Y, 'LAO_DONG_TIEN_TIEN', person.id))).id);
    }
    const interleaved = ldttIds.flatMap((id, i) => (cscsIds[i] ? [id, cscsIds[i]] : [id]));

    const outcomes = await approveAll(interleaved, approver);

    const ldttOutcomes = outcomes.filter((_, i) => ldttIds.includes(interleaved[i]));
    expect(ldttOutcomes.every((o) => o.status === 200)).toBe(true);
    const cscsApproved = await approvedCount(tree.department.id, 'CHIEN_SI_THI_DUA_CO_SO');
    expect(cscsApproved).toBeLessThanOrEqual(1);
    for (const o of outcomes.filter((x) => x.status !== 200)) expect(o.rules).toEqual(['R-QUOTA-CSCS']);
    // The history of each approved CSTĐ cơ sở shows the base it was judged on, and it was within it.
    const approved: { eligibility: { checks: { rule: string; limit: number; actual: number; passed: boolean }[] } }[] =
      await t.db.query(
        `SELECT eligibility FROM nominations WHERE award_code = 'CHIEN_SI_THI_DUA_CO_SO' AND status = 'APPROVED'`,
      );
    for (const row of approved) {
      const quota = row.eligibility.checks.find((c) => c.rule === 'R-QUOTA-CSCS');
      expect(quota).toMatchObject({ passed: true });
      expect(quota!.actual).toBeLessThanOrEqual(quota!.limit);
    }
  });

  it('R-DUP-1: a Giấy khen and a Bằng khen tỉnh of one person, proposed by two units, are never both approved', async () => {
    const tree = await makeTree(t);
    const approver = await t.token('APPROVER', tree.province.id);
    const pairs = await giayKhenBangKhenPairs(tree, 6);

    const outcomes = await approveAll(pairs.flat(), approver);

    for (let i = 0; i < pairs.length; i++) {
      const pair = [outcomes[2 * i], outcomes[2 * i + 1]];
      expect(pair.filter((o) => o.status === 200)).toHaveLength(1);
      expect(pair.find((o) => o.status !== 200)).toEqual({ status: 422, code: 'RULE_VIOLATION', rules: ['R-DUP-1'] });
    }
  });

  it('nominee locks before quota locks: lists naming one person through two units, in opposite orders, on both instances, each approve one of the pair', async () => {
    // Each list takes its nominees' locks, reads their facts, then the locks of both units (department, province);
    // single approvals take the same order, so nothing waits in a cycle and R-DUP-1 is decided under each person's
    // lock whichever request gets there first.
    const tree = await makeTree(t);
    const approver = await t.token('APPROVER', tree.province.id);
    const pairs = await giayKhenBangKhenPairs(tree, 4);
    const giayKhens = pairs.map((p) => p[0]);
    const bangKhens = pairs.map((p) => p[1]);
    const lists = [[...giayKhens, ...bangKhens], [...bangKhens].reverse().concat([...giayKhens].reverse())];

    const [batches, singles] = await Promise.all([
      Promise.all(
        lists.map((nominationIds, i) =>
          (i % 2 === 0 ? instances.first : instances.second.http)
            .post('/api/v1/nominations/approve')
            .set(bearer(approver))
            .send({ nominationIds }),
        ),
      ),
      approveAll([bangKhens[0], giayKhens[3]], approver),
    ]);

    for (const response of batches) expect(response.status).toBe(200);
    for (const o of singles) expect([200, 409, 422]).toContain(o.status);
    const approved = await t.db.query<{ id: string }[]>(
      `SELECT id FROM nominations WHERE id = ANY($1::uuid[]) AND status = 'APPROVED'`,
      [pairs.flat()],
    );
    const ids = new Set(approved.map((r) => r.id));
    for (const [a, b] of pairs) expect([ids.has(a), ids.has(b)].filter(Boolean)).toHaveLength(1);
  });

  it('R-QUOTA-UNIT: overlapping lists on both instances, with single approvals among them, approve exactly the quota', async () => {
    const tree = await makeTree(t);
    const approver = await t.token('APPROVER', tree.department.id);
    await instances.first
      .put('/api/v1/quotas')
      .set(bearer(await t.token('APPROVER', tree.province.id)))
      .send({ organizationId: tree.department.id, year: Y, awardCode: 'GIAY_KHEN', maxCount: 5 })
      .expect(200);
    const ids = await submittedGiayKhens(tree, 24);
    const lists = [ids.slice(0, 16), ids.slice(8).reverse(), ids.slice(4, 20), [...ids].reverse().slice(0, 12)];

    const [batches, singles] = await Promise.all([
      Promise.all(
        lists.map((nominationIds, i) =>
          (i % 2 === 0 ? instances.first : instances.second.http)
            .post('/api/v1/nominations/approve')
            .set(bearer(approver))
            .send({ nominationIds }),
        ),
      ),
      approveAll(
        ids.filter((_, i) => i % 3 === 0),
        approver,
      ),
    ]);

    expect(await approvedCount(tree.department.id, 'GIAY_KHEN')).toBe(5);
    const approvedBySingles = singles.filter((o) => o.status === 200).length;
    for (const o of singles.filter((x) => x.status !== 200)) {
      expect([409, 422]).toContain(o.status);
      if (o.status === 422) expect(o.rules).toEqual(['R-QUOTA-UNIT']);
    }
    let approvedByLists = 0;
    for (const response of batches) {
      expect(response.status).toBe(200);
      for (const item of response.body.items as {
        status: string;
        problem?: { code: string; violations?: { rule: string }[] };
      }[]) {
        if (item.status === 'APPROVED') approvedByLists++;
        else if (item.problem?.code === 'RULE_VIOLATION')
          expect(item.problem.violations?.map((v) => v.rule)).toEqual(['R-QUOTA-UNIT']);
        else expect(item.problem?.code).toBe('INVALID_STATE');
      }
    }
    // Every approval answered is one approval made: none twice, none past the quota.
    expect(approvedBySingles + approvedByLists).toBe(5);
    const [{ n }] = await t.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM nomination_events WHERE action = 'APPROVE'`,
    );
    expect(n).toBe(5);
  });

  it('approving one nomination from both instances at once approves it once; the other gets 409', async () => {
    const tree = await makeTree(t);
    const approver = await t.token('APPROVER', tree.department.id);
    const ids = await submittedGiayKhens(tree, 5);
    const outcomes = await approveAll(
      ids.flatMap((id) => [id, id]),
      approver,
    );
    for (let i = 0; i < ids.length; i++) {
      const statuses = [outcomes[2 * i].status, outcomes[2 * i + 1].status].sort();
      expect(statuses).toEqual([200, 409]);
    }
    const [{ n }] = await t.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM nomination_events WHERE action = 'APPROVE'`,
    );
    expect(n).toBe(ids.length);
    // A draft stays a draft.
    const draft = await makeNomination(t, byDepartment(tree, Y, 'GIAY_KHEN', { organizationId: tree.unit.id }));
    const [a, b] = await approveAll([draft.id, draft.id], approver);
    expect([a.status, b.status]).toEqual([409, 409]);
  });
});
