import { type Expression, sql, type SqlBool } from 'kysely';

/**
 * `text` with the LIKE wildcards (`\`, `%`, `_`) escaped, so it matches literally inside a pattern. Done in SQL, on
 * the final text: `unaccent` turns the fullwidth `％ ＿ ＼` into `% _ \`, so text escaped before
 * `immutable_unaccent` would bring wildcards back.
 */
export function escapeLike(text: Expression<string>): Expression<string> {
  return sql<string>`replace(replace(replace(${text}, '\\', '\\\\'), '%', '\\%'), '_', '\\_')`;
}

/**
 * `column` contains `value`, ignoring case and diacritics: `immutable_unaccent` on both sides, as the trigram
 * indexes (`ix_*_trgm`) are built, the value's wildcards escaped after unaccenting.
 */
export function unaccentedContains(column: Expression<string | null>, value: string): Expression<SqlBool> {
  return sql<SqlBool>`immutable_unaccent(${column}) LIKE '%' || ${escapeLike(sql<string>`immutable_unaccent(${value})`)} || '%'`;
}

/** `column` (already lower-case or folded by the caller) contains `lower(value)`, wildcards escaped. */
export function lowerContains(column: Expression<string>, value: string): Expression<SqlBool> {
  return sql<SqlBool>`${column} LIKE '%' || ${escapeLike(sql<string>`lower(${value})`)} || '%'`;
}
