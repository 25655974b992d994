import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import pg from 'pg';
import {
  makeAwardRecord,
  makeIndividual,
  makeNomination,
  makeRatedIndividual,
  makeSubmittedNomination,
  openDisciplinaryCase,
  setRating,
  type Tree,
} from '../support/factories.js';
import { useTestApp } from '../support/lifecycle.js';
import { BOOTSTRAP_TOKEN, bearer, type TestApp } from '../support/test-app.js';
import { byDepartment, makeLdttBase, makeVotedCscsNomination, makeWorld, PASSING_VOTE } from '../support/world.js';

// Booting the application and building many records take longer than Jest's default 5 s on a busy machine.

const Y = 2024;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const admin = bearer(BOOTSTRAP_TOKEN);

type Item = { id: string; status: string; problem?: Record<string, unknown> };

/** A problem as a single request answers it, without what names the request (its path and id). */
const comparable = (problem: Record<string, unknown>) => {
  const { instance: _instance, requestId: _requestId, ...rest } = problem;
  return rest;
};

/** Sets the department's unit quota (chỉ tiêu) of Giấy khen for the year, from above it. */
async function giayKhenQuota(t: TestApp, tree: Tree, maxCount: number): Promise<void> {
  await t.http
    .put('/api/v1/quotas')
    .set(admin)
    .send({ organizationId: tree.department.id, year: Y, awardCode: 'GIAY_KHEN', maxCount })
    .expect(200);
}

/** A SUBMITTED Giấy khen of the year for a new person of the unit, proposed by the department. */
async function submittedGiayKhen(t: TestApp, tree: Tree): Promise<string> {
  const person = await makeIndividual(t, tree.unit.id);
  return (await makeSubmittedNomination(t, byDepartment(tree, Y, 'GIAY_KHEN', person.id))).id;
}

describe('batch approval and rejection (POST /nominations/approve, /nominations/reject)', () => {
  const t = useTestApp();
  const post = (path: string, auth: Record<string, string>, payload?: object) => {
    const request = t.http.post(`/api/v1/nominations${path}`).set(auth);
    return payload === undefined ? request : request.send(payload);
  };
  const statusOf = async (id: string): Promise<string> =>
    (await t.db.query<{ status: string }[]>('SELECT status FROM nominations WHERE id = $1', [id]))[0].status;

  it('judges a mixed list item by item, each refusal carrying the problem the single approval answers', async () => {
    const { tree, approver } = await makeWorld(t);
    await giayKhenQuota(t, tree, 2);
    const first = await submittedGiayKhen(t, tree);
    const second = await submittedGiayKhen(t, tree);
    const overQuota = await submittedGiayKhen(t, tree);
    // Eligible when submitted, no longer at approval: the rating was corrected (R-LDTT-1).
    const downgraded = await makeRatedIndividual(t, tree.unit.id, 'HTT');
    const ineligible = (await makeSubmittedNomination(t, byDepartment(tree, Y, 'LAO_DONG_TIEN_TIEN', downgraded.id)))
      .id;
    await setRating(t, downgraded.id, Y, 'HT');
    // An open case since submission holds the approval (R-HOLD-1).
    const heldPerson = await makeRatedIndividual(t, tree.unit.id, 'HTT');
    const held = (await makeSubmittedNomination(t, byDepartment(tree, Y, 'LAO_DONG_TIEN_TIEN', heldPerson.id))).id;
    await openDisciplinaryCase(t, heldPerson.id, 'INSPECTION');
    // A CSTĐ cơ sở needs a council vote (R-VOTE-1); none was recorded.
    const unvotedPerson = await makeRatedIndividual(t, tree.unit.id, 'HTXS');
    await makeAwardRecord(t, byDepartment(tree, Y, 'LAO_DONG_TIEN_TIEN', unvotedPerson.id));
    await makeLdttBase(t, tree, Y, 7);
    const unvoted = (
      await makeSubmittedNomination(t, byDepartment(tree, Y, 'CHIEN_SI_THI_DUA_CO_SO', unvotedPerson.id))
    ).id;
    // Proposed by the other department: outside the approver's scope.
    const elsewhere = await makeIndividual(t, tree.otherDepartment.id);
    const outOfScope = (
      await makeSubmittedNomination(t, {
        year: Y,
        awardCode: 'GIAY_KHEN',
        individualId: elsewhere.id,
        proposingOrganizationId: tree.otherDepartment.id,
      })
    ).id;
    const draft = (
      await makeNomination(t, byDepartment(tree, Y, 'GIAY_KHEN', (await makeIndividual(t, tree.unit.id)).id))
    ).id;

    const list = [first, ineligible, held, unvoted, second, overQuota, outOfScope, UNKNOWN_ID, first, draft];
    const response = await post('/approve', approver, { nominationIds: list }).expect(200);

    const items: Item[] = response.body.items;
    expect(items.map((i) => i.id)).toEqual(list);
    expect(items.map((i) => i.status)).toEqual([
      'APPROVED',
      'REFUSED',
      'REFUSED',
      'REFUSED',
      'APPROVED',
      'REFUSED',
      'REFUSED',
      'REFUSED',
      'REFUSED',
      'REFUSED',
    ]);
    expect(response.body).toMatchObject({ moved: 2, refused: 8 });
    const rulesOf = (item: Item) => ((item.problem?.violations ?? []) as { rule: string }[]).map((v) => v.rule);
    expect(rulesOf(items[1])).toEqual(['R-LDTT-1']);
    expect(rulesOf(items[2])).toEqual(['R-HOLD-1']);
    expect(rulesOf(items[3])).toEqual(['R-VOTE-1']);
    expect(items[5].problem?.violations).toEqual([
      expect.objectContaining({ rule: 'R-QUOTA-UNIT', limit: 2, actual: 3 }),
    ]);
    expect(items.slice(6).map((i) => [i.problem?.status, i.problem?.code])).toEqual([
      [403, 'OUT_OF_SCOPE'],
      [404, 'NOT_FOUND'],
      [409, 'INVALID_STATE'],
      [409, 'INVALID_STATE'],
    ]);

    // Nothing else moved, and each refusal is exactly what the single approval answers now.
    for (const id of [first, second]) expect(await statusOf(id)).toBe('APPROVED');
    for (const id of [ineligible, held, unvoted, overQuota, outOfScope]) expect(await statusOf(id)).toBe('SUBMITTED');
    for (const [i, id] of list.entries()) {
      if (items[i].status !== 'REFUSED') continue;
      const single = await post(`/${id}/approve`, approver);
      expect(single.status).toBe(items[i].problem?.status);
      expect(comparable(items[i].problem as Record<string, unknown>)).toEqual(comparable(single.body));
    }
  });

  it('writes the same history row and audit trail as a single approval', async () => {
    const { tree, approver } = await makeWorld(t);
    const viaBatch = await submittedGiayKhen(t, tree);
    const viaSingle = await submittedGiayKhen(t, tree);
    await post('/approve', approver, { nominationIds: [viaBatch] }).expect(200);
    await post(`/${viaSingle}/approve`, approver).expect(200);

    const detail = async (id: string) => (await t.http.get(`/api/v1/nominations/${id}`).set(approver).expect(200)).body;
    const [batch, single] = [await detail(viaBatch), await detail(viaSingle)];
    const lastEvent = (d: { history: Record<string, unknown>[] }) => {
      const { at: _at, ...event } = d.history[d.history.length - 1];
      return event;
    };
    expect(lastEvent(batch)).toEqual(lastEvent(single));
    expect(lastEvent(batch)).toMatchObject({ action: 'APPROVE', fromStatus: 'SUBMITTED', toStatus: 'APPROVED' });
    expect(batch.eligibility).toEqual(single.eligibility);
    expect(batch.status).toBe('APPROVED');

    const audit = async (id: string) => {
      const rows = await t.db.query<
        { action: string; actor_role: string; before: Record<string, unknown>; after: Record<string, unknown> }[]
      >(
        `SELECT action, actor_role, before, after FROM audit_events
          WHERE entity_id = $1 AND after->>'status' = 'APPROVED' ORDER BY seq`,
        [id],
      );
      return rows.map((r) => ({
        action: r.action,
        actorRole: r.actor_role,
        changed: Object.keys(r.after)
          .filter((k) => JSON.stringify(r.after[k]) !== JSON.stringify(r.before?.[k]))
          .sort(),
      }));
    };
    const [batchAudit, singleAudit] = [await audit(viaBatch), await audit(viaSingle)];
    expect(batchAudit).toHaveLength(1);
    expect(batchAudit).toEqual(singleAudit);
  });

  it('a council vote, R-DUP-1 and R-QUOTA-CSCS see the items approved earlier in the same list', async () => {
    const { tree, approver } = await makeWorld(t);
    // R-DUP-1: a Giấy khen and a Bằng khen tỉnh of one person and year are one reward; the first in the list wins.
    const person = await makeRatedIndividual(t, tree.unit.id, 'HTT');
    // (Its prerequisites were proposed by the unit: the department's CSTĐ cơ sở quota does not count them.)
    for (const year of [2023, 2024])
      await makeAwardRecord(t, {
        ...byDepartment(tree, year, 'CHIEN_SI_THI_DUA_CO_SO', person.id),
        proposingOrganizationId: tree.unit.id,
      });
    const giayKhen = (await makeSubmittedNomination(t, byDepartment(tree, Y, 'GIAY_KHEN', person.id))).id;
    const bangKhen = (
      await makeSubmittedNomination(t, byDepartment(tree, Y, 'BANG_KHEN_TINH', person.id), { vote: PASSING_VOTE })
    ).id;
    // R-QUOTA-CSCS: 6 Lao động tiên tiến counted allow floor(15 % × 6) = 0 CSTĐ cơ sở; a 7th approved earlier in
    // the list raises that to 1.
    const base = await makeLdttBase(t, tree, Y, 6);
    await setRating(t, base[0].id, Y, 'HTXS');
    const cscs = (
      await makeSubmittedNomination(t, byDepartment(tree, Y, 'CHIEN_SI_THI_DUA_CO_SO', base[0].id), {
        vote: PASSING_VOTE,
      })
    ).id;
    const seventh = await makeRatedIndividual(t, tree.unit.id, 'HTT');
    const ldtt = (await makeSubmittedNomination(t, byDepartment(tree, Y, 'LAO_DONG_TIEN_TIEN', seventh.id))).id;

    const response = await post('/approve', approver, { nominationIds: [cscs, ldtt, cscs, bangKhen, giayKhen] });
    const items: Item[] = response.body.items;
    expect(items.map((i) => i.status)).toEqual(['REFUSED', 'APPROVED', 'APPROVED', 'APPROVED', 'REFUSED']);
    expect(items[0].problem?.violations).toEqual([
      expect.objectContaining({ rule: 'R-QUOTA-CSCS', limit: 0, actual: 1 }),
    ]);
    expect(items[4].problem?.violations).toEqual([expect.objectContaining({ rule: 'R-DUP-1' })]);
  });

  it('a collective title judged on its members sees a member approved earlier in the list (R-TTTT-1)', async () => {
    const { tree, approver } = await makeWorld(t);
    // 3 of 4 members hold Lao động tiên tiến: more than half, so the collective title can be submitted.
    const members = [];
    for (let i = 0; i < 4; i++) members.push(await makeRatedIndividual(t, tree.unit.id, 'HTT'));
    for (const m of members.slice(0, 3)) await makeAwardRecord(t, byDepartment(tree, Y, 'LAO_DONG_TIEN_TIEN', m.id));
    const collective = await makeSubmittedNomination(
      t,
      byDepartment(tree, Y, 'TAP_THE_LAO_DONG_TIEN_TIEN', { organizationId: tree.unit.id }),
    );
    // Two more members: 3 of 6 is not more than half, until a member's Lao động tiên tiến is approved.
    const late = [await makeRatedIndividual(t, tree.unit.id, 'HTT'), await makeRatedIndividual(t, tree.unit.id, 'HTT')];
    const memberLdtt = (await makeSubmittedNomination(t, byDepartment(tree, Y, 'LAO_DONG_TIEN_TIEN', late[0].id))).id;
    const before = await post(`/${collective.id}/approve`, approver).expect(422);
    expect(before.body.violations).toEqual([expect.objectContaining({ rule: 'R-TTTT-1', limit: 4, actual: 3 })]);

    const response = await post('/approve', approver, { nominationIds: [memberLdtt, collective.id] }).expect(200);
    expect(response.body.items.map((i: Item) => i.status)).toEqual(['APPROVED', 'APPROVED']);
    expect(await statusOf(collective.id)).toBe('APPROVED');
  });

  /** The kinds of dossier the property below mixes, each judged by different rules. */
  const KINDS = ['GIAY_KHEN', 'HELD', 'LDTT', 'DUPLICATE', 'CSCS'] as const;
  type Kind = (typeof KINDS)[number];

  /**
   * A world of its own (a new tree) holding one dossier per kind, in order: the department's Giấy khen quota, six
   * Lao động tiên tiến counted (so the CSTĐ cơ sở quota opens only with a seventh), and the SUBMITTED nominations.
   * Returns the department's approver and the nomination ids.
   */
  async function dossiers(kinds: readonly Kind[], quota: number | null) {
    const { tree, approver } = await makeWorld(t);
    if (quota !== null) await giayKhenQuota(t, tree, quota);
    await makeLdttBase(t, tree, Y, 6);
    const ids: string[] = [];
    for (const kind of kinds) {
      const person = await makeRatedIndividual(t, tree.unit.id, 'HTT');
      if (kind === 'GIAY_KHEN' || kind === 'HELD') {
        ids.push((await makeSubmittedNomination(t, byDepartment(tree, Y, 'GIAY_KHEN', person.id))).id);
        if (kind === 'HELD') await openDisciplinaryCase(t, person.id, 'INSPECTION');
      } else if (kind === 'LDTT') {
        ids.push((await makeSubmittedNomination(t, byDepartment(tree, Y, 'LAO_DONG_TIEN_TIEN', person.id))).id);
      } else if (kind === 'DUPLICATE') {
        for (const year of [2023, 2024])
          await makeAwardRecord(t, {
            ...byDepartment(tree, year, 'CHIEN_SI_THI_DUA_CO_SO', person.id),
            proposingOrganizationId: tree.unit.id,
          });
        ids.push((await makeSubmittedNomination(t, byDepartment(tree, Y, 'GIAY_KHEN', person.id))).id);
        ids.push(
          (
            await makeSubmittedNomination(t, byDepartment(tree, Y, 'BANG_KHEN_TINH', person.id), {
              vote: PASSING_VOTE,
            })
          ).id,
        );
      } else {
        await makeAwardRecord(t, byDepartment(tree, Y, 'LAO_DONG_TIEN_TIEN', person.id));
        ids.push((await makeVotedCscsNomination(t, tree, Y, person.id)).id);
      }
    }
    return { approver, ids };
  }

  type Outcome = { status: number | 'APPROVED'; code?: string; violations?: unknown[] };
  const outcomeOf = (problem: Record<string, unknown> | undefined): Outcome =>
    problem === undefined
      ? { status: 'APPROVED' }
      : {
          status: problem.status as number,
          code: problem.code as string,
          violations: ((problem.violations ?? []) as { rule: string; limit?: number; actual?: number }[]).map(
            ({ rule, limit, actual }) => ({ rule, limit, actual }),
          ),
        };

  it('property: a list gives the same outcome, item by item, as the same approvals made one by one in order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...KINDS), { minLength: 1, maxLength: 4 }),
        fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
        async (kinds, quota, picks) => {
          const batchWorld = await dossiers(kinds, quota);
          const singleWorld = await dossiers(kinds, quota);
          const order = picks.map((p) => p % batchWorld.ids.length);

          const response = await post('/approve', batchWorld.approver, {
            nominationIds: order.map((i) => batchWorld.ids[i]),
          }).expect(200);
          const batch = (response.body.items as Item[]).map((item) => outcomeOf(item.problem));
          const single: Outcome[] = [];
          for (const i of order) {
            const answer = await post(`/${singleWorld.ids[i]}/approve`, singleWorld.approver);
            single.push(answer.status === 200 ? outcomeOf(undefined) : outcomeOf(answer.body));
          }

          expect(batch).toEqual(single);
          for (const [i, id] of batchWorld.ids.entries())
            expect(await statusOf(id)).toBe(await statusOf(singleWorld.ids[i]));
        },
      ),
      { numRuns: 6 },
    );
  }, 900_000);

  it('costs the same round trips for a list of one as for a list of many (no statement per item)', async () => {
    // Every statement the service sends during a request, but the ones a transaction opens and ends with, which the
    // audit sealer (a timer of its own) sends too, and the sealer's own. Compared as texts: the same, in order.
    const sent: string[] = [];
    // Wrapped and restored below, always called with the client as `this`.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const query = pg.Client.prototype.query;
    const counted = async (send: () => Promise<unknown>): Promise<string[]> => {
      sent.length = 0;
      pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
        const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string }).text;
        if (
          text !== undefined &&
          !/audit_(events|chain_head)|pg_try_advisory|lock_timeout|set_config|^(START|SET) TRANSACTION|^(COMMIT|ROLLBACK)$/.test(
            text,
          )
        )
          sent.push(text);
        return (query as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof query;
      try {
        await send();
      } finally {
        pg.Client.prototype.query = query;
      }
      return [...sent];
    };
    // Each list mixes the kinds whose reads differ: quotas, holds, a council vote, R-DUP-1, R-QUOTA-CSCS.
    const one = await dossiers(['CSCS'], 2);
    const many = await dossiers(['GIAY_KHEN', 'HELD', 'LDTT', 'DUPLICATE', 'CSCS', 'GIAY_KHEN', 'GIAY_KHEN'], 2);
    await post('/approve', one.approver, { nominationIds: [UNKNOWN_ID] }).expect(200);
    await post('/approve', many.approver, { nominationIds: [UNKNOWN_ID] }).expect(200);
    const forOne = await counted(() => post('/approve', one.approver, { nominationIds: one.ids }).expect(200));
    const forMany = await counted(() => post('/approve', many.approver, { nominationIds: many.ids }).expect(200));
    expect(many.ids.length).toBeGreaterThan(7);
    expect(forMany).toEqual(forOne);
    // The key lookup, the scope with the rows, the nominees' locks with the rows, the facts with the votes and the
    // quota locks, the councils in force, the quota figures, the writes.
    expect(forOne).toHaveLength(7);
  });

  it('rejects a list with one reason, item by item', async () => {
    const { tree, approver, hr } = await makeWorld(t);
    const a = await submittedGiayKhen(t, tree);
    const b = await submittedGiayKhen(t, tree);
    const draft = (
      await makeNomination(t, byDepartment(tree, Y, 'GIAY_KHEN', (await makeIndividual(t, tree.unit.id)).id))
    ).id;
    const list = [a, draft, UNKNOWN_ID, b, a];
    const response = await post('/reject', approver, {
      nominationIds: list,
      reason: '  Hồ sơ chưa đủ minh chứng  ',
    }).expect(200);
    const items: Item[] = response.body.items;
    expect(items.map((i) => i.status)).toEqual(['REJECTED', 'REFUSED', 'REFUSED', 'REJECTED', 'REFUSED']);
    expect(items.filter((i) => i.problem).map((i) => i.problem?.code)).toEqual([
      'INVALID_STATE',
      'NOT_FOUND',
      'INVALID_STATE',
    ]);
    const detail = (await t.http.get(`/api/v1/nominations/${a}`).set(hr).expect(200)).body;
    expect(detail).toMatchObject({ status: 'REJECTED', statusReason: 'Hồ sơ chưa đủ minh chứng' });
    expect(detail.history.at(-1)).toMatchObject({
      action: 'REJECT',
      fromStatus: 'SUBMITTED',
      toStatus: 'REJECTED',
      reason: 'Hồ sơ chưa đủ minh chứng',
    });
    expect(await statusOf(draft)).toBe('DRAFT');
    // Each refusal is the single rejection's answer.
    for (const [i, id] of list.entries()) {
      if (items[i].status !== 'REFUSED') continue;
      const single = await post(`/${id}/reject`, approver, { reason: 'x' });
      expect(comparable(items[i].problem as Record<string, unknown>)).toEqual(comparable(single.body));
    }
    await post('/reject', approver, { nominationIds: [b] }).expect(400);
  });

  it('answers 400 for an empty list, more than 500 ids or a malformed id; 401 and 403 as the single routes', async () => {
    const { approver, hr } = await makeWorld(t);
    const tooMany = Array.from({ length: 501 }, () => randomUUID());
    for (const nominationIds of [[], tooMany, ['not-a-uuid']]) {
      const refused = await post('/approve', approver, { nominationIds }).expect(400);
      expect(refused.body.code).toBe('VALIDATION_FAILED');
      expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['nominationIds']);
    }
    await post('/approve', approver, { nominationIds: Array.from({ length: 500 }, () => randomUUID()) }).expect(200);
    await post('/approve', approver, {}).expect(400);
    await t.http
      .post('/api/v1/nominations/approve')
      .send({ nominationIds: [UNKNOWN_ID] })
      .expect(401);
    expect((await post('/approve', hr, { nominationIds: [UNKNOWN_ID] }).expect(403)).body.code).toBe('FORBIDDEN');
    await post('/reject', hr, { nominationIds: [UNKNOWN_ID], reason: 'x' }).expect(403);
  });

  it('replays a list sent again with the same Idempotency-Key, changing nothing', async () => {
    const { tree, approver } = await makeWorld(t);
    await giayKhenQuota(t, tree, 1);
    const ids = [await submittedGiayKhen(t, tree), await submittedGiayKhen(t, tree)];
    const key = randomUUID();
    const first = await post('/approve', approver, { nominationIds: ids }).set('Idempotency-Key', key).expect(200);
    const again = await post('/approve', approver, { nominationIds: ids }).set('Idempotency-Key', key).expect(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(first.body.items.map((i: Item) => i.status)).toEqual(['APPROVED', 'REFUSED']);
    const [{ n }] = await t.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM nomination_events WHERE action = 'APPROVE'`,
    );
    expect(n).toBe(1);
    await post('/approve', approver, { nominationIds: [ids[1]] })
      .set('Idempotency-Key', key)
      .expect(422);
  });
});
