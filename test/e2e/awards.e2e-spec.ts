import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { makeApprovedNomination, makeDecision, makeEligible, makeIndividual, makeTree } from '../support/factories.js';
import { BOOTSTRAP_TOKEN, bearer, createTestApp, type TestApp } from '../support/test-app.js';

// Real databases on a shared machine: generous, but bounded.

const PROBLEM = /application\/problem\+json/;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

type Award = Record<string, unknown> & {
  id: string;
  verificationCode: string;
  recipientName: string;
  issuedOn: string;
};

describe('awards, revocation and certificates', () => {
  let t: TestApp;
  let tree: Awaited<ReturnType<typeof makeTree>>;
  let people: { an: { id: string }; binh: { id: string }; cuong: { id: string } };
  let decisions: Record<'d1' | 'd2' | 'd3' | 'd4', Awaited<ReturnType<typeof makeDecision>>>;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /**
   * Four decisions, six awards (newest first):
   * d4 2025-01-10 Sở Tài chính: Lò Văn Cường, Lao động tiên tiến 2024 (710,000)
   * d3 2024-02-01 UBND tỉnh: Bằng khen tỉnh 2023 to Nguyễn Văn An (THEMATIC) and Lò Văn Cường (1,800,000 each)
   * d2 2024-01-23 Sở TT&TT: Trần Thị Bình Lao động tiên tiến 2023 (540,000), the unit Tập thể LĐTT 2023 (1,440,000)
   * d1 2023-12-15 Sở TT&TT: Nguyễn Văn An, Giấy khen 2023 (540,000)
   */
  beforeEach(async () => {
    await t.reset();
    tree = await makeTree(t);
    people = {
      an: await makeIndividual(t, tree.unit.id, {
        fullName: 'Nguyễn Văn An',
        birthDate: '1985-04-12',
        nationalId: '011085000123',
      }),
      binh: await makeIndividual(t, tree.department.id, { fullName: 'Trần Thị Bình' }),
      cuong: await makeIndividual(t, tree.otherDepartment.id, { fullName: 'Lò Văn Cường' }),
    };
    const nominate = (
      awardCode: string,
      year: number,
      nominee: { individualId?: string; organizationId?: string },
      proposer: string,
      basis = 'REGULAR',
    ) =>
      makeApprovedNomination(t, { awardCode, year, basis, proposingOrganizationId: proposer, ...nominee }).then(
        (n) => n.id,
      );
    const dept = tree.department.id;
    // The recipients qualify (each decision re-judges its lines): Bình and Cường are rated for their Lao động tiên
    // tiến, Cường for his Bằng khen tỉnh (Law 2022 Art 74.1.d); An, the unit's member, holds an approved Lao động
    // tiên tiến of 2023, so more than half of the unit has one (R-TTTT-1, Law 2022 Art 28).
    await makeEligible(t, people.binh.id, 'LAO_DONG_TIEN_TIEN', 2023);
    await makeEligible(t, people.cuong.id, 'BANG_KHEN_TINH', 2023);
    await makeEligible(t, people.cuong.id, 'LAO_DONG_TIEN_TIEN', 2024);
    await nominate('LAO_DONG_TIEN_TIEN', 2023, { individualId: people.an.id }, dept);
    const d1 = await makeDecision(t, {
      issuerOrganizationId: dept,
      issuedOn: '2023-12-15',
      nominationIds: [await nominate('GIAY_KHEN', 2023, { individualId: people.an.id }, dept)],
    });
    const d2 = await makeDecision(t, {
      issuerOrganizationId: dept,
      issuedOn: '2024-01-23',
      nominationIds: [
        await nominate('LAO_DONG_TIEN_TIEN', 2023, { individualId: people.binh.id }, dept),
        await nominate('TAP_THE_LAO_DONG_TIEN_TIEN', 2023, { organizationId: tree.unit.id }, dept),
      ],
    });
    const d3 = await makeDecision(t, {
      issuerOrganizationId: tree.province.id,
      authority: 'PROVINCE_CHAIR',
      signingMode: 'ON_BEHALF',
      signerName: 'Vừ A Bằng',
      signerTitle: 'Phó Chủ tịch',
      issuedOn: '2024-02-01',
      nominationIds: [
        await nominate('BANG_KHEN_TINH', 2023, { individualId: people.an.id }, dept, 'THEMATIC'),
        await nominate('BANG_KHEN_TINH', 2023, { individualId: people.cuong.id }, tree.otherDepartment.id),
      ],
    });
    const d4 = await makeDecision(t, {
      issuerOrganizationId: tree.otherDepartment.id,
      issuedOn: '2025-01-10',
      nominationIds: [
        await nominate('LAO_DONG_TIEN_TIEN', 2024, { individualId: people.cuong.id }, tree.otherDepartment.id),
      ],
    });
    decisions = { d1, d2, d3, d4 };
  });

  const list = async (query = '') => {
    const response = await t.http.get(`/api/v1/awards${query}`).expect(200);
    return response.body as { items: Award[]; nextCursor: string | null };
  };
  const names = (items: Award[]) => items.map((a) => a.recipientName).sort();
  const revokeUrl = (decisionId: string, awardId: string) => `/api/v1/decisions/${decisionId}/awards/${awardId}/revoke`;

  describe('GET /awards', () => {
    it('lists granted awards publicly, newest first, with the contract fields and no personal data', async () => {
      const page = await list();
      expect(page.nextCursor).toBeNull();
      expect(page.items.map((a) => a.issuedOn)).toEqual([
        '2025-01-10',
        '2024-02-01',
        '2024-02-01',
        '2024-01-23',
        '2024-01-23',
        '2023-12-15',
      ]);
      const giayKhen = page.items[5];
      expect(giayKhen).toEqual({
        id: decisions.d1.awards[0].id,
        year: 2023,
        // The achievement period, copied from the nomination (Decree 98/2023 Art 30.9): a Giấy khen covers its year.
        periodFrom: 2023,
        periodTo: 2023,
        awardCode: 'GIAY_KHEN',
        awardName: 'Giấy khen',
        basis: 'REGULAR',
        recipientKind: 'INDIVIDUAL',
        recipientName: 'Nguyễn Văn An',
        individualId: people.an.id,
        organizationId: tree.unit.id,
        organizationName: tree.unit.name,
        proposingOrganizationId: tree.department.id,
        decisionId: decisions.d1.id,
        decisionNumber: '01/QĐ-STTTT',
        issuedOn: '2023-12-15',
        regime: 'TDKT_2003_ND91',
        certificateNumber: null,
        verificationCode: decisions.d1.awards[0].verificationCode,
        bonusAmount: 540000,
        bonusPaidWithAwardId: null,
        revoked: false,
        revokedAt: null,
        revokedReason: null,
        bonusRecoveryDue: false,
        revocation: null,
        bonusRecovery: null,
        needsReview: false,
      });
      const text = JSON.stringify(page);
      expect(text).not.toContain('1985-04-12');
      expect(text).not.toContain('011085000123');
    });

    it('filters by year, year range, award code, recipient kind and basis', async () => {
      expect((await list('?year=2024')).items.map((a) => a.awardCode)).toEqual(['LAO_DONG_TIEN_TIEN']);
      expect((await list('?year=2023')).items).toHaveLength(5);
      expect((await list('?fromYear=2023&toYear=2023')).items).toHaveLength(5);
      expect((await list('?fromYear=2024')).items).toHaveLength(1);
      expect((await list('?toYear=2022')).items).toHaveLength(0);
      expect(names((await list('?awardCode=BANG_KHEN_TINH')).items)).toEqual(['Lò Văn Cường', 'Nguyễn Văn An']);
      expect((await list('?recipientKind=COLLECTIVE')).items.map((a) => a.recipientName)).toEqual([tree.unit.name]);
      expect((await list('?basis=THEMATIC')).items.map((a) => a.recipientName)).toEqual(['Nguyễn Văn An']);
      expect((await list('?awardCode=LAO_DONG_TIEN_TIEN&year=2023')).items.map((a) => a.recipientName)).toEqual([
        'Trần Thị Bình',
      ]);
    });

    it('filters by organization over the whole subtree: collectives in it and individuals whose unit is in it', async () => {
      expect(names((await list(`?organizationId=${tree.department.id}`)).items)).toEqual(
        ['Nguyễn Văn An', 'Nguyễn Văn An', 'Trần Thị Bình', tree.unit.name].sort(),
      );
      expect(names((await list(`?organizationId=${tree.unit.id}`)).items)).toEqual(
        ['Nguyễn Văn An', 'Nguyễn Văn An', tree.unit.name].sort(),
      );
      expect((await list(`?organizationId=${tree.otherDepartment.id}`)).items).toHaveLength(2);
      expect((await list(`?organizationId=${tree.province.id}`)).items).toHaveLength(6);
      expect((await list(`?organizationId=${UNKNOWN_ID}`)).items).toHaveLength(0);
    });

    it('finds recipients by name without diacritics or case, and LIKE wildcards match literally', async () => {
      expect((await list('?q=nguyen van an')).items.map((a) => a.recipientName)).toEqual([
        'Nguyễn Văn An',
        'Nguyễn Văn An',
      ]);
      expect((await list('?q=TRAN THI')).items.map((a) => a.recipientName)).toEqual(['Trần Thị Bình']);
      expect((await list('?q=lo van cuong')).items).toHaveLength(2);
      expect((await list('?q=Cường&year=2024')).items).toHaveLength(1);
      expect((await list('?q=%25')).items).toHaveLength(0);
      expect((await list('?q=_')).items).toHaveLength(0);
    });

    it('pages with a keyset cursor and rejects forged cursors', async () => {
      const first = await list('?limit=4');
      expect(first.items).toHaveLength(4);
      const second = await list(`?limit=4&cursor=${first.nextCursor}`);
      expect(second.nextCursor).toBeNull();
      const ids = [...first.items, ...second.items].map((a) => a.id);
      expect(new Set(ids).size).toBe(6);
      expect(ids).toEqual((await list()).items.map((a) => a.id));
      await t.http.get('/api/v1/awards?cursor=bm9wZQ').expect(400);
      const forged = Buffer.from(JSON.stringify(['x', 'y'])).toString('base64url');
      const response = await t.http.get(`/api/v1/awards?cursor=${forged}`).expect(400);
      expect(response.headers['content-type']).toMatch(PROBLEM);
    });

    it('answers 400 for bad filters, naming the field', async () => {
      const reversed = await t.http.get('/api/v1/awards?fromYear=2025&toYear=2023').expect(400);
      expect(reversed.headers['content-type']).toMatch(PROBLEM);
      expect(reversed.body.errors).toEqual([{ field: 'fromYear', message: expect.any(String) }]);
      for (const [query, field] of [
        ['awardCode=HUAN_CHUONG', 'awardCode'],
        ['recipientKind=FAMILY', 'recipientKind'],
        ['basis=SOMETIMES', 'basis'],
        ['year=abc', 'year'],
        ['year=1800', 'year'],
        ['includeRevoked=maybe', 'includeRevoked'],
        ['organizationId=nope', 'organizationId'],
        ['limit=0', 'limit'],
        ['color=red', 'color'],
      ]) {
        const response = await t.http.get(`/api/v1/awards?${query}`).expect(400);
        expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
    });
  });

  describe('POST /decisions/{id}/awards/{awardId}/revoke (R-REVOKE-1)', () => {
    const fields = {
      issuedOn: '2024-03-01',
      ground: 'B',
      reason: 'Khai man thành tích',
    };
    it('revokes an award by a revocation decision of one award: kept in history, hidden from /awards, invalid as a certificate, out of the statistics', async () => {
      const approver = await t.token('APPROVER', tree.department.id);
      const award = decisions.d1.awards[0];
      const response = await t.http
        .post(revokeUrl(decisions.d1.id, award.id))
        .set(bearer(approver))
        .send({ ...fields, issuerOrganizationId: tree.department.id })
        .expect(201);
      // One register (R-NUM-1): the department's 2024 series already holds d2 (01), so the revocation is 02.
      expect(response.body).toMatchObject({
        number: '02/QĐ-STTTT',
        issuedOn: '2024-03-01',
        ground: 'B',
        reason: 'Khai man thành tích',
        awardCount: 1,
        flagged: [],
      });
      expect(response.body.awards).toEqual([
        expect.objectContaining({
          id: award.id,
          revoked: true,
          revokedReason: 'Khai man thành tích',
          bonusAmount: 540000,
          bonusRecoveryDue: true,
          revocation: { id: response.body.id, number: '02/QĐ-STTTT', issuedOn: '2024-03-01', ground: 'B' },
          bonusRecovery: { amount: 540000, dueSince: '2024-03-01' },
        }),
      ]);
      expect(new Date(response.body.awards[0].revokedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
      const [row] = await t.db.query<{ revoked_by_key_id: string | null }[]>(
        'SELECT revoked_by_key_id FROM awards WHERE id = $1',
        [award.id],
      );
      expect(row.revoked_by_key_id).not.toBeNull();

      expect((await list()).items.map((a) => a.id)).not.toContain(award.id);
      expect((await list('?includeRevoked=false')).items).toHaveLength(5);
      const all = await list('?includeRevoked=true');
      expect(all.items).toHaveLength(6);
      // The public learns that it was revoked, by which decision and on which ground, not the officer's reason.
      expect(all.items.find((a) => a.id === award.id)).toMatchObject({
        revoked: true,
        revokedReason: null,
        revocation: { number: '02/QĐ-STTTT', ground: 'B' },
      });

      const certificate = await t.http.get(`/api/v1/certificates/${award.verificationCode}`).expect(200);
      expect(certificate.body).toMatchObject({ valid: false, revoked: true, recipientName: 'Nguyễn Văn An' });

      const history = await t.http.get(`/api/v1/individuals/${people.an.id}/awards`).expect(200);
      expect(history.body.items.find((a: Award) => a.id === award.id)).toMatchObject({
        revoked: true,
        bonusRecoveryDue: true,
      });

      const decision = await t.http.get(`/api/v1/decisions/${decisions.d1.id}`).expect(200);
      expect(decision.body.awards[0]).toMatchObject({ revoked: true });

      const stats = await t.http.get('/api/v1/stats/awards').expect(200);
      expect(stats.body.total.count).toBe(5);

      // The nomination stays DECIDED: the decision was made; only its line is revoked.
      const [nomination] = await t.db.query<{ status: string }[]>(
        'SELECT n.status FROM nominations n JOIN awards a ON a.nomination_id = n.id WHERE a.id = $1',
        [award.id],
      );
      expect(nomination.status).toBe('DECIDED');

      const again = await t.http
        .post(revokeUrl(decisions.d1.id, award.id))
        .set(bearer(approver))
        .send({ ...fields, issuerOrganizationId: tree.department.id, reason: 'Lần nữa' })
        .expect(409);
      expect(again.headers['content-type']).toMatch(PROBLEM);
      expect(again.body.code).toBe('AWARD_ALREADY_REVOKED');
    });

    it('answers 400, 401, 403 and 404 as it should', async () => {
      const award = decisions.d1.awards[0];
      const url = revokeUrl(decisions.d1.id, award.id);
      const body = { ...fields, issuerOrganizationId: tree.department.id };
      await t.http.post(url).send(body).expect(401);
      for (const token of [await t.token('HR_OFFICER', tree.department.id), await t.token('AUDITOR')]) {
        expect((await t.http.post(url).set(bearer(token)).send(body).expect(403)).body.code).toBe('FORBIDDEN');
      }
      const elsewhere = await t.token('APPROVER', tree.otherDepartment.id);
      expect((await t.http.post(url).set(bearer(elsewhere)).send(body).expect(403)).body.code).toBe('OUT_OF_SCOPE');

      // The old body (a reason alone) no longer makes a revocation: a revocation is a decision.
      for (const bad of [
        {},
        { reason: 'x' },
        { ...body, reason: '' },
        { ...body, reason: '   ' },
        { ...body, extra: 1 },
        { ...body, reason: 42 },
        { ...body, ground: 'E' },
        { ...body, issuedOn: '2024-02-30' },
        { ...body, issuerOrganizationId: 'nope' },
      ]) {
        const response = await t.http.post(url).set(bearer(BOOTSTRAP_TOKEN)).send(bad).expect(400);
        expect(response.headers['content-type']).toMatch(PROBLEM);
      }
      await t.http.post(revokeUrl('nope', award.id)).set(bearer(BOOTSTRAP_TOKEN)).send(body).expect(400);
      await t.http.post(revokeUrl(decisions.d1.id, 'nope')).set(bearer(BOOTSTRAP_TOKEN)).send(body).expect(400);
      await t.http.post(revokeUrl(UNKNOWN_ID, award.id)).set(bearer(BOOTSTRAP_TOKEN)).send(body).expect(404);
      // A line of another decision is not a line of this one.
      const wrong = await t.http.post(revokeUrl(decisions.d2.id, award.id)).set(bearer(BOOTSTRAP_TOKEN)).send(body);
      expect(wrong.status).toBe(404);
      expect(wrong.body.code).toBe('NOT_FOUND');
      expect((await list()).items).toHaveLength(6);
    });
  });

  describe('award histories', () => {
    it('GET /individuals/{id}/awards: every award of the person, newest first, revoked ones marked', async () => {
      await t.http
        .post(revokeUrl(decisions.d3.id, decisions.d3.awards.find((a) => a.recipientName === 'Nguyễn Văn An')!.id))
        .set(bearer(BOOTSTRAP_TOKEN))
        .send({ issuerOrganizationId: tree.province.id, issuedOn: '2024-06-01', ground: 'C', reason: 'Trùng lặp' })
        .expect(201);
      const history = await t.http.get(`/api/v1/individuals/${people.an.id}/awards`).expect(200);
      expect(history.body.items.map((a: Award) => [a.awardCode, a.issuedOn, a.revoked])).toEqual([
        ['BANG_KHEN_TINH', '2024-02-01', true],
        ['GIAY_KHEN', '2023-12-15', false],
      ]);
      const first = await t.http.get(`/api/v1/individuals/${people.an.id}/awards?limit=1`).expect(200);
      const second = await t.http
        .get(`/api/v1/individuals/${people.an.id}/awards?limit=1&cursor=${first.body.nextCursor}`)
        .expect(200);
      expect(second.body).toMatchObject({ items: [{ awardCode: 'GIAY_KHEN' }], nextCursor: null });
      expect(JSON.stringify(history.body)).not.toContain('1985-04-12');

      await t.http.get(`/api/v1/individuals/${UNKNOWN_ID}/awards`).expect(404);
      await t.http.get('/api/v1/individuals/nope/awards').expect(400);
      await t.http.get(`/api/v1/individuals/${people.an.id}/awards?limit=500`).expect(400);
    });

    it('GET /organizations/{id}/awards: the collective’s own awards and those of its members, newest first', async () => {
      const unit = await t.http.get(`/api/v1/organizations/${tree.unit.id}/awards`).expect(200);
      expect(unit.body.items.map((a: Award) => [a.recipientName, a.issuedOn])).toEqual([
        ['Nguyễn Văn An', '2024-02-01'],
        [tree.unit.name, '2024-01-23'],
        ['Nguyễn Văn An', '2023-12-15'],
      ]);
      const own = await t.http.get(`/api/v1/organizations/${tree.unit.id}/awards?recipientKind=COLLECTIVE`).expect(200);
      expect(own.body.items.map((a: Award) => a.awardCode)).toEqual(['TAP_THE_LAO_DONG_TIEN_TIEN']);
      // Exactly this organization, not its subtree.
      const department = await t.http.get(`/api/v1/organizations/${tree.department.id}/awards`).expect(200);
      expect(department.body.items.map((a: Award) => a.recipientName)).toEqual(['Trần Thị Bình']);

      await t.http.get(`/api/v1/organizations/${UNKNOWN_ID}/awards`).expect(404);
      await t.http.get('/api/v1/organizations/nope/awards').expect(400);
      await t.http.get(`/api/v1/organizations/${tree.unit.id}/awards?recipientKind=FAMILY`).expect(400);
    });
  });

  describe('GET /certificates/{verificationCode}', () => {
    it('verifies a certificate publicly, accepting the printed form in any case', async () => {
      const award = decisions.d3.awards.find((a) => a.recipientName === 'Nguyễn Văn An')!;
      const expected = {
        valid: true,
        revoked: false,
        revokedAt: null,
        revocation: null,
        verificationCode: award.verificationCode,
        recipientName: 'Nguyễn Văn An',
        recipientKind: 'INDIVIDUAL',
        organizationName: tree.unit.name,
        awardCode: 'BANG_KHEN_TINH',
        awardName: expect.stringContaining('Bằng khen'),
        basis: 'THEMATIC',
        year: 2023,
        decisionNumber: '01/QĐ-UBND',
        issuedOn: '2024-02-01',
        issuerName: tree.province.name,
        signerName: 'Vừ A Bằng',
        signerTitle: 'Phó Chủ tịch',
        signingMode: 'ON_BEHALF',
      };
      const response = await t.http.get(`/api/v1/certificates/${award.verificationCode}`).expect(200);
      expect(response.body).toEqual(expected);
      const printed = award.verificationCode.toLowerCase().replace(/(.{4})(?=.)/g, '$1-');
      expect((await t.http.get(`/api/v1/certificates/${printed}`).expect(200)).body).toEqual(expected);
      expect(JSON.stringify(response.body)).not.toContain('1985-04-12');
    });

    it('answers 404 for an unknown code and 400 for something that cannot be a code', async () => {
      const unknown = await t.http.get('/api/v1/certificates/ABCDEFGHJKMNPQRSTVWX').expect(404);
      expect(unknown.headers['content-type']).toMatch(PROBLEM);
      for (const garbage of ['hello', 'ABCDEFGHIJKLMNOPQRST', 'A'.repeat(80), '%27%20OR%201%3D1']) {
        const response = await t.http.get(`/api/v1/certificates/${garbage}`).expect(400);
        expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['verificationCode']);
      }
    });
  });
});
