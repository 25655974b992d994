import { type Expression, type RawBuilder, sql, type SqlBool } from 'kysely';

/**
 * Kysely fragments shared by the repositories. Values are always bound parameters; only these fixed SQL shapes
 * are written here.
 */

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
 * indexes `ix_*_trgm` are built), the value's wildcards escaped after unaccenting. `value` is bound as a parameter.
 */
export function unaccentedContains(column: Expression<string | null>, value: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`immutable_unaccent(${column}) LIKE '%' || ${escapeLike(sql<string>`immutable_unaccent(${value})`)} || '%'`;
}

/** `column` (already lower-case or folded by the caller) contains `lower(value)`, wildcards escaped. */
export function lowerContains(column: Expression<string>, value: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${column} LIKE '%' || ${escapeLike(sql<string>`lower(${value})`)} || '%'`;
}

/**
 * `= ANY($n::type[])` operand: one bound array, so a statement keeps one shape (and one plan) whatever the number of
 * values, and an empty list matches nothing instead of being a syntax error as `IN ()` would be.
 */
export function anyOf<T extends string | number>(values: readonly T[], type: 'uuid' | 'text' | 'int'): RawBuilder<T> {
  // Bound as given (not copied), so a template's `slot` can stand for the array.
  return sql<T>`ANY(${values}::${sql.raw(type)}[])`;
}

/** A `date` column as `YYYY-MM-DD` text: the driver would make a JavaScript Date of it at local midnight. */
export function isoDate(date: Expression<unknown>): RawBuilder<string> {
  return sql<string>`to_char(${date}, 'YYYY-MM-DD')`;
}
