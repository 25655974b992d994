import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { addInitiative, importCsv, makeIndividual, makeTree, type Tree } from '../support/factories.js';
import { untilAStatementWaitsOnALock } from '../support/lock-waits.js';
import { BOOTSTRAP_TOKEN, bearer, createTestApp, type TestApp } from '../support/test-app.js';

const HEADER = [
  'decisionNumber',
  'issuedOn',
  'issuerName',
  'issuerOrganizationCode',
  'authority',
  'awardCode',
  'basis',
  'year',
  'nationalId',
  'fullName',
  'organizationCode',
  'collectiveCode',
  'bonusAmount',
];

/**
 * The demo province's history: five years (2019–2023) of the Sở's decisions — Lao động tiên tiến for 50 people and
 * CSTĐ cơ sở for 10 of them each year, Tập thể lao động tiên tiến for the unit — and a Prime Minister's Bằng khen.
 */
describe('history import', () => {
  let t: TestApp;
  let tree: Tree;
  let people: { id: string; nationalId: string; fullName: string }[];

  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: process.env.HISTORY_LOG ?? 'silent' });
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    await t.reset();
    tree = await makeTree(t);
    people = [];
    for (let i = 0; i < 50; i++) {
      const nationalId = `0110850${String(10000 + i)}`;
      const person = await makeIndividual(t, tree.unit.id, { nationalId });
      people.push({ id: person.id, nationalId, fullName: person.fullName });
    }
  });

  const department = () => ({ code: (tree.department as unknown as { code: string }).code });

  function historyRows(): string[][] {
    const rows: string[][] = [];
    for (let year = 2019; year <= 2023; year++) {
      const number = `${year - 2010}/QĐ-STTTT`;
      const issuedOn = `15/01/${year + 1}`;
      const line = (
        awardCode: string,
        recipient: Partial<Record<'nationalId' | 'fullName' | 'organizationCode' | 'collectiveCode', string>>,
        bonus: string,
      ) => [
        number,
        issuedOn,
        'Giám đốc Sở Thông tin và Truyền thông',
        department().code,
        'DEPARTMENT_HEAD',
        awardCode,
        'REGULAR',
        String(year),
        recipient.nationalId ?? '',
        recipient.fullName ?? '',
        recipient.organizationCode ?? '',
        recipient.collectiveCode ?? '',
        bonus,
      ];
      people.forEach((p, i) => {
        rows.push(
          line(
            'LAO_DONG_TIEN_TIEN',
            i % 2
              ? { nationalId: p.nationalId }
              : { fullName: p.fullName, organizationCode: (tree.unit as unknown as { code: string }).code },
            '540000',
          ),
        );
        if (i < 10) rows.push(line('CHIEN_SI_THI_DUA_CO_SO', { nationalId: p.nationalId }, '1800000'));
      });
      rows.push(
        line(
          'TAP_THE_LAO_DONG_TIEN_TIEN',
          { collectiveCode: (tree.unit as unknown as { code: string }).code },
          '1440000',
        ),
      );
    }
    rows.push([
      '1234/QĐ-TTg',
      '2022-04-28',
      'Thủ tướng Chính phủ',
      '',
      'PRIME_MINISTER',
      'BANG_KHEN_THU_TUONG',
      'REGULAR',
      '2021',
      people[0].nationalId,
      '',
      '',
      '',
      '6710000',
    ]);
    return rows;
  }

  const upload = (file: Buffer, token = BOOTSTRAP_TOKEN, name = 'lich-su.csv') =>
    t.http.post('/api/v1/history/import').set(bearer(token)).attach('file', file, name);

  const count = async (table: 'awards' | 'decisions') =>
    Number((await t.db.query<{ n: string }[]>(`SELECT count(*) AS n FROM ${table}`))[0].n);

  it('imports nothing from a file with bad rows, and names each of them', async () => {
    const rows = historyRows();
    rows[3][5] = 'HUAN_CHUONG_XYZ'; // unknown award code: row 5
    rows[10][8] = '099999999999'; // nobody holds this national id: row 12
    rows[20][1] = '31/02/2021'; // no such date: row 22
    rows[30][9] = 'Không Có Ai'; // nobody of this name in the unit: row 32
    rows.push([...rows[1]]); // the same regular award again (R-DUP-1): the last row, naming row 3
    const response = await upload(importCsv([HEADER, ...rows])).expect(422);
    expect(response.body.code).toBe('IMPORT_INVALID');
    const errors = (response.body.errors as { row: number; field: string }[]).map((e) => [e.row, e.field]);
    expect(errors).toEqual(
      expect.arrayContaining([
        [5, 'awardCode'],
        [12, 'nationalId'],
        [22, 'issuedOn'],
        [32, 'fullName'],
        [rows.length + 1, 'awardCode'],
      ]),
    );
    const duplicate = response.body.errors.find((e: { row: number }) => e.row === rows.length + 1);
    expect(duplicate.message).toMatch(/dòng 3\b/);
    expect(await count('awards')).toBe(0);
    expect(await count('decisions')).toBe(0);
  });

  it('refuses each row whose issuer or collective did not exist on the decision date (R-ORG-1)', async () => {
    // The unit ceases on 2023-01-01, the Sở on 2024-01-01: the decisions of 2023-01-15 and 2024-01-15 come after.
    const dissolve = (id: string, on: string) =>
      t.http.post(`/api/v1/organizations/${id}/dissolve`).set(bearer(BOOTSTRAP_TOKEN)).send({ on }).expect(200);
    await dissolve(tree.unit.id, '2023-01-01');
    await dissolve(tree.department.id, '2024-01-01');
    const rows = historyRows();
    const response = await t.http
      .post('/api/v1/history/import')
      .set(bearer(BOOTSTRAP_TOKEN))
      .set('Accept-Language', 'en')
      .attach('file', importCsv([HEADER, ...rows]), 'lich-su.csv')
      .expect(422);
    expect(response.body.code).toBe('IMPORT_INVALID');
    const errors = response.body.errors as { row: number; field: string; message: string }[];
    const rowsWhere = (test: (row: string[]) => boolean) =>
      rows.flatMap((row, index) => (test(row) ? [index + 2] : []));
    const fieldRows = (field: string) => errors.filter((e) => e.field === field).map((e) => e.row);
    expect(fieldRows('issuerOrganizationCode')).toEqual(rowsWhere((row) => row[1] === '15/01/2024'));
    expect(fieldRows('collectiveCode')).toEqual(
      rowsWhere((row) => row[11] !== '' && ['15/01/2023', '15/01/2024'].includes(row[1])),
    );
    expect(errors.map((e) => e.field).every((f) => f === 'issuerOrganizationCode' || f === 'collectiveCode')).toBe(
      true,
    );
    const issuer = errors.find((e) => e.field === 'issuerOrganizationCode')!;
    expect(issuer.message).toContain('Sở Thông tin và Truyền thông');
    expect(issuer.message).toContain('R-ORG-1, Circular 15/2025/TT-BNV');
    const collective = errors.find((e) => e.field === 'collectiveCode')!;
    expect(collective.message).toContain('collective award');
    expect(await count('awards')).toBe(0);
    expect(await count('decisions')).toBe(0);

    // The years while both existed import whole.
    const earlier = rows.filter((row) => !['15/01/2023', '15/01/2024'].includes(row[1]));
    const created = await upload(importCsv([HEADER, ...earlier])).expect(201);
    expect(created.body).toMatchObject({ rows: earlier.length, awards: earlier.length });
  });

  it('never lets an import and a dissolution of its issuer overlap: the dissolution waits, then is refused', async () => {
    await t.http
      .post(`/api/v1/organizations/${tree.unit.id}/dissolve`)
      .set(bearer(BOOTSTRAP_TOKEN))
      .send({ on: '2024-01-01' })
      .expect(200);
    // The unit's collective awards aside: the Sở's decisions to people, the last of them dated 2024-01-15.
    const rows = historyRows().filter((row) => row[11] === '');
    // Holds the import after its checks, before it writes (its first write is to history_imports).
    const gate = t.db.createQueryRunner();
    await gate.connect();
    await gate.startTransaction();
    await gate.query('LOCK TABLE history_imports IN SHARE ROW EXCLUSIVE MODE');
    try {
      const imported = upload(importCsv([HEADER, ...rows])).then((response) => response);
      await untilAStatementWaitsOnALock(t.db, 'insert into "history_imports"%');
      const dissolved = t.http
        .post(`/api/v1/organizations/${tree.department.id}/dissolve`)
        .set(bearer(BOOTSTRAP_TOKEN))
        .send({ on: '2024-01-01' })
        .then((response) => response);
      // The import share-locked the Sở it checked: the dissolution waits for it.
      await untilAStatementWaitsOnALock(t.db, '%for update%');
      await gate.commitTransaction();
      expect((await imported).status).toBe(201);
      const refused = await dissolved;
      expect(refused.status).toBe(422);
      expect(refused.body.violations.map((v: { rule: string }) => v.rule)).toEqual(['R-ORG-1']);
    } finally {
      if (gate.isTransactionActive) await gate.rollbackTransaction();
      await gate.release();
    }
    const [{ n }]: { n: string }[] = await t.db.query(
      `SELECT count(*) AS n FROM decisions d JOIN organizations o ON o.id = d.issuer_organization_id
        WHERE o.valid_to IS NOT NULL AND d.issued_on > o.valid_to`,
    );
    expect(Number(n)).toBe(0);
  });

  it('imports five years at once, idempotently, and the rules count the imported years', async () => {
    const person = people[0];
    const check = () =>
      t.http
        .post('/api/v1/nominations/check')
        .set(bearer(BOOTSTRAP_TOKEN))
        .send({
          year: 2023,
          awardCode: 'CHIEN_SI_THI_DUA_TINH',
          basis: 'REGULAR',
          individualId: person.id,
          proposingOrganizationId: tree.department.id,
          achievements: 'Ba năm liền Chiến sĩ thi đua cơ sở',
        })
        .expect(200);
    await addInitiative(t, person.id, 2023, 'PROVINCE');
    const before = await check();
    const cstinh = (body: { eligibility: { checks: { rule: string; passed: boolean }[] } }) =>
      body.eligibility.checks.find((c) => c.rule === 'R-CSTINH-1')?.passed;
    expect(cstinh(before.body)).toBe(false);

    const rows = historyRows();
    const file = importCsv([HEADER, ...rows]);
    const created = await upload(file).expect(201);
    expect(created.body).toMatchObject({ rows: rows.length, decisions: 6, awards: rows.length });
    expect(await count('awards')).toBe(rows.length);
    const again = await upload(file).expect(200);
    expect(again.body).toEqual(created.body);
    expect(await count('awards')).toBe(rows.length);

    const sources: { source: string; n: string }[] = await t.db.query(
      `SELECT source, count(*) AS n FROM awards GROUP BY source`,
    );
    expect(sources).toEqual([{ source: 'HISTORY', n: String(rows.length) }]);
    const decisions = await t.http.get('/api/v1/decisions').query({ limit: 100 }).expect(200);
    const ttg = decisions.body.items.find((d: { number: string }) => d.number === '1234/QĐ-TTg');
    expect(ttg).toMatchObject({ source: 'HISTORY', issuer: { id: null, name: 'Thủ tướng Chính phủ' } });

    const after = await check();
    expect(cstinh(after.body)).toBe(true);
  });

  it('keeps an HR officer to its scope', async () => {
    const hrOut = await t.token('HR_OFFICER', tree.otherDepartment.id);
    const response = await upload(importCsv([HEADER, ...historyRows().slice(0, 3)]), hrOut).expect(422);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['nationalId', 'fullName']),
    );
    await t.http.get('/api/v1/history/import/template.xlsx').expect(200);
  });
});

/**
 * The speed of a large import, on demand (`HISTORY_BENCH=100000 npm run test:e2e -- test/e2e/history-import`): a
 * collective's awards in one file, 1,000 rows per decision; prints rows per second.
 */
const BENCH_ROWS = Number(process.env.HISTORY_BENCH ?? 0);
(BENCH_ROWS > 0 ? describe : describe.skip)('history import speed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ IMPORT_MAX_BYTES: String(100 * 1024 * 1024) });
  });
  afterAll(async () => {
    await t.close();
  });

  it(`imports ${BENCH_ROWS} rows in one transaction`, async () => {
    const tree = await makeTree(t);
    const code = (tree.unit as unknown as { code: string }).code;
    const lines = ['decisionNumber,issuedOn,issuerName,authority,awardCode,basis,year,collectiveCode,bonusAmount'];
    for (let i = 0; i < BENCH_ROWS; i++) {
      const year = 2000 + (i % 20);
      lines.push(
        `${Math.floor(i / 1000) + 1}/QĐ-STTTT,${year + 1}-01-15,Giám đốc Sở,DEPARTMENT_HEAD,GIAY_KHEN,THEMATIC,${year},${code},1080000`,
      );
    }
    const file = Buffer.from(lines.join('\n') + '\n', 'utf8');
    const started = Date.now();
    const response = await t.http
      .post('/api/v1/history/import')
      .set(bearer(BOOTSTRAP_TOKEN))
      .attach('file', file, 'lich-su.csv')
      .expect(201);
    const seconds = (Date.now() - started) / 1000;
    expect(response.body.awards).toBe(BENCH_ROWS);
    process.stdout.write(
      `history import: ${BENCH_ROWS} rows (${(file.length / 1e6).toFixed(1)} MB) in ${seconds.toFixed(1)} s = ${Math.round(BENCH_ROWS / seconds)} rows/s\n`,
    );
  }, 600_000);
});
