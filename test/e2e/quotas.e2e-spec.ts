import { describe, expect, it } from '@jest/globals';
import {
  makeAwardRecord,
  makeIndividual,
  makeNomination,
  makeSubmittedNomination,
  MEETING,
  recordCouncilSize,
  setRating,
} from '../support/factories.js';
import { AWARD_CODES } from '../../src/rules/index.js';
import { useTestApp } from '../support/lifecycle.js';
import { BOOTSTRAP_TOKEN, bearer } from '../support/test-app.js';
import { byDepartment, makeLdttBase, makeWorld } from '../support/world.js';

// Booting the application and building many records take longer than Jest's default 5 s on a busy machine.

const PROBLEM = /application\/problem\+json/;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const admin = bearer(BOOTSTRAP_TOKEN);
const Y = 2024;
const fields = (body: { errors?: { field: string }[] }) => [...new Set((body.errors ?? []).map((e) => e.field))].sort();
const DEFAULT_SETTINGS = { cscsEnabled: true, cscsRatio: 0.15, cstinhEnabled: false, cstinhRatio: 0.1 };

describe('quotas and rule settings', () => {
  const t = useTestApp();
  const setup = () => makeWorld(t);

  type Auth = Record<string, string>;
  const putQuota = (auth: Auth, body: object) => t.http.put('/api/v1/quotas').set(auth).send(body);
  const putQuotaSettings = (auth: Auth, body: object) =>
    t.http.put('/api/v1/rule-settings/quotas').set(auth).send(body);
  const putVotePolicy = (awardCode: string, auth: Auth, body: object) =>
    t.http.put(`/api/v1/award-types/${awardCode}/vote-policy`).set(auth).send(body);
  const list = (auth: Auth, organizationId: string, year = Y) =>
    t.http.get(`/api/v1/quotas?organizationId=${organizationId}&year=${year}`).set(auth);

  describe('PUT /quotas', () => {
    it('creates and replaces a unit quota (ADMIN, or an APPROVER above the unit)', async () => {
      const { tree } = await setup();
      const approverAbove = bearer(await t.token('APPROVER', tree.province.id));
      const created = await putQuota(approverAbove, {
        organizationId: tree.department.id,
        year: Y,
        awardCode: 'GIAY_KHEN',
        maxCount: 5,
      }).expect(200);
      expect(created.body).toMatchObject({
        organizationId: tree.department.id,
        year: Y,
        awardCode: 'GIAY_KHEN',
        maxCount: 5,
        maxRatio: null,
        ratioOf: null,
      });
      // PUT replaces the whole quota; a ratio without a base is a share of the headcount.
      const replaced = await putQuota(admin, {
        organizationId: tree.department.id,
        year: Y,
        awardCode: 'GIAY_KHEN',
        maxRatio: 0.25,
      }).expect(200);
      expect(replaced.body).toMatchObject({ maxCount: null, maxRatio: 0.25, ratioOf: 'HEADCOUNT' });
      const both = await putQuota(admin, {
        organizationId: tree.unit.id,
        year: Y,
        awardCode: 'GIAY_KHEN',
        maxCount: 2,
        maxRatio: 0.5,
        ratioOf: 'LAO_DONG_TIEN_TIEN',
      }).expect(200);
      expect(both.body).toMatchObject({ maxCount: 2, maxRatio: 0.5, ratioOf: 'LAO_DONG_TIEN_TIEN' });
    });

    it('answers 400 for a quota without a limit, a lone or circular base, a bad ratio and unknown fields', async () => {
      const { tree, approver } = await setup();
      const base = { organizationId: tree.department.id, year: Y, awardCode: 'GIAY_KHEN' };
      const none = await putQuota(approver, base).expect(400);
      expect(none.headers['content-type']).toMatch(PROBLEM);
      expect(fields(none.body)).toEqual(['maxCount', 'maxRatio']);
      for (const [payload, expected] of [
        [{ maxCount: 1, ratioOf: 'HEADCOUNT' }, ['ratioOf']],
        [{ maxRatio: 0.1, ratioOf: 'GIAY_KHEN' }, ['ratioOf']],
        [{ maxRatio: 1.5 }, ['maxRatio']],
        [{ maxRatio: 0.12345 }, ['maxRatio']],
        [{ maxCount: -1, ratioOf: 'PEOPLE' }, ['maxCount', 'ratioOf']],
      ] as const) {
        const response = await putQuota(approver, { ...base, ...payload });
        expect({ payload, status: response.status, fields: fields(response.body) }).toEqual({
          payload,
          status: 400,
          fields: expected,
        });
      }
      const bad = await putQuota(approver, {
        organizationId: 'x',
        year: 1800,
        awardCode: 'HUAN_CHUONG',
        maxCount: 1,
        color: 'red',
      }).expect(400);
      expect(fields(bad.body)).toEqual(['awardCode', 'color', 'organizationId', 'year']);
    });

    it('answers 401, 403 for roles that may not set quotas or out of scope, and 422 for an unknown organization', async () => {
      const { tree, hr, approverOther, auditor } = await setup();
      const payload = { organizationId: tree.department.id, year: Y, awardCode: 'GIAY_KHEN', maxCount: 1 };
      await t.http.put('/api/v1/quotas').send(payload).expect(401);
      expect((await putQuota(hr, payload).expect(403)).body.code).toBe('FORBIDDEN');
      await putQuota(auditor, payload).expect(403);
      expect((await putQuota(approverOther, payload).expect(403)).body.code).toBe('NOT_ABOVE_ORGANIZATION');
      const unknown = await putQuota(admin, { ...payload, organizationId: UNKNOWN_ID }).expect(422);
      expect(unknown.body).toMatchObject({ code: 'INVALID_REFERENCE', errors: [{ field: 'organizationId' }] });
      expect(unknown.body.detail).toContain(`Không tồn tại tổ chức ${UNKNOWN_ID}`);
    });
  });

  describe('separation of duties: a quota is set from above the unit', () => {
    it("refuses the unit's own approver a PUT or DELETE of its quota (403); a key scoped above it may", async () => {
      const { tree, approver } = await setup();
      const approverAbove = bearer(await t.token('APPROVER', tree.province.id));
      const unitApprover = bearer(await t.token('APPROVER', tree.unit.id));
      const quota = { organizationId: tree.department.id, year: Y, awardCode: 'GIAY_KHEN' };
      const query = `organizationId=${quota.organizationId}&year=${Y}&awardCode=GIAY_KHEN`;

      // The department's own approver cannot set, raise or delete the department's quota.
      const refused = await putQuota(approver, { ...quota, maxCount: 99 }).expect(403);
      expect(refused.headers['content-type']).toMatch(PROBLEM);
      expect(refused.body).toMatchObject({ code: 'NOT_ABOVE_ORGANIZATION' });
      expect(refused.body.detail).toMatch(/^Chỉ tiêu của tổ chức .* do cấp trên đặt/);
      await putQuota(approverAbove, { ...quota, maxCount: 2 }).expect(200);
      await putQuota(approver, { ...quota, maxCount: 99 }).expect(403);
      expect((await t.http.delete(`/api/v1/quotas?${query}`).set(approver).expect(403)).body.code).toBe(
        'NOT_ABOVE_ORGANIZATION',
      );
      // Nor can a key scoped below it (the unit's approver), nor can the unit's approver set the unit's own.
      await putQuota(unitApprover, { ...quota, maxCount: 99 }).expect(403);
      await putQuota(unitApprover, { ...quota, organizationId: tree.unit.id, maxCount: 99 }).expect(403);
      const unitLimits = await list(approver, tree.department.id).expect(200);
      expect(unitLimits.body.items.filter((i: { source: string }) => i.source === 'UNIT')).toEqual([
        expect.objectContaining({ awardCode: 'GIAY_KHEN', limit: 2 }),
      ]);
      // From above: the province's approver for the department, the department's approver for its unit, ADMIN.
      await putQuota(approver, { ...quota, organizationId: tree.unit.id, maxCount: 1 }).expect(200);
      await t.http.delete(`/api/v1/quotas?${query}`).set(approverAbove).expect(204);
      await putQuota(admin, { ...quota, maxCount: 3 }).expect(200);
      await t.http.delete(`/api/v1/quotas?${query}`).set(admin).expect(204);
    });
  });

  describe('GET /quotas', () => {
    it('lists the legal CSTĐ cơ sở limit and each unit limit with what is used and what remains', async () => {
      const { tree, approver } = await setup();
      // 7 Lao động tiên tiến counted for the department in 2024 (one of them an APPROVED nomination).
      const people = [...(await makeLdttBase(t, tree, Y, 6)), await makeIndividual(t, tree.unit.id)];
      await setRating(t, people[6].id, Y, 'HTT');
      const ldtt = await makeSubmittedNomination(t, byDepartment(tree, Y, 'LAO_DONG_TIEN_TIEN', people[6].id));
      await t.http.post(`/api/v1/nominations/${ldtt.id}/approve`).set(approver).expect(200);
      // The department's quotas are set from above it (ADMIN here).
      await putQuota(admin, {
        organizationId: tree.department.id,
        year: Y,
        awardCode: 'GIAY_KHEN',
        maxCount: 4,
        maxRatio: 0.5,
        ratioOf: 'LAO_DONG_TIEN_TIEN',
      }).expect(200);
      await putQuota(admin, {
        organizationId: tree.department.id,
        year: Y,
        awardCode: 'BANG_KHEN_TINH',
        maxRatio: 0.25,
      }).expect(200);

      // What counts for Giấy khen: awards not revoked and APPROVED nominations of this organization and year only.
      await makeAwardRecord(t, byDepartment(tree, Y, 'GIAY_KHEN', people[0].id));
      await makeAwardRecord(t, { ...byDepartment(tree, Y, 'GIAY_KHEN', people[1].id), revoked: true });
      await makeAwardRecord(t, byDepartment(tree, 2023, 'GIAY_KHEN', people[1].id));
      await makeAwardRecord(t, {
        awardCode: 'GIAY_KHEN',
        year: Y,
        individualId: people[2].id,
        proposingOrganizationId: tree.unit.id,
      });
      const approved = await makeSubmittedNomination(t, byDepartment(tree, Y, 'GIAY_KHEN', people[3].id));
      await t.http.post(`/api/v1/nominations/${approved.id}/approve`).set(approver).expect(200);
      await makeSubmittedNomination(t, byDepartment(tree, Y, 'GIAY_KHEN', people[4].id));
      await makeNomination(t, byDepartment(tree, Y, 'GIAY_KHEN', people[5].id));

      const response = await list(approver, tree.department.id).expect(200);
      const common = { organizationId: tree.department.id, year: Y };
      expect(response.body.items).toEqual([
        expect.objectContaining({
          ...common,
          awardCode: 'CHIEN_SI_THI_DUA_CO_SO',
          rule: 'R-QUOTA-CSCS',
          // Law 2022 fixes no ratio: under the current regime the 15 % is the province's setting.
          source: 'SETTING',
          limit: 1,
          used: 0,
          remaining: 1,
        }),
        expect.objectContaining({
          ...common,
          awardCode: 'GIAY_KHEN',
          rule: 'R-QUOTA-UNIT',
          source: 'UNIT',
          limit: 4,
          used: 2,
          remaining: 2,
        }),
        expect.objectContaining({
          ...common,
          awardCode: 'GIAY_KHEN',
          rule: 'R-QUOTA-UNIT',
          source: 'UNIT',
          limit: 3,
          used: 2,
          remaining: 1,
        }),
        // 0.25 of the 7 people in the department's subtree.
        expect.objectContaining({
          ...common,
          awardCode: 'BANG_KHEN_TINH',
          rule: 'R-QUOTA-UNIT',
          source: 'UNIT',
          limit: 1,
          used: 0,
          remaining: 1,
        }),
      ]);
      expect(response.body.items[0].basis).toBe(
        '15% × 7 Lao động tiên tiến của đơn vị và các đơn vị trực thuộc, làm tròn xuống',
      );
      expect(response.body.items[2].basis).toBe('50% × 7 Lao động tiên tiến, làm tròn xuống');
      expect(response.body.items[3].basis).toBe('25% × 7 người (biên chế), làm tròn xuống');
      // Another organization or year has nothing but the legal limit.
      expect((await list(approver, tree.unit.id).expect(200)).body.items.map((i: { rule: string }) => i.rule)).toEqual([
        'R-QUOTA-CSCS',
      ]);
      expect((await list(approver, tree.department.id, 2025).expect(200)).body.items).toHaveLength(1);
    });

    it('R-QUOTA-CSCS counts the Lao động tiên tiến of the unit and its whole subtree, wherever proposed', async () => {
      const { tree, approver } = await setup();
      // 7 Lao động tiên tiến of the centre under the Sở, proposed by the centre itself.
      for (let i = 0; i < 7; i++) {
        const person = await makeIndividual(t, tree.unit.id);
        await makeAwardRecord(t, {
          awardCode: 'LAO_DONG_TIEN_TIEN',
          year: Y,
          individualId: person.id,
          proposingOrganizationId: tree.unit.id,
        });
      }
      const response = await list(approver, tree.department.id).expect(200);
      expect(response.body.items).toEqual([
        expect.objectContaining({ rule: 'R-QUOTA-CSCS', source: 'SETTING', limit: 1, used: 0 }),
      ]);
      expect(response.body.items[0].basis).toContain('7');
    });

    it('lists R-QUOTA-CSTINH once switched on, and no legal limit when both are off', async () => {
      const { tree, auditor } = await setup();
      await putQuotaSettings(admin, { ...DEFAULT_SETTINGS, cstinhEnabled: true }).expect(200);
      expect(
        (await list(auditor, tree.department.id).expect(200)).body.items.map((i: { rule: string }) => i.rule),
      ).toEqual(['R-QUOTA-CSCS', 'R-QUOTA-CSTINH']);
      await putQuotaSettings(admin, { ...DEFAULT_SETTINGS, cscsEnabled: false }).expect(200);
      expect((await list(auditor, tree.department.id).expect(200)).body.items).toEqual([]);
    });

    it('answers 400, 401, 403 out of scope and 422 for an unknown organization', async () => {
      const { tree, hr, approverOther, auditor } = await setup();
      await list(hr, tree.unit.id).expect(200);
      await list(auditor, tree.unit.id).expect(200);
      await t.http.get(`/api/v1/quotas?organizationId=${tree.unit.id}&year=${Y}`).expect(401);
      expect((await list(approverOther, tree.unit.id).expect(403)).body.code).toBe('OUT_OF_SCOPE');
      const bad = await t.http.get('/api/v1/quotas?organizationId=x&year=20x').set(hr).expect(400);
      expect(fields(bad.body)).toEqual(['organizationId', 'year']);
      expect(fields((await t.http.get('/api/v1/quotas').set(hr).expect(400)).body)).toEqual(['organizationId', 'year']);
      await list(admin, UNKNOWN_ID).expect(422);
    });
  });

  describe('DELETE /quotas', () => {
    it('removes a unit quota; a missing one is 404; HR officers may not', async () => {
      const { tree, approver, hr } = await setup();
      await putQuota(approver, { organizationId: tree.unit.id, year: Y, awardCode: 'GIAY_KHEN', maxCount: 1 }).expect(
        200,
      );
      const query = `organizationId=${tree.unit.id}&year=${Y}&awardCode=GIAY_KHEN`;
      await t.http.delete(`/api/v1/quotas?${query}`).set(hr).expect(403);
      await t.http.delete(`/api/v1/quotas?${query}`).set(approver).expect(204);
      expect((await list(approver, tree.unit.id).expect(200)).body.items.map((i: { rule: string }) => i.rule)).toEqual([
        'R-QUOTA-CSCS',
      ]);
      const missing = await t.http.delete(`/api/v1/quotas?${query}`).set(approver).expect(404);
      expect(missing.headers['content-type']).toMatch(PROBLEM);
      await t.http.delete(`/api/v1/quotas?organizationId=${tree.unit.id}&year=${Y}`).set(approver).expect(400);
    });
  });

  describe('rule settings', () => {
    it('GET /rule-settings shows the quota defaults and every vote policy to any signed-in role', async () => {
      const { hr } = await setup();
      const response = await t.http.get('/api/v1/rule-settings').set(hr).expect(200);
      expect(response.body.quotas).toEqual(DEFAULT_SETTINGS);
      expect(response.body.votePolicies).toHaveLength(AWARD_CODES.length);
      expect(response.body.votePolicies).toEqual(
        expect.arrayContaining([
          { awardCode: 'LAO_DONG_TIEN_TIEN', required: false, passRatio: 0.5, quorumRatio: 2 / 3 },
          { awardCode: 'BANG_KHEN_TINH', required: true, passRatio: 0.8, quorumRatio: 2 / 3 },
          { awardCode: 'CHIEN_SI_THI_DUA_TINH', required: true, passRatio: 0.9, quorumRatio: 2 / 3 },
        ]),
      );
      await t.http.get('/api/v1/rule-settings').expect(401);
    });

    it('PUT /rule-settings/quotas changes the ratios (ADMIN only) and the limits follow', async () => {
      const { tree, approver } = await setup();
      await makeLdttBase(t, tree, Y, 10);
      expect((await list(approver, tree.department.id).expect(200)).body.items[0]).toMatchObject({
        rule: 'R-QUOTA-CSCS',
        limit: 1,
      });
      const updated = await putQuotaSettings(admin, { ...DEFAULT_SETTINGS, cscsRatio: 0.3 }).expect(200);
      expect(updated.body).toEqual({ ...DEFAULT_SETTINGS, cscsRatio: 0.3 });
      expect((await list(approver, tree.department.id).expect(200)).body.items[0]).toMatchObject({
        rule: 'R-QUOTA-CSCS',
        limit: 3,
      });

      await putQuotaSettings(approver, DEFAULT_SETTINGS).expect(403);
      await t.http.put('/api/v1/rule-settings/quotas').send(DEFAULT_SETTINGS).expect(401);
      const bad = await putQuotaSettings(admin, { cscsEnabled: 'yes', cscsRatio: 2, cstinhRatio: 0.1 }).expect(400);
      expect(fields(bad.body)).toEqual(['cscsEnabled', 'cscsRatio', 'cstinhEnabled']);
    });

    it('PUT /award-types/{code}/vote-policy makes a vote required, and approval then needs one (R-VOTE-1)', async () => {
      const { tree, approver } = await setup();
      try {
        const set = await putVotePolicy('GIAY_KHEN', admin, { required: true, passRatio: 0.75 }).expect(200);
        expect(set.body).toEqual({ awardCode: 'GIAY_KHEN', required: true, passRatio: 0.75, quorumRatio: 2 / 3 });
        expect((await t.http.get('/api/v1/award-types/GIAY_KHEN').expect(200)).body).toMatchObject({
          voteRequired: true,
          votePassRatio: 0.75,
        });

        const person = await makeIndividual(t, tree.unit.id);
        const { id } = await makeSubmittedNomination(t, byDepartment(tree, Y, 'GIAY_KHEN', person.id));
        const refused = await t.http.post(`/api/v1/nominations/${id}/approve`).set(approver).expect(422);
        expect(refused.body.violations.map((v: { rule: string }) => v.rule)).toEqual(['R-VOTE-1']);
        // 75 % of 8 members is 6 yes.
        await recordCouncilSize(t, tree.department.id, 8);
        const short = await t.http
          .post(`/api/v1/nominations/${id}/votes`)
          .set(approver)
          .send({ ...MEETING, members: 8, present: 8, yes: 5 })
          .expect(201);
        expect(short.body.check).toMatchObject({ passed: false, limit: 6, actual: 5 });
        await t.http
          .post(`/api/v1/nominations/${id}/votes`)
          .set(approver)
          .send({ ...MEETING, members: 8, present: 8, yes: 6 })
          .expect(201);
        await t.http.post(`/api/v1/nominations/${id}/approve`).set(approver).expect(200);
      } finally {
        // The catalogue survives `t.reset()`: put the default back.
        await putVotePolicy('GIAY_KHEN', admin, { required: false, passRatio: 0.5 }).expect(200);
      }
    });

    it('PUT /award-types/{code}/vote-policy answers 400, 401, 403 and 404', async () => {
      const { approver } = await setup();
      const bad = await putVotePolicy('GIAY_KHEN', admin, { required: 'no', passRatio: 0, extra: 1 }).expect(400);
      expect(fields(bad.body)).toEqual(['extra', 'passRatio', 'required']);
      await putVotePolicy('GIAY_KHEN', admin, { required: true, passRatio: 1.2 }).expect(400);
      await putVotePolicy('not-a-code', admin, { required: true, passRatio: 0.5 }).expect(400);
      await t.http
        .put('/api/v1/award-types/GIAY_KHEN/vote-policy')
        .send({ required: true, passRatio: 0.5 })
        .expect(401);
      await putVotePolicy('GIAY_KHEN', approver, { required: true, passRatio: 0.5 }).expect(403);
      const missing = await putVotePolicy('HUAN_CHUONG_LAO_DONG', admin, { required: true, passRatio: 0.5 }).expect(
        404,
      );
      expect(missing.headers['content-type']).toMatch(PROBLEM);
      const unchanged = await t.http.get('/api/v1/award-types/GIAY_KHEN').expect(200);
      expect(unchanged.body).toMatchObject({ voteRequired: false, votePassRatio: 0.5 });
    });
  });
});
