import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  makeApprovedNomination,
  makeDecision,
  makeEligible,
  makeIndividual,
  makeOrganization,
  makeSubmittedNomination,
  makeTree,
  openDisciplinaryCase,
  setRating,
} from '../support/factories.js';
import { NominationsService } from '../../src/nominations/nominations.service.js';
import { BOOTSTRAP_TOKEN, bearer, createTestApp, type TestApp } from '../support/test-app.js';

// Real databases on a shared machine: generous, but bounded.

const PROBLEM = /application\/problem\+json/;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('decisions', () => {
  let t: TestApp;
  let tree: Awaited<ReturnType<typeof makeTree>>;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    await t.reset();
    tree = await makeTree(t);
  });

  /** A body for the Sở (STTTT) director's decision; override any field. */
  const decisionBody = (nominationIds: string[], overrides: Record<string, unknown> = {}) => ({
    issuerOrganizationId: tree.department.id,
    authority: 'DEPARTMENT_HEAD',
    issuedOn: '2024-01-23',
    signerName: 'Vũ Anh Dũng',
    signerTitle: 'Giám đốc',
    signingMode: 'DIRECT',
    nominationIds,
    ...overrides,
  });

  /** An individual of the department's unit, eligible for it (`makeEligible`), with an APPROVED nomination. */
  async function individualNomination(awardCode = 'GIAY_KHEN', year = 2023, extra: Record<string, unknown> = {}) {
    const person = await makeIndividual(t, tree.unit.id);
    await makeEligible(t, person.id, awardCode, year);
    const nomination = await makeApprovedNomination(t, {
      awardCode,
      year,
      individualId: person.id,
      proposingOrganizationId: tree.department.id,
      ...extra,
    });
    return { person, nomination };
  }

  const post = (body: unknown, token = BOOTSTRAP_TOKEN) =>
    t.http
      .post('/api/v1/decisions')
      .set(bearer(token))
      .send(body as object);

  const nominationRow = async (id: string) =>
    (
      await t.db.query<{ status: string; decision_id: string | null; version: number }[]>(
        'SELECT status, decision_id, version FROM nominations WHERE id = $1',
        [id],
      )
    )[0];

  describe('POST /decisions', () => {
    it('signs a decision as an APPROVER in scope: numbers it, grants one award per nomination, marks them DECIDED', async () => {
      const approver = await t.token('APPROVER', tree.department.id);
      const { person, nomination } = await individualNomination('GIAY_KHEN', 2023);
      const collective = await makeApprovedNomination(t, {
        awardCode: 'GIAY_KHEN',
        year: 2023,
        organizationId: tree.unit.id,
        proposingOrganizationId: tree.department.id,
      });

      const response = await post(decisionBody([nomination.id, collective.id]), approver).expect(201);
      expect(response.body).toMatchObject({
        number: '01/QĐ-STTTT',
        numberValue: 1,
        year: 2024,
        issuedOn: '2024-01-23',
        issuer: { id: tree.department.id, name: 'Sở Thông tin và Truyền thông', documentSymbol: 'STTTT' },
        authority: 'DEPARTMENT_HEAD',
        signerName: 'Vũ Anh Dũng',
        signerTitle: 'Giám đốc',
        signingMode: 'DIRECT',
        regime: 'TDKT_2022_ND98',
        awardCount: 2,
      });
      const awards = response.body.awards as Record<string, unknown>[];
      expect(awards).toHaveLength(2);
      const individual = awards.find((a) => a.recipientKind === 'INDIVIDUAL');
      const unit = awards.find((a) => a.recipientKind === 'COLLECTIVE');
      // R-MONEY-1: 0.3 × 1,800,000 = 540,000; a collective Giấy khen counts double.
      expect(individual).toMatchObject({
        year: 2023,
        awardCode: 'GIAY_KHEN',
        awardName: 'Giấy khen',
        basis: 'REGULAR',
        recipientName: person.fullName,
        individualId: person.id,
        organizationId: tree.unit.id,
        organizationName: tree.unit.name,
        proposingOrganizationId: tree.department.id,
        decisionId: response.body.id,
        decisionNumber: '01/QĐ-STTTT',
        issuedOn: '2024-01-23',
        regime: 'TDKT_2022_ND98',
        bonusAmount: 540000,
        revoked: false,
        revokedAt: null,
        bonusRecoveryDue: false,
      });
      expect(unit).toMatchObject({
        recipientName: tree.unit.name,
        individualId: null,
        organizationId: tree.unit.id,
        bonusAmount: 1080000,
      });
      for (const award of awards) expect(award.verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{20}$/);
      expect(individual?.verificationCode).not.toBe(unit?.verificationCode);

      for (const id of [nomination.id, collective.id]) {
        const row = await nominationRow(id);
        expect(row).toMatchObject({ status: 'DECIDED', decision_id: response.body.id, version: 2 });
      }
      const events = await t.db.query<
        { from_status: string; to_status: string; action: string; actor_role: string; actor_key_id: string | null }[]
      >(
        'SELECT from_status, to_status, action, actor_role, actor_key_id FROM nomination_events WHERE nomination_id = $1',
        [nomination.id],
      );
      expect(events).toEqual([
        expect.objectContaining({
          from_status: 'APPROVED',
          to_status: 'DECIDED',
          action: 'DECIDE',
          actor_role: 'APPROVER',
        }),
      ]);
      expect(events[0].actor_key_id).not.toBeNull();
    });

    it('the DECIDE history row is served by GET /nominations/{id} and listed in the documented NominationAction enum', async () => {
      const { nomination } = await individualNomination('GIAY_KHEN', 2023);
      const decision = await makeDecision(t, {
        issuerOrganizationId: tree.department.id,
        nominationIds: [nomination.id],
      });
      const detail = await t.http.get(`/api/v1/nominations/${nomination.id}`).set(bearer(BOOTSTRAP_TOKEN)).expect(200);
      expect(detail.body).toMatchObject({ status: 'DECIDED', decisionId: decision.id });
      const history = detail.body.history as { action: string; fromStatus: string; toStatus: string; reason: string }[];
      expect(history.at(-1)).toMatchObject({
        action: 'DECIDE',
        fromStatus: 'APPROVED',
        toStatus: 'DECIDED',
        reason: `Granted by decision ${decision.number}`,
      });
      // A client with an exhaustive switch over the documented enum must know every action the API returns.
      const documented = (await t.http.get('/docs-json').expect(200)).body.components.schemas.NominationAction
        .enum as string[];
      for (const event of history) expect(documented).toContain(event.action);
    });

    it('NominationsService.markDecided asks the workflow: a nomination not APPROVED is refused (409) and nothing moves', async () => {
      const { nomination: approved } = await individualNomination('GIAY_KHEN', 2023);
      const { nomination: submitted } = await individualNomination('GIAY_KHEN', 2023, { status: 'SUBMITTED' });
      const service = t.app.get(NominationsService);
      const principal = { kind: 'bootstrap' as const, keyId: null, role: 'ADMIN' as const, organizationId: null };
      // Outside any transaction it opens its own, which the refusal rolls back.
      const refused = service.markDecided(
        [approved.id, submitted.id],
        { id: UNKNOWN_ID, numberText: '01/QĐ-X' },
        principal,
      );
      await expect(refused).rejects.toMatchObject({
        status: 409,
        code: 'NOMINATION_NOT_APPROVED',
        extensions: { nominations: [{ id: submitted.id, status: 'SUBMITTED' }] },
      });
      expect(await nominationRow(approved.id)).toMatchObject({ status: 'APPROVED', decision_id: null, version: 1 });
      expect(await nominationRow(submitted.id)).toMatchObject({ status: 'SUBMITTED', decision_id: null, version: 1 });
      const events = await t.db.query('SELECT 1 FROM nomination_events WHERE nomination_id = ANY($1::uuid[])', [
        [approved.id, submitted.id],
      ]);
      expect(events).toEqual([]);
    });

    it('R-MONEY-1: bonus from the base salary on the decision date, rounded up to 10,000 VND', async () => {
      const giayKhen = await individualNomination('GIAY_KHEN', 2023);
      const before = await makeDecision(t, {
        issuerOrganizationId: tree.department.id,
        nominationIds: [giayKhen.nomination.id],
        issuedOn: '2023-12-15',
      });
      expect(before.awards[0].bonusAmount).toBe(540000);
      expect((before as unknown as { regime: string }).regime).toBe('TDKT_2003_ND91');

      const ldtt = await individualNomination('LAO_DONG_TIEN_TIEN', 2024);
      const after = await makeDecision(t, {
        issuerOrganizationId: tree.department.id,
        nominationIds: [ldtt.nomination.id],
        issuedOn: '2025-01-10',
      });
      // 0.3 × 2,340,000 = 702,000 → 710,000.
      expect(after.awards[0].bonusAmount).toBe(710000);

      const collective = await makeApprovedNomination(t, {
        awardCode: 'GIAY_KHEN',
        year: 2023,
        organizationId: tree.unit.id,
        proposingOrganizationId: tree.department.id,
      });
      const collectiveDecision = await makeDecision(t, {
        issuerOrganizationId: tree.department.id,
        nominationIds: [collective.id],
        issuedOn: '2024-01-23',
      });
      expect(collectiveDecision.awards[0].bonusAmount).toBe(1080000);
    });

    it('R-MONEY-1: a decision dated before the base salary table starts is refused with 422', async () => {
      const { nomination } = await individualNomination('GIAY_KHEN', 2018);
      const response = await post(decisionBody([nomination.id], { issuedOn: '2019-06-30' })).expect(422);
      expect(response.body.violations).toEqual([expect.objectContaining({ rule: 'R-MONEY-1' })]);
    });

    it('R-NUM-1: numbers 01, 02 … per issuer and year, manual numbers, duplicates 409, refusals use no number, new year restarts', async () => {
      const first = await individualNomination('GIAY_KHEN', 2023);
      const second = await individualNomination('GIAY_KHEN', 2023);
      const d1 = await makeDecision(t, {
        issuerOrganizationId: tree.department.id,
        nominationIds: [first.nomination.id],
      });
      const d2 = await makeDecision(t, {
        issuerOrganizationId: tree.department.id,
        nominationIds: [second.nomination.id],
      });
      expect([d1.number, d2.number]).toEqual(['01/QĐ-STTTT', '02/QĐ-STTTT']);

      // A refused decision (R-AUTH-1) uses up no number.
      const bangKhen = await individualNomination('BANG_KHEN_TINH', 2023);
      await post(decisionBody([bangKhen.nomination.id])).expect(422);
      const third = await individualNomination('GIAY_KHEN', 2023);
      const d3 = await makeDecision(t, {
        issuerOrganizationId: tree.department.id,
        nominationIds: [third.nomination.id],
      });
      expect(d3.number).toBe('03/QĐ-STTTT');

      // By hand: 123 → "123/QĐ-STTTT"; the series goes on from the highest number.
      const manual = await individualNomination('GIAY_KHEN', 2023);
      const d123 = await makeDecision(t, {
        issuerOrganizationId: tree.department.id,
        nominationIds: [manual.nomination.id],
        number: 123,
      });
      expect(d123).toMatchObject({ number: '123/QĐ-STTTT', numberValue: 123 });
      const duplicate = await individualNomination('GIAY_KHEN', 2023);
      const taken = await post(decisionBody([duplicate.nomination.id], { number: 2 })).expect(409);
      expect(taken.headers['content-type']).toMatch(PROBLEM);
      expect(taken.body.code).toBe('DECISION_NUMBER_TAKEN');
      expect((await nominationRow(duplicate.nomination.id)).status).toBe('APPROVED');
      const next = await makeDecision(t, {
        issuerOrganizationId: tree.department.id,
        nominationIds: [duplicate.nomination.id],
      });
      expect(next.number).toBe('124/QĐ-STTTT');

      // Another issuer has its own series; a new calendar year restarts at 01.
      const other = await makeApprovedNomination(t, {
        awardCode: 'GIAY_KHEN',
        year: 2023,
        organizationId: tree.otherDepartment.id,
        proposingOrganizationId: tree.otherDepartment.id,
      });
      const stc = await makeDecision(t, { issuerOrganizationId: tree.otherDepartment.id, nominationIds: [other.id] });
      expect(stc.number).toBe('01/QĐ-STC');
      const nextYear = await individualNomination('GIAY_KHEN', 2024);
      const d2025 = await makeDecision(t, {
        issuerOrganizationId: tree.department.id,
        nominationIds: [nextYear.nomination.id],
        issuedOn: '2025-01-05',
      });
      expect(d2025).toMatchObject({ number: '01/QĐ-STTTT', year: 2025 });
    });

    describe('R-NUM-1: the number of the document register (Decree 30/2020 Annex I)', () => {
      /** A Sở created without `decisionNumbering`: REGISTER, the default. */
      async function registerIssuer() {
        const created = await t.http
          .post('/api/v1/organizations')
          .set(bearer(BOOTSTRAP_TOKEN))
          .send({
            code: 'DB-SNV',
            name: 'Sở Nội vụ',
            kind: 'DEPARTMENT',
            parentId: tree.province.id,
            documentSymbol: 'SNV',
          })
          .expect(201);
        expect(created.body.decisionNumbering).toBe('REGISTER');
        return created.body as { id: string };
      }
      const collective = (issuerId: string, year = 2023) =>
        makeApprovedNomination(t, {
          awardCode: 'GIAY_KHEN',
          year,
          organizationId: issuerId,
          proposingOrganizationId: issuerId,
        });
      const body = (issuerId: string, nominationId: string, extra: Record<string, unknown> = {}) =>
        decisionBody([nominationId], { issuerOrganizationId: issuerId, authority: undefined, ...extra });

      it('records the number it is given, checks its format and symbol, and refuses a missing one (422)', async () => {
        const issuer = await registerIssuer();
        const a = await collective(issuer.id);

        const missing = await post(body(issuer.id, a.id)).expect(422);
        expect(missing.body.violations).toEqual([expect.objectContaining({ rule: 'R-NUM-1' })]);
        for (const wrong of ['5/QĐ-SNV', '05/QĐ-STTTT']) {
          const refused = await post(body(issuer.id, a.id, { number: wrong })).expect(422);
          expect(refused.body.violations).toEqual([expect.objectContaining({ rule: 'R-NUM-1' })]);
        }
        expect(await t.db.query('SELECT 1 FROM decisions')).toHaveLength(0);
        expect((await nominationRow(a.id)).status).toBe('APPROVED');

        // The register numbers every document of the Sở: 05 first, then 03, with gaps.
        const d5 = await post(body(issuer.id, a.id, { number: '05/QĐ-SNV' })).expect(201);
        expect(d5.body).toMatchObject({ number: '05/QĐ-SNV', numberValue: 5, year: 2024 });
        const b = await collective(issuer.id, 2022);
        const taken = await post(body(issuer.id, b.id, { number: '05/QĐ-SNV' })).expect(409);
        expect(taken.body.code).toBe('DECISION_NUMBER_TAKEN');
        const d3 = await post(body(issuer.id, b.id, { number: 3 })).expect(201);
        expect(d3.body).toMatchObject({ number: '03/QĐ-SNV', numberValue: 3 });
        // The register restarts each calendar year.
        const c = await collective(issuer.id, 2024);
        const next = await post(body(issuer.id, c.id, { number: '05/QĐ-SNV', issuedOn: '2025-01-06' })).expect(201);
        expect(next.body).toMatchObject({ number: '05/QĐ-SNV', year: 2025 });
      });

      it('an issuer switched to AUTO (PATCH /organizations/{id}) gets the next number assigned', async () => {
        const issuer = await registerIssuer();
        const a = await collective(issuer.id);
        await post(body(issuer.id, a.id, { number: '07/QĐ-SNV' })).expect(201);
        const patched = await t.http
          .patch(`/api/v1/organizations/${issuer.id}`)
          .set(bearer(BOOTSTRAP_TOKEN))
          .send({ decisionNumbering: 'AUTO' })
          .expect(200);
        expect(patched.body.decisionNumbering).toBe('AUTO');
        const b = await collective(issuer.id, 2022);
        const auto = await post(body(issuer.id, b.id)).expect(201);
        expect(auto.body.number).toBe('08/QĐ-SNV');
        await t.http
          .patch(`/api/v1/organizations/${issuer.id}`)
          .set(bearer(BOOTSTRAP_TOKEN))
          .send({ decisionNumbering: 'BY_HAND' })
          .expect(400);
      });
    });

    it('R-MONEY-2: a commune chair’s Giấy khen is 0.15 × base salary before Decree 152/2025, 0.3 from it', async () => {
      const commune = await makeOrganization(t, {
        kind: 'COMMUNE',
        name: 'UBND xã Thanh Minh',
        parentId: tree.province.id,
        documentSymbol: 'UBND-TM',
      });
      const bonusOn = async (issuedOn: string, year: number) => {
        const person = await makeIndividual(t, commune.id);
        const nomination = await makeApprovedNomination(t, {
          awardCode: 'GIAY_KHEN',
          year,
          individualId: person.id,
          proposingOrganizationId: commune.id,
        });
        const decision = await makeDecision(t, {
          issuerOrganizationId: commune.id,
          nominationIds: [nomination.id],
          issuedOn,
          signerTitle: 'Chủ tịch UBND xã',
        });
        return decision.awards[0]?.bonusAmount;
      };
      expect(await bonusOn('2023-12-10', 2023)).toBe(270_000);
      expect(await bonusOn('2025-03-10', 2024)).toBe(360_000);
      expect(await bonusOn('2025-07-15', 2025)).toBe(710_000);
    });

    it('R-MONEY-3: LĐTT and CSTĐ cơ sở of one year are paid once, at the CSTĐ cơ sở, in one decision or two', async () => {
      const person = await makeIndividual(t, tree.unit.id);
      const other = await makeIndividual(t, tree.unit.id);
      for (const id of [person.id, other.id]) await makeEligible(t, id, 'CHIEN_SI_THI_DUA_CO_SO', 2023);
      const nominate = (awardCode: string, individualId = person.id) =>
        makeApprovedNomination(t, {
          awardCode,
          year: 2023,
          individualId,
          proposingOrganizationId: tree.department.id,
          regime: 'TDKT_2003_ND91',
        });
      const ldtt = await nominate('LAO_DONG_TIEN_TIEN');
      const first = await makeDecision(t, {
        issuerOrganizationId: tree.department.id,
        nominationIds: [ldtt.id],
        issuedOn: '2023-12-20',
      });
      expect(first.awards[0]?.bonusAmount).toBe(540_000);
      const cscs = await nominate('CHIEN_SI_THI_DUA_CO_SO');
      const second = await makeDecision(t, {
        issuerOrganizationId: tree.department.id,
        nominationIds: [cscs.id],
        issuedOn: '2023-12-20',
      });
      const cscsAward = second.awards[0] as { id: string; bonusAmount: number };
      expect(cscsAward.bonusAmount).toBe(1_800_000);
      // The first decision's line now shows the bonus covered by the higher title.
      const reread = await t.http.get(`/api/v1/decisions/${first.id}`).expect(200);
      expect(reread.body.awards[0]).toMatchObject({ bonusAmount: 0, bonusPaidWithAwardId: cscsAward.id });

      // Both in one decision; a Giấy khen of the same year (a form) is paid besides.
      const lines = [
        await nominate('LAO_DONG_TIEN_TIEN', other.id),
        await nominate('CHIEN_SI_THI_DUA_CO_SO', other.id),
        await nominate('GIAY_KHEN', other.id),
      ];
      const together = await makeDecision(t, {
        issuerOrganizationId: tree.department.id,
        nominationIds: lines.map((line) => line.id),
        issuedOn: '2023-12-20',
      });
      const byCode = new Map(
        (
          together.awards as unknown as {
            awardCode: string;
            bonusAmount: number;
            bonusPaidWithAwardId: string | null;
            id: string;
          }[]
        ).map((award) => [award.awardCode, award]),
      );
      expect(byCode.get('CHIEN_SI_THI_DUA_CO_SO')).toMatchObject({
        bonusAmount: 1_800_000,
        bonusPaidWithAwardId: null,
      });
      expect(byCode.get('LAO_DONG_TIEN_TIEN')).toMatchObject({
        bonusAmount: 0,
        bonusPaidWithAwardId: byCode.get('CHIEN_SI_THI_DUA_CO_SO')?.id,
      });
      expect(byCode.get('GIAY_KHEN')).toMatchObject({ bonusAmount: 540_000 });
    });

    it('R-AUTH-1: a Giám đốc Sở may not grant Bằng khen của Chủ tịch UBND tỉnh (422), nothing is recorded', async () => {
      const giayKhen = await individualNomination('GIAY_KHEN', 2023);
      const bangKhen = await individualNomination('BANG_KHEN_TINH', 2023);
      const response = await post(decisionBody([giayKhen.nomination.id, bangKhen.nomination.id])).expect(422);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body.code).toBe('RULE_VIOLATION');
      expect(response.body.violations).toEqual([expect.objectContaining({ rule: 'R-AUTH-1' })]);
      expect(response.body.violations[0].message).toContain('Bằng khen');
      expect((await nominationRow(giayKhen.nomination.id)).status).toBe('APPROVED');
      expect(await t.db.query('SELECT 1 FROM decisions')).toHaveLength(0);
      expect(await t.db.query('SELECT 1 FROM awards')).toHaveLength(0);
    });

    it('R-AUTH-2: a commune chair may grant Chiến sĩ thi đua cơ sở only from 2025-07-01', async () => {
      const commune = await makeOrganization(t, {
        kind: 'COMMUNE',
        name: 'UBND xã Mường Phăng',
        parentId: tree.province.id,
        documentSymbol: 'UBND-MP',
      });
      const person = await makeIndividual(t, commune.id);
      await makeEligible(t, person.id, 'CHIEN_SI_THI_DUA_CO_SO', 2025);
      // The Lao động tiên tiến of the year the CSTĐ cơ sở needs (R-CSCS-1), approved with it.
      await makeApprovedNomination(t, {
        awardCode: 'LAO_DONG_TIEN_TIEN',
        year: 2025,
        individualId: person.id,
        proposingOrganizationId: commune.id,
        regime: 'TDKT_2022_ND152',
      });
      const nomination = await makeApprovedNomination(t, {
        awardCode: 'CHIEN_SI_THI_DUA_CO_SO',
        year: 2025,
        individualId: person.id,
        proposingOrganizationId: commune.id,
        regime: 'TDKT_2022_ND152',
      });
      const body = { issuerOrganizationId: commune.id, authority: 'COMMUNE_CHAIR', signerTitle: 'Chủ tịch' };
      const early = await post(decisionBody([nomination.id], { ...body, issuedOn: '2025-06-30' })).expect(422);
      expect(early.body.violations).toEqual([expect.objectContaining({ rule: 'R-AUTH-2' })]);
      const onTime = await post(decisionBody([nomination.id], { ...body, issuedOn: '2025-07-01' })).expect(201);
      expect(onTime.body).toMatchObject({ number: '01/QĐ-UBND-MP', regime: 'TDKT_2022_ND152' });
      // 1.0 × 2,340,000.
      expect(onTime.body.awards[0].bonusAmount).toBe(2340000);
    });

    it('R-AUTH-3: Bằng khen tỉnh needs the provincial chair; a Vice Chairman signing on behalf (KT.) is accepted', async () => {
      const { nomination } = await individualNomination('BANG_KHEN_TINH', 2023);
      const province = { issuerOrganizationId: tree.province.id, signerName: 'Vừ A Bằng', signerTitle: 'Phó Chủ tịch' };
      // A district issues as its chair (R-AUTH-4), who may not grant a title or form of the province.
      const districtIssuer = await makeOrganization(t, {
        kind: 'DISTRICT',
        name: 'UBND huyện Mường Ảng',
        parentId: tree.province.id,
        documentSymbol: 'UBND-MA',
      });
      const district = await post(
        decisionBody([nomination.id], { issuerOrganizationId: districtIssuer.id, authority: undefined }),
      ).expect(422);
      expect(district.body.violations).toEqual([expect.objectContaining({ rule: 'R-AUTH-3' })]);
      const approver = await t.token('APPROVER', tree.province.id);
      const signed = await post(
        decisionBody([nomination.id], { ...province, authority: 'PROVINCE_CHAIR', signingMode: 'ON_BEHALF' }),
        approver,
      ).expect(201);
      expect(signed.body).toMatchObject({
        number: '01/QĐ-UBND',
        signingMode: 'ON_BEHALF',
        authority: 'PROVINCE_CHAIR',
      });
      // 1.0 × 1,800,000 (TDKT_2022_ND98).
      expect(signed.body.awards[0]).toMatchObject({ awardCode: 'BANG_KHEN_TINH', bonusAmount: 1800000 });
    });

    it('R-HOLD-1: an individual with an open disciplinary case cannot be decided until it closes', async () => {
      const { person, nomination } = await individualNomination('GIAY_KHEN', 2023);
      const [openCase] = await t.db.query<{ id: string }[]>(
        `INSERT INTO disciplinary_cases (individual_id, kind, opened_on) VALUES ($1, 'INVESTIGATION', '2024-01-05') RETURNING id`,
        [person.id],
      );
      const held = await post(decisionBody([nomination.id])).expect(422);
      expect(held.body.violations).toEqual([expect.objectContaining({ rule: 'R-HOLD-1', actual: 1 })]);
      expect(held.body.violations[0].message).toContain(nomination.id);
      await t.db.query(`UPDATE disciplinary_cases SET closed_on = '2024-01-10' WHERE id = $1`, [openCase.id]);
      const decided = await post(decisionBody([nomination.id])).expect(201);
      expect(decided.body.number).toBe('01/QĐ-STTTT');
    });

    it('reports every broken rule at once', async () => {
      const { person, nomination } = await individualNomination('BANG_KHEN_TINH', 2023);
      await t.db.query(
        `INSERT INTO disciplinary_cases (individual_id, kind, opened_on) VALUES ($1, 'DISCIPLINE', '2024-01-05')`,
        [person.id],
      );
      const noSymbol = await makeOrganization(t, { kind: 'DEPARTMENT', name: 'Sở Nội vụ', parentId: tree.province.id });
      const response = await post(decisionBody([nomination.id], { issuerOrganizationId: noSymbol.id })).expect(422);
      expect(response.body.violations.map((v: { rule: string }) => v.rule).sort()).toEqual([
        'R-AUTH-1',
        'R-HOLD-1',
        'R-NUM-1',
      ]);
    });

    it('refuses nominations that are not APPROVED with 409 naming them, and decides a nomination only once', async () => {
      const approved = await individualNomination('GIAY_KHEN', 2023);
      const submitted = await individualNomination('GIAY_KHEN', 2023, { status: 'SUBMITTED' });
      const refused = await post(decisionBody([approved.nomination.id, submitted.nomination.id])).expect(409);
      expect(refused.headers['content-type']).toMatch(PROBLEM);
      expect(refused.body.code).toBe('NOMINATION_NOT_APPROVED');
      expect(refused.body.nominations).toEqual([{ id: submitted.nomination.id, status: 'SUBMITTED' }]);
      expect(refused.body.detail).toContain(submitted.nomination.id);
      expect((await nominationRow(approved.nomination.id)).status).toBe('APPROVED');

      await post(decisionBody([approved.nomination.id])).expect(201);
      const again = await post(decisionBody([approved.nomination.id])).expect(409);
      expect(again.body.nominations).toEqual([{ id: approved.nomination.id, status: 'DECIDED' }]);
    });

    it('answers 422 for an unknown issuer, an unknown nomination and an issuer without a document symbol', async () => {
      const { nomination } = await individualNomination('GIAY_KHEN', 2023);
      const issuer = await post(decisionBody([nomination.id], { issuerOrganizationId: UNKNOWN_ID })).expect(422);
      expect(issuer.body).toMatchObject({ code: 'INVALID_REFERENCE', errors: [{ field: 'issuerOrganizationId' }] });
      const unknown = await post(decisionBody([nomination.id, UNKNOWN_ID])).expect(422);
      expect(unknown.body).toMatchObject({ code: 'INVALID_REFERENCE', errors: [{ field: 'nominationIds.1' }] });
      const withoutSymbol = await makeOrganization(t, {
        kind: 'DEPARTMENT',
        name: 'Sở Nội vụ',
        parentId: tree.province.id,
      });
      const noSymbol = await post(decisionBody([nomination.id], { issuerOrganizationId: withoutSymbol.id })).expect(
        422,
      );
      expect(noSymbol.body.violations).toEqual([expect.objectContaining({ rule: 'R-NUM-1' })]);
      expect(await t.db.query('SELECT 1 FROM decisions')).toHaveLength(0);
    });

    it('answers 400 naming each bad field', async () => {
      const { nomination } = await individualNomination('GIAY_KHEN', 2023);
      const response = await post({
        ...decisionBody([nomination.id, nomination.id]),
        authority: 'MAYOR',
        issuedOn: '2023-02-30',
        signingMode: 'KT',
        number: '5',
        signerName: '',
        color: 'red',
      }).expect(400);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      const fields = response.body.errors.map((error: { field: string }) => error.field);
      expect(fields).toEqual(
        expect.arrayContaining([
          'authority',
          'issuedOn',
          'signingMode',
          'number',
          'signerName',
          'nominationIds',
          'color',
        ]),
      );
      await post(decisionBody([])).expect(400);
      await post(decisionBody(['not-a-uuid'])).expect(400);
      await post(decisionBody([nomination.id], { number: 0 })).expect(400);
      await post(decisionBody([nomination.id, nomination.id.toUpperCase()])).expect(400);
      await post(decisionBody([nomination.id], { issuerOrganizationId: 'x' })).expect(400);
      const malformed = await t.http
        .post('/api/v1/decisions')
        .set(bearer(BOOTSTRAP_TOKEN))
        .set('content-type', 'application/json')
        .send('{"nominationIds":')
        .expect(400);
      expect(malformed.headers['content-type']).toMatch(PROBLEM);
    });

    it('answers 401 without a token and 403 for other roles or out of scope', async () => {
      const { nomination } = await individualNomination('GIAY_KHEN', 2023);
      await post(decisionBody([nomination.id]), '').expect(401);
      const unauthenticated = await t.http
        .post('/api/v1/decisions')
        .send(decisionBody([nomination.id]))
        .expect(401);
      expect(unauthenticated.headers['content-type']).toMatch(PROBLEM);
      for (const role of ['HR_OFFICER', 'AUDITOR'] as const) {
        const token = await t.token(role, role === 'HR_OFFICER' ? tree.department.id : null);
        const forbidden = await post(decisionBody([nomination.id]), token).expect(403);
        expect(forbidden.body.code).toBe('FORBIDDEN');
      }
      // An approver of another department may not sign for this one.
      const elsewhere = await t.token('APPROVER', tree.otherDepartment.id);
      expect((await post(decisionBody([nomination.id]), elsewhere).expect(403)).body.code).toBe('OUT_OF_SCOPE');
      // Nor may the department's approver decide a nomination proposed outside its scope.
      const foreign = await makeApprovedNomination(t, {
        awardCode: 'GIAY_KHEN',
        year: 2023,
        organizationId: tree.otherDepartment.id,
        proposingOrganizationId: tree.otherDepartment.id,
      });
      const approver = await t.token('APPROVER', tree.department.id);
      const outside = await post(decisionBody([nomination.id, foreign.id]), approver).expect(403);
      expect(outside.body.code).toBe('OUT_OF_SCOPE');
      expect((await nominationRow(nomination.id)).status).toBe('APPROVED');
      expect(await t.db.query('SELECT 1 FROM decisions')).toHaveLength(0);
    });
  });

  describe('GET /decisions and /decisions/{id}', () => {
    it('lists decisions publicly, newest first, filtered by issuer and year, in keyset pages', async () => {
      const dates = ['2023-12-15', '2024-01-23', '2024-03-01'];
      for (const issuedOn of dates) {
        const { nomination } = await individualNomination('GIAY_KHEN', 2023);
        await makeDecision(t, { issuerOrganizationId: tree.department.id, nominationIds: [nomination.id], issuedOn });
      }
      const other = await makeApprovedNomination(t, {
        awardCode: 'GIAY_KHEN',
        year: 2023,
        organizationId: tree.otherDepartment.id,
        proposingOrganizationId: tree.otherDepartment.id,
      });
      await makeDecision(t, {
        issuerOrganizationId: tree.otherDepartment.id,
        nominationIds: [other.id],
        issuedOn: '2024-02-01',
      });

      const all = await t.http.get('/api/v1/decisions').expect(200);
      expect(all.body.items.map((d: { issuedOn: string }) => d.issuedOn)).toEqual([
        '2024-03-01',
        '2024-02-01',
        '2024-01-23',
        '2023-12-15',
      ]);
      expect(all.body.items[0]).toMatchObject({
        number: '02/QĐ-STTTT',
        awardCount: 1,
        issuer: { id: tree.department.id },
      });
      expect(all.body.items[0].awards).toBeUndefined();

      const mine2024 = await t.http
        .get(`/api/v1/decisions?issuerOrganizationId=${tree.department.id}&year=2024`)
        .expect(200);
      expect(mine2024.body.items.map((d: { number: string }) => d.number)).toEqual(['02/QĐ-STTTT', '01/QĐ-STTTT']);

      const first = await t.http.get('/api/v1/decisions?limit=3').expect(200);
      expect(first.body.items).toHaveLength(3);
      const second = await t.http.get(`/api/v1/decisions?limit=3&cursor=${first.body.nextCursor}`).expect(200);
      expect(second.body).toMatchObject({ items: [{ issuedOn: '2023-12-15' }], nextCursor: null });

      await t.http.get('/api/v1/decisions?year=20x4').expect(400);
      await t.http.get('/api/v1/decisions?issuerOrganizationId=nope').expect(400);
      await t.http.get('/api/v1/decisions?cursor=bm9wZQ').expect(400);
      await t.http.get('/api/v1/decisions?authority=KING').expect(400);
    });

    it('reads one decision with its awards publicly, without personal data', async () => {
      const person = await makeIndividual(t, tree.unit.id, { birthDate: '1985-04-12', nationalId: '011085000123' });
      const nomination = await makeApprovedNomination(t, {
        awardCode: 'GIAY_KHEN',
        year: 2023,
        individualId: person.id,
        proposingOrganizationId: tree.department.id,
      });
      const decision = await makeDecision(t, {
        issuerOrganizationId: tree.department.id,
        nominationIds: [nomination.id],
      });
      const read = await t.http.get(`/api/v1/decisions/${decision.id}`).expect(200);
      expect(read.body).toMatchObject({
        id: decision.id,
        number: '01/QĐ-STTTT',
        awards: [{ recipientName: person.fullName }],
      });
      const text = JSON.stringify(read.body);
      expect(text).not.toContain('1985-04-12');
      expect(text).not.toContain('011085000123');
      expect(text).not.toMatch(/birthDate|nationalId|rating|disciplin/i);

      await t.http.get(`/api/v1/decisions/${UNKNOWN_ID}`).expect(404);
      const badId = await t.http.get('/api/v1/decisions/not-a-uuid').expect(400);
      expect(badId.body.errors).toEqual([{ field: 'id', message: 'phải là một UUID' }]);
    });
  });

  describe('re-check at decision time: every line re-judged under the regime of the decision date', () => {
    /** Drafts, submits and approves (as ADMIN) a Lao động tiên tiến of 2023 for `individualId`, judged on `expectedDecisionOn`. */
    async function approvedLdtt(individualId: string, expectedDecisionOn: string) {
      const { id } = await makeSubmittedNomination(t, {
        year: 2023,
        awardCode: 'LAO_DONG_TIEN_TIEN',
        individualId,
        proposingOrganizationId: tree.department.id,
        expectedDecisionOn,
      });
      const approved = await t.http.post(`/api/v1/nominations/${id}/approve`).set(bearer(BOOTSTRAP_TOKEN)).expect(200);
      expect(approved.body).toMatchObject({
        status: 'APPROVED',
        regime: expectedDecisionOn < '2024' ? 'TDKT_2003_ND91' : 'TDKT_2022_ND98',
      });
      return id;
    }

    /** Nothing was written: no decision, no award, no DECIDE history row, the nominations still APPROVED. */
    async function expectNothingWritten(ids: string[]) {
      expect(await t.db.query('SELECT 1 FROM decisions')).toHaveLength(0);
      expect(await t.db.query('SELECT 1 FROM awards')).toHaveLength(0);
      expect(await t.db.query(`SELECT 1 FROM nomination_events WHERE action = 'DECIDE'`)).toHaveLength(0);
      for (const id of ids) expect(await nominationRow(id)).toMatchObject({ status: 'APPROVED', decision_id: null });
    }

    it('refuses (422) a line whose nominee no longer qualifies — rating lowered, measure recorded — naming it; nothing is written', async () => {
      const lowered = await makeIndividual(t, tree.unit.id);
      const disciplined = await makeIndividual(t, tree.unit.id);
      const fine = await makeIndividual(t, tree.unit.id);
      for (const person of [lowered, disciplined, fine]) await setRating(t, person.id, 2023, 'HTT');
      // Approved under Decree 91/2017 (the decision expected on 2023-12-20).
      const loweredLine = await approvedLdtt(lowered.id, '2023-12-20');
      const disciplinedLine = await approvedLdtt(disciplined.id, '2023-12-20');
      const fineLine = await approvedLdtt(fine.id, '2023-12-20');

      // After approval: the 2023 rating is revised to HT, and a reprimand in force in 2023 is recorded.
      await setRating(t, lowered.id, 2023, 'HT');
      const caseId = await openDisciplinaryCase(t, disciplined.id, 'DISCIPLINE', '2023-06-01');
      await t.http
        .post(`/api/v1/disciplinary-cases/${caseId}/close`)
        .set(bearer(BOOTSTRAP_TOKEN))
        .send({
          closedOn: '2023-09-01',
          outcome: 'Khiển trách',
          measure: 'KHIEN_TRACH',
          measureFrom: '2023-09-01',
          measureTo: '2024-08-31',
        })
        .expect(200);

      const lines = [fineLine, loweredLine, disciplinedLine];
      const refused = await post(decisionBody(lines, { issuedOn: '2023-12-20' })).expect(422);
      expect(refused.headers['content-type']).toMatch(PROBLEM);
      expect(refused.body.code).toBe('RULE_VIOLATION');
      expect(refused.body.violations).toEqual([
        expect.objectContaining({ rule: 'R-LDTT-1', nominationId: loweredLine }),
        expect.objectContaining({ rule: 'R-LDTT-2', nominationId: disciplinedLine }),
      ]);
      expect(refused.body.violations[0].message).toContain(loweredLine);
      expect(refused.body.violations[1].message).toContain(disciplinedLine);
      await expectNothingWritten(lines);

      // The eligible line alone is decided (its own APPROVED nomination is no duplicate of it: R-DUP-1).
      const decided = await post(decisionBody([fineLine], { issuedOn: '2023-12-20' })).expect(201);
      expect(decided.body).toMatchObject({
        regime: 'TDKT_2003_ND91',
        awards: [expect.objectContaining({ awardCode: 'LAO_DONG_TIEN_TIEN' })],
      });
      expect(await nominationRow(fineLine)).toMatchObject({ status: 'DECIDED', decision_id: decided.body.id });
    });

    it('judges under the regime of the decision date, not the approval’s: 8 months of service pass Decree 98, fail Decree 91', async () => {
      // Recruited 2023-05-01: 8 whole months in 2023 — under the 10 of Decree 91/2017 Art 10 (R-LDTT-2), over the 6
      // of Circular 01/2024/TT-BNV (R-LDTT-3, decisions from 2024-04-15 only).
      const person = await makeIndividual(t, tree.unit.id, { recruitedOn: '2023-05-01' });
      await setRating(t, person.id, 2023, 'HTT');
      // Approved for a decision expected on 2024-01-10 (Law 2022, Decree 98/2023): eligible.
      const line = await approvedLdtt(person.id, '2024-01-10');

      // Signed on 2023-12-28 instead: the 2003 law and Decree 91/2017 apply, and the line fails R-LDTT-2.
      const early = await post(decisionBody([line], { issuedOn: '2023-12-28' })).expect(422);
      expect(early.body.violations).toEqual([
        expect.objectContaining({ rule: 'R-LDTT-2', nominationId: line, limit: 10, actual: 8 }),
      ]);
      await expectNothingWritten([line]);

      // Signed on the date the approval assumed: granted under Decree 98/2023.
      const onTime = await post(decisionBody([line], { issuedOn: '2024-01-10' })).expect(201);
      expect(onTime.body).toMatchObject({ regime: 'TDKT_2022_ND98', awardCount: 1 });
      expect(await nominationRow(line)).toMatchObject({ status: 'DECIDED', decision_id: onTime.body.id });
    });
  });
});
