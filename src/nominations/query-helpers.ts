import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../database/db.js';

/**
 * Takes transaction-scoped advisory locks on namespaced text `keys` (hashed to 64 bits), in the order given, in one
 * statement; they are released at commit or rollback.
 */
export async function lockAdvisory(db: Db, keys: readonly string[]): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(k.key, 0))
              FROM unnest(${keys}::text[]) WITH ORDINALITY AS k(key, n) ORDER BY k.n`.execute(db);
}

/**
 * `lockAdvisory` as a scalar subquery (how many locks were taken), for a statement that must take the locks before
 * it reads: used in a condition of its own, PostgreSQL evaluates it once, before the scan.
 */
export function advisoryLocks(keys: readonly string[]): RawBuilder<number> {
  return sql<number>`SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended(k.key, 0))
                       FROM unnest(${keys}::text[]) WITH ORDINALITY AS k(key, n) ORDER BY k.n) AS locks`;
}
