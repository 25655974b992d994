/*
 * String helpers of the raw SQL still used by modules not yet on Kysely (organizations, individuals, quotas,
 * award-types). Kysely queries use `expressions.ts`; delete this file once nothing imports it.
 */
/**
 * SQL escaping the LIKE wildcards (`\`, `%`, `_`) of a text expression, so it matches literally inside a pattern.
 * Done in SQL, on the final text: escape what the pattern really contains after any folding. `unaccent` turns the
 * fullwidth `％ ＿ ＼` into `% _ \`, so text escaped before `immutable_unaccent` would bring wildcards back.
 */
export function escapeLikeSql(expression: string): string {
  return `replace(replace(replace(${expression}, '\\', '\\\\'), '%', '\\%'), '_', '\\_')`;
}

/**
 * `column` contains the text of `placeholder`, ignoring case and diacritics (`immutable_unaccent` on both sides,
 * as the trigram indexes are built), the text's wildcards escaped after unaccenting.
 */
export function unaccentedContains(column: string, placeholder: string): string {
  return `immutable_unaccent(${column}) LIKE '%' || ${escapeLikeSql(`immutable_unaccent(${placeholder})`)} || '%'`;
}

/** The RETURNING rows of a raw query: TypeORM's PostgreSQL driver answers UPDATE and DELETE with [rows, count]. */
export function returnedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return Array.isArray(result) ? (result as T[]) : [];
}
