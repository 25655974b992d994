import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Response } from 'superagent';
import { importCsv, importXlsx, makeIndividual, makeNomination, makeTree, setRating } from '../support/factories.js';
import { binary } from '../support/binary.js';
import { BOOTSTRAP_TOKEN, bearer, createTestApp, type TestApp } from '../support/test-app.js';
import { deflatedSpaces, storedMember, zipOf } from '../support/zip.js';
import { unpackWithin } from '../../src/nominations/import/import-file.js';

const PROBLEM = /application\/problem\+json/;
const URL = '/api/v1/nominations/import';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const COLUMNS = [
  'year',
  'awardCode',
  'basis',
  'individualId',
  'organizationId',
  'proposingOrganizationId',
  'achievements',
  'expectedDecisionOn',
];
const ACHIEVEMENT = 'Hoàn thành xuất sắc nhiệm vụ năm 2024; chủ trì số hoá hồ sơ thi đua, khen thưởng của Sở';

type RowError = { row: number; field: string; message: string };
const errorsOf = (response: Response) =>
  (response.body.errors as RowError[]).map((e) => ({ row: e.row, field: e.field }));

describe('nominations import', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    await t.reset();
  });

  /** The demo tree, an HR officer of the department, people of its unit, and keys that may not import. */
  async function setup() {
    const tree = await makeTree(t);
    const anh = await makeIndividual(t, tree.unit.id, { fullName: 'Lò Thị Ánh', nationalId: '011190000123' });
    const dung = await makeIndividual(t, tree.unit.id, { fullName: 'Quàng Văn Dũng' });
    await setRating(t, dung.id, 2024, 'HTT');
    const outsider = await makeIndividual(t, tree.otherDepartment.id, { fullName: 'Vừ Thị Mai' });
    return {
      tree,
      anh,
      dung,
      outsider,
      hr: await t.token('HR_OFFICER', tree.department.id),
      hrOther: await t.token('HR_OFFICER', tree.otherDepartment.id),
      auditor: await t.token('AUDITOR'),
      approver: await t.token('APPROVER', tree.department.id),
    };
  }

  const upload = (token: string | null, body: Buffer, fileName: string) => {
    const request = t.http.post(URL);
    if (token) request.set(bearer(token));
    return request.attach('file', body, fileName);
  };
  const count = async () => Number((await t.db.query('SELECT count(*)::int AS n FROM nominations'))[0].n);

  describe('success', () => {
    it('imports an .xlsx with columns in any order, number and date cells: 201, one DRAFT per row, stored with file hash and row', async () => {
      const s = await setup();
      const file = await importXlsx([
        [
          'achievements',
          'awardCode',
          'basis',
          'year',
          'proposingOrganizationId',
          'individualId',
          'organizationId',
          'expectedDecisionOn',
        ],
        [
          ACHIEVEMENT,
          'GIAY_KHEN',
          'REGULAR',
          2024,
          s.tree.department.id,
          s.anh.id,
          null,
          new Date(Date.UTC(2025, 0, 10)),
        ],
        [
          'Tập thể hoàn thành xuất sắc nhiệm vụ',
          'GIAY_KHEN',
          'REGULAR',
          2024,
          s.tree.department.id,
          null,
          s.tree.unit.id,
          null,
        ],
        [
          'Lao động tiên tiến năm 2024',
          'LAO_DONG_TIEN_TIEN',
          'REGULAR',
          2024,
          s.tree.department.id,
          s.dung.id,
          null,
          '2025-01-10',
        ],
      ]);
      const response = await upload(s.hr, file, 'de-nghi-2024.xlsx').expect(201);
      const hash = createHash('sha256').update(file).digest('hex');
      expect(response.body).toMatchObject({ fileHash: hash, rows: 3, created: 3 });
      expect(response.body.nominations.map((n: { row: number; status: string }) => [n.row, n.status])).toEqual([
        [2, 'DRAFT'],
        [3, 'DRAFT'],
        [4, 'DRAFT'],
      ]);
      expect(response.body.nominations[2].eligible).toBe(true);

      const first = await t.http
        .get(`/api/v1/nominations/${response.body.nominations[0].id}`)
        .set(bearer(s.hr))
        .expect(200);
      expect(first.body).toMatchObject({
        year: 2024,
        awardCode: 'GIAY_KHEN',
        basis: 'REGULAR',
        recipientKind: 'INDIVIDUAL',
        individualId: s.anh.id,
        proposingOrganizationId: s.tree.department.id,
        achievements: ACHIEVEMENT,
        expectedDecisionOn: '2025-01-10',
        status: 'DRAFT',
        regime: 'TDKT_2022_ND98',
      });
      expect(first.body.history.map((h: { action: string }) => h.action)).toEqual(['CREATE']);
      const collective = await t.http
        .get(`/api/v1/nominations/${response.body.nominations[1].id}`)
        .set(bearer(s.hr))
        .expect(200);
      expect(collective.body).toMatchObject({
        recipientKind: 'COLLECTIVE',
        organizationId: s.tree.unit.id,
        individualId: null,
      });

      const stored = await t.db.query('SELECT import_file_hash, import_row FROM nominations ORDER BY import_row');
      expect(stored).toEqual([2, 3, 4].map((row) => ({ import_file_hash: hash, import_row: row })));
    });

    it('imports a UTF-8 CSV with a byte order mark and Vietnamese text, quoted commas and line breaks; blank lines keep row numbers', async () => {
      const s = await setup();
      const achievements =
        'Đạt danh hiệu "Lao động tiên tiến", hoàn thành xuất sắc nhiệm vụ;\nchủ trì đề tài cấp cơ sở';
      const file = importCsv(
        [
          COLUMNS,
          ['2024', 'GIAY_KHEN', 'REGULAR', s.anh.id, '', s.tree.department.id, achievements, ''],
          [],
          ['2024', 'LAO_DONG_TIEN_TIEN', 'REGULAR', s.dung.id, '', s.tree.department.id, 'Lao động tiên tiến', ''],
        ],
        { bom: true },
      );
      const response = await upload(s.hr, file, 'danh-sach.csv').expect(201);
      expect(response.body.rows).toBe(2);
      // The quoted line break makes line 3 of the text part of row 2; the blank row is row 3, the next data row is 4.
      expect(response.body.nominations.map((n: { row: number }) => n.row)).toEqual([2, 4]);
      const first = await t.http
        .get(`/api/v1/nominations/${response.body.nominations[0].id}`)
        .set(bearer(s.hr))
        .expect(200);
      expect(first.body.achievements).toBe(achievements);
    });

    it('reads semicolon-separated CSV, DD/MM/YYYY dates and the alternative columns nationalId, organizationCode, proposingOrganizationCode', async () => {
      const s = await setup();
      const file = importCsv(
        [
          [
            'nationalId',
            'organizationCode',
            'proposingOrganizationCode',
            'year',
            'awardCode',
            'basis',
            'achievements',
            'expectedDecisionOn',
          ],
          [
            '011190000123',
            '',
            s.tree.department.code,
            '2024',
            'GIAY_KHEN',
            'REGULAR',
            'Hoàn thành tốt nhiệm vụ',
            '23/01/2025',
          ],
          [
            '',
            s.tree.unit.code,
            s.tree.department.code,
            '2024',
            'GIAY_KHEN',
            'REGULAR',
            'Tập thể hoàn thành xuất sắc',
            '',
          ],
        ],
        { delimiter: ';' },
      );
      const response = await upload(s.hr, file, 'theo-ma.csv').expect(201);
      const [person, unit] = response.body.nominations;
      const read = await t.http.get(`/api/v1/nominations/${person.id}`).set(bearer(s.hr)).expect(200);
      expect(read.body).toMatchObject({
        individualId: s.anh.id,
        proposingOrganizationId: s.tree.department.id,
        expectedDecisionOn: '2025-01-23',
      });
      const collective = await t.http.get(`/api/v1/nominations/${unit.id}`).set(bearer(s.hr)).expect(200);
      expect(collective.body.organizationId).toBe(s.tree.unit.id);
    });
  });

  describe('all rows or none (422)', () => {
    it('reports both bad rows of a file with their spreadsheet row numbers and fields, and stores nothing', async () => {
      const s = await setup();
      const file = await importXlsx([
        COLUMNS,
        [2024, 'GIAY_KHEN', 'REGULAR', s.anh.id, null, s.tree.department.id, ACHIEVEMENT, null],
        ['năm 2024', 'GIAY_KHEN_TINH', 'REGULAR', s.dung.id, null, s.tree.department.id, 'Thành tích', null],
        [2024, 'LAO_DONG_TIEN_TIEN', 'REGULAR', s.dung.id, null, s.tree.department.id, 'Lao động tiên tiến', null],
        [2024, 'GIAY_KHEN', 'REGULAR', UNKNOWN_ID, null, s.tree.department.id, 'Thành tích', null],
      ]);
      const response = await upload(s.hr, file, 'loi.xlsx').expect(422);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body.code).toBe('IMPORT_INVALID');
      expect(errorsOf(response)).toEqual([
        { row: 3, field: 'year' },
        { row: 3, field: 'awardCode' },
        { row: 5, field: 'individualId' },
      ]);
      expect(response.body.errors[2].message).toContain('Không tồn tại cá nhân');
      expect(await count()).toBe(0);
    });

    it('names the column for rule refusals: R-BASIS-2, R-KIND-1, R-DUP-1 against the registry and within the file, dates before the year', async () => {
      const s = await setup();
      await makeNomination(t, {
        year: 2024,
        awardCode: 'GIAY_KHEN',
        individualId: s.dung.id,
        proposingOrganizationId: s.tree.department.id,
      });
      const before = await count();
      const file = importCsv([
        COLUMNS,
        ['2024', 'LAO_DONG_TIEN_TIEN', 'THEMATIC', s.anh.id, '', s.tree.department.id, 'Chuyên đề', ''],
        ['2024', 'LAO_DONG_TIEN_TIEN', 'REGULAR', '', s.tree.unit.id, s.tree.department.id, 'Tập thể', ''],
        ['2024', 'GIAY_KHEN', 'REGULAR', s.dung.id, '', s.tree.department.id, 'Trùng với đề nghị đã có', ''],
        ['2024', 'GIAY_KHEN', 'REGULAR', s.anh.id, '', s.tree.department.id, 'Lần một', ''],
        ['2024', 'GIAY_KHEN', 'REGULAR', s.anh.id, '', s.tree.department.id, 'Lần hai', ''],
        [
          '2024',
          'GIAY_KHEN',
          'THEMATIC',
          s.outsider.id.replace(/.$/, 'x'),
          '',
          s.tree.department.id,
          'Mã sai',
          '2023-12-31',
        ],
        ['2024', 'BANG_KHEN_TINH', 'AD_HOC', s.anh.id, '', s.tree.department.id, 'Đột xuất', '2023-06-01'],
      ]);
      const response = await upload(s.hr, file, 'quy-tac.csv').expect(422);
      const errors = response.body.errors as RowError[];
      expect(errorsOf(response)).toEqual([
        { row: 2, field: 'basis' },
        { row: 3, field: 'awardCode' },
        { row: 4, field: 'individualId' },
        { row: 6, field: 'individualId' },
        { row: 7, field: 'individualId' },
        { row: 8, field: 'expectedDecisionOn' },
      ]);
      expect(errors[0].message).toContain('R-BASIS-2');
      expect(errors[1].message).toContain('R-KIND-1');
      expect(errors[2].message).toContain('R-DUP-1');
      expect(errors[3].message).toContain('trùng với dòng 5');
      expect(await count()).toBe(before);
    });

    it('checks the header: unknown, repeated and missing columns are errors of row 1; a value without a header is an error of its row', async () => {
      const s = await setup();
      const header = await upload(
        s.hr,
        importCsv([['year', 'Year', 'basis', 'individualId', 'proposingOrganizationId', 'achievements', 'ghiChu']]),
        'a.csv',
      ).expect(422);
      expect(errorsOf(header)).toEqual([
        { row: 1, field: 'year' },
        { row: 1, field: 'ghiChu' },
        { row: 1, field: 'awardCode' },
      ]);
      const stray = await upload(
        s.hr,
        importCsv([
          COLUMNS,
          ['2024', 'GIAY_KHEN', 'REGULAR', s.anh.id, '', s.tree.department.id, 'Thành tích', '', 'ghi chú'],
        ]),
        'b.csv',
      ).expect(422);
      expect(errorsOf(stray)).toEqual([{ row: 2, field: 'I' }]);
      const empty = await upload(s.hr, Buffer.from(''), 'empty.csv').expect(422);
      expect(errorsOf(empty)).toEqual([{ row: 1, field: 'header' }]);
      const headerOnly = await upload(s.hr, importCsv([COLUMNS]), 'header.csv').expect(422);
      expect(errorsOf(headerOnly)).toEqual([{ row: 2, field: 'file' }]);
      const bothIds = await upload(
        s.hr,
        importCsv([
          [...COLUMNS, 'nationalId'],
          ['2024', 'GIAY_KHEN', 'REGULAR', s.anh.id, '', s.tree.department.id, 'x', '', '011190000123'],
        ]),
        'c.csv',
      ).expect(422);
      expect(errorsOf(bothIds)).toEqual([{ row: 2, field: 'nationalId' }]);
      expect(await count()).toBe(0);
    });
  });

  describe('idempotent re-import', () => {
    it('answers 200 with the nominations of the first upload and created 0 when the same file comes again', async () => {
      const s = await setup();
      const file = importCsv([
        COLUMNS,
        ['2024', 'GIAY_KHEN', 'REGULAR', s.anh.id, '', s.tree.department.id, ACHIEVEMENT, ''],
        ['2024', 'LAO_DONG_TIEN_TIEN', 'REGULAR', s.dung.id, '', s.tree.department.id, 'Lao động tiên tiến', ''],
      ]);
      const first = await upload(s.hr, file, 'lan-1.csv').expect(201);
      const again = await upload(s.hr, file, 'lan-2.csv').expect(200);
      expect(again.body).toEqual({ ...first.body, created: 0 });
      expect(await count()).toBe(2);

      // Status is reported as it is now.
      await t.http.post(`/api/v1/nominations/${first.body.nominations[1].id}/submit`).set(bearer(s.hr)).expect(200);
      const third = await upload(s.hr, file, 'lan-3.csv').expect(200);
      expect(third.body.nominations[1].status).toBe('SUBMITTED');

      // Another HR officer whose scope does not cover the file's organizations cannot read it back.
      const outside = await upload(s.hrOther, file, 'lan-4.csv').expect(403);
      expect(outside.body.code).toBe('OUT_OF_SCOPE');

      // A changed file is a new import: its rows meet R-DUP-1 against the first import's nominations.
      const changed = Buffer.concat([file, Buffer.from('\r\n')]);
      const duplicate = await upload(s.hr, changed, 'lan-5.csv').expect(422);
      expect(errorsOf(duplicate)).toEqual([
        { row: 2, field: 'individualId' },
        { row: 3, field: 'individualId' },
      ]);
      expect(await count()).toBe(2);
    });

    it('two uploads of the same file at once create its nominations once', async () => {
      const s = await setup();
      const file = importCsv([
        COLUMNS,
        ['2024', 'GIAY_KHEN', 'THEMATIC', s.anh.id, '', s.tree.department.id, 'Chuyên đề chuyển đổi số', ''],
      ]);
      const [a, b] = await Promise.all([upload(s.hr, file, 'a.csv'), upload(s.hr, file, 'b.csv')]);
      expect([a.status, b.status].sort()).toEqual([200, 201]);
      expect(a.body.nominations[0].id).toBe(b.body.nominations[0].id);
      expect(await count()).toBe(1);
    });
  });

  describe('auth and scope', () => {
    it('answers 401 without a token, 403 for AUDITOR and APPROVER; ADMIN may import', async () => {
      const s = await setup();
      const file = importCsv([
        COLUMNS,
        ['2024', 'GIAY_KHEN', 'REGULAR', s.anh.id, '', s.tree.department.id, 'Thành tích', ''],
      ]);
      const anonymous = await upload(null, file, 'a.csv').expect(401);
      expect(anonymous.headers['content-type']).toMatch(PROBLEM);
      expect((await upload(s.auditor, file, 'a.csv').expect(403)).body.code).toBe('FORBIDDEN');
      await upload(s.approver, file, 'a.csv').expect(403);
      expect(await count()).toBe(0);
      await upload(BOOTSTRAP_TOKEN, file, 'a.csv').expect(201);
    });

    it("refuses a file naming organizations or people outside the HR officer's scope with 403 OUT_OF_SCOPE listing each row, and stores nothing", async () => {
      const s = await setup();
      const file = importCsv([
        COLUMNS,
        ['2024', 'GIAY_KHEN', 'REGULAR', s.outsider.id, '', s.tree.otherDepartment.id, 'Trong phạm vi', ''],
        ['2024', 'GIAY_KHEN', 'REGULAR', s.anh.id, '', s.tree.department.id, 'Ngoài phạm vi', ''],
        ['2024', 'GIAY_KHEN', 'REGULAR', s.anh.id, '', s.tree.otherDepartment.id, 'Người ngoài phạm vi', ''],
      ]);
      const response = await upload(s.hrOther, file, 'pham-vi.csv').expect(403);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body.code).toBe('OUT_OF_SCOPE');
      expect(errorsOf(response)).toEqual([
        { row: 3, field: 'proposingOrganizationId' },
        { row: 3, field: 'individualId' },
        { row: 4, field: 'individualId' },
      ]);
      expect(await count()).toBe(0);
    });
  });

  describe('national ids outside the scope', () => {
    it('answers a national id held outside the scope exactly as one nobody holds, naming no organization', async () => {
      const s = await setup();
      await t.http
        .patch(`/api/v1/individuals/${s.outsider.id}`)
        .set(bearer(BOOTSTRAP_TOKEN))
        .send({ nationalId: '011190000999' })
        .expect(200);
      const header = ['nationalId', 'proposingOrganizationId', 'year', 'awardCode', 'basis', 'achievements'];
      const fileFor = (nationalId: string) =>
        importCsv([header, [nationalId, s.tree.department.id, '2024', 'GIAY_KHEN', 'REGULAR', 'Hoàn thành tốt']]);
      const answer = (response: Response) => ({
        status: response.status,
        code: response.body.code,
        title: response.body.title,
        detail: response.body.detail,
        errors: response.body.errors,
      });
      const unknown = await upload(s.hr, fileFor('011190000888'), 'khong-co.csv');
      const outside = await upload(s.hr, fileFor('011190000999'), 'ngoai-pham-vi.csv');
      expect(answer(outside)).toEqual(answer(unknown));
      expect(answer(outside)).toEqual({
        status: 422,
        code: 'IMPORT_INVALID',
        title: 'Không thể nhập tệp',
        detail: expect.any(String),
        errors: [
          {
            row: 2,
            field: 'nationalId',
            message: 'không có cá nhân nào mang số định danh này trong phạm vi của khóa API',
          },
        ],
      });
      const text = JSON.stringify(outside.body);
      expect(text).not.toContain(s.tree.otherDepartment.id);
      expect(text).not.toContain(s.outsider.id);
      expect(await count()).toBe(0);

      // In the scope the id still names the person; an admin, scoped to nothing, finds everyone.
      await upload(s.hr, fileFor('011190000123'), 'trong-pham-vi.csv').expect(201);
      const admin = await upload(BOOTSTRAP_TOKEN, fileFor('011190000999'), 'quan-tri.csv').expect(201);
      const created = await t.http
        .get(`/api/v1/nominations/${admin.body.nominations[0].id}`)
        .set(bearer(BOOTSTRAP_TOKEN));
      expect(created.body.individualId).toBe(s.outsider.id);
    });

    it('names no organization when a row names a person outside the scope by id', async () => {
      const s = await setup();
      const file = importCsv([
        COLUMNS,
        ['2024', 'GIAY_KHEN', 'REGULAR', s.outsider.id, '', s.tree.department.id, 'X', ''],
      ]);
      const response = await upload(s.hr, file, 'nguoi-ngoai.csv').expect(403);
      expect(response.body.errors).toEqual([
        { row: 2, field: 'individualId', message: 'Người này nằm ngoài phạm vi của khóa API này' },
      ]);
      expect(JSON.stringify(response.body)).not.toContain(s.tree.otherDepartment.id);
    });
  });

  describe('file checks', () => {
    it('answers 413 for a file over the size limit (5 MiB by default)', async () => {
      const s = await setup();
      const big = Buffer.concat([Buffer.from(`${COLUMNS.join(',')}\n`), Buffer.alloc(5 * 1024 * 1024, 'a')]);
      const response = await upload(s.hr, big, 'lon.csv').expect(413);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
      expect(await count()).toBe(0);
    });

    it('refuses a zip bomb (a sheet that declares 1,000 bytes and inflates to 150 MiB) with 413 at the unpack limit, without the memory', async () => {
      const s = await setup();
      // The limit: 20 times IMPORT_MAX_BYTES (5 MiB by default), 100 MiB. The sheet inflates to half as much again.
      const limit = 20 * 5 * 1024 * 1024;
      const bomb = zipOf([
        storedMember('[Content_Types].xml', '<?xml version="1.0"?><Types/>'),
        storedMember('xl/workbook.xml', '<?xml version="1.0"?><workbook/>'),
        { name: 'xl/worksheets/sheet1.xml', data: await deflatedSpaces(150), method: 8, declaredSize: 1000 },
      ]);
      expect(bomb.length).toBeLessThan(300 * 1024);

      // The guard inflates no more than the limit and one output chunk, counting and dropping what it inflates.
      const check = await unpackWithin(bomb, limit);
      expect(check).toMatchObject({ within: false, declared: 1000 + 29 + 32 });
      expect(check!.inflated).toBeLessThanOrEqual(limit + 64 * 1024);

      global.gc?.();
      const before = process.memoryUsage().rss;
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
      const response = await upload(s.hr, bomb, 'bom.xlsx');
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().rss);
      expect(response.status).toBe(413);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
      expect(response.body.detail).toContain(`hơn ${limit} byte`);
      // Before the guard counted real bytes this took 200+ MB (and about 10 s); no time bound on a shared machine.
      expect((peak - before) / 1024 / 1024).toBeLessThan(100);
      expect(await count()).toBe(0);
    });

    it('answers 415 when name or content is not an .xlsx workbook or UTF-8 .csv, or the request is not multipart', async () => {
      const s = await setup();
      const csv = importCsv([COLUMNS]);
      const xlsx = await importXlsx([COLUMNS]);
      const cases: [Buffer, string][] = [
        [csv, 'danh-sach.xls'],
        [csv, 'danh-sach.txt'],
        [csv, 'danh-sach.xlsx'],
        [xlsx, 'danh-sach.csv'],
        [Buffer.from('year,awardCode\n2024,GIAY_KHEN \xe0 vi\xeat\n', 'latin1'), 'windows-1258.csv'],
        [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01, 0x02]), 'hong.xlsx'],
      ];
      for (const [body, name] of cases) {
        const response = await upload(s.hr, body, name);
        expect({ name, status: response.status }).toEqual({ name, status: 415 });
        expect(response.headers['content-type']).toMatch(PROBLEM);
        expect(response.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      }
      const json = await t.http.post(URL).set(bearer(s.hr)).send({ year: 2024 }).expect(415);
      expect(json.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      const raw = await t.http
        .post(URL)
        .set(bearer(s.hr))
        .set('content-type', 'text/csv')
        .send(csv.toString())
        .expect(415);
      expect(raw.headers['content-type']).toMatch(PROBLEM);
      expect(await count()).toBe(0);
    });

    it('answers 400 for a multipart form without the file', async () => {
      const s = await setup();
      const response = await t.http.post(URL).set(bearer(s.hr)).field('note', 'không có tệp').expect(400);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
    });
  });

  describe('templates', () => {
    it('serves the .xlsx template publicly: header and example row, and a guide sheet with every column, award code and basis', async () => {
      const response = await t.http.get(`${URL}/template.xlsx`).buffer(true).parse(binary).expect(200);
      expect(response.headers['content-type']).toContain('spreadsheetml.sheet');
      expect(response.headers['content-disposition']).toContain('nominations-import-template.xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.body);
      const [sheet, guide] = workbook.worksheets;
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(COLUMNS);
      expect(sheet.getRow(2).getCell(1).value).toBe(2023);
      expect(sheet.getRow(2).getCell(7).text).toContain('Điện Biên');
      expect(guide.name).toBe('Hướng dẫn');
      const text: string[] = [];
      guide.eachRow((row) => row.eachCell((cell) => text.push(cell.text)));
      for (const word of [
        ...COLUMNS,
        'nationalId',
        'organizationCode',
        'BANG_KHEN_THU_TUONG',
        'Giấy khen',
        'RESISTANCE',
        'Kháng chiến',
      ]) {
        expect(text).toContain(word);
      }
    });

    it('serves the .csv template publicly: UTF-8 with BOM, header and example row', async () => {
      const response = await t.http.get(`${URL}/template.csv`).buffer(true).parse(binary).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      const body = response.body as Buffer;
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows: string[][] = parse(body, { bom: true });
      expect(rows[0]).toEqual(COLUMNS);
      expect(rows[1][1]).toBe('GIAY_KHEN');
      expect(rows[1][6]).toContain('Thông tin và Truyền thông');
    });

    it('takes its own templates back: only the placeholder ids of the example row are refused', async () => {
      const s = await setup();
      for (const format of ['xlsx', 'csv']) {
        const template = await t.http.get(`${URL}/template.${format}`).buffer(true).parse(binary).expect(200);
        const response = await upload(s.hr, template.body as Buffer, `mau.${format}`).expect(422);
        expect(errorsOf(response)).toEqual([
          { row: 2, field: 'proposingOrganizationId' },
          { row: 2, field: 'individualId' },
        ]);
      }
    });
  });
});

describe('nominations import limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ IMPORT_MAX_BYTES: '4096', IMPORT_MAX_ROWS: '2' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('applies IMPORT_MAX_BYTES and IMPORT_MAX_ROWS from the configuration', async () => {
    const tree = await makeTree(t);
    const hr = await t.token('HR_OFFICER', tree.department.id);
    const row = ['2024', 'GIAY_KHEN', 'REGULAR', UNKNOWN_ID, '', tree.department.id, 'Thành tích', ''];
    const rows = await t.http
      .post(URL)
      .set(bearer(hr))
      .attach('file', importCsv([COLUMNS, row, row, row]), 'ba-dong.csv')
      .expect(413);
    expect(rows.body.detail).toContain('tối đa 2 dòng');
    const big = Buffer.concat([importCsv([COLUMNS]), Buffer.alloc(5000, 'x')]);
    await t.http.post(URL).set(bearer(hr)).attach('file', big, 'lon.csv').expect(413);
  });
});
