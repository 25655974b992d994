/**
 * The comparison with the hand-tuned baseline: a separate `node:http` + `pg` server on its own schema and data set of
 * the same size, with its own harness (`vs-project.mjs`) that starts it beside this service's build and runs `wrk`
 * on the same request mix in alternating rounds. It is not part of this repository: `BENCH_BASELINE_DIR` names its
 * directory, and it runs when its database (`BENCH_BASELINE_DATABASE_URL`, role bench) answers. The harness runs
 * as a child process from a copy under `.data/bench/baseline` (its own directory may be read-only), and its
 * `results.json` becomes rows of the benchmark's table.
 */
import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

export const BASELINE_DATABASE_URL =
  process.env.BENCH_BASELINE_DATABASE_URL ?? 'postgres://bench:bench@127.0.0.1:5432/awards_baseline';

/** One round of the harness, as `wrk` reported it. */
interface WrkRound {
  rps: number;
  p50_us: number;
  p99_us: number;
  status: { other: number };
  errors: { status: number; timeout: number };
}

export interface BaselineRun {
  workload: 'W1' | 'W2';
  service: { value: number; p50: number; p99: number; bad: number }[];
  baseline: { value: number; p50: number; p99: number }[];
}

async function baselineDatabaseAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: BASELINE_DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM awards');
    return Number(rows[0].n) > 0;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Runs the harness on `phases` (W1, W2) against the service built at `serviceBuild` (its `src/main.js`) on
 * `databaseUrl`; null (with the reason logged) when the baseline is not available.
 */
export async function runBaseline(options: {
  root: string;
  serviceBuild: string;
  databaseUrl: string;
  phases: ('W1' | 'W2')[];
  rounds: number;
  duration: number;
  connections: number;
  poolSize: number;
  log: (line: string) => void;
}): Promise<BaselineRun[] | null> {
  const source = process.env.BENCH_BASELINE_DIR;
  const { log } = options;
  if (!source || options.phases.length === 0) {
    log('baseline comparison skipped: BENCH_BASELINE_DIR is not set');
    return null;
  }
  if (!existsSync(path.join(source, 'vs-project.mjs'))) {
    log(`baseline comparison skipped: no vs-project.mjs in ${source}`);
    return null;
  }
  if (!(await baselineDatabaseAnswers())) {
    log(`baseline comparison skipped: its database ${BASELINE_DATABASE_URL.replace(/\/\/[^@]*@/, '//')} is absent`);
    return null;
  }
  const work = path.join(options.root, '.data', 'bench', 'baseline');
  mkdirSync(work, { recursive: true });
  cpSync(source, work, {
    recursive: true,
    filter: (file) => !/^(node_modules|results)([/\\]|$)/.test(path.relative(source, file)),
  });
  if (!existsSync(path.join(work, 'node_modules', 'pg'))) {
    log('baseline: installing its dependencies (npm install, once)');
    await promisify(execFile)('npm', ['install', '--no-audit', '--no-fund'], { cwd: work, maxBuffer: 16 << 20 });
  }
  // The harness starts `<PROJ_DIR>/dist/src/main.js`: a directory whose `dist` is this benchmark's service build.
  const project = path.join(options.root, '.data', 'bench', 'project');
  rmSync(project, { recursive: true, force: true });
  mkdirSync(project, { recursive: true });
  symlinkSync(path.resolve(options.root, options.serviceBuild), path.join(project, 'dist'), 'dir');
  const before = new Set(existsSync(path.join(work, 'results')) ? readdirSync(path.join(work, 'results')) : []);

  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, ['vs-project.mjs'], {
      cwd: work,
      env: {
        ...process.env,
        PROJ_DIR: project,
        PROJ_DB: options.databaseUrl,
        ROUNDS: String(options.rounds),
        DURATION: String(options.duration),
        CONNS: String(options.connections),
        POOL: String(options.poolSize),
        PHASES: options.phases.map((p) => p.toLowerCase()).join(','),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const relay = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line.trim()) log(`baseline: ${line}`);
    };
    child.stdout.on('data', relay);
    child.stderr.on('data', relay);
    child.once('error', reject);
    child.once('exit', resolve);
  });
  const fresh = readdirSync(path.join(work, 'results')).filter((d) => !before.has(d) && d.startsWith('vs-'));
  const dir = fresh.sort().pop();
  if (code !== 0 || dir === undefined || !existsSync(path.join(work, 'results', dir, 'results.json'))) {
    log(`baseline comparison failed (exit ${code})`);
    return null;
  }
  const results = JSON.parse(readFileSync(path.join(work, 'results', dir, 'results.json'), 'utf8')) as {
    workloads: Record<string, { rows: { baseline: WrkRound[]; project: WrkRound[] } }>;
  };
  const ms = (us: number): number => Math.round(us / 100) / 10;
  return Object.entries(results.workloads).map(([name, w]) => ({
    workload: name.toUpperCase() as 'W1' | 'W2',
    service: w.rows.project.map((r) => ({
      value: r.rps,
      p50: ms(r.p50_us),
      p99: ms(r.p99_us),
      bad: r.status.other + r.errors.status + r.errors.timeout,
    })),
    baseline: w.rows.baseline.map((r) => ({ value: r.rps, p50: ms(r.p50_us), p99: ms(r.p99_us) })),
  }));
}
