import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { makeApprovedNomination, makeDecision, makeIndividual, makeTree } from '../support/factories.js';
import { BOOTSTRAP_TOKEN, bearer, createTestApp, type TestApp } from '../support/test-app.js';

// Real databases on a shared machine: generous, but bounded.

const PROBLEM = /application\/problem\+json/;

interface Group {
  key: string;
  label: string;
  count: number;
  bonusTotal: number;
}

describe('statistics', () => {
  let t: TestApp;
  let tree: Awaited<ReturnType<typeof makeTree>>;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /**
   * Nine awards, one of them revoked (bonuses by R-MONEY-1):
   * 2023-12-15 Sở TT&TT   An  Giấy khen 2023                          540,000
   * 2024-01-23 Sở TT&TT   Bình Lao động tiên tiến 2023                540,000
   *                       the unit Tập thể lao động tiên tiến 2023   1,440,000
   * 2024-02-01 UBND tỉnh  An  Bằng khen tỉnh 2023 THEMATIC          1,800,000
   *                       Cường Bằng khen tỉnh 2023 — REVOKED       (1,800,000)
   *                       the unit Bằng khen tỉnh 2023 (×2)          3,600,000
   * 2024-12-20 UBND tỉnh  Bình CSTĐ cấp tỉnh 2024                   7,020,000
   *                       the department Tập thể LĐXS 2024           3,510,000
   * 2025-01-10 UBND tỉnh  Cường Bằng khen tỉnh 2024 AD_HOC           2,340,000
   */
  beforeEach(async () => {
    await t.reset();
    tree = await makeTree(t);
    const an = await makeIndividual(t, tree.unit.id, { fullName: 'Nguyễn Văn An' });
    const binh = await makeIndividual(t, tree.department.id, { fullName: 'Trần Thị Bình' });
    const cuong = await makeIndividual(t, tree.otherDepartment.id, { fullName: 'Lò Văn Cường' });
    const dept = tree.department.id;
    const nominate = (
      awardCode: string,
      year: number,
      nominee: { individualId?: string; organizationId?: string },
      proposer = dept,
      basis = 'REGULAR',
    ) =>
      makeApprovedNomination(t, { awardCode, year, basis, proposingOrganizationId: proposer, ...nominee }).then(
        (n) => n.id,
      );
    const province = { issuerOrganizationId: tree.province.id, authority: 'PROVINCE_CHAIR' };

    await makeDecision(t, {
      issuerOrganizationId: dept,
      issuedOn: '2023-12-15',
      nominationIds: [await nominate('GIAY_KHEN', 2023, { individualId: an.id })],
    });
    await makeDecision(t, {
      issuerOrganizationId: dept,
      issuedOn: '2024-01-23',
      nominationIds: [
        await nominate('LAO_DONG_TIEN_TIEN', 2023, { individualId: binh.id }),
        await nominate('TAP_THE_LAO_DONG_TIEN_TIEN', 2023, { organizationId: tree.unit.id }),
      ],
    });
    const d3 = await makeDecision(t, {
      ...province,
      issuedOn: '2024-02-01',
      nominationIds: [
        await nominate('BANG_KHEN_TINH', 2023, { individualId: an.id }, dept, 'THEMATIC'),
        await nominate('BANG_KHEN_TINH', 2023, { individualId: cuong.id }, tree.otherDepartment.id),
        await nominate('BANG_KHEN_TINH', 2023, { organizationId: tree.unit.id }),
      ],
    });
    await makeDecision(t, {
      ...province,
      issuedOn: '2024-12-20',
      nominationIds: [
        await nominate('CHIEN_SI_THI_DUA_TINH', 2024, { individualId: binh.id }),
        await nominate('TAP_THE_LAO_DONG_XUAT_SAC', 2024, { organizationId: dept }),
      ],
    });
    await makeDecision(t, {
      ...province,
      issuedOn: '2025-01-10',
      nominationIds: [
        await nominate('BANG_KHEN_TINH', 2024, { individualId: cuong.id }, tree.otherDepartment.id, 'AD_HOC'),
      ],
    });
    const revoked = d3.awards.find((a) => a.recipientName === 'Lò Văn Cường')!;
    await t.http
      .post(`/api/v1/decisions/${d3.id}/awards/${revoked.id}/revoke`)
      .set(bearer(BOOTSTRAP_TOKEN))
      .send({ reason: 'Hồ sơ giả mạo' })
      .expect(200);
  });

  const stats = async (query = '') =>
    (await t.http.get(`/api/v1/stats/awards${query}`).expect(200)).body as {
      groupBy: string;
      groups: Group[];
      total: { count: number; bonusTotal: number };
    };

  describe('GET /stats/awards', () => {
    it('groups by award code by default, in catalogue order, leaving revoked awards out', async () => {
      const body = await stats('?year=2023');
      expect(body.groupBy).toBe('awardCode');
      expect(body.groups).toEqual([
        { key: 'LAO_DONG_TIEN_TIEN', label: 'Lao động tiên tiến', count: 1, bonusTotal: 540000 },
        {
          key: 'TAP_THE_LAO_DONG_TIEN_TIEN',
          label: expect.stringContaining('Tập thể lao động tiên tiến'),
          count: 1,
          bonusTotal: 1440000,
        },
        { key: 'GIAY_KHEN', label: 'Giấy khen', count: 1, bonusTotal: 540000 },
        { key: 'BANG_KHEN_TINH', label: expect.stringContaining('Bằng khen'), count: 2, bonusTotal: 5400000 },
      ]);
      expect(body.total).toEqual({ count: 5, bonusTotal: 7920000 });
    });

    it('groups by recipient kind and by basis over all years', async () => {
      const kinds = await stats('?groupBy=recipientKind');
      expect(kinds.groups).toEqual([
        { key: 'INDIVIDUAL', label: 'Cá nhân', count: 5, bonusTotal: 12240000 },
        { key: 'COLLECTIVE', label: 'Tập thể', count: 3, bonusTotal: 8550000 },
      ]);
      expect(kinds.total).toEqual({ count: 8, bonusTotal: 20790000 });
      const bases = await stats('?groupBy=basis');
      expect(bases.groups.map((g) => [g.key, g.label, g.count])).toEqual([
        ['REGULAR', 'Thường xuyên', 6],
        ['THEMATIC', 'Chuyên đề', 1],
        ['AD_HOC', 'Đột xuất', 1],
      ]);
    });

    it('groups by organization within a subtree, most awards first', async () => {
      const body = await stats(`?groupBy=organization&organizationId=${tree.department.id}`);
      expect(body.groups).toEqual([
        { key: tree.unit.id, label: tree.unit.name, count: 4, bonusTotal: 540000 + 1440000 + 1800000 + 3600000 },
        { key: tree.department.id, label: tree.department.name, count: 3, bonusTotal: 540000 + 7020000 + 3510000 },
      ]);
      expect(body.total.count).toBe(7);
      const other = await stats(`?groupBy=organization&organizationId=${tree.otherDepartment.id}`);
      expect(other.groups).toEqual([
        { key: tree.otherDepartment.id, label: tree.otherDepartment.name, count: 1, bonusTotal: 2340000 },
      ]);
    });

    it('filters by year range, award code, recipient kind and basis; empty results have zero totals', async () => {
      expect((await stats('?fromYear=2024&toYear=2024')).groups.map((g) => g.key)).toEqual([
        'CHIEN_SI_THI_DUA_TINH',
        'TAP_THE_LAO_DONG_XUAT_SAC',
        'BANG_KHEN_TINH',
      ]);
      expect(
        (await stats('?awardCode=BANG_KHEN_TINH&groupBy=recipientKind')).groups.map((g) => [g.key, g.count]),
      ).toEqual([
        ['INDIVIDUAL', 2],
        ['COLLECTIVE', 1],
      ]);
      expect((await stats('?recipientKind=COLLECTIVE&basis=REGULAR')).total).toEqual({ count: 3, bonusTotal: 8550000 });
      expect(await stats('?year=2030')).toEqual({
        groupBy: 'awardCode',
        groups: [],
        total: { count: 0, bonusTotal: 0 },
      });
    });

    it('answers 400 for bad parameters, and is public', async () => {
      for (const [query, field] of [
        ['groupBy=color', 'groupBy'],
        ['fromYear=2025&toYear=2023', 'fromYear'],
        ['year=abc', 'year'],
        ['organizationId=nope', 'organizationId'],
        ['awardCode=X', 'awardCode'],
        ['limit=5', 'limit'],
      ]) {
        const response = await t.http.get(`/api/v1/stats/awards?${query}`).expect(400);
        expect(response.headers['content-type']).toMatch(PROBLEM);
        expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
      const auditor = await t.token('AUDITOR');
      await t.http.get('/api/v1/stats/awards').set(bearer(auditor)).expect(200);
    });
  });

  describe('GET /stats/form-0603', () => {
    const form = async (query: string) => (await t.http.get(`/api/v1/stats/form-0603${query}`).expect(200)).body;
    const row = (body: { rows: { awardCode: string }[] }, code: string) => body.rows.find((r) => r.awardCode === code);
    const zeroBases = { REGULAR: 0, THEMATIC: 0, AD_HOC: 0, CAREER: 0, SENIORITY: 0, FOREIGN: 0, RESISTANCE: 0 };

    it('counts province-level awards of decisions dated in the year, by recipient group and basis', async () => {
      const body = await form('?year=2024');
      expect(body).toMatchObject({ form: '0603', circular: '02/2023/TT-BNV', year: 2024, organizationId: null });
      expect(body.rows.map((r: { awardCode: string }) => r.awardCode).sort()).toEqual([
        'BANG_KHEN_TINH',
        'CHIEN_SI_THI_DUA_TINH',
        'CO_THI_DUA_TINH',
        'TAP_THE_LAO_DONG_XUAT_SAC',
      ]);
      expect(row(body, 'BANG_KHEN_TINH')).toEqual({
        awardCode: 'BANG_KHEN_TINH',
        awardName: expect.stringContaining('Bằng khen'),
        collectives: 1,
        individuals: 1,
        total: 2,
        bonusTotal: 5400000,
        byBasis: { ...zeroBases, REGULAR: 1, THEMATIC: 1 },
      });
      expect(row(body, 'CHIEN_SI_THI_DUA_TINH')).toMatchObject({
        collectives: 0,
        individuals: 1,
        total: 1,
        bonusTotal: 7020000,
      });
      expect(row(body, 'TAP_THE_LAO_DONG_XUAT_SAC')).toMatchObject({
        collectives: 1,
        individuals: 0,
        total: 1,
        bonusTotal: 3510000,
      });
      expect(row(body, 'CO_THI_DUA_TINH')).toMatchObject({
        collectives: 0,
        individuals: 0,
        total: 0,
        bonusTotal: 0,
        byBasis: zeroBases,
      });
      expect(body.total).toEqual({
        collectives: 2,
        individuals: 2,
        total: 4,
        bonusTotal: 15930000,
        byBasis: { ...zeroBases, REGULAR: 3, THEMATIC: 1 },
      });

      const next = await form('?year=2025');
      expect(next.total).toMatchObject({ individuals: 1, collectives: 0, byBasis: { ...zeroBases, AD_HOC: 1 } });
      expect((await form('?year=2023')).total.total).toBe(0);
    });

    it('limits the report to an organization subtree', async () => {
      const body = await form(`?year=2024&organizationId=${tree.unit.id}`);
      expect(body.organizationId).toBe(tree.unit.id);
      expect(row(body, 'BANG_KHEN_TINH')).toMatchObject({ collectives: 1, individuals: 1 });
      expect(body.total.total).toBe(2);
    });

    it('answers 400 without a year or with bad parameters', async () => {
      for (const query of [
        '',
        '?year=abc',
        '?year=1800',
        '?year=2024&organizationId=nope',
        '?year=2024&groupBy=basis',
      ]) {
        const response = await t.http.get(`/api/v1/stats/form-0603${query}`).expect(400);
        expect(response.headers['content-type']).toMatch(PROBLEM);
      }
    });
  });
});
