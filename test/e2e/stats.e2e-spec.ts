import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import {
  addInitiative,
  makeApprovedNomination,
  makeDecision,
  makeEligible,
  makeIndividual,
  makeOrganization,
  makeTree,
  revocationFields,
} from '../support/factories.js';
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
    // The recipients qualify (each decision re-judges its lines); what only prerequisites need is approved, never
    // decided, so it adds no award: Bình rated for her titles, with CSTĐ cơ sở 2022–2024 and a province-level
    // initiative (Law 2022 Art 22); Cường rated for his Bằng khen tỉnh (Art 74.1.d); An, in the unit, and Bình, in
    // the department, with Lao động tiên tiến 2023 and 2024 and rated 2024 (Art 27, 28).
    await makeEligible(t, binh.id, 'LAO_DONG_TIEN_TIEN', 2023);
    await makeEligible(t, binh.id, 'LAO_DONG_TIEN_TIEN', 2024);
    await addInitiative(t, binh.id, 2024, 'PROVINCE');
    for (const year of [2022, 2023, 2024]) await nominate('CHIEN_SI_THI_DUA_CO_SO', year, { individualId: binh.id });
    await makeEligible(t, cuong.id, 'BANG_KHEN_TINH', 2023);
    await makeEligible(t, an.id, 'LAO_DONG_TIEN_TIEN', 2024);
    await nominate('LAO_DONG_TIEN_TIEN', 2023, { individualId: an.id });
    for (const person of [an, binh]) await nominate('LAO_DONG_TIEN_TIEN', 2024, { individualId: person.id });

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
      .send(await revocationFields(t, d3.id, 'Hồ sơ giả mạo'))
      .expect(201);
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
    const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

    /**
     * 2024 as the province reports it, on top of the awards above: An is an OTHER_LEADER, Bình a DEPARTMENT_LEADER,
     * the unit an enterprise; the province also gave the department a Cờ thi đua, Cường a Kỷ niệm chương (CAREER)
     * and a household a Bằng khen (AD_HOC). Left out: the department's own decisions, the Tập thể LĐXS (no column),
     * the revoked Bằng khen, the 2025 decision and a ministry's Bằng khen to An.
     */
    async function year2024() {
      const admin = bearer(BOOTSTRAP_TOKEN);
      const [an, binh, cuong] = await Promise.all(
        ['Nguyễn Văn An', 'Trần Thị Bình', 'Lò Văn Cường'].map(async (name) => {
          const rows: { id: string }[] = await t.db.query(`SELECT id FROM individuals WHERE full_name = $1`, [name]);
          return rows[0].id;
        }),
      );
      await t.http
        .patch(`/api/v1/individuals/${an}`)
        .set(admin)
        .send({ reportingCategory: 'OTHER_LEADER' })
        .expect(200);
      await t.http
        .patch(`/api/v1/individuals/${binh}`)
        .set(admin)
        .send({ reportingCategory: 'DEPARTMENT_LEADER' })
        .expect(200);
      await t.http.patch(`/api/v1/organizations/${tree.unit.id}`).set(admin).send({ enterprise: true }).expect(200);
      const province = tree.province.id;
      await awardOf(province, 'CO_THI_DUA_TINH', { organizationId: tree.department.id });
      await awardOf(province, 'KY_NIEM_CHUONG', { individualId: cuong }, 'CAREER');
      const ministry = await makeOrganization(t, { kind: 'OTHER', name: 'Bộ Thông tin và Truyền thông' });
      await awardOf(ministry.id, 'BANG_KHEN_TINH', { individualId: an }, 'AD_HOC');
      const commune = await makeOrganization(t, { kind: 'COMMUNE', parentId: province });
      const household = await t.http
        .post('/api/v1/households')
        .set(admin)
        .send({ headName: 'Lò Văn Páo', address: 'Bản Him Lam', organizationId: commune.id })
        .expect(201);
      const decisionId = await awardOf(province, 'CO_THI_DUA_TINH', { organizationId: commune.id });
      await t.db.query(
        `INSERT INTO awards (decision_id, decision_number, year, period_from, period_to, award_code, basis, recipient_kind,
                             household_id, organization_id, proposing_organization_id, recipient_name, organization_name,
                             issued_on, regime, bonus_amount, verification_code)
         VALUES ($1, (SELECT number_text FROM decisions WHERE id = $1), 2024, 2024, 2024, 'BANG_KHEN_TINH', 'AD_HOC', 'HOUSEHOLD', $2, $3, $3, 'Hộ Lò Văn Páo', 'Xã', '2024-12-15', 'TDKT_2022_ND98', 0, 'TEST-HOUSEHOLD-0603')`,
        [decisionId, household.body.id, commune.id],
      );
      // The commune's Cờ thi đua above only carried the household's line: revoke it so it counts for nothing.
      await t.db.query(
        `UPDATE awards SET revoked_at = now(), revoked_reason = 'test' WHERE decision_id = $1 AND recipient_kind = 'COLLECTIVE'`,
        [decisionId],
      );
    }

    let number = 900;
    /** A province-level award of a decision of `issuer` dated 2024-12-15 (numbers clear of the decisions above). */
    async function awardOf(
      issuer: string,
      awardCode: string,
      recipient: { individualId?: string; organizationId?: string },
      basis = 'REGULAR',
    ): Promise<string> {
      const [decision]: { id: string }[] = await t.db.query(
        `INSERT INTO decisions (issuer_organization_id, authority, year, number, number_text, issued_on, signer_name, signer_title, signing_mode, regime)
         VALUES ($1, 'PROVINCE_CHAIR', 2024, $2, $3, '2024-12-15', 'Vừ A Bằng', 'Phó Chủ tịch', 'ON_BEHALF', 'TDKT_2022_ND98') RETURNING id`,
        [issuer, ++number, `${number}/QĐ-UBND`],
      );
      const [who]: { organization_id: string; name: string }[] = recipient.individualId
        ? await t.db.query(`SELECT organization_id, full_name AS name FROM individuals WHERE id = $1`, [
            recipient.individualId,
          ])
        : await t.db.query(`SELECT id AS organization_id, name FROM organizations WHERE id = $1`, [
            recipient.organizationId,
          ]);
      await t.db.query(
        `INSERT INTO awards (decision_id, decision_number, year, period_from, period_to, award_code, basis, recipient_kind,
                             individual_id, organization_id, proposing_organization_id, recipient_name, organization_name,
                             issued_on, regime, bonus_amount, verification_code)
         VALUES ($1, (SELECT number_text FROM decisions WHERE id = $1), 2024, 2024, 2024, $2, $3, $4, $5, $6, $6, $7, $7, '2024-12-15', 'TDKT_2022_ND98', 0, $8)`,
        [
          decision.id,
          awardCode,
          basis,
          recipient.individualId ? 'INDIVIDUAL' : 'COLLECTIVE',
          recipient.individualId ?? null,
          who.organization_id,
          who.name,
          `TEST-0603-${number}`,
        ],
      );
      return decision.id;
    }

    /** Hand-computed: [total, Bằng khen, Chiến sĩ thi đua, Cờ thi đua, Kỷ niệm chương] of rows 01–17. */
    const EXPECTED_2024: [string, string, number[]][] = [
      ['01', 'Lượt', [6, 3, 1, 1, 1]],
      ['02', 'Tập thể', [2, 1, 0, 1, 0]],
      ['03', 'Tập thể', [1, 1, 0, 0, 0]],
      ['04', 'Hộ', [1, 1, 0, 0, 0]],
      ['05', 'Người', [3, 1, 1, 0, 1]],
      ['06', 'Người', [0, 0, 0, 0, 0]],
      ['07', 'Người', [1, 0, 1, 0, 0]],
      ['08', 'Người', [0, 0, 0, 0, 0]],
      ['09', 'Người', [1, 1, 0, 0, 0]],
      ['10', 'Người', [0, 0, 0, 0, 0]],
      ['11', 'Lượt', [3, 1, 1, 1, 0]],
      ['12', 'Lượt', [1, 1, 0, 0, 0]],
      ['13', 'Lượt', [1, 1, 0, 0, 0]],
      ['14', 'Lượt', [0, 0, 0, 0, 0]],
      ['15', 'Lượt', [1, 0, 0, 0, 1]],
      ['16', 'Lượt', [0, 0, 0, 0, 0]],
      ['17', 'Lượt', [0, 0, 0, 0, 0]],
    ];

    it('counts the awards of the province’s own decisions in the year, every cell as the form has it', async () => {
      await year2024();
      const body = (
        await t.http.get('/api/v1/stats/form-0603').query({ year: 2024, organizationId: tree.province.id }).expect(200)
      ).body as {
        year: number;
        organization: { id: string; name: string };
        rows: { code: string; label: string; unit: string; values: number[] }[];
      };
      expect(body.year).toBe(2024);
      expect(body.organization).toEqual({ id: tree.province.id, name: 'UBND tỉnh Điện Biên' });
      expect(body.rows.map((r) => [r.code, r.unit, r.values])).toEqual(EXPECTED_2024);
      expect(body.rows.map((r) => r.label)).toEqual([
        'Tổng số',
        '1. Tập thể',
        'Trong đó: Doanh nghiệp',
        '2. Hộ gia đình',
        '3. Cá nhân',
        '- Lãnh đạo cấp bộ, ban, ngành, tỉnh và tương đương trở lên',
        '- Lãnh đạo cấp vụ, sở, ngành và tương đương',
        '- Doanh nhân',
        '- Các cấp lãnh đạo khác từ phó trưởng phòng và tương đương trở lên',
        '- Người trực tiếp lao động, sản xuất, công tác (công nhân, nông dân, …)',
        'Khen thưởng thường xuyên',
        'Khen thưởng theo chuyên đề',
        'Khen thưởng đột xuất',
        'Khen thưởng đối ngoại',
        'Khen thưởng quá trình cống hiến',
        'Khen thưởng theo niên hạn',
        'Khen thưởng thành tích kháng chiến',
      ]);
      // The department reports nothing: it is not a province; the 2025 form has the one AD_HOC Bằng khen.
      const next = await t.http
        .get('/api/v1/stats/form-0603')
        .query({ year: 2025, organizationId: tree.province.id })
        .expect(200);
      expect(next.body.rows[0].values).toEqual([1, 1, 0, 0, 0]);
    });

    it('returns the same table as a workbook laid out like the paper form', async () => {
      await year2024();
      const response = await t.http
        .get('/api/v1/stats/form-0603')
        .query({ year: 2024, organizationId: tree.province.id })
        .set('Accept', XLSX)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(response.headers['content-type']).toContain(XLSX);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.body as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      const text = (address: string) => sheet.getCell(address).text;
      expect(text('A1')).toBe('Biểu số: 0603.N/BNV-TĐKT');
      expect(text('A3')).toBe('Đơn vị báo cáo: UBND tỉnh Điện Biên');
      expect(text('A4')).toBe('SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG VÀ TỈNH');
      expect(text('A5')).toBe('Năm 2024');
      for (const range of ['A4:H4', 'A7:A8', 'B7:B8', 'C7:C8', 'D7:D8', 'E7:H7']) {
        const [first, last] = range.split(':');
        expect(sheet.getCell(last).isMerged && sheet.getCell(last).master.address).toBe(first);
      }
      expect(['A7', 'B7', 'C7', 'D7', 'E7', 'E8', 'F8', 'G8', 'H8'].map(text)).toEqual([
        'Chỉ tiêu',
        'Mã số',
        'Đơn vị tính',
        'Tổng số',
        'Chia ra',
        'Bằng khen',
        'Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh',
        'Cờ thi đua',
        'Huy hiệu / Kỷ niệm chương',
      ]);
      expect(sheet.getRow(9).values).toEqual([undefined, 'A', 'B', 'C', 1, 2, 3, 4, 5]);
      EXPECTED_2024.forEach(([code, unit, values], i) => {
        const row = sheet.getRow(10 + i);
        expect([row.getCell(2).value, row.getCell(3).value, [4, 5, 6, 7, 8].map((c) => row.getCell(c).value)]).toEqual([
          code,
          unit,
          values,
        ]);
      });
      expect(sheet.getCell('A10').value).toBe('Tổng số');
      expect(sheet.getCell('A27').value).toBeNull();
    });

    it('answers 400 for a year or an organization the form cannot take, 404 for an unknown one', async () => {
      for (const query of [
        '',
        '?year=2024',
        `?year=abc&organizationId=${tree.province.id}`,
        `?year=1800&organizationId=${tree.province.id}`,
        '?year=2024&organizationId=nope',
        `?year=2024&organizationId=${tree.department.id}`,
      ]) {
        const response = await t.http.get(`/api/v1/stats/form-0603${query}`).expect(400);
        expect(response.headers['content-type']).toMatch(PROBLEM);
      }
      await t.http
        .get('/api/v1/stats/form-0603')
        .query({ year: 2024, organizationId: '00000000-0000-4000-8000-000000000000' })
        .expect(404);
    });
  });
});
