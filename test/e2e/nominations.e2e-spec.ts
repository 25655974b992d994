import { describe, expect, it } from '@jest/globals';
import {
  addInitiative,
  makeAwardRecord,
  makeIndividual,
  makeNomination,
  makeOrganization,
  makeRatedIndividual,
  makeSubmittedNomination,
  MEETING,
  openDisciplinaryCase,
  recordCouncilSize,
  type Tree,
} from '../support/factories.js';
import { useTestApp } from '../support/lifecycle.js';
import { BOOTSTRAP_TOKEN, bearer } from '../support/test-app.js';
import { byDepartment, makeLdttBase, makeVotedCscsNomination, makeWorld, PASSING_VOTE } from '../support/world.js';

// Booting the application and building many records take longer than Jest's default 5 s on a busy machine.

const PROBLEM = /application\/problem\+json/;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const admin = bearer(BOOTSTRAP_TOKEN);
/** Decisions expected in January 2025 are judged under Law 2022 with Decree 98/2023. */
const ND98_DATE = '2025-01-10';
const Y = 2024;

type Check = {
  rule: string;
  passed: boolean | null;
  attested?: boolean;
  message: string;
  limit?: number;
  actual?: number;
};
const fields = (body: { errors?: { field: string }[] }) => [...new Set((body.errors ?? []).map((e) => e.field))];
const violated = (body: { violations?: { rule: string }[] }) => [
  ...new Set((body.violations ?? []).map((v) => v.rule)),
];
const failing = (eligibility: { checks: Check[] }) => [
  ...new Set(eligibility.checks.filter((c) => c.passed === false).map((c) => c.rule)),
];

describe('nominations', () => {
  const t = useTestApp();

  /**
   * The demo tree: the department (Sở) proposes for people of its unit. HR officer and approver of the department;
   * an HR officer and an approver of the other department (out of scope); an auditor.
   */
  const setup = () => makeWorld(t);

  const body = (over: Record<string, unknown>) => ({
    year: Y,
    awardCode: 'LAO_DONG_TIEN_TIEN',
    basis: 'REGULAR',
    achievements: 'Hoàn thành tốt nhiệm vụ năm 2024',
    expectedDecisionOn: ND98_DATE,
    ...over,
  });

  /** A Giấy khen on the THEMATIC basis for a person, proposed by the department: a form takes any basis. */
  const thematicGiayKhen = (tree: Tree, individualId: string) =>
    body({ awardCode: 'GIAY_KHEN', basis: 'THEMATIC', individualId, proposingOrganizationId: tree.department.id });

  const post = (path: string, auth: Record<string, string>, payload?: object) => {
    const request = t.http.post(`/api/v1/nominations${path}`).set(auth);
    return payload === undefined ? request : request.send(payload);
  };

  describe('the whole workflow', () => {
    it('drafts, submits and approves a Lao động tiên tiến, then a CSTĐ cơ sở that needs it, with votes and history', async () => {
      const { tree, hr, approver } = await setup();
      const an = await makeRatedIndividual(t, tree.unit.id, 'HTXS');
      await makeLdttBase(t, tree, Y, 6);

      const draft = await post(
        '',
        hr,
        body({ individualId: an.id, proposingOrganizationId: tree.department.id }),
      ).expect(201);
      expect(draft.body).toMatchObject({
        status: 'DRAFT',
        recipientKind: 'INDIVIDUAL',
        individualId: an.id,
        organizationId: null,
        proposingOrganizationId: tree.department.id,
        expectedDecisionOn: ND98_DATE,
        regime: 'TDKT_2022_ND98',
        eligibility: { eligible: true, regime: 'TDKT_2022_ND98' },
      });
      expect(draft.body.eligibility.checks.map((c: Check) => c.rule)).toEqual(
        expect.arrayContaining(['R-KIND-1', 'R-BASIS-2', 'R-LDTT-1', 'R-DUP-1', 'R-HOLD-1']),
      );

      const submitted = await post(`/${draft.body.id}/submit`, hr).expect(200);
      expect(submitted.body.status).toBe('SUBMITTED');
      const approved = await post(`/${draft.body.id}/approve`, approver).expect(200);
      expect(approved.body.status).toBe('APPROVED');
      // Approval stores the full evaluation: eligibility, the council vote (not required here) and quotas.
      expect(approved.body.eligibility.checks.map((c: Check) => c.rule)).toContain('R-VOTE-1');

      // The approved LĐTT counts for the CSTĐ cơ sở of the same year (docs/rules.md, "What counts").
      const cscs = await post(
        '',
        hr,
        body({ awardCode: 'CHIEN_SI_THI_DUA_CO_SO', individualId: an.id, proposingOrganizationId: tree.department.id }),
      ).expect(201);
      expect(cscs.body.eligibility.eligible).toBe(true);
      await post(`/${cscs.body.id}/submit`, hr).expect(200);
      await recordCouncilSize(t, tree.department.id, 9);
      const vote = await post(`/${cscs.body.id}/votes`, approver, {
        ...MEETING,
        members: 9,
        present: 7,
        yes: 5,
      }).expect(201);
      expect(vote.body).toMatchObject({
        nominationId: cscs.body.id,
        heldOn: MEETING.heldOn,
        minutesReference: MEETING.minutesReference,
        members: 9,
        present: 7,
        writtenVotes: 0,
        yes: 5,
        passed: true,
        check: { rule: 'R-VOTE-1', passed: true, limit: 5, actual: 5 },
      });
      await post(`/${cscs.body.id}/approve`, approver).expect(200);

      const detail = await t.http.get(`/api/v1/nominations/${cscs.body.id}`).set(hr).expect(200);
      expect(detail.body.status).toBe('APPROVED');
      expect(detail.body.history.map((h: { action: string }) => h.action)).toEqual([
        'CREATE',
        'SUBMIT',
        'VOTE',
        'APPROVE',
      ]);
      expect(detail.body.history[0]).toMatchObject({
        fromStatus: null,
        toStatus: 'DRAFT',
        actorRole: 'HR_OFFICER',
        reason: null,
      });
      expect(detail.body.history[0].actorKeyId).toMatch(/^[0-9a-f-]{36}$/);
      expect(detail.body.history[3]).toMatchObject({
        fromStatus: 'SUBMITTED',
        toStatus: 'APPROVED',
        actorRole: 'APPROVER',
        eligibility: { eligible: true },
      });
      expect(detail.body.history[2]).toMatchObject({
        action: 'VOTE',
        fromStatus: 'SUBMITTED',
        toStatus: 'SUBMITTED',
        eligibility: null,
      });
      expect(detail.body.votes).toHaveLength(1);
      expect(new Date(detail.body.history[3].at).toISOString()).toBe(detail.body.history[3].at);
    });

    it('returns a nomination with a reason, lets the HR officer edit and resubmit it, then rejects it; a new one may follow', async () => {
      const { tree, hr, approver } = await setup();
      const an = await makeRatedIndividual(t, tree.unit.id, 'HTT');
      const { id } = await makeSubmittedNomination(t, byDepartment(tree, Y, 'LAO_DONG_TIEN_TIEN', an.id), {
        token: hr.Authorization.slice(7),
      });

      const returned = await post(`/${id}/return`, approver, { reason: 'Bổ sung minh chứng thành tích' }).expect(200);
      expect(returned.body).toMatchObject({ status: 'RETURNED', statusReason: 'Bổ sung minh chứng thành tích' });

      const edited = await t.http
        .patch(`/api/v1/nominations/${id}`)
        .set(hr)
        .send({ achievements: 'Đã bổ sung minh chứng', expectedDecisionOn: null })
        .expect(200);
      expect(edited.body).toMatchObject({
        status: 'RETURNED',
        achievements: 'Đã bổ sung minh chứng',
        expectedDecisionOn: null,
        regime: 'TDKT_2022_ND152',
      });

      const resubmitted = await post(`/${id}/submit`, hr).expect(200);
      expect(resubmitted.body).toMatchObject({ status: 'SUBMITTED', statusReason: null });
      const rejected = await post(`/${id}/reject`, approver, { reason: 'Không đủ tiêu chuẩn' }).expect(200);
      expect(rejected.body).toMatchObject({ status: 'REJECTED', statusReason: 'Không đủ tiêu chuẩn' });

      const detail = await t.http.get(`/api/v1/nominations/${id}`).set(approver).expect(200);
      expect(detail.body.history.map((h: { action: string; toStatus: string }) => `${h.action}:${h.toStatus}`)).toEqual(
        ['CREATE:DRAFT', 'SUBMIT:SUBMITTED', 'RETURN:RETURNED', 'EDIT:RETURNED', 'SUBMIT:SUBMITTED', 'REJECT:REJECTED'],
      );
      expect(detail.body.history[2].reason).toBe('Bổ sung minh chứng thành tích');
      // A rejected nomination is no longer live: the nominee may be proposed again for the same code and year.
      await post('', hr, body({ individualId: an.id, proposingOrganizationId: tree.department.id })).expect(201);
    });

    it('withdraws from DRAFT, RETURNED and SUBMITTED, with an optional reason', async () => {
      const { tree, hr, approver } = await setup();
      const people = [
        await makeRatedIndividual(t, tree.unit.id, 'HTT'),
        await makeRatedIndividual(t, tree.unit.id, 'HTT'),
        await makeRatedIndividual(t, tree.unit.id, 'HTT'),
      ];
      const draft = await makeNomination(t, byDepartment(tree, Y, 'LAO_DONG_TIEN_TIEN', people[0].id));
      const submitted = await makeSubmittedNomination(t, byDepartment(tree, Y, 'LAO_DONG_TIEN_TIEN', people[1].id));
      const returned = await makeSubmittedNomination(t, byDepartment(tree, Y, 'LAO_DONG_TIEN_TIEN', people[2].id));
      await post(`/${returned.id}/return`, approver, { reason: 'Thiếu hồ sơ' }).expect(200);

      expect((await post(`/${draft.id}/withdraw`, hr).expect(200)).body).toMatchObject({
        status: 'WITHDRAWN',
        statusReason: null,
      });
      expect(
        (await post(`/${submitted.id}/withdraw`, hr, { reason: 'Chuyển công tác' }).expect(200)).body,
      ).toMatchObject({ status: 'WITHDRAWN', statusReason: 'Chuyển công tác' });
      await post(`/${returned.id}/withdraw`, hr, {}).expect(200);
      const again = await post(`/${draft.id}/withdraw`, hr).expect(409);
      expect(again.body).toMatchObject({ code: 'INVALID_STATE', currentStatus: 'WITHDRAWN' });
    });
  });

  describe('POST /nominations', () => {
    it('stores a draft that is not eligible, showing why; submitting it is refused with every failing rule', async () => {
      const { tree, hr } = await setup();
      const unrated = await makeIndividual(t, tree.unit.id);
      const draft = await post(
        '',
        hr,
        body({ individualId: unrated.id, proposingOrganizationId: tree.department.id }),
      ).expect(201);
      expect(draft.body.status).toBe('DRAFT');
      expect(draft.body.eligibility.eligible).toBe(false);
      expect(failing(draft.body.eligibility)).toEqual(['R-LDTT-1']);
      const refused = await post(`/${draft.body.id}/submit`, hr).expect(422);
      expect(refused.headers['content-type']).toMatch(PROBLEM);
      expect(refused.body.code).toBe('RULE_VIOLATION');
      expect(refused.body.violations).toEqual([
        {
          rule: 'R-LDTT-1',
          message: expect.stringContaining('Hoàn thành tốt nhiệm vụ trở lên (Điều 24 Luật Thi đua, khen thưởng 2022)'),
        },
      ]);
      const after = await t.http.get(`/api/v1/nominations/${draft.body.id}`).set(hr).expect(200);
      expect(after.body.status).toBe('DRAFT');
    });

    it('nominates a collective by organizationId', async () => {
      const { tree, hr } = await setup();
      const created = await post(
        '',
        hr,
        body({ awardCode: 'GIAY_KHEN', organizationId: tree.unit.id, proposingOrganizationId: tree.department.id }),
      ).expect(201);
      expect(created.body).toMatchObject({
        recipientKind: 'COLLECTIVE',
        organizationId: tree.unit.id,
        individualId: null,
        eligibility: { eligible: true },
      });
    });

    it('answers 400 for unknown fields, unknown codes and bases, both or neither nominee, and impossible dates', async () => {
      const { tree, hr } = await setup();
      const an = await makeIndividual(t, tree.unit.id);
      const bad = await post('', hr, {
        year: 1900,
        awardCode: 'HUAN_CHUONG',
        basis: 'WEEKLY',
        proposingOrganizationId: 'x',
        achievements: '',
        color: 'red',
      }).expect(400);
      expect(bad.headers['content-type']).toMatch(PROBLEM);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      expect(fields(bad.body)).toEqual(
        expect.arrayContaining(['year', 'awardCode', 'basis', 'proposingOrganizationId', 'achievements', 'color']),
      );

      const both = await post(
        '',
        hr,
        body({ individualId: an.id, organizationId: tree.unit.id, proposingOrganizationId: tree.department.id }),
      ).expect(400);
      expect(fields(both.body)).toEqual(['individualId', 'organizationId', 'householdId']);
      const neither = await post('', hr, body({ proposingOrganizationId: tree.department.id })).expect(400);
      expect(fields(neither.body)).toEqual(['individualId', 'organizationId', 'householdId']);

      const badDate = await post(
        '',
        hr,
        body({ individualId: an.id, proposingOrganizationId: tree.department.id, expectedDecisionOn: '2024-02-30' }),
      ).expect(400);
      expect(fields(badDate.body)).toEqual(['expectedDecisionOn']);
      const early = await post(
        '',
        hr,
        body({ individualId: an.id, proposingOrganizationId: tree.department.id, expectedDecisionOn: '2023-12-31' }),
      ).expect(400);
      expect(fields(early.body)).toEqual(['expectedDecisionOn']);
      const malformed = await t.http
        .post('/api/v1/nominations')
        .set(hr)
        .set('content-type', 'application/json')
        .send('{"year":')
        .expect(400);
      expect(malformed.headers['content-type']).toMatch(PROBLEM);
    });

    it('answers 401 without a token, 403 for roles that may not draft and for an HR officer out of scope', async () => {
      const { tree, hr, hrOther, approver, auditor } = await setup();
      const an = await makeRatedIndividual(t, tree.unit.id, 'HTT');
      const payload = body({ individualId: an.id, proposingOrganizationId: tree.department.id });
      const anonymous = await t.http.post('/api/v1/nominations').send(payload).expect(401);
      expect(anonymous.headers['content-type']).toMatch(PROBLEM);
      expect((await post('', approver, payload).expect(403)).body.code).toBe('FORBIDDEN');
      await post('', auditor, payload).expect(403);
      // Out of scope: the proposing organization, or the nominee.
      expect((await post('', hrOther, payload).expect(403)).body.code).toBe('OUT_OF_SCOPE');
      const stranger = await makeRatedIndividual(t, tree.otherDepartment.id, 'HTT');
      await post('', hr, body({ individualId: stranger.id, proposingOrganizationId: tree.department.id })).expect(403);
      await post(
        '',
        hr,
        body({
          organizationId: tree.otherDepartment.id,
          awardCode: 'GIAY_KHEN',
          proposingOrganizationId: tree.department.id,
        }),
      ).expect(403);
      // An HR officer of the province may propose anywhere under it.
      const provinceHr = bearer(await t.token('HR_OFFICER', tree.province.id));
      await post(
        '',
        provinceHr,
        body({ individualId: stranger.id, proposingOrganizationId: tree.otherDepartment.id }),
      ).expect(201);
    });

    it('answers 422 for unknown references and for structural rules (R-KIND-1, R-BASIS-2), storing nothing', async () => {
      const { tree, hr } = await setup();
      const an = await makeRatedIndividual(t, tree.unit.id, 'HTT');
      const unknownPerson = await post(
        '',
        hr,
        body({ individualId: UNKNOWN_ID, proposingOrganizationId: tree.department.id }),
      ).expect(422);
      expect(unknownPerson.body).toMatchObject({ code: 'INVALID_REFERENCE', errors: [{ field: 'individualId' }] });
      const unknownProposer = await post(
        '',
        hr,
        body({ individualId: an.id, proposingOrganizationId: UNKNOWN_ID }),
      ).expect(422);
      expect(unknownProposer.body.errors[0].field).toBe('proposingOrganizationId');
      const unknownCollective = await post(
        '',
        hr,
        body({ awardCode: 'GIAY_KHEN', organizationId: UNKNOWN_ID, proposingOrganizationId: tree.department.id }),
      ).expect(422);
      expect(unknownCollective.body.errors[0].field).toBe('organizationId');

      const thematicTitle = await post(
        '',
        hr,
        body({ individualId: an.id, proposingOrganizationId: tree.department.id, basis: 'THEMATIC' }),
      ).expect(422);
      expect(thematicTitle.body.code).toBe('RULE_VIOLATION');
      expect(violated(thematicTitle.body)).toEqual(['R-BASIS-2']);
      const collectiveLdtt = await post(
        '',
        hr,
        body({ organizationId: tree.unit.id, proposingOrganizationId: tree.department.id }),
      ).expect(422);
      expect(violated(collectiveLdtt.body)).toEqual(['R-KIND-1']);
      // A form takes any basis.
      await post('', hr, thematicGiayKhen(tree, an.id)).expect(201);

      const list = await t.http.get('/api/v1/nominations').set(hr).expect(200);
      expect(list.body.items).toHaveLength(1);
    });

    it('answers 409 DUPLICATE_NOMINATION (R-DUP-1) for a second live REGULAR nomination of the same nominee, code and year', async () => {
      const { tree, hr } = await setup();
      const an = await makeRatedIndividual(t, tree.unit.id, 'HTT');
      await post('', hr, body({ individualId: an.id, proposingOrganizationId: tree.department.id })).expect(201);
      const duplicate = await post(
        '',
        hr,
        body({ individualId: an.id, proposingOrganizationId: tree.department.id, expectedDecisionOn: undefined }),
      ).expect(409);
      expect(duplicate.headers['content-type']).toMatch(PROBLEM);
      expect(duplicate.body.code).toBe('DUPLICATE_NOMINATION');
      expect(violated(duplicate.body)).toEqual(['R-DUP-1']);
      // Another year, or a thematic form, is not a duplicate.
      await post('', hr, body({ year: 2023, individualId: an.id, proposingOrganizationId: tree.department.id })).expect(
        201,
      );
      const thematic = thematicGiayKhen(tree, an.id);
      await post('', hr, thematic).expect(201);
      await post('', hr, thematic).expect(201);
    });
  });

  describe('POST /nominations/check', () => {
    it('evaluates without storing anything', async () => {
      const { tree, hr } = await setup();
      const an = await makeRatedIndividual(t, tree.unit.id, 'HT');
      const checked = await post(
        '/check',
        hr,
        body({ individualId: an.id, proposingOrganizationId: tree.department.id }),
      ).expect(200);
      expect(checked.body).toEqual({
        eligibility: expect.objectContaining({ eligible: false, regime: 'TDKT_2022_ND98' }),
      });
      expect(failing(checked.body.eligibility)).toEqual(['R-LDTT-1']);
      const list = await t.http.get('/api/v1/nominations').set(admin).expect(200);
      expect(list.body.items).toEqual([]);
    });

    it('answers 400, 401, 403 and 422 like POST /nominations', async () => {
      const { tree, hr, hrOther, approver } = await setup();
      const an = await makeRatedIndividual(t, tree.unit.id, 'HTT');
      const payload = body({ individualId: an.id, proposingOrganizationId: tree.department.id });
      expect(fields((await post('/check', hr, { ...payload, extra: 1 }).expect(400)).body)).toEqual(['extra']);
      await t.http.post('/api/v1/nominations/check').send(payload).expect(401);
      await post('/check', approver, payload).expect(403);
      await post('/check', hrOther, payload).expect(403);
      await post('/check', hr, { ...payload, individualId: UNKNOWN_ID }).expect(422);
      expect(violated((await post('/check', hr, { ...payload, basis: 'AD_HOC' }).expect(422)).body)).toEqual([
        'R-BASIS-2',
      ]);
    });
  });

  describe('eligibility rules through the API', () => {
    it('R-LDTT-2 applies under Decree 91 only: recruited less than 10 months before the end of 2023', async () => {
      const { tree, hr } = await setup();
      // Recruited into public service on 2023-06-01 (R-LDTT-2 counts from recruitedOn, not from joinedOn).
      const late = await makeRatedIndividual(t, tree.unit.id, 'HTT', [2023], {
        recruitedOn: '2023-06-01',
        joinedOn: '2023-06-01',
      });
      const nd91 = body({
        year: 2023,
        individualId: late.id,
        proposingOrganizationId: tree.department.id,
        expectedDecisionOn: '2023-12-20',
      });
      const draft = await post('', hr, nd91).expect(201);
      expect(draft.body.regime).toBe('TDKT_2003_ND91');
      const ldtt2 = draft.body.eligibility.checks.find((c: Check) => c.rule === 'R-LDTT-2' && c.limit !== undefined);
      expect(ldtt2).toMatchObject({ passed: false, limit: 10, actual: 7 });
      const refused = await post(`/${draft.body.id}/submit`, hr).expect(422);
      expect(violated(refused.body)).toEqual(['R-LDTT-2']);
      // Decided in 2024 before Circular 01/2024/TT-BNV took effect (2024-04-15), the 2022 law has no such rule.
      await t.http
        .patch(`/api/v1/nominations/${draft.body.id}`)
        .set(hr)
        .send({ expectedDecisionOn: '2024-01-23' })
        .expect(200);
      const submitted = await post(`/${draft.body.id}/submit`, hr).expect(200);
      expect(submitted.body.regime).toBe('TDKT_2022_ND98');
    });

    it('R-LDTT-2: a disciplinary measure in force in the year blocks Lao động tiên tiến under Decree 91', async () => {
      const { tree, hr } = await setup();
      const an = await makeRatedIndividual(t, tree.unit.id, 'HTT', [2023]);
      const caseId = await openDisciplinaryCase(t, an.id, 'DISCIPLINE', '2023-05-01');
      await t.http
        .post(`/api/v1/disciplinary-cases/${caseId}/close`)
        .set(admin)
        .send({
          closedOn: '2023-09-01',
          outcome: 'Khiển trách',
          measure: 'KHIEN_TRACH',
          measureFrom: '2023-09-01',
          measureTo: '2024-08-31',
        })
        .expect(200);
      const checked = await post(
        '/check',
        hr,
        body({
          year: 2023,
          individualId: an.id,
          proposingOrganizationId: tree.department.id,
          expectedDecisionOn: '2023-12-20',
        }),
      ).expect(200);
      expect(failing(checked.body.eligibility)).toEqual(['R-LDTT-2']);
    });

    it('R-CSCS-1: CSTĐ cơ sở needs Lao động tiên tiến in the year', async () => {
      const { tree, hr } = await setup();
      const an = await makeRatedIndividual(t, tree.unit.id, 'HTXS');
      const draft = await makeNomination(t, {
        ...byDepartment(tree, Y, 'CHIEN_SI_THI_DUA_CO_SO', an.id),
        expectedDecisionOn: ND98_DATE,
      });
      const refused = await post(`/${draft.id}/submit`, hr).expect(422);
      expect(violated(refused.body)).toEqual(['R-CSCS-1']);
      expect(refused.body.violations[0].message).toContain('Lao động tiên tiến');
      // A DRAFT or SUBMITTED LĐTT does not count; an approved one does.
      const ldtt = await makeSubmittedNomination(t, byDepartment(tree, Y, 'LAO_DONG_TIEN_TIEN', an.id));
      await post(`/${draft.id}/submit`, hr).expect(422);
      await post(`/${ldtt.id}/approve`, admin).expect(200);
      await post(`/${draft.id}/submit`, hr).expect(200);
    });

    it('R-BASIS-1: a THEMATIC award never counts toward a REGULAR prerequisite', async () => {
      const { tree, hr } = await setup();
      const an = await makeRatedIndividual(t, tree.unit.id, 'HTXS');
      await makeAwardRecord(t, { ...byDepartment(tree, Y, 'LAO_DONG_TIEN_TIEN', an.id), basis: 'THEMATIC' });
      const draft = await makeNomination(t, byDepartment(tree, Y, 'CHIEN_SI_THI_DUA_CO_SO', an.id));
      const refused = await post(`/${draft.id}/submit`, hr).expect(422);
      expect(violated(refused.body)).toEqual(['R-CSCS-1']);
      expect(refused.body.violations[0].message).toContain('R-BASIS-1');
      // The same award on the REGULAR basis counts; a revoked one would not.
      await makeAwardRecord(t, { ...byDepartment(tree, Y, 'LAO_DONG_TIEN_TIEN', an.id), revoked: true });
      await post(`/${draft.id}/submit`, hr).expect(422);
      await makeAwardRecord(t, byDepartment(tree, Y, 'LAO_DONG_TIEN_TIEN', an.id));
      await post(`/${draft.id}/submit`, hr).expect(200);
    });

    it('R-CSTINH-1: CSTĐ tỉnh needs CSTĐ cơ sở three years running and a province-level initiative', async () => {
      const { tree, hr } = await setup();
      const an = await makeRatedIndividual(t, tree.unit.id, 'HTXS');
      for (const year of [2023, 2024])
        await makeAwardRecord(t, byDepartment(tree, year, 'CHIEN_SI_THI_DUA_CO_SO', an.id));
      const draft = await makeNomination(t, byDepartment(tree, 2025, 'CHIEN_SI_THI_DUA_TINH', an.id));
      const refused = await post(`/${draft.id}/submit`, hr).expect(422);
      expect(violated(refused.body)).toEqual(['R-CSTINH-1']);
      expect(refused.body.violations).toHaveLength(2);
      expect(refused.body.violations[0]).toMatchObject({ limit: 3, actual: 2 });
      await makeAwardRecord(t, byDepartment(tree, 2025, 'CHIEN_SI_THI_DUA_CO_SO', an.id));
      await addInitiative(t, an.id, 2024, 'PROVINCE');
      await post(`/${draft.id}/submit`, hr).expect(200);
    });

    it('R-CSTQ-1: CSTĐ toàn quốc needs two consecutive CSTĐ tỉnh terms and a nation-wide initiative', async () => {
      const { tree, hr } = await setup();
      const an = await makeRatedIndividual(t, tree.unit.id, 'HTXS');
      await makeAwardRecord(t, byDepartment(tree, 2024, 'CHIEN_SI_THI_DUA_TINH', an.id));
      const draft = await makeNomination(t, byDepartment(tree, 2025, 'CHIEN_SI_THI_DUA_TOAN_QUOC', an.id));
      const refused = await post(`/${draft.id}/submit`, hr).expect(422);
      expect(refused.body.violations).toEqual([
        expect.objectContaining({ rule: 'R-CSTQ-1', limit: 2, actual: 1 }),
        expect.objectContaining({ rule: 'R-CSTQ-1', limit: 1, actual: 0 }),
      ]);
      // One year apart (2023–2024 terms 2021–2023 and 2022–2024) the terms overlap: not twice consecutively.
      await makeAwardRecord(t, byDepartment(tree, 2023, 'CHIEN_SI_THI_DUA_TINH', an.id));
      await addInitiative(t, an.id, 2023, 'NATIONAL');
      const overlapping = await post(`/${draft.id}/submit`, hr).expect(422);
      expect(overlapping.body.violations).toEqual([expect.objectContaining({ rule: 'R-CSTQ-1', limit: 2, actual: 1 })]);
      await makeAwardRecord(t, byDepartment(tree, 2021, 'CHIEN_SI_THI_DUA_TINH', an.id));
      await post(`/${draft.id}/submit`, hr).expect(200);
    });

    it('R-BK-1 refuses a Bằng khen without its prerequisites; R-ORDER-1: no Giấy khen is needed before it', async () => {
      const { tree, hr, approver } = await setup();
      const an = await makeRatedIndividual(t, tree.unit.id, 'HTT', [2023, 2024]);
      const draft = await makeNomination(t, byDepartment(tree, Y, 'BANG_KHEN_TINH', an.id));
      expect(violated((await post(`/${draft.id}/submit`, hr).expect(422)).body)).toEqual(['R-BK-1']);
      for (const year of [2023, 2024])
        await makeAwardRecord(t, byDepartment(tree, year, 'CHIEN_SI_THI_DUA_CO_SO', an.id));
      await post(`/${draft.id}/submit`, hr).expect(200);
      // Never a Giấy khen, and still approved (80 % of all members voted yes).
      await recordCouncilSize(t, tree.department.id, 10);
      await post(`/${draft.id}/votes`, approver, { ...MEETING, members: 10, present: 9, yes: 8 }).expect(201);
      const approved = await post(`/${draft.id}/approve`, approver).expect(200);
      expect(approved.body.status).toBe('APPROVED');
      expect(
        approved.body.eligibility.checks.some(
          (c: Check) => c.rule === 'R-ORDER-1' || c.message.includes('Giấy khen before'),
        ),
      ).toBe(false);
    });

    it('R-DUP-1 at approval: a regular Giấy khen and a regular Bằng khen tỉnh of the same year are one reward', async () => {
      const { tree, hr, approver } = await setup();
      const an = await makeRatedIndividual(t, tree.unit.id, 'HTT');
      for (const year of [2023, 2024])
        await makeAwardRecord(t, byDepartment(tree, year, 'CHIEN_SI_THI_DUA_CO_SO', an.id));
      const giayKhen = await makeSubmittedNomination(t, byDepartment(tree, Y, 'GIAY_KHEN', an.id));
      const bangKhen = await makeSubmittedNomination(t, byDepartment(tree, Y, 'BANG_KHEN_TINH', an.id), {
        vote: PASSING_VOTE,
      });
      await post(`/${giayKhen.id}/approve`, approver).expect(200);
      const refused = await post(`/${bangKhen.id}/approve`, approver).expect(422);
      expect(refused.body.violations).toEqual([expect.objectContaining({ rule: 'R-DUP-1', limit: 1, actual: 2 })]);
      expect((await t.http.get(`/api/v1/nominations/${bangKhen.id}`).set(hr).expect(200)).body.status).toBe(
        'SUBMITTED',
      );
      // An award already granted counts too: /check shows the clash, and creation refuses it (409), nothing stored.
      const other = await makeRatedIndividual(t, tree.unit.id, 'HTT');
      await makeAwardRecord(t, byDepartment(tree, Y, 'GIAY_KHEN', other.id));
      const duplicate = body({
        awardCode: 'GIAY_KHEN',
        individualId: other.id,
        proposingOrganizationId: tree.department.id,
      });
      expect(failing((await post('/check', hr, duplicate).expect(200)).body.eligibility)).toEqual(['R-DUP-1']);
      const second = await post('', hr, duplicate).expect(409);
      expect(second.body.code).toBe('DUPLICATE_NOMINATION');
      expect(violated(second.body)).toEqual(['R-DUP-1']);
    });

    it('R-HOLD-1: an open case refuses submission, and refuses approval when opened after submission', async () => {
      const { tree, hr, approver } = await setup();
      const held = await makeRatedIndividual(t, tree.unit.id, 'HTT');
      await openDisciplinaryCase(t, held.id, 'INVESTIGATION');
      const draft = await makeNomination(t, byDepartment(tree, Y, 'LAO_DONG_TIEN_TIEN', held.id));
      expect(violated((await post(`/${draft.id}/submit`, hr).expect(422)).body)).toEqual(['R-HOLD-1']);

      const later = await makeRatedIndividual(t, tree.unit.id, 'HTT');
      const submitted = await makeSubmittedNomination(t, byDepartment(tree, Y, 'LAO_DONG_TIEN_TIEN', later.id));
      const caseId = await openDisciplinaryCase(t, later.id, 'INSPECTION');
      const refused = await post(`/${submitted.id}/approve`, approver).expect(422);
      expect(refused.body.violations).toEqual([expect.objectContaining({ rule: 'R-HOLD-1', actual: 1 })]);
      await t.http
        .post(`/api/v1/disciplinary-cases/${caseId}/close`)
        .set(admin)
        .send({ closedOn: '2024-06-01' })
        .expect(200);
      await post(`/${submitted.id}/approve`, approver).expect(200);
    });

    it('R-TTTT-1: Tập thể lao động tiên tiến needs more than half of its members with Lao động tiên tiến', async () => {
      const { tree, hr } = await setup();
      const members = [
        await makeRatedIndividual(t, tree.unit.id, 'HTT'),
        await makeRatedIndividual(t, tree.unit.id, 'HTT'),
        await makeRatedIndividual(t, tree.unit.id, 'HTT'),
        await makeRatedIndividual(t, tree.unit.id, 'HTT'),
      ];
      await makeAwardRecord(t, byDepartment(tree, Y, 'LAO_DONG_TIEN_TIEN', members[0].id));
      await makeAwardRecord(t, byDepartment(tree, Y, 'LAO_DONG_TIEN_TIEN', members[1].id));
      // Someone who joined after the year is not a member for it.
      await makeRatedIndividual(t, tree.unit.id, 'HTT', [Y], { joinedOn: '2025-02-01' });
      const draft = await makeNomination(
        t,
        byDepartment(tree, Y, 'TAP_THE_LAO_DONG_TIEN_TIEN', { organizationId: tree.unit.id }),
      );
      const refused = await post(`/${draft.id}/submit`, hr).expect(422);
      expect(refused.body.violations).toEqual([expect.objectContaining({ rule: 'R-TTTT-1', limit: 3, actual: 2 })]);
      // An APPROVED LĐTT of a member counts.
      await makeSubmittedNomination(t, byDepartment(tree, Y, 'LAO_DONG_TIEN_TIEN', members[2].id)).then(({ id }) =>
        post(`/${id}/approve`, admin).expect(200),
      );
      await post(`/${draft.id}/submit`, hr).expect(200);
    });

    it('R-TTXS-1: Tập thể lao động xuất sắc needs every member rated, 70 % with LĐTT and one CSTĐ cơ sở', async () => {
      const { tree, hr } = await setup();
      const members = [
        await makeRatedIndividual(t, tree.unit.id, 'HTXS'),
        await makeRatedIndividual(t, tree.unit.id, 'HTT'),
        await makeRatedIndividual(t, tree.unit.id, 'KHT'),
      ];
      for (const m of members) await makeAwardRecord(t, byDepartment(tree, Y, 'LAO_DONG_TIEN_TIEN', m.id));
      const draft = await makeNomination(
        t,
        byDepartment(tree, Y, 'TAP_THE_LAO_DONG_XUAT_SAC', { organizationId: tree.unit.id }),
      );
      const refused = await post(`/${draft.id}/submit`, hr).expect(422);
      expect(violated(refused.body)).toEqual(['R-TTXS-1']);
      expect(refused.body.violations.map((v: { limit: number; actual: number }) => [v.limit, v.actual])).toEqual([
        [3, 2],
        [1, 0],
      ]);
    });

    it('R-VOTE-1: approval needs a passing latest council vote where the code requires one', async () => {
      const { tree, approver } = await setup();
      const an = await makeRatedIndividual(t, tree.unit.id, 'HTXS');
      await makeAwardRecord(t, byDepartment(tree, Y, 'LAO_DONG_TIEN_TIEN', an.id));
      await makeLdttBase(t, tree, Y, 6);
      const { id } = await makeSubmittedNomination(t, byDepartment(tree, Y, 'CHIEN_SI_THI_DUA_CO_SO', an.id));
      const none = await post(`/${id}/approve`, approver).expect(422);
      expect(none.body.violations).toEqual([
        expect.objectContaining({ rule: 'R-VOTE-1', message: expect.stringContaining('chưa ghi nhận cuộc họp nào') }),
      ]);

      await recordCouncilSize(t, tree.department.id, 15);
      const noQuorum = await post(`/${id}/votes`, approver, { ...MEETING, members: 15, present: 9, yes: 9 }).expect(
        201,
      );
      expect(noQuorum.body).toMatchObject({
        passed: false,
        check: { rule: 'R-VOTE-1', passed: false, limit: 10, actual: 9 },
      });
      expect((await post(`/${id}/approve`, approver).expect(422)).body.violations[0]).toMatchObject({
        rule: 'R-VOTE-1',
        limit: 10,
        actual: 9,
      });

      // A new meeting, a new record: the latest meeting counts.
      await post(`/${id}/votes`, approver, { ...MEETING, members: 15, present: 12, yes: 8 }).expect(201);
      await post(`/${id}/approve`, approver).expect(200);
    });

    it('R-QUOTA-CSCS: with 20 approved Lao động tiên tiến, the 4th CSTĐ cơ sở of the unit and year is refused', async () => {
      const { tree, approver } = await setup();
      const people = await makeLdttBase(t, tree, Y, 20);
      const ids = [];
      for (const p of people.slice(0, 4)) ids.push((await makeVotedCscsNomination(t, tree, Y, p.id)).id);
      for (const id of ids.slice(0, 3)) await post(`/${id}/approve`, approver).expect(200);
      const refused = await post(`/${ids[3]}/approve`, approver).expect(422);
      expect(refused.body.violations).toEqual([expect.objectContaining({ rule: 'R-QUOTA-CSCS', limit: 3, actual: 4 })]);
      expect(refused.body.violations[0].message).toContain(
        '15% × 20 Lao động tiên tiến của đơn vị và các đơn vị trực thuộc, làm tròn xuống',
      );
    });

    it('R-QUOTA-UNIT: a unit quota caps approvals of its code and year', async () => {
      const { tree, approver } = await setup();
      // Set from above the department (its own approver may not).
      await t.http
        .put('/api/v1/quotas')
        .set(admin)
        .send({ organizationId: tree.department.id, year: Y, awardCode: 'GIAY_KHEN', maxCount: 1 })
        .expect(200);
      /** A Giấy khen of `year` for a new person of the unit, submitted by the department. */
      const submittedGiayKhen = async (year: number) =>
        makeSubmittedNomination(t, byDepartment(tree, year, 'GIAY_KHEN', (await makeIndividual(t, tree.unit.id)).id));
      const first = await submittedGiayKhen(Y);
      const second = await submittedGiayKhen(Y);
      await post(`/${first.id}/approve`, approver).expect(200);
      const refused = await post(`/${second.id}/approve`, approver).expect(422);
      expect(refused.body.violations).toEqual([expect.objectContaining({ rule: 'R-QUOTA-UNIT', limit: 1, actual: 2 })]);
      // Another year of the same unit is not capped.
      const nextYear = await submittedGiayKhen(2025);
      await post(`/${nextYear.id}/approve`, approver).expect(200);
    });

    it("R-QUOTA-CSTINH: once switched on, CSTĐ tỉnh is capped at 10 % of the unit's CSTĐ cơ sở", async () => {
      const { tree, approver } = await setup();
      const an = await makeRatedIndividual(t, tree.unit.id, 'HTXS');
      for (const year of [2023, 2024, 2025])
        await makeAwardRecord(t, byDepartment(tree, year, 'CHIEN_SI_THI_DUA_CO_SO', an.id));
      await addInitiative(t, an.id, 2025, 'PROVINCE');
      const { id } = await makeSubmittedNomination(t, byDepartment(tree, 2025, 'CHIEN_SI_THI_DUA_TINH', an.id), {
        vote: PASSING_VOTE,
      });
      await t.http
        .put('/api/v1/rule-settings/quotas')
        .set(admin)
        .send({ cscsEnabled: true, cscsRatio: 0.15, cstinhEnabled: true, cstinhRatio: 0.1 })
        .expect(200);
      const refused = await post(`/${id}/approve`, approver).expect(422);
      expect(refused.body.violations).toEqual([
        expect.objectContaining({ rule: 'R-QUOTA-CSTINH', limit: 0, actual: 1 }),
      ]);
      // Off by default: switching it off again lets the approval through.
      await t.http
        .put('/api/v1/rule-settings/quotas')
        .set(admin)
        .send({ cscsEnabled: true, cscsRatio: 0.15, cstinhEnabled: false, cstinhRatio: 0.1 })
        .expect(200);
      await post(`/${id}/approve`, approver).expect(200);
    });

    it('lists every failing rule of an approval at once and changes nothing', async () => {
      const { tree, approver } = await setup();
      const an = await makeRatedIndividual(t, tree.unit.id, 'HTXS');
      await makeAwardRecord(t, byDepartment(tree, Y, 'LAO_DONG_TIEN_TIEN', an.id));
      const { id } = await makeSubmittedNomination(t, byDepartment(tree, Y, 'CHIEN_SI_THI_DUA_CO_SO', an.id));
      await openDisciplinaryCase(t, an.id);
      const refused = await post(`/${id}/approve`, approver).expect(422);
      expect(violated(refused.body).sort()).toEqual(['R-HOLD-1', 'R-QUOTA-CSCS', 'R-VOTE-1']);
      const detail = await t.http.get(`/api/v1/nominations/${id}`).set(approver).expect(200);
      expect(detail.body.status).toBe('SUBMITTED');
      expect(detail.body.history.map((h: { action: string }) => h.action)).toEqual(['CREATE', 'SUBMIT']);
    });
  });

  describe('rules revision 2: periods, service, measures, attested criteria, holds on collectives', () => {
    it('R-LDTT-3: recruited on 2024-08-01, no Lao động tiên tiến 2024 (Circular 01/2024/TT-BNV Art 1.5)', async () => {
      const { tree, hr } = await setup();
      const late = await makeRatedIndividual(t, tree.unit.id, 'HTT', [2024], { recruitedOn: '2024-08-01' });
      const refused = await post(
        '/check',
        hr,
        body({ individualId: late.id, proposingOrganizationId: tree.department.id }),
      ).expect(200);
      expect(failing(refused.body.eligibility)).toEqual(['R-LDTT-3']);
      expect(refused.body.eligibility.checks.find((c: Check) => c.rule === 'R-LDTT-3')).toMatchObject({
        limit: 6,
        actual: 5,
      });
      // The day before the circular took effect the rule is not judged; from that day it is.
      const nominee = { individualId: late.id, proposingOrganizationId: tree.department.id };
      const early = await post('/check', hr, body({ ...nominee, expectedDecisionOn: '2024-04-14' })).expect(200);
      expect(early.body.eligibility.eligible).toBe(true);
      expect(early.body.eligibility.checks.map((c: Check) => c.rule)).not.toContain('R-LDTT-3');
      const first = await post('/check', hr, body({ ...nominee, expectedDecisionOn: '2024-04-15' })).expect(200);
      expect(failing(first.body.eligibility)).toEqual(['R-LDTT-3']);
      // A transferee keeps the service from before: recruited in 2010, joined this unit in November 2024.
      const transferee = await makeRatedIndividual(t, tree.unit.id, 'HTT', [2024], {
        recruitedOn: '2010-09-01',
        joinedOn: '2024-11-01',
      });
      const kept = await post(
        '/check',
        hr,
        body({ individualId: transferee.id, proposingOrganizationId: tree.department.id }),
      ).expect(200);
      expect(kept.body.eligibility.eligible).toBe(true);
    });

    it('R-SPAN-1: CSTĐ cơ sở 2021–2024 do not support a CSTĐ tỉnh 2024 after the one for 2023; periods are stored', async () => {
      const { tree, hr } = await setup();
      const an = await makeRatedIndividual(t, tree.unit.id, 'HTXS');
      for (const year of [2021, 2022, 2023, 2024])
        await makeAwardRecord(t, byDepartment(tree, year, 'CHIEN_SI_THI_DUA_CO_SO', an.id));
      await makeAwardRecord(t, byDepartment(tree, 2023, 'CHIEN_SI_THI_DUA_TINH', an.id));
      await addInitiative(t, an.id, 2024, 'PROVINCE');
      const draft = await makeNomination(t, byDepartment(tree, 2024, 'CHIEN_SI_THI_DUA_TINH', an.id));
      expect(draft).toMatchObject({ periodFrom: 2022, periodTo: 2024, criterion: null });
      const refused = await post(`/${draft.id}/submit`, hr).expect(422);
      expect(violated(refused.body)).toEqual(['R-SPAN-1']);
      expect(refused.body.violations[0].message).toContain('2021–2023');
      // Stating a shorter period does not escape: Art 22 asks for three CSTĐ cơ sở years.
      await post(`/${draft.id}/withdraw`, hr, {}).expect(200);
      const later = await post(
        '',
        hr,
        body({
          awardCode: 'CHIEN_SI_THI_DUA_TINH',
          individualId: an.id,
          proposingOrganizationId: tree.department.id,
          periodFrom: 2024,
        }),
      ).expect(201);
      expect(later.body).toMatchObject({ periodFrom: 2024, periodTo: 2024 });
      expect(failing(later.body.eligibility)).toEqual(['R-CSTINH-1']);
    });

    it('refuses an impossible period or criterion with a 400 naming the field', async () => {
      const { tree, hr } = await setup();
      const an = await makeRatedIndividual(t, tree.unit.id, 'HTXS');
      const base = { awardCode: 'BANG_KHEN_TINH', individualId: an.id, proposingOrganizationId: tree.department.id };
      for (const [over, field] of [
        [{ periodFrom: 2024, periodTo: 2023 }, 'periodFrom'],
        [{ periodTo: 2025 }, 'periodTo'],
        [{ criterion: '74.1.a' }, 'justification'],
        [{ criterion: '74.1.z', justification: 'x' }, 'criterion'],
        [{ criterion: '74.1.a', justification: 'x', basis: 'THEMATIC' }, 'criterion'],
      ] as const) {
        const response = await post('', hr, body({ ...base, ...over })).expect(400);
        expect(response.headers['content-type']).toMatch(PROBLEM);
        expect(fields(response.body)).toEqual([field]);
      }
      expect((await t.http.get('/api/v1/nominations').set(hr).expect(200)).body.items).toEqual([]);
    });

    it('R-BK-1: criterion 74.1.a is attested with a justification (passed null), d stays checked', async () => {
      const { tree, hr } = await setup();
      const an = await makeRatedIndividual(t, tree.unit.id, 'HTT', [2023, 2024]);
      const base = { awardCode: 'BANG_KHEN_TINH', individualId: an.id, proposingOrganizationId: tree.department.id };
      const counted = await post('/check', hr, body(base)).expect(200);
      expect(failing(counted.body.eligibility)).toEqual(['R-BK-1']);
      const justification = 'Dẫn đầu phong trào chuyển đổi số của tỉnh năm 2024, được Ban Chỉ đạo tỉnh ghi nhận';
      const draft = await post('', hr, body({ ...base, criterion: '74.1.a', justification })).expect(201);
      expect(draft.body).toMatchObject({ criterion: '74.1.a', justification, periodFrom: 2023, periodTo: 2024 });
      const bk = draft.body.eligibility.checks.filter((c: Check) => c.rule === 'R-BK-1');
      expect(bk).toEqual([expect.objectContaining({ passed: null, attested: true })]);
      expect(bk[0].message).toContain('74.1.a');
      expect(draft.body.eligibility.eligible).toBe(true);
      const submitted = await post(`/${draft.body.id}/submit`, hr).expect(200);
      expect(submitted.body.eligibility.checks.find((c: Check) => c.rule === 'R-BK-1')).toMatchObject({
        passed: null,
        attested: true,
      });
      const read = await t.http.get(`/api/v1/nominations/${draft.body.id}`).set(hr).expect(200);
      expect(read.body.history.at(-1).eligibility.checks.find((c: Check) => c.rule === 'R-BK-1').passed).toBeNull();
    });

    it('R-HOLD-1: a case on a collective holds its nomination until it closes', async () => {
      const { tree, hr, approver, hrOther } = await setup();
      const opened = await t.http
        .post(`/api/v1/organizations/${tree.unit.id}/cases`)
        .set(hr)
        .send({ kind: 'INSPECTION', openedOn: '2025-01-05', note: 'Thanh tra công vụ' })
        .expect(201);
      expect(opened.body).toMatchObject({ organizationId: tree.unit.id, individualId: null, open: true });
      const members = [];
      for (let i = 0; i < 3; i++) members.push(await makeRatedIndividual(t, tree.unit.id, 'HTT'));
      for (const m of members) await makeAwardRecord(t, byDepartment(tree, Y, 'LAO_DONG_TIEN_TIEN', m.id));
      const draft = await makeNomination(t, {
        ...byDepartment(tree, Y, 'TAP_THE_LAO_DONG_TIEN_TIEN', { organizationId: tree.unit.id }),
        expectedDecisionOn: ND98_DATE,
      });
      const refused = await post(`/${draft.id}/submit`, hr).expect(422);
      expect(violated(refused.body)).toEqual(['R-HOLD-1']);
      const listed = await t.http.get(`/api/v1/organizations/${tree.unit.id}/cases`).set(approver).expect(200);
      expect(listed.body.items.map((c: { id: string }) => c.id)).toEqual([opened.body.id]);
      // Out of scope: another department's HR officer can neither open nor close it.
      await t.http
        .post(`/api/v1/organizations/${tree.unit.id}/cases`)
        .set(hrOther)
        .send({ kind: 'COMPLAINT', openedOn: '2025-01-05' })
        .expect(403);
      // A measure is a person's: not on a collective's case.
      const measured = await t.http
        .post(`/api/v1/disciplinary-cases/${opened.body.id}/close`)
        .set(hr)
        .send({ closedOn: '2025-01-20', measure: 'CANH_CAO', measureFrom: '2025-01-20', measureTo: '2025-12-31' })
        .expect(400);
      expect(fields(measured.body)).toEqual(['measure']);
      await t.http
        .post(`/api/v1/disciplinary-cases/${opened.body.id}/close`)
        .set(hr)
        .send({ closedOn: '2025-01-20', outcome: 'Không phát hiện vi phạm' })
        .expect(200);
      await post(`/${draft.id}/submit`, hr).expect(200);
    });

    it('R-DISC-1: the years of a measure do not count; a case closed without one counts for nothing', async () => {
      const { tree, hr } = await setup();
      const an = await makeRatedIndividual(t, tree.unit.id, 'HTT');
      const caseId = await openDisciplinaryCase(t, an.id, 'DENUNCIATION', '2024-02-01');
      const bad = await t.http
        .post(`/api/v1/disciplinary-cases/${caseId}/close`)
        .set(hr)
        .send({ closedOn: '2024-03-01', measure: 'KHIEN_TRACH', measureFrom: '2024-03-01' })
        .expect(400);
      expect(fields(bad.body)).toEqual(['measureTo']);
      await t.http
        .post(`/api/v1/disciplinary-cases/${caseId}/close`)
        .set(hr)
        .send({ closedOn: '2024-03-01', measure: 'KHIEN_TRACH', measureFrom: '2024-03-01', measureTo: '2025-02-28' })
        .expect(200);
      const checked = await post(
        '/check',
        hr,
        body({ individualId: an.id, proposingOrganizationId: tree.department.id }),
      ).expect(200);
      expect(failing(checked.body.eligibility)).toEqual(['R-DISC-1']);
      // Another person whose case closed with no measure is eligible.
      const other = await makeRatedIndividual(t, tree.unit.id, 'HTT');
      const none = await openDisciplinaryCase(t, other.id, 'DISCIPLINE', '2024-02-01');
      await t.http
        .post(`/api/v1/disciplinary-cases/${none}/close`)
        .set(hr)
        .send({ closedOn: '2024-03-01' })
        .expect(200);
      const clean = await post(
        '/check',
        hr,
        body({ individualId: other.id, proposingOrganizationId: tree.department.id }),
      ).expect(200);
      expect(clean.body.eligibility.eligible).toBe(true);
    });
  });

  describe('transitions: roles, scope, states and input', () => {
    it('answers 401 without a token on every action', async () => {
      for (const action of ['submit', 'return', 'withdraw', 'votes', 'approve', 'reject']) {
        const response = await t.http.post(`/api/v1/nominations/${UNKNOWN_ID}/${action}`).send({}).expect(401);
        expect(response.headers['content-type']).toMatch(PROBLEM);
      }
      await t.http.patch(`/api/v1/nominations/${UNKNOWN_ID}`).send({}).expect(401);
      await t.http.get(`/api/v1/nominations/${UNKNOWN_ID}`).expect(401);
      await t.http.get('/api/v1/nominations').expect(401);
    });

    it('answers 403 for the wrong role and for a caller out of scope', async () => {
      const { tree, hr, approver, auditor, hrOther, approverOther } = await setup();
      const an = await makeRatedIndividual(t, tree.unit.id, 'HTT');
      const { id } = await makeSubmittedNomination(t, byDepartment(tree, Y, 'LAO_DONG_TIEN_TIEN', an.id));
      // HR officers do not decide; approvers do not submit or withdraw; auditors only read.
      for (const action of ['approve', 'votes', 'return', 'reject'])
        expect(
          (await post(`/${id}/${action}`, hr, action === 'votes' ? PASSING_VOTE : { reason: 'x' }).expect(403)).body
            .code,
        ).toBe('FORBIDDEN');
      for (const action of ['submit', 'withdraw']) await post(`/${id}/${action}`, approver).expect(403);
      await t.http.patch(`/api/v1/nominations/${id}`).set(approver).send({ achievements: 'x' }).expect(403);
      for (const action of ['submit', 'approve']) await post(`/${id}/${action}`, auditor).expect(403);
      // Out of scope.
      expect((await post(`/${id}/approve`, approverOther).expect(403)).body.code).toBe('OUT_OF_SCOPE');
      await post(`/${id}/votes`, approverOther, PASSING_VOTE).expect(403);
      await post(`/${id}/reject`, approverOther, { reason: 'x' }).expect(403);
      await post(`/${id}/withdraw`, hrOther).expect(403);
      await t.http.get(`/api/v1/nominations/${id}`).set(hrOther).expect(403);
      // Nothing changed; the auditor reads it.
      expect((await t.http.get(`/api/v1/nominations/${id}`).set(auditor).expect(200)).body.status).toBe('SUBMITTED');
    });

    it('answers 404 for an unknown nomination and 400 for a malformed id', async () => {
      const { hr, approver } = await setup();
      await post(`/${UNKNOWN_ID}/submit`, hr).expect(404);
      await post(`/${UNKNOWN_ID}/withdraw`, hr).expect(404);
      await post(`/${UNKNOWN_ID}/approve`, approver).expect(404);
      await post(`/${UNKNOWN_ID}/reject`, approver, { reason: 'x' }).expect(404);
      await post(`/${UNKNOWN_ID}/return`, approver, { reason: 'x' }).expect(404);
      await post(`/${UNKNOWN_ID}/votes`, approver, PASSING_VOTE).expect(404);
      await t.http.patch(`/api/v1/nominations/${UNKNOWN_ID}`).set(hr).send({ achievements: 'x' }).expect(404);
      const notFound = await t.http.get(`/api/v1/nominations/${UNKNOWN_ID}`).set(hr).expect(404);
      expect(notFound.headers['content-type']).toMatch(PROBLEM);
      const badId = await post('/not-a-uuid/approve', approver).expect(400);
      expect(badId.body.errors).toEqual([{ field: 'id', message: 'phải là một UUID' }]);
    });

    it('answers 409 INVALID_STATE for an action the status does not allow', async () => {
      const { tree, hr, approver } = await setup();
      const an = await makeRatedIndividual(t, tree.unit.id, 'HTT');
      const draft = await makeNomination(t, byDepartment(tree, Y, 'LAO_DONG_TIEN_TIEN', an.id));
      for (const [action, payload] of [
        ['approve', undefined],
        ['reject', { reason: 'x' }],
        ['return', { reason: 'x' }],
        ['votes', PASSING_VOTE],
      ] as const) {
        const response = await post(`/${draft.id}/${action}`, approver, payload).expect(409);
        expect(response.headers['content-type']).toMatch(PROBLEM);
        expect(response.body).toMatchObject({ code: 'INVALID_STATE', currentStatus: 'DRAFT' });
      }
      await post(`/${draft.id}/submit`, hr).expect(200);
      await post(`/${draft.id}/submit`, hr).expect(409);
      await t.http.patch(`/api/v1/nominations/${draft.id}`).set(hr).send({ achievements: 'x' }).expect(409);
      await post(`/${draft.id}/approve`, approver).expect(200);
      for (const action of ['approve', 'withdraw', 'submit'])
        await post(`/${draft.id}/${action}`, action === 'approve' ? approver : hr).expect(409);
      await post(`/${draft.id}/reject`, approver, { reason: 'x' }).expect(409);
    });

    it('answers 400 for missing reasons, bad vote tallies and bad edits', async () => {
      const { tree, hr, approver } = await setup();
      const an = await makeRatedIndividual(t, tree.unit.id, 'HTT');
      const { id } = await makeSubmittedNomination(t, byDepartment(tree, Y, 'LAO_DONG_TIEN_TIEN', an.id));
      expect(fields((await post(`/${id}/return`, approver, {}).expect(400)).body)).toEqual(['reason']);
      expect(fields((await post(`/${id}/reject`, approver, { reason: '   ' }).expect(400)).body)).toEqual(['reason']);
      expect(fields((await post(`/${id}/withdraw`, hr, { note: 'x' }).expect(400)).body)).toEqual(['note']);
      expect(
        fields(
          (await post(`/${id}/votes`, approver, { members: 0, present: 1.5, writtenVotes: -1, yes: -1 }).expect(400))
            .body,
        ).sort(),
      ).toEqual(['heldOn', 'members', 'minutesReference', 'present', 'writtenVotes', 'yes']);
      expect(
        fields(
          (await post(`/${id}/votes`, approver, { ...MEETING, members: 10, present: 11, yes: 12 }).expect(400)).body,
        ),
      ).toEqual(['present', 'yes']);
      expect(
        fields(
          (
            await post(`/${id}/votes`, approver, {
              ...MEETING,
              members: 10,
              present: 8,
              writtenVotes: 3,
              yes: 8,
            }).expect(400)
          ).body,
        ),
      ).toEqual(['writtenVotes']);
      // A meeting is not held in the future, nor recorded without its minutes.
      expect(
        fields(
          (
            await post(`/${id}/votes`, approver, {
              heldOn: '2099-01-01',
              minutesReference: '  ',
              members: 10,
              present: 8,
              yes: 3,
            }).expect(400)
          ).body,
        ).sort(),
      ).toEqual(['heldOn', 'minutesReference']);
      await post(`/${id}/votes`, approver, { ...MEETING, members: 10, present: 8, yes: 3, extra: true }).expect(400);

      const draft = await makeNomination(t, byDepartment(tree, Y, 'GIAY_KHEN', an.id));
      expect(
        fields(
          (await t.http.patch(`/api/v1/nominations/${draft.id}`).set(hr).send({ basis: 'X', year: 2020 }).expect(400))
            .body,
        ).sort(),
      ).toEqual(['basis', 'year']);
      expect(
        fields(
          (await t.http.patch(`/api/v1/nominations/${draft.id}`).set(hr).send({ achievements: null }).expect(400)).body,
        ),
      ).toEqual(['achievements']);
      expect(
        fields(
          (
            await t.http
              .patch(`/api/v1/nominations/${draft.id}`)
              .set(hr)
              .send({ expectedDecisionOn: '2020-01-01' })
              .expect(400)
          ).body,
        ),
      ).toEqual(['expectedDecisionOn']);
    });

    it('PATCH changes the basis of a form, refuses a title on another basis (R-BASIS-2) and a basis that makes a duplicate (409)', async () => {
      const { tree, hr } = await setup();
      const an = await makeRatedIndividual(t, tree.unit.id, 'HTT');
      const title = await makeNomination(t, byDepartment(tree, Y, 'LAO_DONG_TIEN_TIEN', an.id));
      expect(
        violated(
          (await t.http.patch(`/api/v1/nominations/${title.id}`).set(hr).send({ basis: 'AD_HOC' }).expect(422)).body,
        ),
      ).toEqual(['R-BASIS-2']);
      await makeNomination(t, byDepartment(tree, Y, 'GIAY_KHEN', an.id));
      const thematic = await makeNomination(t, { ...byDepartment(tree, Y, 'GIAY_KHEN', an.id), basis: 'THEMATIC' });
      const clash = await t.http
        .patch(`/api/v1/nominations/${thematic.id}`)
        .set(hr)
        .send({ basis: 'REGULAR' })
        .expect(409);
      expect(clash.body.code).toBe('DUPLICATE_NOMINATION');
      const edited = await t.http
        .patch(`/api/v1/nominations/${thematic.id}`)
        .set(hr)
        .send({ basis: 'AD_HOC' })
        .expect(200);
      expect(edited.body.basis).toBe('AD_HOC');
    });
  });

  describe('GET /nominations', () => {
    it("filters by year, status, award code, proposing organization (exact or subtree), within the caller's scope", async () => {
      const { tree, hr, approver, auditor, hrOther } = await setup();
      const an = await makeRatedIndividual(t, tree.unit.id, 'HTT', [2023, 2024]);
      const binh = await makeRatedIndividual(t, tree.otherDepartment.id, 'HTT');
      const a = await makeSubmittedNomination(t, byDepartment(tree, 2024, 'LAO_DONG_TIEN_TIEN', an.id));
      const b = await makeNomination(t, {
        year: 2023,
        awardCode: 'LAO_DONG_TIEN_TIEN',
        individualId: an.id,
        proposingOrganizationId: tree.unit.id,
      });
      const c = await makeNomination(t, {
        year: 2024,
        awardCode: 'GIAY_KHEN',
        individualId: binh.id,
        proposingOrganizationId: tree.otherDepartment.id,
      });
      const ids = (response: { body: { items: { id: string }[] } }) => response.body.items.map((n) => n.id).sort();

      expect(ids(await t.http.get('/api/v1/nominations').set(hr).expect(200))).toEqual([a.id, b.id].sort());
      expect(ids(await t.http.get('/api/v1/nominations').set(approver).expect(200))).toEqual([a.id, b.id].sort());
      expect(ids(await t.http.get('/api/v1/nominations').set(hrOther).expect(200))).toEqual([c.id]);
      expect(ids(await t.http.get('/api/v1/nominations').set(auditor).expect(200))).toEqual([a.id, b.id, c.id].sort());
      expect(ids(await t.http.get('/api/v1/nominations?year=2024').set(auditor).expect(200))).toEqual(
        [a.id, c.id].sort(),
      );
      expect(ids(await t.http.get('/api/v1/nominations?status=SUBMITTED').set(auditor).expect(200))).toEqual([a.id]);
      expect(ids(await t.http.get('/api/v1/nominations?awardCode=GIAY_KHEN').set(auditor).expect(200))).toEqual([c.id]);
      expect(
        ids(await t.http.get(`/api/v1/nominations?organizationId=${tree.department.id}`).set(auditor).expect(200)),
      ).toEqual([a.id, b.id].sort());
      expect(
        ids(
          await t.http
            .get(`/api/v1/nominations?proposingOrganizationId=${tree.department.id}`)
            .set(auditor)
            .expect(200),
        ),
      ).toEqual([a.id]);
      // The scope bounds any filter.
      expect(
        ids(await t.http.get(`/api/v1/nominations?organizationId=${tree.otherDepartment.id}`).set(hr).expect(200)),
      ).toEqual([]);

      const detail = await t.http.get(`/api/v1/nominations/${a.id}`).set(auditor).expect(200);
      expect(detail.body).toMatchObject({
        id: a.id,
        status: 'SUBMITTED',
        votes: [],
        history: [expect.any(Object), expect.any(Object)],
      });
    });

    it('pages newest first with a keyset cursor and rejects forged cursors and bad filters', async () => {
      const { tree, hr } = await setup();
      const created = [];
      for (let i = 0; i < 5; i++) {
        created.push(
          (
            await makeNomination(t, {
              ...byDepartment(tree, Y, 'GIAY_KHEN', (await makeIndividual(t, tree.unit.id)).id),
              basis: 'THEMATIC',
            })
          ).id,
        );
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await t.http
          .get(`/api/v1/nominations?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
          .set(hr)
          .expect(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((n) => n.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual([...created].reverse());
      await t.http.get('/api/v1/nominations?cursor=bm9wZQ').set(hr).expect(400);
      const forged = Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url');
      await t.http.get(`/api/v1/nominations?cursor=${forged}`).set(hr).expect(400);
      const bad = await t.http
        .get('/api/v1/nominations?limit=0&status=LOST&year=20x&organizationId=1')
        .set(hr)
        .expect(400);
      expect(fields(bad.body).sort()).toEqual(['limit', 'organizationId', 'status', 'year']);
    });

    it('shows the approver and the auditor the nominations they can act on, and nothing to the public', async () => {
      const { tree } = await setup();
      const orphan = await makeOrganization(t, { kind: 'UNIT' });
      const hrOrphan = bearer(await t.token('HR_OFFICER', orphan.id));
      await makeNomination(t, byDepartment(tree, Y, 'GIAY_KHEN', { organizationId: tree.unit.id }));
      expect((await t.http.get('/api/v1/nominations').set(hrOrphan).expect(200)).body.items).toEqual([]);
      const anonymous = await t.http.get('/api/v1/nominations').expect(401);
      expect(anonymous.headers['content-type']).toMatch(PROBLEM);
    });
  });
});
