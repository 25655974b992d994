import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  makeApprovedNomination,
  makeDecision,
  makeEligible,
  makeIndividual,
  makeRevocation,
  makeTree,
  type Tree,
} from '../support/factories.js';
import { BOOTSTRAP_TOKEN, bearer, createTestApp, type TestApp } from '../support/test-app.js';
import { byDepartment } from '../support/world.js';

const ADMIN = bearer(BOOTSTRAP_TOKEN);
const PROBLEM = /application\/problem\+json/;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const Y = 2024;
const DECIDED_ON = '2025-01-20';
const REVOKED_ON = '2025-06-02';

type Violation = { rule: string; awardId?: string; message: string };

/**
 * R-REVOKE-1 (Law 2022 Art 93): a revocation is a decision — number, date, issuer, ground — that revokes its awards
 * all or nothing, stops them counting, makes their bonus due for recovery and flags the later awards that counted
 * them. Public as an act, without the officer's reason.
 */
describe('revocation decisions (R-REVOKE-1)', () => {
  let t: TestApp;
  let tree: Tree;
  /** An (LĐTT 2024) and CSTĐ cơ sở 2024 of the same person, signed together; Bình's LĐTT 2024. */
  let signed: Awaited<ReturnType<typeof makeDecision>>;
  let an: { id: string };
  let ldttAn: string;
  let cscsAn: string;
  let ldttBinh: string;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  beforeEach(async () => {
    await t.reset();
    tree = await makeTree(t);
    an = await makeIndividual(t, tree.unit.id, { fullName: 'Nguyễn Văn An' });
    const binh = await makeIndividual(t, tree.unit.id, { fullName: 'Trần Thị Bình' });
    await makeEligible(t, an.id, 'CHIEN_SI_THI_DUA_CO_SO', Y);
    await makeEligible(t, binh.id, 'LAO_DONG_TIEN_TIEN', Y);
    const nominate = async (code: string, individualId: string) =>
      (await makeApprovedNomination(t, byDepartment(tree, Y, code, individualId))).id;
    signed = await makeDecision(t, {
      issuerOrganizationId: tree.department.id,
      issuedOn: DECIDED_ON,
      nominationIds: [
        await nominate('LAO_DONG_TIEN_TIEN', an.id),
        await nominate('CHIEN_SI_THI_DUA_CO_SO', an.id),
        await nominate('LAO_DONG_TIEN_TIEN', binh.id),
      ],
    });
    const line = (code: string, name: string) =>
      signed.awards.find((a) => a.awardCode === code && a.recipientName === name)!.id;
    ldttAn = line('LAO_DONG_TIEN_TIEN', 'Nguyễn Văn An');
    cscsAn = line('CHIEN_SI_THI_DUA_CO_SO', 'Nguyễn Văn An');
    ldttBinh = line('LAO_DONG_TIEN_TIEN', 'Trần Thị Bình');
  });

  const body = (over: Record<string, unknown> = {}) => ({
    issuerOrganizationId: tree.department.id,
    issuedOn: REVOKED_ON,
    ground: 'A',
    reason: 'Khai man thành tích: <b>hồ sơ</b> của ông An',
    awardIds: [ldttBinh],
    ...over,
  });
  const award = async (id: string, token?: string) => {
    const request = t.http.get(`/api/v1/individuals/${await personOf(id)}/awards`);
    if (token) request.set(bearer(token));
    return ((await request.expect(200)).body.items as Record<string, unknown>[]).find((a) => a.id === id)!;
  };
  const personOf = async (awardId: string) =>
    (await t.db.query<{ individual_id: string }[]>('SELECT individual_id FROM awards WHERE id = $1', [awardId]))[0]
      .individual_id;

  it('records the decision, revokes its awards all at once and numbers it in the issuer’s register', async () => {
    const approver = await t.token('APPROVER', tree.department.id);
    const response = await t.http
      .post('/api/v1/revocations')
      .set(bearer(approver))
      .send(body({ awardIds: [ldttBinh, ldttAn] }))
      .expect(201);
    // One register (R-NUM-1): the department's 2025 series holds the award decision (01), so this is 02.
    expect(response.body).toMatchObject({
      number: '02/QĐ-STTTT',
      numberValue: 2,
      year: 2025,
      issuedOn: REVOKED_ON,
      issuer: { id: tree.department.id, documentSymbol: 'STTTT' },
      authority: 'DEPARTMENT_HEAD',
      ground: 'A',
      groundText: expect.stringContaining('điểm a khoản 2 Điều 93'),
      reason: 'Khai man thành tích: <b>hồ sơ</b> của ông An',
      awardCount: 2,
    });
    expect(response.body.awards.map((a: { id: string }) => a.id).sort()).toEqual([ldttAn, ldttBinh].sort());
    for (const revoked of response.body.awards) {
      expect(revoked).toMatchObject({
        revoked: true,
        revocation: { id: response.body.id, number: '02/QĐ-STTTT', issuedOn: REVOKED_ON, ground: 'A' },
        needsReview: false,
      });
    }
    // The bonus paid with a revoked award is due for recovery; An's Lao động tiên tiến was paid with his CSTĐ cơ sở
    // (R-MONEY-3), so there is nothing of its own to recover.
    const binh = response.body.awards.find((a: { id: string }) => a.id === ldttBinh);
    expect(binh.bonusAmount).toBeGreaterThan(0);
    expect(binh).toMatchObject({
      bonusRecoveryDue: true,
      bonusRecovery: { amount: binh.bonusAmount, dueSince: REVOKED_ON },
    });
    expect(response.body.awards.find((a: { id: string }) => a.id === ldttAn)).toMatchObject({
      bonusAmount: 0,
      bonusRecoveryDue: false,
      bonusRecovery: null,
    });
    // The next award decision of the year takes the next number of the same series.
    const next = await makeDecision(t, {
      issuerOrganizationId: tree.department.id,
      issuedOn: '2025-07-01',
      nominationIds: [(await makeApprovedNomination(t, byDepartment(tree, 2025, 'GIAY_KHEN', an.id))).id],
    });
    expect(next.number).toBe('03/QĐ-STTTT');
    // The award decision's own number is taken, for a revocation too.
    const taken = await t.http
      .post('/api/v1/revocations')
      .set(ADMIN)
      .send(body({ awardIds: [cscsAn], number: '01/QĐ-STTTT' }))
      .expect(409);
    expect(taken.body).toMatchObject({ code: 'DECISION_NUMBER_TAKEN', decisionId: signed.id });
  });

  it('is issued by the granting authority or one above it, dated between the award and today', async () => {
    // The province is above the department that granted.
    await t.http
      .post('/api/v1/revocations')
      .set(ADMIN)
      .send(body({ issuerOrganizationId: tree.province.id }))
      .expect(201);

    const refuse = async (over: Record<string, unknown>, rule = 'R-REVOKE-1') => {
      const answer = await t.http
        .post('/api/v1/revocations')
        .set(ADMIN)
        .set('Accept-Language', 'en')
        .send(body({ awardIds: [ldttAn], ...over }));
      expect(answer.status).toBe(422);
      expect(answer.headers['content-type']).toMatch(PROBLEM);
      expect(answer.body.code).toBe('RULE_VIOLATION');
      const violations = answer.body.violations as Violation[];
      expect(violations.map((v) => v.rule)).toContain(rule);
      return violations;
    };
    // A department beside the one that granted.
    const beside = await refuse({ issuerOrganizationId: tree.otherDepartment.id });
    expect(beside).toEqual([
      expect.objectContaining({
        rule: 'R-REVOKE-1',
        awardId: ldttAn,
        message: expect.stringMatching(/only the granting authority or one above it revokes an award.*Law 2022 Art 93/),
      }),
    ]);
    // A unit below it: no competence of its own (and no document symbol to number with).
    const below = await refuse({ issuerOrganizationId: tree.unit.id });
    expect(below.map((v) => v.rule).sort()).toEqual(['R-NUM-1', 'R-REVOKE-1']);
    // Dated before the award's decision, or after today.
    const early = await refuse({ issuedOn: '2025-01-19' });
    expect(early[0].message).toContain('before the date of the decision granting');
    const late = await refuse({ issuedOn: '2099-01-01' });
    expect(late[0].message).toContain('after today');
    // Nothing of a refused revocation stays.
    expect((await award(ldttAn)).revoked).toBe(false);
    const [{ count }] = await t.db.query<{ count: number }[]>('SELECT count(*)::int AS count FROM revocations');
    expect(count).toBe(1);
  });

  it('refuses what is not a revocation: ground, unknown or revoked awards, scope', async () => {
    const ground = await t.http
      .post('/api/v1/revocations')
      .set(ADMIN)
      .send(body({ ground: 'E' }))
      .expect(400);
    expect(ground.body.errors.map((e: { field: string }) => e.field)).toEqual(['ground']);
    for (const [over, field] of [
      [{ reason: ' ' }, 'reason'],
      [{ awardIds: [] }, 'awardIds'],
      [{ awardIds: [ldttAn, ldttAn.toUpperCase()] }, 'awardIds'],
      [{ issuedOn: '2025-02-30' }, 'issuedOn'],
      [{ number: '5/QĐ' }, 'number'],
    ] as const) {
      const response = await t.http.post('/api/v1/revocations').set(ADMIN).send(body(over)).expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const unknown = await t.http
      .post('/api/v1/revocations')
      .set(ADMIN)
      .send(body({ awardIds: [ldttAn, UNKNOWN_ID] }))
      .expect(422);
    expect(unknown.body).toMatchObject({ code: 'INVALID_REFERENCE', errors: [{ field: 'awardIds.1' }] });

    await makeRevocation(t, body({ awardIds: [ldttAn] }));
    const again = await t.http
      .post('/api/v1/revocations')
      .set(ADMIN)
      .send(body({ awardIds: [ldttBinh, ldttAn] }))
      .expect(409);
    expect(again.body).toMatchObject({ code: 'AWARD_ALREADY_REVOKED', awardIds: [ldttAn] });
    // All or nothing: Bình's award was not revoked with the refused request.
    expect((await award(ldttBinh)).revoked).toBe(false);

    const elsewhere = await t.token('APPROVER', tree.otherDepartment.id);
    const out = await t.http.post('/api/v1/revocations').set(bearer(elsewhere)).send(body()).expect(403);
    expect(out.body.code).toBe('OUT_OF_SCOPE');
    await t.http.post('/api/v1/revocations').send(body()).expect(401);
  });

  it('is public as an act: the ground, never the reason, except to readers in scope', async () => {
    const made = await makeRevocation(t, body());
    const reason = 'Khai man thành tích: <b>hồ sơ</b> của ông An';
    const read = async (token?: string) => {
      const request = t.http.get(`/api/v1/revocations/${made.id}`);
      if (token) request.set(bearer(token));
      return (await request.expect(200)).body;
    };
    const open = await read();
    expect(open).toMatchObject({ number: made.number, ground: 'A', reason: null });
    expect(JSON.stringify(open)).not.toContain('Khai man');
    expect(open.awards[0]).toMatchObject({ revoked: true, revokedReason: null, revocation: { ground: 'A' } });
    expect((await read(await t.token('AUDITOR'))).reason).toBe(reason);
    expect((await read(await t.token('APPROVER', tree.department.id))).reason).toBe(reason);
    expect((await read(await t.token('APPROVER', tree.otherDepartment.id))).reason).toBeNull();
    expect((await read(await t.token('HR_OFFICER', tree.department.id))).reason).toBeNull();

    const list = await t.http.get('/api/v1/revocations').expect(200);
    expect(list.body).toMatchObject({ items: [{ id: made.id, ground: 'A', reason: null }], nextCursor: null });
    expect(list.headers['cache-control']).toMatch(/^public/);
    const year = await t.http.get('/api/v1/revocations?year=2024').expect(200);
    expect(year.body.items).toEqual([]);
    await t.http.get(`/api/v1/revocations/${UNKNOWN_ID}`).expect(404);
    await t.http.get('/api/v1/revocations/nope').expect(400);

    // The certificate verifies as revoked, with the revocation's ground and no reason.
    const code = signed.awards.find((a) => a.id === ldttBinh)!.verificationCode;
    const certificate = await t.http.get(`/api/v1/certificates/${code}`).expect(200);
    expect(certificate.body).toMatchObject({ valid: false, revoked: true });
    expect(JSON.stringify(certificate.body)).not.toContain('Khai man');
  });

  it('stops counting: the year may be nominated again, and a prerequisite no longer holds', async () => {
    await makeRevocation(t, body({ awardIds: [ldttAn] }));
    const check = async (awardCode: string) =>
      (
        await t.http
          .post('/api/v1/nominations/check')
          .set(ADMIN)
          .send({ ...byDepartment(tree, Y, awardCode, an.id), basis: 'REGULAR', achievements: 'x' })
          .expect(200)
      ).body.eligibility.checks as { rule: string; passed: boolean }[];
    // R-DUP-1: a new regular Lao động tiên tiến of 2024 is allowed again.
    expect(await check('LAO_DONG_TIEN_TIEN')).toContainEqual(
      expect.objectContaining({ rule: 'R-DUP-1', passed: true }),
    );
    // R-CSCS-1 judged after the revocation: the Lao động tiên tiến of 2024 no longer counts.
    expect(await check('CHIEN_SI_THI_DUA_CO_SO')).toContainEqual(
      expect.objectContaining({ rule: 'R-CSCS-1', passed: false }),
    );
  });

  it('flags a later award that counted the revoked one, never revokes it, and lets an approver clear the flag', async () => {
    const made = await makeRevocation(t, body({ awardIds: [ldttAn] }));
    expect(made.flagged).toEqual([
      expect.objectContaining({ award: expect.objectContaining({ id: cscsAn, needsReview: true, revoked: false }) }),
    ]);
    expect(made.flagged[0]).toMatchObject({ reliedOnAwardId: ldttAn, rule: 'R-CSCS-1' });
    expect(await award(cscsAn)).toMatchObject({ needsReview: true, revoked: false });
    // Bình's award counted nothing of An's.
    expect((await award(ldttBinh)).needsReview).toBe(false);
    // The read of the revocation lists it too.
    const read = await t.http.get(`/api/v1/revocations/${made.id}`).expect(200);
    expect(read.body.flagged).toEqual([
      expect.objectContaining({
        reliedOnAwardId: ldttAn,
        rule: 'R-CSCS-1',
        message: expect.stringContaining('R-CSCS-1'),
      }),
    ]);

    const approver = await t.token('APPROVER', tree.department.id);
    const reviewed = await t.http
      .post(`/api/v1/awards/${cscsAn}/review`)
      .set(bearer(approver))
      .send({ outcome: 'CONFIRMED' })
      .expect(200);
    expect(reviewed.body).toMatchObject({ id: cscsAn, needsReview: false, revoked: false });
    const again = await t.http
      .post(`/api/v1/awards/${cscsAn}/review`)
      .set(bearer(approver))
      .send({ outcome: 'CONFIRMED' })
      .expect(409);
    expect(again.body.code).toBe('INVALID_STATE');
    await t.http.post(`/api/v1/awards/${cscsAn}/review`).set(ADMIN).send({ outcome: 'MAYBE' }).expect(400);
    await t.http.post(`/api/v1/awards/${UNKNOWN_ID}/review`).set(ADMIN).send({ outcome: 'CONFIRMED' }).expect(404);
  });

  it('revoking both the prerequisite and the award that counted it flags nothing', async () => {
    const made = await makeRevocation(t, body({ awardIds: [ldttAn, cscsAn] }));
    expect(made.flagged).toEqual([]);
    expect(await award(cscsAn)).toMatchObject({ revoked: true, needsReview: false });
  });

  it('changes the ETag of the public register, and replays an Idempotency-Key', async () => {
    const path = `/api/v1/individuals/${an.id}/awards`;
    const before = (await t.http.get(path).expect(200)).headers['etag'];
    await t.http.get(path).set('If-None-Match', before).expect(304);
    const key = 'b7a1c2d3-0000-4000-8000-00000000abcd';
    const first = await t.http
      .post('/api/v1/revocations')
      .set(ADMIN)
      .set('Idempotency-Key', key)
      .send(body({ awardIds: [ldttAn] }))
      .expect(201);
    const replay = await t.http
      .post('/api/v1/revocations')
      .set(ADMIN)
      .set('Idempotency-Key', key)
      .send(body({ awardIds: [ldttAn] }))
      .expect(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.id).toBe(first.body.id);
    const after = await t.http.get(path).set('If-None-Match', before).expect(200);
    expect(after.headers['etag']).not.toBe(before);
    expect(after.body.items.find((a: { id: string }) => a.id === ldttAn)).toMatchObject({
      revoked: true,
      revokedReason: null,
      revocation: { number: first.body.number, ground: 'A' },
    });
    // The revocations list is a public read of the same version.
    const list = await t.http.get('/api/v1/revocations').expect(200);
    expect(list.headers['etag']).toBe(after.headers['etag']);
  });

  it('two revocations of one award at once: one decision, the other 409, numbers never shared', async () => {
    const [a, b] = await Promise.all(
      [ldttAn, ldttAn].map((id) =>
        t.http
          .post('/api/v1/revocations')
          .set(ADMIN)
          .send(body({ awardIds: [id] })),
      ),
    );
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect((a.status === 409 ? a : b).body.code).toBe('AWARD_ALREADY_REVOKED');
    // Two revocations of other awards at once take two numbers of the series.
    const [c, d] = await Promise.all(
      [cscsAn, ldttBinh].map((id) =>
        t.http
          .post('/api/v1/revocations')
          .set(ADMIN)
          .send(body({ awardIds: [id] })),
      ),
    );
    expect([c.status, d.status]).toEqual([201, 201]);
    expect([c.body.number, d.body.number].sort()).toEqual(['03/QĐ-STTTT', '04/QĐ-STTTT']);
  });

  it('an award of a history decision outside the registry is revoked by an ADMIN only', async () => {
    const approver = await t.token('APPROVER', tree.province.id);
    await t.db.query(
      `INSERT INTO history_imports (file_hash, file_name, rows, decisions, awards) VALUES ('x', 'lich-su.csv', 1, 1, 3)`,
    );
    await t.db.query(
      `UPDATE decisions SET source = 'HISTORY', issuer_organization_id = NULL, issuer_name = 'Thủ tướng Chính phủ',
              history_import_hash = 'x' WHERE id = $1`,
      [signed.id],
    );
    const refused = await t.http
      .post('/api/v1/revocations')
      .set(bearer(approver))
      .send(body({ issuerOrganizationId: tree.province.id }))
      .expect(403);
    expect(refused.body.code).toBe('OUT_OF_SCOPE');
    await t.http
      .post('/api/v1/revocations')
      .set(ADMIN)
      .send(body({ issuerOrganizationId: tree.province.id }))
      .expect(201);
  });
});
