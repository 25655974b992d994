import os from 'node:os';
import path from 'node:path';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DemoDataService, readDemoHistory } from '../../src/demo-data/demo-data.service.js';
import { BOOTSTRAP_TOKEN, bearer, createTestApp, type TestApp } from '../support/test-app.js';

/**
 * The demo province's history file (`demo/history/dien-bien-2019-2023.csv`) on the demo data set without it: a faulty
 * copy imports nothing and names every bad row; the file itself imports; then a CSTĐ tỉnh for 2023 of a demo person
 * is judged on the imported CSTĐ cơ sở years.
 */
describe('demo history file', () => {
  let t: TestApp;
  let file: Buffer;
  let lines: string[][];
  let header: string[];
  const tokensFile = path.join(os.tmpdir(), `awards-demo-history-tokens-${process.pid}.json`);

  beforeAll(async () => {
    t = await createTestApp({ DEMO_TOKENS_FILE: tokensFile, LOG_LEVEL: 'silent' });
    await t.app.get(DemoDataService).seed({ history: false });
    file = await readDemoHistory();
    // The file holds no quoted cell: a plain split reads it.
    [header, ...lines] = file
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
      .map((line) => line.split(','));
  });
  afterAll(async () => {
    await rm(tokensFile, { force: true });
    await t.close();
  });

  const col = (name: string) => header.indexOf(name);
  const cell = (line: string[], name: string) => line[col(name)];
  const csv = (rows: string[][]) => Buffer.from([header, ...rows].map((r) => r.join(',')).join('\r\n') + '\r\n');
  const upload = (bytes: Buffer) =>
    t.http.post('/api/v1/history/import').set(bearer(BOOTSTRAP_TOKEN)).attach('file', bytes, 'lich-su.csv');
  const count = async (sql: string) => Number((await t.db.query<{ n: string }[]>(sql))[0].n);
  const personId = async (fullName: string) =>
    (await t.db.query<{ id: string }[]>(`SELECT id FROM individuals WHERE full_name = $1`, [fullName]))[0].id;
  const sttttId = async () =>
    (await t.db.query<{ id: string }[]>(`SELECT id FROM organizations WHERE code = 'DB-STTTT'`))[0].id;

  async function checkCstTinh(fullName: string) {
    const response = await t.http
      .post('/api/v1/nominations/check')
      .set(bearer(BOOTSTRAP_TOKEN))
      .set('Accept-Language', 'en')
      .send({
        year: 2023,
        awardCode: 'CHIEN_SI_THI_DUA_TINH',
        basis: 'REGULAR',
        individualId: await personId(fullName),
        proposingOrganizationId: await sttttId(),
        achievements: 'Ba năm liên tục đạt Chiến sĩ thi đua cơ sở, sáng kiến cấp tỉnh',
      })
      .expect(200);
    return response.body.eligibility.checks as { rule: string; passed: boolean; message: string }[];
  }

  it('is a few hundred awards of five years, of the demo people', () => {
    expect(lines.length).toBeGreaterThan(300);
    expect(new Set(lines.map((l) => cell(l, 'year')))).toEqual(new Set(['2019', '2020', '2021', '2022', '2023']));
    expect(new Set(lines.map((l) => cell(l, 'awardCode')))).toEqual(
      new Set([
        'LAO_DONG_TIEN_TIEN',
        'CHIEN_SI_THI_DUA_CO_SO',
        'CHIEN_SI_THI_DUA_TINH',
        'TAP_THE_LAO_DONG_TIEN_TIEN',
        'TAP_THE_LAO_DONG_XUAT_SAC',
        'GIAY_KHEN',
        'BANG_KHEN_TINH',
        'BANG_KHEN_THU_TUONG',
      ]),
    );
  });

  it('imports nothing from a faulty copy, and names each bad row', async () => {
    const rows = lines.map((line) => [...line]);
    const find = (from: number, test: (line: string[]) => boolean) => {
      const index = rows.findIndex((line, i) => i >= from && test(line));
      expect(index).toBeGreaterThanOrEqual(0);
      return index;
    };
    const ldtt = (line: string[]) => cell(line, 'awardCode') === 'LAO_DONG_TIEN_TIEN';
    const byId = (line: string[]) => ldtt(line) && cell(line, 'nationalId') !== '';
    const byName = (line: string[]) => ldtt(line) && cell(line, 'fullName') !== '';
    const wrongCode = find(0, ldtt);
    rows[wrongCode][col('awardCode')] = 'CHIEN_SI_THI_DUA_HUYEN';
    const unknownUnit = find(wrongCode + 1, byName);
    rows[unknownUnit][col('organizationCode')] = 'DB-STTTT-KHTC';
    const badDate = find(unknownUnit + 1, byName);
    rows[badDate][col('issuedOn')] = '31/11/2021';
    const noNationalId = find(badDate + 1, byId);
    rows[noNationalId][col('nationalId')] = '';
    const unknownNationalId = find(noNationalId + 1, byId);
    rows[unknownNationalId][col('nationalId')] = '011099999999';
    const badPeriod = find(0, (line) => cell(line, 'awardCode') === 'BANG_KHEN_TINH' && cell(line, 'periodTo') === '');
    rows[badPeriod][col('periodTo')] = String(Number(cell(rows[badPeriod], 'year')) + 1);
    const repeated = find(unknownNationalId + 1, byId);
    rows.push([...rows[repeated]]);
    // A regular Giấy khen 2023 for a person the registry already gave one (01/QĐ-STTTT of the demo).
    const again = [...rows[repeated]];
    const set = (name: string, value: string) => (again[col(name)] = value);
    set('decisionNumber', '330/QĐ-STTTT');
    set('issuedOn', '20/12/2023');
    set('awardCode', 'GIAY_KHEN');
    set('year', '2023');
    set('nationalId', '');
    set('fullName', 'Trần Minh Đức');
    set('organizationCode', 'DB-STTTT-TTRA');
    rows.push(again);

    const awardsBefore = await count('SELECT count(*) AS n FROM awards');
    const response = await upload(csv(rows)).expect(422);
    expect(response.body.code).toBe('IMPORT_INVALID');
    const errors = response.body.errors as { row: number; field: string; message: string }[];
    const row = (index: number) => index + 2; // the header is row 1
    expect(errors.map((e) => [e.row, e.field])).toEqual(
      [
        [row(wrongCode), 'awardCode'],
        [row(unknownUnit), 'organizationCode'],
        [row(badDate), 'issuedOn'],
        [row(noNationalId), 'nationalId'],
        [row(unknownNationalId), 'nationalId'],
        [row(badPeriod), 'periodTo'],
        [row(rows.length - 2), 'awardCode'],
        [row(rows.length - 1), 'awardCode'],
      ].sort((a, b) => (a[0] as number) - (b[0] as number)),
    );
    expect(errors.find((e) => e.row === row(rows.length - 2))?.message).toContain(`dòng ${row(repeated)}`);
    expect(errors.find((e) => e.row === row(rows.length - 1))?.message).toContain('01/QĐ-STTTT');
    // No R-ORG-1 refusal: every decision of the file is dated before the Sở's merger of 2025-03-01.
    expect(errors.map((e) => e.message).join(' ')).not.toContain('R-ORG-1');
    expect(await count('SELECT count(*) AS n FROM awards')).toBe(awardsBefore);
    expect(await count(`SELECT count(*) AS n FROM decisions WHERE source = 'HISTORY'`)).toBe(0);
  });

  it('imports the file, and a CSTĐ tỉnh for 2023 is judged on the imported years', async () => {
    const before = await checkCstTinh('Nguyễn Văn An');
    const cscsBefore = before.find((c) => c.rule === 'R-CSTINH-1' && /Chiến sĩ thi đua cơ sở in each/.test(c.message));
    expect(cscsBefore?.passed).toBe(false);

    // Imported after the 2025 merger: the Sở's decisions of 2019–2023 were issued while it existed (R-ORG-1).
    expect(
      await count(`SELECT count(*) AS n FROM organizations WHERE code = 'DB-STTTT' AND valid_to = '2025-02-28'`),
    ).toBe(1);
    const response = await upload(file).expect(201);
    expect(response.body).toMatchObject({ rows: lines.length, awards: lines.length, decisions: 28 });
    expect(await count(`SELECT count(*) AS n FROM awards WHERE source = 'HISTORY'`)).toBe(lines.length);
    // The bonuses as recorded: the thematic Giấy khen of May 2019 on the base salary before Decree 38/2019.
    expect(
      await count(
        `SELECT min(bonus_amount) AS n FROM awards a JOIN decisions d ON d.id = a.decision_id WHERE d.number_text = '86/QĐ-STTTT' AND a.recipient_kind = 'INDIVIDUAL'`,
      ),
    ).toBe(420_000);
    // Periods stated in the file, and the code's span where none is.
    const periods = await t.db.query<{ award_code: string; period_from: number; period_to: number }[]>(
      `SELECT award_code, period_from, period_to FROM awards WHERE award_code IN ('CHIEN_SI_THI_DUA_TINH', 'BANG_KHEN_TINH') AND year = 2021 AND basis = 'REGULAR' ORDER BY award_code`,
    );
    expect(periods.map((p) => `${p.award_code} ${p.period_from}-${p.period_to}`)).toEqual([
      'BANG_KHEN_TINH 2020-2021',
      'BANG_KHEN_TINH 2020-2021',
      'BANG_KHEN_TINH 2020-2021',
      'CHIEN_SI_THI_DUA_TINH 2019-2021',
    ]);

    for (const name of ['Nguyễn Văn An', 'Mùa A Dính']) {
      const checks = (await checkCstTinh(name)).filter((c) => c.rule === 'R-CSTINH-1');
      expect(checks.map((c) => c.passed)).toEqual([true, true]);
      expect(checks[0].message).toMatch(/in each of 2021.+2023.*found in 2021, 2022, 2023/);
    }
    // The CSTĐ tỉnh of 2019–2021 on record keeps those years from the next one (R-SPAN-1).
    const duc = await checkCstTinh('Trần Minh Đức');
    expect(duc.find((c) => c.rule === 'R-SPAN-1')).toMatchObject({ passed: false });
    expect(duc.find((c) => c.rule === 'R-SPAN-1')?.message).toMatch(/2019–2021/);
  });
});
