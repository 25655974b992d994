import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options.js';

/** Arbitrary but fixed: serialises migration runs of several instances that start at once. */
const MIGRATION_LOCK_KEY = 7_310_2022;

/** Applies pending migrations under a session advisory lock; returns the names applied. */
export async function runMigrations(url: string): Promise<string[]> {
  // No statement timeout: a migration's backfill of a large registry (1 M awards) runs longer than any request may.
  const dataSource = new DataSource({
    ...buildDataSourceOptions({ url, poolSize: 2, statementTimeoutMs: 0 }),
    logging: false,
  });
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
    await dataSource.destroy();
  }
}
