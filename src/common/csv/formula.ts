import pg from 'pg';

/**
 * Characters that make a spreadsheet application read a CSV cell as a formula, or as the start of one (OWASP, CSV
 * Injection): `=`, `+`, `-`, `@`, tab and carriage return. The one definition of the audit CSV (`src/audit/csv.ts`)
 * and of the award export's COPY statement (`src/exports/award-export.sql.ts`).
 */
export const FORMULA_LEADING_CHARACTERS: readonly string[] = ['=', '+', '-', '@', '\t', '\r'];

/** What goes before such a text: a single quote, which makes the spreadsheet show the cell as text. */
export const FORMULA_DEFUSING_PREFIX = "'";

/**
 * A negative number written as text (`-5`, `-0.25`): a spreadsheet reads it as that number, nothing runs, so it is
 * left as it is. The same pattern as a JavaScript and a PostgreSQL regular expression (ARE).
 */
const PLAIN_NEGATIVE_NUMBER = '^-[0-9]+(\\.[0-9]+)?$';
const PLAIN_NEGATIVE_NUMBER_RE = new RegExp(PLAIN_NEGATIVE_NUMBER);

/** Whether a spreadsheet would run the text as a formula: it starts with a leading character, and is not a number. */
export function startsLikeFormula(text: string): boolean {
  return FORMULA_LEADING_CHARACTERS.includes(text.charAt(0)) && !PLAIN_NEGATIVE_NUMBER_RE.test(text);
}

/** The text, with `FORMULA_DEFUSING_PREFIX` before it when a spreadsheet would run it as a formula. */
export function defuseFormula(text: string): string {
  return startsLikeFormula(text) ? FORMULA_DEFUSING_PREFIX + text : text;
}

/**
 * `defuseFormula` in SQL, for a text expression (NULL stays NULL). The leading character is compared by its code
 * (`ascii`, an integer, no copy of the text), so a row pays one function call per text column; only text that starts
 * like a formula is matched against the number pattern.
 */
export function defuseFormulaSql(expression: string): string {
  const codes = FORMULA_LEADING_CHARACTERS.map((character) => character.charCodeAt(0)).join(', ');
  return (
    `CASE WHEN ascii(${expression}) IN (${codes}) AND ${expression} !~ ${pg.escapeLiteral(PLAIN_NEGATIVE_NUMBER).trim()} ` +
    `THEN ${pg.escapeLiteral(FORMULA_DEFUSING_PREFIX)} || ${expression} ELSE ${expression} END`
  );
}
