/**
 * `npm run bench`: seeds (or reuses) the benchmark database, starts the built service and the floor server, and
 * measures each workload side by side with its floor in the same run, in alternating rounds, each workload on
 * freshly started processes:
 *
 * - W1 `GET /awards?year=&awardCode=&organizationId=<department>&limit=50`, random department, year and code;
 * - W2 `GET /individuals/{id}/awards`, random individual;
 * - W3 `GET /exports/awards.csv` over all years (rows/s, server peak RSS) against `psql \copy` of the same
 *   SELECT, and the `.xlsx` variant (rows/s);
 * - W4 `POST /nominations/{id}/approve` of SUBMITTED Giấy khen nominations across units with unit quotas
 *   (approvals/s), then a check in SQL that no quota was exceeded;
 * - W4b `POST /nominations/approve`: the same fixture in lists of BENCH_BATCH_SIZE (100), sent to two instances at
 *   once (BENCH_BATCH_CONCURRENCY lists in flight per instance), against two floor instances (approvals judged/s),
 *   then the same check in SQL.
 * - W5 `POST /history/import` of one file of BENCH_HISTORY_ROWS (100,000) rows for the seeded people (rows/s, server
 *   peak RSS) against `psql \copy` of the same file into a table of its shape; what the import wrote is deleted
 *   after each round (`bench/history.ts`).
 *
 * - W1c, W2c: the same requests made conditional (`If-None-Match` with the register's current ETag), answered 304
 *   without the list query, against the floor's full GET;
 * - W1b, W2b: W1 and W2 against the hand-tuned baseline (its own node:http server, schema and data set of the same
 *   size, `wrk`, alternating rounds) when `BENCH_BASELINE_DIR` names its harness and its database answers
 *   (`bench/baseline.ts`).
 *
 * Prints a table (value, p50, p99, server peak RSS, floor, ratio = median of the rounds' ratios) and writes it as
 * JSON to `bench/results/<timestamp>.json`. Settings (env): BENCH_DATABASE_URL, BENCH_SCALE (1 = 1 M awards),
 * BENCH_DURATION (s per run), BENCH_ROUNDS, BENCH_XLSX_ROUNDS (1), BENCH_CONNECTIONS, BENCH_POOL_SIZE, BENCH_ONLY
 * (e.g. "W1,W4"), BENCH_HISTORY_ROWS, BENCH_PROFILE (a directory for CPU profiles of the service and the floor).
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes, createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import autocannon, { type Result } from 'autocannon';
import pg from 'pg';
import { ensureDatabase, FIRST_YEAR, LAST_YEAR, seed, seedSize, type SeedSummary } from './seed.js';
import { approvalFixture, checkApprovals, type ApprovalCheck } from './approvals.js';
import { exportFloorCommand } from './export-floor.js';
import { runBaseline } from './baseline.js';
import { historyWorkload } from './history.js';
import { serviceNodeFlags } from './service-node-flags.js';

/** The repository: this file runs from `.data/bench/tools/bench/`. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
/** The service as `npm run bench` built it for itself (`bench/tsconfig.service.json`), apart from `dist/`. */
const SERVICE_BUILD = '.data/bench/service';
const TOOLS_BUILD = '.data/bench/tools';
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/awards_bench';
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const POOL_SIZE = Number(process.env.BENCH_POOL_SIZE ?? 20);
/** The spreadsheet export of a million rows takes minutes: one round keeps the whole run within its budget. */
const XLSX_ROUNDS = Number(process.env.BENCH_XLSX_ROUNDS ?? 1);
/** BENCH_PROFILE=<dir>: the service and the floor write V8 CPU profiles there (open them in Chrome DevTools). */
const PROFILE_ARGS = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
const BATCH_SIZE = Number(process.env.BENCH_BATCH_SIZE ?? 100);
const BATCH_CONCURRENCY = Number(process.env.BENCH_BATCH_CONCURRENCY ?? 2);
const HISTORY_ROWS = Number(process.env.BENCH_HISTORY_ROWS ?? 100_000);
const ONLY = new Set((process.env.BENCH_ONLY ?? 'W1,W2,W3,W4,W4b,W5').split(',').map((w) => w.trim()));

const log = (line: string): void => console.log(`[bench] ${line}`);
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const round = (value: number, digits = 0): number => Math.round(value * 10 ** digits) / 10 ** digits;

// --- processes -------------------------------------------------------------------------------------------------

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, seconds = 60): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      http
        .get(url, (response) => resolve((response.resume(), response.statusCode ?? 500) < 500))
        .on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

interface Server {
  name: string;
  port: number;
  child: ChildProcess;
}

async function start(
  name: string,
  script: string,
  env: Record<string, string>,
  readyPath: string,
  nodeFlags: readonly string[] = [],
): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeFlags, ...PROFILE_ARGS, script], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk.toString()}`));
  await waitFor(`http://127.0.0.1:${port}${readyPath}`, child);
  log(`${name} listening on 127.0.0.1:${port} (pid ${child.pid}${nodeFlags.length ? `, ${nodeFlags.join(' ')}` : ''})`);
  return { name, port, child };
}

/**
 * Waits until the running service's sealer has put every committed audit event into the chain. A write workload
 * leaves its events to be sealed in the background (an import of 100,000 rows: ~100,000 events, ~20 s of one
 * instance's CPU and the database's); the next workload must not be measured while that backlog is worked off.
 */
async function settleAudit(client: pg.Client, seconds = 300): Promise<void> {
  const startedAt = Date.now();
  const unsealed = async (): Promise<number> =>
    Number((await client.query(`SELECT count(*) AS n FROM audit_events WHERE seq IS NULL`)).rows[0].n);
  let left = await unsealed();
  if (left === 0) return;
  log(`waiting for the sealer: ${left} audit events unsealed`);
  while (left > 0) {
    if (Date.now() - startedAt > seconds * 1000) {
      log(`WARNING: ${left} audit events still unsealed after ${seconds} s; the next workload runs beside the sealer`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
    left = await unsealed();
  }
  log(`audit events sealed in ${round((Date.now() - startedAt) / 1000, 1)} s`);
}

async function stop(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  if (server.child.exitCode === null) server.child.kill('SIGKILL');
}

/** Peak resident set size of a process, sampled from /proc every 20 ms, in MB (`before`: at the start). */
function rssSampler(pid: number | undefined): { before: number; stop(): number } {
  let peak = 0;
  const sample = (): void => {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match) peak = Math.max(peak, Number(match[1]) / 1024);
    } catch {
      // the process is gone
    }
  };
  sample();
  const before = round(peak);
  const timer = setInterval(sample, 20);
  return {
    before,
    stop: () => {
      clearInterval(timer);
      sample();
      return round(peak);
    },
  };
}

// --- measurements ----------------------------------------------------------------------------------------------

/** One run against one target. `value` is req/s (W1, W2, W4) or rows/s (W3). */
interface Run {
  value: number;
  p50: number | null;
  p99: number | null;
  peakRssMb: number | null;
  non2xx?: number;
  /** 422 responses (W4: refused by a rule, here the quota). */
  refused?: number;
  errors?: number;
  note?: string;
}

interface Workload {
  id: string;
  title: string;
  unit: string;
  service: Run[];
  floor: Run[];
  floorName: string;
  checks?: unknown[];
}

function fromAutocannon(result: Result, rss: number | null): Run {
  return {
    value: round((result['2xx'] + result.non2xx) / result.duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    peakRssMb: rss,
    non2xx: result.non2xx,
    refused: result.statusCodeStats?.['422']?.count ?? 0,
    errors: result.errors + result.timeouts,
  };
}

/**
 * `connections` concurrent clients for `duration` seconds; with `amount`, stops after that many requests if
 * sooner. `paths` gives each request its path.
 */
async function load(
  server: Server,
  paths: () => string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    amount?: number;
    duration?: number;
    connections?: number;
  },
): Promise<Run> {
  const sampler = rssSampler(server.child.pid);
  const duration = options.duration ?? DURATION;
  let sent = 0;
  let instance: { stop(): void } | undefined;
  const result = await new Promise<Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: `http://127.0.0.1:${server.port}`,
        connections: options.connections ?? CONNECTIONS,
        duration,
        timeout: 30,
        headers: options.headers,
        requests: [
          {
            method: options.method ?? 'GET',
            setupRequest: (request) => {
              sent++;
              if (options.amount !== undefined && sent === options.amount) setImmediate(() => instance?.stop());
              return { ...request, path: paths() };
            },
          },
        ],
      },
      (error, value) => (error ? reject(error) : resolve(value)),
    );
  });
  const rss = sampler.stop();
  return fromAutocannon(result, rss);
}

/** Runs `measure` on the floor, then on the service, `ROUNDS` times, after one short warm-up of each. */
async function sideBySide(
  workload: Workload,
  floor: () => Promise<Run>,
  service: () => Promise<Run>,
  warmUp?: { floor: () => Promise<unknown>; service: () => Promise<unknown> },
): Promise<void> {
  if (warmUp) {
    await warmUp.floor();
    await warmUp.service();
  }
  for (let i = 1; i <= ROUNDS; i++) {
    const f = await floor();
    const s = await service();
    workload.floor.push(f);
    workload.service.push(s);
    log(
      `${workload.id} round ${i}: service ${s.value} ${workload.unit} (p99 ${s.p99 ?? '-'} ms, ${s.non2xx ?? 0} non-2xx), ` +
        `floor ${f.value} (p99 ${f.p99 ?? '-'} ms) → ${round(s.value / f.value, 2)}` +
        (s.note ? ` [service: ${s.note}; floor: ${f.note}]` : ''),
    );
  }
}

const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** One JSON POST; its status, parsed body and time in ms. */
async function postJson(
  server: Server,
  pathName: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<{ status: number; body: unknown; ms: number }> {
  const payload = JSON.stringify(body);
  const startedAt = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: pathName,
        method: 'POST',
        agent: keepAlive,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // not JSON: kept as text
          }
          resolve({
            status: response.statusCode ?? 0,
            body: parsed,
            ms: Number(process.hrtime.bigint() - startedAt) / 1e6,
          });
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

const percentile = (values: number[], p: number): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))], 1);
};

/** The ETag the service gives `pathName` now: the validator the conditional workloads send back. */
async function currentETag(server: Server, pathName: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: server.port, path: pathName }, (response) => {
        response.resume();
        const etag = response.headers.etag;
        if (response.statusCode === 200 && etag) resolve(etag);
        else reject(new Error(`${pathName}: ${response.statusCode}, no ETag`));
      })
      .on('error', reject);
  });
}

/** W1c/W2c: the workload's requests with `If-None-Match` (304 expected), beside the floor's full GETs. */
async function conditional(
  base: Workload,
  floor: Server,
  service: Server,
  paths: () => string,
  workloads: Workload[],
): Promise<void> {
  const etag = await currentETag(service, paths());
  const w: Workload = {
    id: `${base.id}c`,
    title: `${base.title.split(' (')[0]}, If-None-Match → 304`,
    unit: 'req/s',
    service: [],
    floor: [],
    floorName: 'floor, full GET',
  };
  const headers = { 'if-none-match': etag };
  await sideBySide(
    w,
    () => load(floor, paths, {}),
    () => load(service, paths, { headers }),
  );
  for (const run of w.service) run.note = `${run.non2xx ?? 0} answers 304`;
  workloads.push(w);
}

// --- fixtures --------------------------------------------------------------------------------------------------

interface Fixtures {
  departments: string[];
  individuals: string[];
  auditorToken: string;
  approverToken: string;
  totalAwards: number;
}

const AWARD_CODES_W1 = ['LAO_DONG_TIEN_TIEN', 'GIAY_KHEN', 'CHIEN_SI_THI_DUA_CO_SO', 'TAP_THE_LAO_DONG_TIEN_TIEN'];

async function fixtures(client: pg.Client): Promise<Fixtures> {
  const departments = (
    await client.query<{ id: string }>(
      `SELECT id FROM organizations WHERE kind IN ('DEPARTMENT', 'DISTRICT') ORDER BY code`,
    )
  ).rows.map((r) => r.id);
  const individuals = (
    await client.query<{ id: string }>(`SELECT id FROM individuals TABLESAMPLE SYSTEM (10) REPEATABLE (7) LIMIT 20000`)
  ).rows.map((r) => r.id);
  const province = (
    await client.query<{ id: string }>(`SELECT id FROM organizations WHERE kind = 'PROVINCE' AND code = 'BENCH-TINH'`)
  ).rows[0].id;
  await client.query(`SET session_replication_role = replica`);
  await client.query(`DELETE FROM api_keys WHERE name LIKE 'bench %'`);
  const token = (): string => `ar_${randomBytes(32).toString('base64url')}`;
  const auditorToken = token();
  const approverToken = token();
  for (const [name, role, organizationId, value] of [
    ['bench auditor', 'AUDITOR', null, auditorToken],
    ['bench approver', 'APPROVER', province, approverToken],
  ] as const) {
    await client.query(
      `INSERT INTO api_keys (name, role, organization_id, token_hash, token_prefix) VALUES ($1, $2, $3, $4, $5)`,
      [name, role, organizationId, createHash('sha256').update(value, 'utf8').digest('hex'), value.slice(0, 9)],
    );
  }
  await client.query(`SET session_replication_role = origin`);
  const totalAwards = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM awards`)).rows[0].n);
  return { departments, individuals, auditorToken, approverToken, totalAwards };
}

const pick = <T>(values: readonly T[]): T => values[Math.floor(Math.random() * values.length)];

// --- W3 ---------------------------------------------------------------------------------------------------------

/** Downloads one export, counting lines; rows/s over the whole download (header line not counted). */
async function download(
  server: Server,
  pathName: string,
  token: string,
  countLines: boolean,
): Promise<{ seconds: number; bytes: number; lines: number; status: number }> {
  const startedAt = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const request = http.get(
      { host: '127.0.0.1', port: server.port, path: pathName, headers: { authorization: `Bearer ${token}` } },
      (response) => {
        let bytes = 0;
        let lines = 0;
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (countLines) for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
        });
        response.on('end', () =>
          resolve({
            seconds: Number(process.hrtime.bigint() - startedAt) / 1e9,
            bytes,
            lines,
            status: response.statusCode ?? 0,
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
  });
}

async function exportRun(server: Server, pathName: string, token: string, rows: number, csv: boolean): Promise<Run> {
  const sampler = rssSampler(server.child.pid);
  const result = await download(server, pathName, token, csv);
  const rss = sampler.stop();
  if (result.status !== 200) throw new Error(`${pathName}: HTTP ${result.status}`);
  const served = csv ? result.lines - 1 : rows;
  return {
    value: round(served / result.seconds),
    p50: round(result.seconds * 1000),
    p99: null,
    peakRssMb: rss,
    note: `${served} rows, ${round(result.bytes / 1e6, 1)} MB in ${round(result.seconds, 2)} s, RSS ${sampler.before} → ${rss} MB`,
  };
}

async function psqlCopyRun(): Promise<Run> {
  const command = exportFloorCommand();
  const startedAt = process.hrtime.bigint();
  const { stdout } = await promisify(execFile)('psql', [DATABASE_URL, '-X', '-c', command], { maxBuffer: 1 << 20 });
  const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
  const rows = Number(/COPY (\d+)/.exec(stdout)?.[1] ?? NaN);
  return {
    value: round(rows / seconds),
    p50: round(seconds * 1000),
    p99: null,
    peakRssMb: null,
    note: `${rows} rows in ${round(seconds, 2)} s`,
  };
}

// --- main --------------------------------------------------------------------------------------------------------

async function migrate(): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    ['node_modules/typeorm/cli.js', '-d', `${SERVICE_BUILD}/src/database/cli-data-source.js`, 'migration:run'],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL },
      maxBuffer: 64 << 20,
    },
  );
}

function printTable(workloads: Workload[]): string {
  const header = ['workload', 'service', 'p50 ms', 'p99 ms', 'peak RSS MB', 'floor', 'floor p50', 'floor p99', 'ratio'];
  const rows = workloads.map((w) => {
    const s = (key: keyof Run, runs: Run[]): string => {
      const values = runs.map((r) => r[key]).filter((v): v is number => typeof v === 'number');
      return values.length ? String(round(median(values), key === 'value' ? 0 : 1)) : '-';
    };
    const ratios = w.service.map((run, i) => run.value / w.floor[i].value);
    const peak = w.service.map((r) => r.peakRssMb).filter((v): v is number => typeof v === 'number');
    return [
      `${w.id} ${w.title}`,
      `${s('value', w.service)} ${w.unit}`,
      s('p50', w.service),
      s('p99', w.service),
      peak.length ? String(Math.max(...peak)) : '-',
      `${s('value', w.floor)} (${w.floorName})`,
      s('p50', w.floor),
      s('p99', w.floor),
      ratios.length ? round(median(ratios), 2).toFixed(2) : '-',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  const startedAt = new Date();
  log(
    `database ${DATABASE_URL}, scale ${SCALE}, ${ROUNDS} rounds of ${DURATION} s, ${CONNECTIONS} connections, pool ${POOL_SIZE}`,
  );
  await ensureDatabase(DATABASE_URL);
  await migrate();
  const seeded: SeedSummary = await seed(DATABASE_URL, seedSize(SCALE), log);

  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  const data = await fixtures(client);

  const startService = (): Promise<Server> =>
    start(
      'service',
      `${SERVICE_BUILD}/src/main.js`,
      {
        DATABASE_URL,
        HOST: '127.0.0.1',
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        MIGRATIONS_RUN: 'true',
        SEED_DEMO_DATA: 'false',
        RATE_LIMIT_ENABLED: 'false',
        DATABASE_POOL_SIZE: String(POOL_SIZE),
        // W5: its file (the largest size allowed), and a connection that stays open while the import runs
        IMPORT_MAX_BYTES: String(100 << 20),
        CONNECTION_TIMEOUT_MS: '0',
      },
      '/api/v1/health/ready',
      serviceNodeFlags(ROOT),
    );
  const startFloor = (): Promise<Server> =>
    start(
      'floor',
      `${TOOLS_BUILD}/bench/floor-server.js`,
      { DATABASE_URL, POOL_SIZE: String(POOL_SIZE) },
      '/api/v1/awards?limit=1',
    );
  let service = await startService();
  let floor = await startFloor();
  let firstWorkload = true;
  /**
   * Each workload runs on freshly started processes (service and floor alike), so none inherits the heap the one
   * before grew: the peak RSS reported for W3 is the export's, not what 50 connections of W1 left behind.
   */
  const freshProcesses = async (): Promise<void> => {
    if (firstWorkload) {
      firstWorkload = false;
      return;
    }
    await settleAudit(client);
    await stop(service);
    await stop(floor);
    service = await startService();
    floor = await startFloor();
  };

  const workloads: Workload[] = [];
  try {
    if (ONLY.has('W1')) {
      await freshProcesses();
      const w1: Workload = {
        id: 'W1',
        title: 'GET /awards (department subtree, year, code)',
        unit: 'req/s',
        service: [],
        floor: [],
        floorName: 'node:http+pg',
      };
      const w1Path = (): string =>
        `/api/v1/awards?year=${FIRST_YEAR + Math.floor(Math.random() * (LAST_YEAR - FIRST_YEAR + 1))}` +
        `&awardCode=${pick(AWARD_CODES_W1)}&organizationId=${pick(data.departments)}&limit=50`;
      await sideBySide(
        w1,
        () => load(floor, w1Path, {}),
        () => load(service, w1Path, {}),
        { floor: () => load(floor, w1Path, { duration: 2 }), service: () => load(service, w1Path, { duration: 2 }) },
      );
      workloads.push(w1);
      await conditional(w1, floor, service, w1Path, workloads);
    }
    if (ONLY.has('W2')) {
      await freshProcesses();
      const w2: Workload = {
        id: 'W2',
        title: 'GET /individuals/{id}/awards',
        unit: 'req/s',
        service: [],
        floor: [],
        floorName: 'node:http+pg',
      };
      const w2Path = (): string => `/api/v1/individuals/${pick(data.individuals)}/awards`;
      await sideBySide(
        w2,
        () => load(floor, w2Path, {}),
        () => load(service, w2Path, {}),
        { floor: () => load(floor, w2Path, { duration: 2 }), service: () => load(service, w2Path, { duration: 2 }) },
      );
      workloads.push(w2);
      await conditional(w2, floor, service, w2Path, workloads);
    }
    if (ONLY.has('W3')) {
      await freshProcesses();
      const csv: Workload = {
        id: 'W3',
        title: 'GET /exports/awards.csv (all years)',
        unit: 'rows/s',
        service: [],
        floor: [],
        floorName: 'psql \\copy',
      };
      await sideBySide(
        csv,
        () => psqlCopyRun(),
        () => exportRun(service, '/api/v1/exports/awards.csv', data.auditorToken, data.totalAwards, true),
      );
      workloads.push(csv);
      const xlsx: Workload = {
        id: 'W3x',
        title: 'GET /exports/awards.xlsx (all years)',
        unit: 'rows/s',
        service: [],
        floor: [],
        floorName: 'psql \\copy',
      };
      for (let i = 1; i <= XLSX_ROUNDS; i++) {
        const f = await psqlCopyRun();
        const s = await exportRun(service, '/api/v1/exports/awards.xlsx', data.auditorToken, data.totalAwards, false);
        xlsx.floor.push(f);
        xlsx.service.push(s);
        log(`W3x round ${i}: service ${s.value} rows/s (${s.note}, peak RSS ${s.peakRssMb} MB), floor ${f.value}`);
      }
      workloads.push(xlsx);
    }
    if (ONLY.has('W4')) {
      await freshProcesses();
      const w4: Workload = {
        id: 'W4',
        title: 'POST /nominations/{id}/approve (unit quotas)',
        unit: 'approvals/s',
        service: [],
        floor: [],
        floorName: 'node:http+pg',
        checks: [],
      };
      const approveRun = async (target: Server, headers: Record<string, string>): Promise<Run> => {
        const ids = await approvalFixture(client);
        let next = 0;
        // Every nomination once (a safety stop at 6 × DURATION on a very slow machine).
        const run = await load(target, () => `/api/v1/nominations/${ids[next++ % ids.length]}/approve`, {
          method: 'POST',
          headers,
          amount: ids.length,
          duration: DURATION * 6,
        });
        const check: ApprovalCheck = await checkApprovals(client);
        (w4.checks as unknown[]).push({ target: target.name, requests: ids.length, refused: run.refused, ...check });
        run.note = `${check.approved} approved (quotas allow ${check.quotaTotal}), ${run.refused} refused, ${check.unitsOverQuota} units over quota`;
        if (check.unitsOverQuota > 0) log(`W4 ${target.name}: QUOTA EXCEEDED ${JSON.stringify(check)}`);
        return run;
      };
      await sideBySide(
        w4,
        () => approveRun(floor, { authorization: `Bearer ${data.approverToken}` }),
        () => approveRun(service, { authorization: `Bearer ${data.approverToken}` }),
      );
      workloads.push(w4);
    }
    if (ONLY.has('W4b')) {
      await freshProcesses();
      const services = [service, await startService()];
      const floors = [floor, await startFloor()];
      const w4b: Workload = {
        id: 'W4b',
        title: `POST /nominations/approve (lists of ${BATCH_SIZE}, 2 instances)`,
        unit: 'approvals/s',
        service: [],
        floor: [],
        floorName: 'node:http+pg ×2',
        checks: [],
      };
      /** Every nomination of the fixture once, in lists, spread over both instances; items judged per second. */
      const batchRun = async (targets: Server[], headers: Record<string, string>): Promise<Run> => {
        const ids = await approvalFixture(client);
        const lists: string[][] = [];
        for (let i = 0; i < ids.length; i += BATCH_SIZE) lists.push(ids.slice(i, i + BATCH_SIZE));
        const samplers = targets.map((target) => rssSampler(target.child.pid));
        const latencies: number[] = [];
        let next = 0;
        let judged = 0;
        let refused = 0;
        let failed = 0;
        const startedAt = process.hrtime.bigint();
        await Promise.all(
          targets.flatMap((target) =>
            Array.from({ length: BATCH_CONCURRENCY }, async () => {
              while (next < lists.length) {
                const list = lists[next++];
                const answer = await postJson(target, '/api/v1/nominations/approve', { nominationIds: list }, headers);
                latencies.push(answer.ms);
                if (answer.status !== 200) {
                  failed++;
                  log(`W4b ${target.name}: HTTP ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
                  continue;
                }
                judged += list.length;
                refused += (answer.body as { refused: number }).refused;
              }
            }),
          ),
        );
        const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
        const peak = Math.max(...samplers.map((sampler) => sampler.stop()));
        const check: ApprovalCheck = await checkApprovals(client);
        (w4b.checks as unknown[]).push({
          target: targets[0].name,
          items: ids.length,
          lists: lists.length,
          refused,
          ...check,
        });
        if (check.unitsOverQuota > 0) log(`W4b ${targets[0].name}: QUOTA EXCEEDED ${JSON.stringify(check)}`);
        return {
          value: round(judged / seconds),
          p50: percentile(latencies, 50),
          p99: percentile(latencies, 99),
          peakRssMb: peak,
          non2xx: failed,
          refused,
          note: `${lists.length} lists in ${round(seconds, 2)} s: ${check.approved} approved (quotas allow ${check.quotaTotal}), ${refused} refused, ${check.unitsOverQuota} units over quota`,
        };
      };
      try {
        await sideBySide(
          w4b,
          () => batchRun(floors, { authorization: `Bearer ${data.approverToken}` }),
          () => batchRun(services, { authorization: `Bearer ${data.approverToken}` }),
          {
            floor: () => batchRun(floors, { authorization: `Bearer ${data.approverToken}` }),
            service: () => batchRun(services, { authorization: `Bearer ${data.approverToken}` }),
          },
        );
      } finally {
        await stop(services[1]);
        await stop(floors[1]);
      }
      workloads.push(w4b);
    }
    if (ONLY.has('W5')) {
      await freshProcesses();
      workloads.push(
        await historyWorkload({
          client,
          databaseUrl: DATABASE_URL,
          service,
          rows: HISTORY_ROWS,
          rounds: ROUNDS,
          log,
          rssSampler,
          settleAudit: () => settleAudit(client),
        }),
      );
    }
    // The baseline comparison below starts a service of its own: it must not inherit a sealing backlog either, nor
    // the write workloads' dead rows and dirty pages (vacuumed and written out here, not during its rounds).
    await settleAudit(client);
    const comparesReads = process.env.BENCH_BASELINE_DIR !== undefined && (ONLY.has('W1') || ONLY.has('W2'));
    if (comparesReads && ['W4', 'W4b', 'W5'].some((w) => ONLY.has(w))) {
      await client.query('VACUUM (ANALYZE)');
      await client.query('CHECKPOINT');
    }
  } finally {
    await stop(service);
    await stop(floor);
    await client.end();
  }

  // The hand-tuned baseline, on the same service build and database, once the benchmark's own processes are gone.
  const baseline = await runBaseline({
    root: ROOT,
    serviceBuild: SERVICE_BUILD,
    databaseUrl: DATABASE_URL,
    phases: (['W1', 'W2'] as const).filter((w) => ONLY.has(w)),
    rounds: ROUNDS,
    duration: DURATION,
    connections: CONNECTIONS,
    poolSize: POOL_SIZE,
    log,
  });
  for (const run of baseline ?? []) {
    const index = workloads.findIndex((w) => w.id.startsWith(run.workload));
    const row: Workload = {
      id: `${run.workload}b`,
      title: `${run.workload === 'W1' ? 'GET /awards' : 'GET /individuals/{id}/awards'} vs hand-tuned baseline`,
      unit: 'req/s',
      service: run.service.map((r) => ({ ...r, peakRssMb: null, non2xx: r.bad })),
      floor: run.baseline.map((r) => ({ ...r, peakRssMb: null })),
      floorName: 'hand-tuned, wrk',
    };
    workloads.splice(index === -1 ? workloads.length : index + 1, 0, row);
  }

  const table = printTable(workloads);
  console.log(`\n${table}\n`);
  const pgVersion = await (async () => {
    const c = new pg.Client({ connectionString: DATABASE_URL });
    await c.connect();
    const v = (await c.query<{ v: string }>('SHOW server_version')).rows[0].v;
    await c.end();
    return v;
  })();
  const report = {
    startedAt: startedAt.toISOString(),
    seconds: round((Date.now() - startedAt.getTime()) / 1000),
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model,
      memoryGb: round(os.totalmem() / 2 ** 30, 1),
      node: process.version,
      postgres: pgVersion,
      loadAverage: os.loadavg(),
    },
    settings: {
      databaseUrl: DATABASE_URL.replace(/\/\/[^@]*@/, '//'),
      scale: SCALE,
      duration: DURATION,
      rounds: ROUNDS,
      connections: CONNECTIONS,
      poolSize: POOL_SIZE,
    },
    seed: seeded,
    workloads: workloads.map((w) => ({
      ...w,
      serviceMedian: median(w.service.map((r) => r.value)),
      floorMedian: median(w.floor.map((r) => r.value)),
      ratioMedian: round(median(w.service.map((r, i) => r.value / w.floor[i].value)), 3),
    })),
    table,
  };
  const dir = path.join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  log(`results written to ${path.relative(ROOT, file)}; whole run ${report.seconds} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
