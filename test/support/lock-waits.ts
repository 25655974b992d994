import type { DataSource } from 'typeorm';

/**
 * Resolves once a statement matching `pattern` (ILIKE) waits on a lock in this database: how a test knows that the
 * request it started has reached the lock it holds for it. Gives up after about ten seconds.
 */
export async function untilAStatementWaitsOnALock(db: DataSource, pattern: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const [{ n }]: { n: string }[] = await db.query(
      `SELECT count(*) AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE $1`,
      [pattern],
    );
    if (Number(n) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nothing waits on ${pattern}`);
}
