/**
 * Export benchmark: throughput and server memory of `GET /exports/awards.csv` and `GET /exports/awards.xlsx` on N
 * awards (env BENCH_EXPORT_ROWS, default 1,000,000).
 *
 * 1. creates a scratch database and starts the BUILT service on it (`node dist/src/main.js`, which migrates it);
 * 2. seeds N awards straight in PostgreSQL with set-based SQL (a province → 20 departments → 200 units tree,
 *    100,000 people, one decision per 50 awards, 1 % revoked);
 * 3. runs psql's `\copy` of the very SELECT the CSV export runs, to /dev/null: the floor;
 * 4. downloads the CSV, then the XLSX, export of every award while sampling the server's resident memory
 *    (`/proc/<pid>/status` VmRSS every 50 ms);
 * 5. prints rows/s, the ratio to psql and the peak RSS against the targets, writes them to bench/results/, stops
 *    the service and drops the database.
 *
 * The service runs with the Node flags of `npm run start:prod` (`serviceNodeFlags`), as in production.
 * Targets: CSV ≥ 0.9 × psql `\copy`; XLSX ≥ 0.5 × the CSV's rows/s; the server's peak RSS ≤ 200 MB for 1 M rows,
 * for either export.
 * Run: `npm run bench:export` (BENCH_EXPORT_ROWS=100000 for a quick run; BENCH_DATABASE_URL names the server,
 * default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { awardExportSelect, inlineParameters } from '../src/exports/award-export.sql.js';
import { serviceNodeFlags } from './service-node-flags.js';

const ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 1_000_000);
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TOKEN = 'bench-export-bootstrap-token-0123456789';
const AWARDS_PER_DECISION = 50;
const PEOPLE = 100_000;
const TARGETS = { csvRatio: 0.9, peakRssMb: 200, xlsxToCsv: 0.5 };

const log = (line: string) => console.log(`[bench:export] ${line}`);

function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Starts the built service and waits until it is ready. */
async function startService(url: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...serviceNodeFlags(process.cwd()), 'dist/src/main.js'], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      DATABASE_URL: url,
      AUTH_BOOTSTRAP_ADMIN_TOKEN: TOKEN,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      SEED_DEMO_DATA: 'false',
      MIGRATIONS_RUN: 'true',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-4000)));
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}:\n${stderr}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/health/ready`);
      if (response.ok) return child;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  child.kill('SIGKILL');
  throw new Error(`the service did not become ready:\n${stderr}`);
}

async function stopService(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  if ((await Promise.race([exited, sleep(10_000, 'timeout')])) === 'timeout') child.kill('SIGKILL');
}

/**
 * N awards, set-based. Triggers are off while the people, decisions and awards load (no audit trail for synthetic
 * rows; references hold by construction); the organizations go in first with triggers on, so their closure rows
 * are the real ones. The awards' secondary indexes are rebuilt after the load.
 */
async function seed(url: string, rows: number): Promise<void> {
  await withClient(url, async (client) => {
    await client.query(`INSERT INTO organizations (code, name, kind, document_symbol)
                        VALUES ('BENCH-P', 'UBND tỉnh Điện Biên', 'PROVINCE', 'UBND')`);
    await client.query(`INSERT INTO organizations (code, name, kind, parent_id, document_symbol)
                        SELECT 'BENCH-D' || d, 'Sở số ' || d || ' tỉnh Điện Biên', 'DEPARTMENT', p.id, 'SD' || d
                          FROM generate_series(1, 20) d, organizations p WHERE p.code = 'BENCH-P'`);
    await client.query(`INSERT INTO organizations (code, name, kind, parent_id)
                        SELECT 'BENCH-U' || d || '-' || u, 'Phòng Nghiệp vụ ' || u || ' – Sở số ' || d, 'UNIT', p.id
                          FROM generate_series(1, 20) d CROSS JOIN generate_series(1, 10) u
                          JOIN organizations p ON p.code = 'BENCH-D' || d`);

    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(
      `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
        WHERE i.tablename = 'awards' AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    );
    for (const index of indexes) await client.query(`DROP INDEX ${pg.escapeIdentifier(index.name)}`);

    await client.query(`CREATE TEMP TABLE bench_units ON COMMIT DROP AS
      SELECT row_number() OVER (ORDER BY o.code) AS n, o.id, o.name, o.parent_id FROM organizations o WHERE o.kind = 'UNIT'`);
    await client.query(`CREATE TEMP TABLE bench_people ON COMMIT DROP AS
      SELECT i AS n, gen_random_uuid() AS id, u.id AS unit_id, u.name AS unit_name,
             (ARRAY['Nguyễn','Trần','Lê','Phạm','Hoàng','Vũ','Đặng','Bùi','Lò','Vừ'])[1 + i % 10] || ' ' ||
             (ARRAY['Văn','Thị','Hữu','Minh','Thu'])[1 + i % 5] || ' ' ||
             (ARRAY['Hương','Dũng','Bằng','Pánh','Trang','Bình','Tài','Páo'])[1 + i % 8] || ' ' || i AS full_name
        FROM generate_series(1, ${PEOPLE}) i JOIN bench_units u ON u.n = 1 + i % 200`);
    await client.query(`INSERT INTO individuals (id, full_name, organization_id)
                        SELECT id, full_name, unit_id FROM bench_people`);
    const decisions = Math.ceil(rows / AWARDS_PER_DECISION);
    await client.query(`CREATE TEMP TABLE bench_decisions ON COMMIT DROP AS
      SELECT n, gen_random_uuid() AS id, o.id AS issuer_id, o.document_symbol,
             date '2006-01-10' + (n % 7300) AS issued_on
        FROM generate_series(1, ${decisions}) n JOIN organizations o ON o.code = 'BENCH-D' || (1 + n % 20)`);
    await client.query(`INSERT INTO decisions (id, issuer_organization_id, authority, year, number, number_text, issued_on,
                                               signer_name, signer_title, signing_mode, regime)
      SELECT id, issuer_id, 'DEPARTMENT_HEAD', extract(year FROM issued_on)::int, n,
             lpad(n::text, 2, '0') || '/QĐ-' || document_symbol, issued_on,
             'Vũ Anh Dũng', 'Giám đốc', CASE WHEN n % 3 = 0 THEN 'ON_BEHALF' ELSE 'DIRECT' END,
             CASE WHEN issued_on < date '2024-01-01' THEN 'TDKT_2003_ND91' ELSE 'TDKT_2022_ND98' END
        FROM bench_decisions`);
    await client.query(`INSERT INTO awards (decision_id, decision_number, year, award_code, basis, recipient_kind, individual_id,
                                            organization_id, proposing_organization_id, recipient_name, organization_name,
                                            issued_on, regime, bonus_amount, verification_code, revoked_at, revoked_reason,
                                            period_from, period_to)
      SELECT d.id, dd.number_text, extract(year FROM d.issued_on)::int - 1,
             CASE WHEN i % 5 = 0 THEN 'GIAY_KHEN'
                  ELSE (ARRAY['GIAY_KHEN','LAO_DONG_TIEN_TIEN','CHIEN_SI_THI_DUA_CO_SO','BANG_KHEN_TINH'])[1 + i % 4] END,
             'REGULAR',
             CASE WHEN i % 5 = 0 THEN 'COLLECTIVE' ELSE 'INDIVIDUAL' END,
             CASE WHEN i % 5 = 0 THEN NULL ELSE p.id END,
             CASE WHEN i % 5 = 0 THEN u.id ELSE p.unit_id END,
             d.issuer_id,
             CASE WHEN i % 5 = 0 THEN u.name ELSE p.full_name END,
             CASE WHEN i % 5 = 0 THEN u.name ELSE p.unit_name END,
             d.issued_on,
             CASE WHEN d.issued_on < date '2024-01-01' THEN 'TDKT_2003_ND91' ELSE 'TDKT_2022_ND98' END,
             (1 + i % 4) * 1170000,
             'B' || upper(lpad(to_hex(i), 19, '0')),
             CASE WHEN i % 100 = 0 THEN now() END,
             CASE WHEN i % 100 = 0 THEN 'Khai man thành tích, "hồ sơ" giả' END,
             extract(year FROM d.issued_on)::int - 1,
             extract(year FROM d.issued_on)::int - 1
        FROM generate_series(1, ${rows}) i
        JOIN bench_decisions d ON d.n = 1 + (i - 1) / ${AWARDS_PER_DECISION}
        JOIN decisions dd ON dd.id = d.id
        JOIN bench_people p ON p.n = 1 + i % ${PEOPLE}
        JOIN bench_units u ON u.n = 1 + i % 200`);
    for (const index of indexes) await client.query(index.definition);
    await client.query('COMMIT');
    await client.query('ANALYZE');
  });
}

/** Resident memory of a process, in MB. */
function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : 0;
}

interface Download {
  seconds: number;
  bytes: number;
  lines: number;
  rowsPerSecond: number;
  rssBeforeMb: number;
  peakRssMb: number;
  status: number;
  contentDisposition: string | null;
}

/** GET with node's own client (lighter than fetch's web streams): counts bytes and lines, keeps nothing. */
function get(
  url: string,
): Promise<{ status: number; bytes: number; lines: number; contentDisposition: string | null }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { authorization: `Bearer ${TOKEN}` } }, (response) => {
      let bytes = 0;
      let lines = 0;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++;
      });
      response.on('error', reject);
      response.on('end', () => {
        const status = response.statusCode ?? 0;
        if (status !== 200) reject(new Error(`${url}: ${status}`));
        else resolve({ status, bytes, lines, contentDisposition: response.headers['content-disposition'] ?? null });
      });
    });
    request.on('error', reject);
  });
}

/** Downloads one export to nowhere, counting bytes and lines, while sampling the server's RSS every 50 ms. */
async function download(url: string, pid: number, rows: number): Promise<Download> {
  const rssBeforeMb = rssMb(pid);
  let peakRssMb = rssBeforeMb;
  const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, rssMb(pid))), 50);
  const started = process.hrtime.bigint();
  try {
    const response = await get(url);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    peakRssMb = Math.max(peakRssMb, rssMb(pid));
    return { ...response, seconds, rowsPerSecond: rows / seconds, rssBeforeMb, peakRssMb };
  } finally {
    clearInterval(sampler);
  }
}

/** psql's `\copy` of the CSV export's own SELECT to /dev/null: the floor the CSV export is measured against. */
function psqlFloor(url: string): { seconds: number; rowsPerSecond: number } {
  const select = awardExportSelect({ includeRevoked: true }, 'csv');
  const statement = inlineParameters(select.text, select.values).replace(/\s+/g, ' ');
  const command = `\\copy (${statement}) to '/dev/null' with (format csv, header true, encoding 'UTF8')`;
  const started = process.hrtime.bigint();
  const result = spawnSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', command], {
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`);
  return { seconds, rowsPerSecond: ROWS / seconds };
}

async function main(): Promise<void> {
  const name = `awards_bench_export_${process.pid}`;
  const url = databaseUrl(name);
  await withClient(SERVER_URL, (client) => client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`));
  let service: ChildProcess | undefined;
  try {
    const port = await freePort();
    log(`database ${name}; starting dist/src/main.js on port ${port}`);
    service = await startService(url, port);
    const pid = service.pid as number;

    let started = Date.now();
    await seed(url, ROWS);
    log(`seeded ${ROWS.toLocaleString('en')} awards in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // Warm the cache once, so neither psql nor the service pays for the first read from disk.
    started = Date.now();
    psqlFloor(url);
    log(`warm-up \\copy in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const floor = psqlFloor(url);
    log(`psql \\copy: ${floor.seconds.toFixed(2)} s, ${Math.round(floor.rowsPerSecond).toLocaleString('en')} rows/s`);

    const base = `http://127.0.0.1:${port}/api/v1/exports`;
    const csv = await download(`${base}/awards.csv`, pid, ROWS);
    if (csv.lines !== ROWS + 1) throw new Error(`the CSV has ${csv.lines} lines, expected ${ROWS + 1}`);
    log(
      `CSV:  ${csv.seconds.toFixed(2)} s, ${Math.round(csv.rowsPerSecond).toLocaleString('en')} rows/s, ` +
        `${(csv.bytes / 1048576).toFixed(1)} MiB, RSS ${csv.rssBeforeMb.toFixed(0)} → peak ${csv.peakRssMb.toFixed(0)} MB`,
    );
    const xlsx = await download(`${base}/awards.xlsx`, pid, ROWS);
    log(
      `XLSX: ${xlsx.seconds.toFixed(2)} s, ${Math.round(xlsx.rowsPerSecond).toLocaleString('en')} rows/s, ` +
        `${(xlsx.bytes / 1048576).toFixed(1)} MiB, RSS ${xlsx.rssBeforeMb.toFixed(0)} → peak ${xlsx.peakRssMb.toFixed(0)} MB`,
    );

    const csvRatio = csv.rowsPerSecond / floor.rowsPerSecond;
    const xlsxToCsv = xlsx.rowsPerSecond / csv.rowsPerSecond;
    const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
    const checks = {
      csvRatio: `${csvRatio.toFixed(2)} × psql (target ≥ ${TARGETS.csvRatio}): ${verdict(csvRatio >= TARGETS.csvRatio)}`,
      csvPeakRss: `${csv.peakRssMb.toFixed(0)} MB (target ≤ ${TARGETS.peakRssMb}): ${verdict(csv.peakRssMb <= TARGETS.peakRssMb)}`,
      xlsxPeakRss: `${xlsx.peakRssMb.toFixed(0)} MB (target ≤ ${TARGETS.peakRssMb}): ${verdict(xlsx.peakRssMb <= TARGETS.peakRssMb)}`,
      xlsxRate: `${Math.round(xlsx.rowsPerSecond).toLocaleString('en')} rows/s, ${xlsxToCsv.toFixed(2)} × the CSV (target ≥ ${TARGETS.xlsxToCsv}): ${verdict(xlsxToCsv >= TARGETS.xlsxToCsv)}`,
    };
    for (const [check, line] of Object.entries(checks)) log(`${check}: ${line}`);

    mkdirSync('bench/results', { recursive: true });
    const file = `bench/results/export-memory-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
    writeFileSync(
      file,
      JSON.stringify(
        {
          rows: ROWS,
          node: process.version,
          nodeFlags: serviceNodeFlags(process.cwd()),
          floor,
          csv,
          xlsx,
          csvRatio,
          xlsxToCsv,
          checks,
        },
        null,
        2,
      ),
    );
    log(`results in ${file}`);
  } finally {
    if (service) await stopService(service);
    await withClient(SERVER_URL, (client) =>
      client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`),
    );
    log(`dropped ${name}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
