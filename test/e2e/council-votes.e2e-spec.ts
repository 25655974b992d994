import { describe, expect, it } from '@jest/globals';
import {
  addInitiative,
  makeAwardRecord,
  makeNomination,
  makeRatedIndividual,
  MEETING,
  recordCouncilSize,
  type Tree,
} from '../support/factories.js';
import { useTestApp } from '../support/lifecycle.js';
import { BOOTSTRAP_TOKEN, bearer } from '../support/test-app.js';
import { byDepartment, makeWorld } from '../support/world.js';

const PROBLEM = /application\/problem\+json/;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const admin = bearer(BOOTSTRAP_TOKEN);
const Y = 2024;
type Auth = Record<string, string>;
const fields = (body: { errors?: { field: string }[] }) => [...new Set((body.errors ?? []).map((e) => e.field))].sort();
const rules = (body: { violations?: { rule: string }[] }) => [...new Set((body.violations ?? []).map((v) => v.rule))];

/**
 * R-VOTE-1 with separation of duties (Decree 91/2017 Art 45.8): a council vote is the record of a meeting, never
 * replaced; it counts the members of the council on file, which only a key above the unit (or ADMIN) records.
 */
describe('council votes and council sizes', () => {
  // These tests read the English messages (Accept-Language: en); languages.e2e-spec.ts covers the Vietnamese ones.
  const t = useTestApp({}, { language: 'en' });

  /** The department's world, with an approver of the province (above the department). */
  const setup = async () => {
    const world = await makeWorld(t);
    return { ...world, approverAbove: bearer(await t.token('APPROVER', world.tree.province.id)) };
  };

  const vote = (id: string, auth: Auth, body: object) =>
    t.http
      .post(`/api/v1/nominations/${id}/votes`)
      .set(auth)
      .send({ ...MEETING, ...body });
  const approve = (id: string, auth: Auth) => t.http.post(`/api/v1/nominations/${id}/approve`).set(auth);
  const detail = async (id: string, auth: Auth) =>
    (await t.http.get(`/api/v1/nominations/${id}`).set(auth).expect(200)).body;
  const recordSize = (organizationId: string, auth: Auth, body: object) =>
    t.http.post(`/api/v1/organizations/${organizationId}/council-sizes`).set(auth).send(body);

  /** A submitted regular Bằng khen tỉnh (80 % of all members, R-VOTE-1) proposed by the department. */
  const submittedBangKhen = async (tree: Tree, hr: Auth) => {
    const an = await makeRatedIndividual(t, tree.unit.id, 'HTT', [2023, 2024]);
    for (const year of [2023, 2024])
      await makeAwardRecord(t, byDepartment(tree, year, 'CHIEN_SI_THI_DUA_CO_SO', an.id));
    const draft = await makeNomination(t, byDepartment(tree, Y, 'BANG_KHEN_TINH', an.id));
    await t.http.post(`/api/v1/nominations/${draft.id}/submit`).set(hr).expect(200);
    return draft.id;
  };

  /** A submitted CSTĐ tỉnh of 2025 (90 % of all members, R-VOTE-1) proposed by the department. */
  const submittedCstinh = async (tree: Tree, hr: Auth) => {
    const an = await makeRatedIndividual(t, tree.unit.id, 'HTXS');
    for (const year of [2023, 2024, 2025])
      await makeAwardRecord(t, byDepartment(tree, year, 'CHIEN_SI_THI_DUA_CO_SO', an.id));
    await addInitiative(t, an.id, 2025, 'PROVINCE');
    const draft = await makeNomination(t, byDepartment(tree, 2025, 'CHIEN_SI_THI_DUA_TINH', an.id));
    await t.http.post(`/api/v1/nominations/${draft.id}/submit`).set(hr).expect(200);
    return draft.id;
  };

  describe('votes are records of meetings', () => {
    it('refuses the reproduction: after a failed vote (15/14/3) the approver cannot record 1/1/1 and approve', async () => {
      const { tree, hr, approver, approverAbove } = await setup();
      await recordCouncilSize(t, tree.department.id, 15, { token: approverAbove.Authorization.slice(7) });
      const id = await submittedBangKhen(tree, hr);

      const failed = await vote(id, approver, { members: 15, present: 14, yes: 3 }).expect(201);
      expect(failed.body).toMatchObject({ passed: false, check: { rule: 'R-VOTE-1', limit: 12, actual: 3 } });
      expect(rules((await approve(id, approver).expect(422)).body)).toEqual(['R-VOTE-1']);

      // The council of one: refused, nothing recorded.
      const shrunk = await vote(id, approver, { heldOn: '2024-12-21', members: 1, present: 1, yes: 1 }).expect(422);
      expect(shrunk.headers['content-type']).toMatch(PROBLEM);
      expect(shrunk.body).toMatchObject({
        code: 'RULE_VIOLATION',
        violations: [{ rule: 'R-VOTE-1', limit: 15, actual: 1 }],
      });
      // Nor may the approver shrink the council on file: its size is recorded from above the department.
      const resized = await recordSize(tree.department.id, approver, {
        members: 1,
        effectiveFrom: '2024-12-21',
        reference: 'QĐ giả',
      }).expect(403);
      expect(resized.body.code).toBe('NOT_ABOVE_ORGANIZATION');

      expect(rules((await approve(id, approver).expect(422)).body)).toEqual(['R-VOTE-1']);
      const nomination = await detail(id, approver);
      expect(nomination.status).toBe('SUBMITTED');
      expect(nomination.votes).toEqual([expect.objectContaining({ members: 15, present: 14, yes: 3, passed: false })]);
    });

    it('judges a stored record against the council on file, not the members typed with it', async () => {
      const { tree, hr, approver } = await setup();
      const id = await submittedBangKhen(tree, hr);
      // A record from before this check (a legacy row): 1 member, 1 present, 1 yes.
      await t.db.query(
        `INSERT INTO council_votes (nomination_id, held_on, minutes_reference, members, present, yes, passed, "check")
         VALUES ($1, '2024-12-01', 'LEGACY: recorded before meeting minutes were required', 1, 1, 1, true, '{}')`,
        [id],
      );
      const noCouncil = await approve(id, approver).expect(422);
      expect(noCouncil.body.violations).toEqual([
        expect.objectContaining({ rule: 'R-VOTE-1', message: expect.stringContaining('record the council size') }),
      ]);
      await recordCouncilSize(t, tree.department.id, 15);
      const mismatch = await approve(id, approver).expect(422);
      expect(mismatch.body.violations).toEqual([expect.objectContaining({ rule: 'R-VOTE-1', limit: 15, actual: 1 })]);
    });

    it('keeps every meeting: a re-vote is a new record, both are listed, approval judges the latest meeting', async () => {
      const { tree, hr, approver } = await setup();
      await recordCouncilSize(t, tree.department.id, 15);
      const id = await submittedBangKhen(tree, hr);

      const first = await vote(id, approver, {
        heldOn: '2024-12-10',
        minutesReference: 'BB-10/2024',
        members: 15,
        present: 15,
        yes: 13,
      }).expect(201);
      const second = await vote(id, approver, {
        heldOn: '2024-12-20',
        minutesReference: 'BB-11/2024',
        members: 15,
        present: 14,
        yes: 5,
      }).expect(201);
      expect(second.body.id).not.toBe(first.body.id);
      // The latest meeting failed, whatever an earlier one said.
      expect(rules((await approve(id, approver).expect(422)).body)).toEqual(['R-VOTE-1']);
      // Minutes of an earlier meeting recorded late do not make it the latest.
      await vote(id, approver, {
        heldOn: '2024-12-15',
        minutesReference: 'BB-10b/2024',
        members: 15,
        present: 15,
        yes: 15,
      }).expect(201);
      expect(rules((await approve(id, approver).expect(422)).body)).toEqual(['R-VOTE-1']);

      const listed = (await detail(id, approver)).votes;
      expect(
        listed.map((v: { heldOn: string; minutesReference: string; passed: boolean }) => [
          v.heldOn,
          v.minutesReference,
          v.passed,
        ]),
      ).toEqual([
        ['2024-12-10', 'BB-10/2024', true],
        ['2024-12-15', 'BB-10b/2024', true],
        ['2024-12-20', 'BB-11/2024', false],
      ]);

      // A record is never changed nor deleted, not even in the database.
      await expect(t.db.query(`UPDATE council_votes SET yes = 15 WHERE id = $1`, [second.body.id])).rejects.toThrow(
        /never changed nor deleted/,
      );
      await expect(t.db.query(`DELETE FROM council_votes WHERE id = $1`, [second.body.id])).rejects.toThrow(
        /never changed nor deleted/,
      );

      // A new meeting after the failed one passes: approved.
      await vote(id, approver, {
        heldOn: '2024-12-27',
        minutesReference: 'BB-12/2024',
        members: 15,
        present: 14,
        yes: 13,
      }).expect(201);
      const approved = await approve(id, approver).expect(200);
      expect(approved.body.eligibility.checks).toEqual(
        expect.arrayContaining([expect.objectContaining({ rule: 'R-VOTE-1', passed: true, limit: 12, actual: 13 })]),
      );
      expect((await detail(id, approver)).votes).toHaveLength(4);
    });

    it('counts written votes of absent members (Decree 91/2017 Art 45.8): 15 members, 10 present, 4 in writing, 14 yes pass 90 %', async () => {
      const { tree, hr, approver } = await setup();
      await recordCouncilSize(t, tree.department.id, 15);
      const id = await submittedCstinh(tree, hr);

      // Without the written votes the meeting falls short of 14 yes.
      const without = await vote(id, approver, { heldOn: '2024-12-10', members: 15, present: 10, yes: 10 }).expect(201);
      expect(without.body).toMatchObject({ writtenVotes: 0, passed: false, check: { limit: 14, actual: 10 } });
      expect(rules((await approve(id, approver).expect(422)).body)).toEqual(['R-VOTE-1']);
      // 14 yes from 10 present is impossible without them.
      expect(fields((await vote(id, approver, { members: 15, present: 10, yes: 14 }).expect(400)).body)).toEqual([
        'yes',
      ]);

      const withWritten = await vote(id, approver, { members: 15, present: 10, writtenVotes: 4, yes: 14 }).expect(201);
      expect(withWritten.body).toMatchObject({
        members: 15,
        present: 10,
        writtenVotes: 4,
        yes: 14,
        passed: true,
        check: { rule: 'R-VOTE-1', passed: true, limit: 14, actual: 14 },
      });
      expect(withWritten.body.check.message).toContain('10 present, 4 in writing');
      await approve(id, approver).expect(200);
    });

    it('refuses a vote with no council size on file (record it first) or whose members disagree with the file', async () => {
      const { tree, hr, approver } = await setup();
      const id = await submittedBangKhen(tree, hr);
      const none = await vote(id, approver, { members: 15, present: 14, yes: 13 }).expect(422);
      expect(none.body).toMatchObject({ code: 'RULE_VIOLATION', violations: [{ rule: 'R-VOTE-1' }] });
      expect(none.body.violations[0].message).toContain('record the council size');

      await recordCouncilSize(t, tree.department.id, 15);
      for (const members of [14, 16]) {
        const refused = await vote(id, approver, { members, present: 14, yes: 13 }).expect(422);
        expect(refused.body.violations).toEqual([
          expect.objectContaining({ rule: 'R-VOTE-1', limit: 15, actual: members }),
        ]);
      }
      expect((await detail(id, approver)).votes).toEqual([]);
      await vote(id, approver, { members: 15, present: 14, yes: 13 }).expect(201);
    });

    it('counts the council of the nearest organization above without one of its own, in force on the meeting date', async () => {
      const { tree, hr, approver } = await setup();
      // The province's council of 15; the department has none yet.
      await recordCouncilSize(t, tree.province.id, 15);
      const id = await submittedBangKhen(tree, hr);
      await vote(id, approver, { heldOn: '2024-05-01', members: 9, present: 9, yes: 9 }).expect(422);
      await vote(id, approver, { heldOn: '2024-05-01', members: 15, present: 14, yes: 12 }).expect(201);

      // The department's own council of 9 from June: it counts for meetings from then on, not before.
      await recordCouncilSize(t, tree.department.id, 9, { effectiveFrom: '2024-06-01' });
      await vote(id, approver, { heldOn: '2024-05-02', members: 15, present: 14, yes: 12 }).expect(201);
      const refused = await vote(id, approver, { heldOn: '2024-06-01', members: 15, present: 14, yes: 12 }).expect(422);
      expect(refused.body.violations).toEqual([expect.objectContaining({ rule: 'R-VOTE-1', limit: 9, actual: 15 })]);
      await vote(id, approver, { heldOn: '2024-06-01', members: 9, present: 8, yes: 8 }).expect(201);

      // A correction of the same date (the latest recorded wins) and approval judges the latest meeting against it.
      await recordCouncilSize(t, tree.department.id, 11, { effectiveFrom: '2024-06-01' });
      expect((await approve(id, approver).expect(422)).body.violations).toEqual([
        expect.objectContaining({ rule: 'R-VOTE-1', limit: 11, actual: 9 }),
      ]);
      await vote(id, approver, { heldOn: '2024-06-10', members: 11, present: 10, yes: 9 }).expect(201);
      await approve(id, approver).expect(200);
    });
  });

  describe('council sizes', () => {
    it('are recorded from above the organization only: not by its own approver nor HR officer', async () => {
      const { tree, hr, approver, approverAbove, auditor } = await setup();
      const body = { members: 15, effectiveFrom: '2024-01-01', reference: '15/QĐ-UBND' };
      for (const [auth, organizationId, code] of [
        [approver, tree.department.id, 'NOT_ABOVE_ORGANIZATION'],
        [bearer(await t.token('APPROVER', tree.unit.id)), tree.unit.id, 'NOT_ABOVE_ORGANIZATION'],
        [bearer(await t.token('APPROVER', tree.unit.id)), tree.department.id, 'NOT_ABOVE_ORGANIZATION'],
        [hr, tree.unit.id, 'FORBIDDEN'],
        [auditor, tree.unit.id, 'FORBIDDEN'],
      ] as const) {
        const refused = await recordSize(organizationId, auth, body).expect(403);
        expect(refused.headers['content-type']).toMatch(PROBLEM);
        expect(refused.body.code).toBe(code);
      }
      await t.http.post(`/api/v1/organizations/${tree.unit.id}/council-sizes`).send(body).expect(401);

      const fromProvince = await recordSize(tree.department.id, approverAbove, body).expect(201);
      expect(fromProvince.body).toMatchObject({
        organizationId: tree.department.id,
        members: 15,
        effectiveFrom: '2024-01-01',
        reference: '15/QĐ-UBND',
      });
      expect(fromProvince.body.recordedByKeyId).toMatch(/^[0-9a-f-]{36}$/);
      await recordSize(tree.unit.id, approver, { ...body, members: 7 }).expect(201);
      await recordSize(tree.province.id, admin, { ...body, members: 21 }).expect(201);
      // Not even the province's own approver sets the province's council: only ADMIN is above the root.
      await recordSize(tree.province.id, approverAbove, body).expect(403);

      // Every change is a new row; the history lists them, newest first.
      await recordSize(tree.department.id, admin, {
        members: 17,
        effectiveFrom: '2025-01-01',
        reference: '02/QĐ-UBND',
      }).expect(201);
      const history = await t.http.get(`/api/v1/organizations/${tree.department.id}/council-sizes`).set(hr).expect(200);
      expect(
        history.body.items.map((i: { members: number; effectiveFrom: string }) => [i.members, i.effectiveFrom]),
      ).toEqual([
        [17, '2025-01-01'],
        [15, '2024-01-01'],
      ]);
      const [row] = history.body.items;
      await expect(t.db.query(`UPDATE council_sizes SET members = 1 WHERE id = $1`, [row.id])).rejects.toThrow(
        /never changed nor deleted/,
      );
      await expect(t.db.query(`DELETE FROM council_sizes WHERE id = $1`, [row.id])).rejects.toThrow(
        /never changed nor deleted/,
      );
    });

    it('answers 400 for bad input, 404 for an unknown organization, 401 without a token', async () => {
      const { tree } = await setup();
      const bad = await recordSize(tree.department.id, admin, {
        members: 0,
        effectiveFrom: '2024-02-30',
        reference: ' ',
        extra: 1,
      }).expect(400);
      expect(bad.headers['content-type']).toMatch(PROBLEM);
      expect(fields(bad.body)).toEqual(['effectiveFrom', 'extra', 'members', 'reference']);
      expect(
        fields(
          (
            await recordSize(tree.department.id, admin, {
              members: 1.5,
              effectiveFrom: '2024-01-01',
              reference: 'x'.repeat(201),
            }).expect(400)
          ).body,
        ),
      ).toEqual(['members', 'reference']);
      await recordSize(UNKNOWN_ID, admin, { members: 15, effectiveFrom: '2024-01-01', reference: 'x' }).expect(404);
      await t.http.get(`/api/v1/organizations/${UNKNOWN_ID}/council-sizes`).set(admin).expect(404);
      await recordSize('not-a-uuid', admin, { members: 15, effectiveFrom: '2024-01-01', reference: 'x' }).expect(400);
      await t.http.get(`/api/v1/organizations/${tree.department.id}/council-sizes`).expect(401);
    });
  });
});
