import { type Expression, type RawBuilder, sql, type SqlBool } from 'kysely';

/**
 * A text expression with the LIKE wildcards (`\`, `%`, `_`) escaped, so it matches literally inside a pattern.
 * Done in SQL, on the final text: escape what the pattern really contains after any folding. `unaccent` turns the
 * fullwidth `％ ＿ ＼` into `% _ \`, so text escaped before `immutable_unaccent` would bring wildcards back.
 */
export function escapeLike(text: Expression<string>): RawBuilder<string> {
  return sql<string>`replace(replace(replace(${text}, '\\', '\\\\'), '%', '\\%'), '_', '\\_')`;
}

/**
 * `column` contains `value`, ignoring case and diacritics (`immutable_unaccent` on both sides, as the trigram
 * indexes are built), the value's wildcards escaped after unaccenting. `value` is bound as a parameter.
 */
export function unaccentedContains(column: Expression<string>, value: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`immutable_unaccent(${column}) LIKE '%' || ${escapeLike(sql<string>`immutable_unaccent(${value})`)} || '%'`;
}
