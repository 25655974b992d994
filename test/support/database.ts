import { afterAll, beforeAll } from '@jest/globals';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source-options.js';
import { runMigrations } from '../../src/database/migrate.js';

/** The admin URL of the PostgreSQL server the tests use, chosen by the global setup. */
export function adminUrl(): string {
  const url = process.env.TEST_PG_ADMIN_URL;
  if (!url) throw new Error('TEST_PG_ADMIN_URL is not set: run the e2e tests through jest (global setup)');
  return url;
}

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Named per run, so a template of an older schema is never reused. */
const RUN_ID = process.env.TEST_RUN_ID ?? String(process.pid);
const TEMPLATE_DATABASE = `awards_test_template_${RUN_ID}_db`;
const TEMPLATE_LOCK = 7_310_2023;

export async function withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The first worker to get here migrates the template; the others wait on the lock, then find it. */
async function ensureTemplate(): Promise<void> {
  await withAdminClient(async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE_DATABASE]);
      if (rowCount === 0) {
        await client.query(`CREATE DATABASE "${TEMPLATE_DATABASE}"`);
        try {
          await runMigrations(databaseUrl(TEMPLATE_DATABASE));
        } catch (error) {
          await client.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`);
          throw error;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
}

/** A fresh database for one test file, cloned from the migrated template (a file copy: fast). */
export async function createTestDatabase(): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  await ensureTemplate();
  const name = `awards_test_${RUN_ID}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DATABASE}"`));
  return {
    name,
    url: databaseUrl(name),
    drop: () =>
      withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/**
 * A fresh migrated database and a TypeORM data source on it, for tests that run or revert migrations: opened before
 * the file's tests, closed and dropped after them. Read `dataSource()` inside a test.
 */
export function useMigrationDataSource(): () => DataSource {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(buildDataSourceOptions({ url: database.url, poolSize: 2 })).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });
  return () => dataSource;
}

/** Tables the tests keep between cases: the catalogue and the migration history. */
export const PRESERVED_TABLES = new Set(['award_types', 'schema_migrations']);

/** Empties every data table of `db` (`TRUNCATE … RESTART IDENTITY CASCADE`), the preserved ones aside. */
export async function tableEmptier(db: DataSource): Promise<() => Promise<void>> {
  const rows = await db.query<{ tablename: string }[]>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
  const tables = rows.map((row) => row.tablename).filter((name) => !PRESERVED_TABLES.has(name));
  return async () => {
    if (tables.length > 0)
      await db.query(`TRUNCATE ${tables.map((t) => `"${t}"`).join(', ')} RESTART IDENTITY CASCADE`);
  };
}
