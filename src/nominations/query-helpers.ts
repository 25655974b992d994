import { type Expression, type RawBuilder, sql } from 'kysely';
import type { Db } from '../database/db.js';

/**
 * `= ANY($n::type[])` operand: one bound array, so a statement keeps one shape (and one plan) whatever the number of
 * values, and an empty list matches nothing instead of being a syntax error as `IN ()` would be.
 */
export function anyOf<T extends string | number>(values: readonly T[], type: 'uuid' | 'text' | 'int'): RawBuilder<T> {
  return sql<T>`ANY(${[...values]}::${sql.raw(type)}[])`;
}

/** A `date` column as `YYYY-MM-DD` text: the driver would make a JavaScript Date of it at local midnight. */
export function isoDate(date: Expression<unknown>): RawBuilder<string> {
  return sql<string>`to_char(${date}, 'YYYY-MM-DD')`;
}

/**
 * Takes transaction-scoped advisory locks on namespaced text `keys` (hashed to 64 bits), in the order given, in one
 * statement; they are released at commit or rollback.
 */
export async function lockAdvisory(db: Db, keys: readonly string[]): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(k.key, 0))
              FROM unnest(${[...keys]}::text[]) WITH ORDINALITY AS k(key, n) ORDER BY k.n`.execute(db);
}
