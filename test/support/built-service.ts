import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import supertest from 'supertest';
import { findFreePort } from '../../src/database/embedded-postgres.js';
import { withAdminClient } from './database.js';
import { BOOTSTRAP_TOKEN } from './test-app.js';

const ROOT = process.cwd();

/** A scratch directory of one test file under `.data/` (inside the project, so `node_modules` resolves). */
export function builtServiceWorkDir(name: string): string {
  return path.join(ROOT, '.data', `${name}-${process.pid}`);
}

/**
 * Builds the service with the project's own build (`nest build`, as `npm run build` runs it after writing the OpenAPI
 * metadata) into `workDir` (never `dist/`, which other runs may be using) and returns the path of its `main.js`.
 * BUILT_SERVICE_MAIN (or the older SHUTDOWN_TEST_MAIN) names an already built `main.js` to skip the build.
 */
export async function buildService(workDir: string): Promise<string> {
  const prebuilt = process.env.BUILT_SERVICE_MAIN ?? process.env.SHUTDOWN_TEST_MAIN;
  if (prebuilt) return path.resolve(prebuilt);
  const outDir = path.join(workDir, 'build');
  const tsconfig = path.join(workDir, 'tsconfig.build.json');
  await mkdir(workDir, { recursive: true });
  await writeFile(
    tsconfig,
    JSON.stringify({ extends: path.join(ROOT, 'tsconfig.build.json'), compilerOptions: { outDir, rootDir: ROOT } }),
  );
  const main = path.join(outDir, 'src', 'main.js');
  try {
    await promisify(execFile)(
      path.join(ROOT, 'node_modules', '.bin', 'nest'),
      ['build', '-p', path.relative(ROOT, tsconfig)],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
    );
  } catch (error) {
    // Type errors fail the type check of the suite, not these tests: they need the emitted JavaScript only.
    if (!existsSync(main)) throw error;
  }
  return main;
}

/**
 * The service built once per test run (`buildService` under an advisory lock keyed by the run), for the files that
 * only need to start it: a build is the slowest step of those files. The global teardown removes it.
 */
export async function sharedBuiltService(): Promise<string> {
  const run = process.env.TEST_RUN_ID ?? String(process.pid);
  const workDir = path.join(ROOT, '.data', `built-service-${run}`);
  const done = path.join(workDir, 'built');
  return withAdminClient(async (client) => {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [workDir]);
    try {
      const main = path.join(workDir, 'build', 'src', 'main.js');
      if (existsSync(done)) return main;
      await buildService(workDir);
      await writeFile(done, '');
      return main;
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [workDir]);
    }
  });
}

export interface Service {
  child: ChildProcess;
  port: number;
  http: ReturnType<typeof supertest>;
  output: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

/**
 * Starts the built service as a child process, as production does (`NODE_ENV=production node main.js`, settings in
 * the environment), and waits until it is ready. Rate limiting is off unless `env` turns it on.
 */
export async function startService(main: string, env: Record<string, string>): Promise<Service> {
  const port = await findFreePort();
  const output: string[] = [];
  const child = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
      AUTH_BOOTSTRAP_ADMIN_TOKEN: BOOTSTRAP_TOKEN,
      RATE_LIMIT_ENABLED: 'false',
      SEED_DEMO_DATA: 'false',
      AUDIT_SEAL_INTERVAL_MS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  const http = supertest(`http://127.0.0.1:${port}`);
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service exited at start:\n${output.join('')}`);
    const ready = await http
      .get('/api/v1/health/ready')
      .then((response) => response.status === 200)
      .catch(() => false);
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`the service did not become ready:\n${output.join('')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { child, port, http, output, exited };
}

/** Kills the services still running (after a failed test). */
export function killServices(services: Service[]): void {
  for (const service of services)
    if (service.child.exitCode === null && service.child.signalCode === null) service.child.kill('SIGKILL');
}

/** Whether a new TCP connection to the port is refused. */
export function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

export async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}
