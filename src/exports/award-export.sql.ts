/*
 * The one documented exception to typed queries (docs/architecture.md, "Data access"): the exports stream their rows
 * with `COPY (SELECT …) TO STDOUT` (`CopyOutStream`, run by `ExportsRepository`), which takes no bound parameters,
 * so their statement is SQL text with the values inlined. Only the filter is shared with the register: it is built
 * by `awardConditions` (Kysely) and compiled (`awardFilterWhere`).
 */
import pg from 'pg';
import { type AwardFilter, awardConditions } from '../awards/awards.repository.js';
import { defuseFormulaSql } from '../common/csv/formula.js';
import { compileOnly } from '../database/replica-reads.js';

/** The award filters an export applies: those of `GET /awards`, without the page. */
export type AwardExportFilter = Omit<AwardFilter, 'after' | 'limit' | 'individualId' | 'organizationId'>;

/** How a column is typed in the spreadsheet. */
export type ExportColumnType = 'text' | 'integer' | 'money' | 'date' | 'timestamp';

/** One column of the award exports. */
export interface ExportColumn {
  /** CSV header and spreadsheet column key: the field name of the API where one exists. */
  key: string;
  /** Spreadsheet header, in Vietnamese. */
  label: string;
  /** Spreadsheet header for a reader who asked for English (`Accept-Language: en`). */
  labelEn: string;
  /** The value in SQL, of the column's type: text, an integer, a date or an instant. */
  sql: string;
  /**
   * The value as CSV text, when PostgreSQL's own text output of `sql` is not what the CSV shows. Text columns are
   * defused as formulas on top of it (see `csvValueSql`).
   */
  csv?: string;
  type: ExportColumnType;
  /**
   * A text column whose values can never start like a formula: a UUID, a literal of the statement, a value the
   * database checks against a list. The CSV writes it without the formula check, which it would pay on every row.
   */
  formulaFree?: true;
  /**
   * The value can be NULL (a nullable column, an outer join): the sheet then leaves its cell out. Every other
   * value is NOT NULL in the schema, so its cell is written without a NULL check.
   */
  nullable?: true;
  /** Spreadsheet column width, in characters. */
  width: number;
}

/** ISO 8601 UTC with milliseconds, as the JSON API prints instants. */
const ISO_INSTANT = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/**
 * Every column of the award exports, in order: one row per award with its recipient, unit (and the unit's path in
 * the organization tree), decision, signer, regime, bonus and revocation. Aliases: `a` awards, `d` decisions, `t`
 * award types, `io` the issuing organization, `rv` the revocation decision, `p` organization paths.
 */
export const AWARD_EXPORT_COLUMNS: readonly ExportColumn[] = [
  {
    key: 'awardId',
    label: 'Mã bản ghi (ID)',
    labelEn: 'Record ID',
    sql: 'a.id::text',
    type: 'text',
    formulaFree: true,
    width: 38,
  },
  { key: 'year', label: 'Năm khen thưởng', labelEn: 'Award year', sql: 'a.year', type: 'integer', width: 10 },
  {
    key: 'awardCode',
    label: 'Mã danh hiệu / hình thức',
    labelEn: 'Title / form code',
    sql: 'a.award_code',
    type: 'text',
    width: 28,
  },
  {
    key: 'awardName',
    label: 'Danh hiệu / hình thức khen thưởng',
    labelEn: 'Title / form of commendation',
    sql: 't.name_vi',
    type: 'text',
    width: 40,
  },
  { key: 'basis', label: 'Phương thức khen thưởng', labelEn: 'Basis', sql: 'a.basis', type: 'text', width: 14 },
  {
    key: 'recipientKind',
    label: 'Đối tượng',
    labelEn: 'Recipient kind',
    sql: 'a.recipient_kind',
    type: 'text',
    formulaFree: true,
    width: 13,
  },
  {
    key: 'recipientName',
    label: 'Tên cá nhân / tập thể',
    labelEn: 'Individual / collective',
    sql: 'a.recipient_name',
    type: 'text',
    width: 32,
  },
  {
    key: 'organizationId',
    label: 'Mã đơn vị (ID)',
    labelEn: 'Unit ID',
    sql: 'a.organization_id::text',
    type: 'text',
    formulaFree: true,
    width: 38,
  },
  { key: 'organizationName', label: 'Đơn vị', labelEn: 'Unit', sql: 'a.organization_name', type: 'text', width: 36 },
  {
    key: 'organizationPath',
    label: 'Đơn vị trong cây tổ chức',
    labelEn: 'Unit in the organization tree',
    sql: 'p.path',
    type: 'text',
    nullable: true,
    width: 70,
  },
  {
    key: 'decisionId',
    label: 'Mã quyết định (ID)',
    labelEn: 'Decision ID',
    sql: 'a.decision_id::text',
    type: 'text',
    formulaFree: true,
    width: 38,
  },
  {
    key: 'decisionNumber',
    label: 'Số quyết định',
    labelEn: 'Decision number',
    sql: 'd.number_text',
    type: 'text',
    width: 16,
  },
  {
    key: 'issuedOn',
    label: 'Ngày ký quyết định',
    labelEn: 'Decision date',
    sql: 'a.issued_on',
    csv: `to_char(a.issued_on, 'YYYY-MM-DD')`,
    type: 'date',
    width: 12,
  },
  {
    key: 'issuerName',
    label: 'Cơ quan ban hành',
    labelEn: 'Issued by',
    // The name in force on the decision date (`dn`).
    sql: 'coalesce(d.issuer_name, dn.name, io.name)',
    type: 'text',
    nullable: true,
    width: 36,
  },
  {
    key: 'authority',
    label: 'Thẩm quyền',
    labelEn: 'Authority',
    sql: 'd.authority',
    type: 'text',
    formulaFree: true,
    width: 18,
  },
  { key: 'signerName', label: 'Người ký', labelEn: 'Signed by', sql: 'd.signer_name', type: 'text', width: 22 },
  {
    key: 'signerTitle',
    label: 'Chức vụ người ký',
    labelEn: 'Signer title',
    sql: 'd.signer_title',
    type: 'text',
    width: 18,
  },
  {
    key: 'signingMode',
    label: 'Hình thức ký (KT.)',
    labelEn: 'Signing mode',
    sql: 'd.signing_mode',
    type: 'text',
    formulaFree: true,
    width: 12,
  },
  { key: 'regime', label: 'Chế độ pháp lý', labelEn: 'Legal regime', sql: 'a.regime', type: 'text', width: 18 },
  {
    key: 'bonusAmount',
    label: 'Tiền thưởng (đồng)',
    labelEn: 'Bonus (VND)',
    sql: 'a.bonus_amount',
    type: 'money',
    width: 16,
  },
  {
    key: 'certificateNumber',
    label: 'Số vào sổ',
    labelEn: 'Register number',
    sql: 'a.certificate_number',
    type: 'text',
    nullable: true,
    width: 14,
  },
  {
    key: 'verificationCode',
    label: 'Mã xác thực',
    labelEn: 'Verification code',
    sql: 'a.verification_code',
    type: 'text',
    width: 24,
  },
  {
    key: 'revoked',
    label: 'Đã thu hồi',
    labelEn: 'Revoked',
    sql: `CASE WHEN a.revoked_at IS NULL THEN 'no' ELSE 'yes' END`,
    type: 'text',
    formulaFree: true,
    width: 11,
  },
  {
    key: 'revokedAt',
    label: 'Thời điểm thu hồi (UTC)',
    labelEn: 'Revoked at (UTC)',
    sql: 'a.revoked_at',
    csv: `to_char(a.revoked_at AT TIME ZONE 'UTC', ${ISO_INSTANT})`,
    type: 'timestamp',
    nullable: true,
    width: 20,
  },
  {
    key: 'revokedReason',
    label: 'Lý do thu hồi',
    labelEn: 'Reason for revocation',
    sql: 'a.revoked_reason',
    type: 'text',
    nullable: true,
    width: 40,
  },
  {
    key: 'revocationNumber',
    label: 'Số quyết định hủy bỏ',
    labelEn: 'Revocation decision number',
    sql: 'rv.number_text',
    type: 'text',
    nullable: true,
    width: 18,
  },
  {
    key: 'revocationIssuedOn',
    label: 'Ngày ký quyết định hủy bỏ',
    labelEn: 'Revocation decision date',
    sql: 'rv.issued_on',
    csv: `to_char(rv.issued_on, 'YYYY-MM-DD')`,
    type: 'date',
    nullable: true,
    width: 12,
  },
  {
    key: 'revocationGround',
    label: 'Căn cứ hủy bỏ (điểm, khoản 2 Điều 93 Luật TĐKT 2022)',
    labelEn: 'Revocation ground (Law 2022 Art 93.2 point)',
    sql: 'rv.ground',
    type: 'text',
    nullable: true,
    formulaFree: true,
    width: 12,
  },
  {
    key: 'needsReview',
    label: 'Cần xem xét lại',
    labelEn: 'Needs review',
    sql: `CASE WHEN a.needs_review THEN 'yes' ELSE 'no' END`,
    type: 'text',
    formulaFree: true,
    width: 11,
  },
];

/** A statement with its bound parameters. */
export interface BoundSql {
  text: string;
  values: unknown[];
}

/**
 * The WHERE clause of the award filter (`awardConditions`, the very conditions of `GET /awards`), compiled by Kysely
 * with placeholders from `$1`; empty when nothing filters. The export's statement is text because COPY streams it
 * (see docs/architecture.md, "Data access"), but its filter is built and typed like every other read.
 */
export function awardFilterWhere(filter: AwardExportFilter): BoundSql {
  let query = compileOnly.selectFrom('awards as a').select('a.id');
  for (const condition of awardConditions(filter)) query = query.where(condition);
  const compiled = query.compile();
  const prefix = compileOnly.selectFrom('awards as a').select('a.id').compile().sql;
  if (!compiled.sql.startsWith(prefix)) throw new Error('Unexpected compiled award filter');
  return { text: compiled.sql.slice(prefix.length).trim(), values: [...compiled.parameters] };
}

/** The order of every export, that of `GET /awards`: newest decision first, then by id. */
const EXPORT_ORDER = 'a.issued_on DESC, a.id DESC';

/**
 * The rows of every export: the awards the filter of `GET /awards` matches. The unit's path in the tree ("UBND tỉnh
 * Điện Biên / Sở … / Văn phòng Sở") comes from the closure table, aggregated once per organization and hash-joined,
 * not once per row; the issuer's name in force on each decision date (`dn`) likewise once per decision (a lookup
 * per award row made a 200,000-row scan about ten times slower).
 */
const EXPORT_FROM = `FROM awards a
  JOIN decisions d ON d.id = a.decision_id
  LEFT JOIN organizations io ON io.id = d.issuer_organization_id
  LEFT JOIN (SELECT DISTINCT ON (nd.id) nd.id, n.name
               FROM decisions nd JOIN organization_names n
                 ON n.organization_id = nd.issuer_organization_id AND n.valid_from <= nd.issued_on
              ORDER BY nd.id, n.valid_from DESC) dn ON dn.id = d.id
  LEFT JOIN revocations rv ON rv.id = a.revocation_id
  JOIN award_types t ON t.code = a.award_code
  LEFT JOIN (SELECT c.descendant_id AS id, string_agg(o.name, ' / ' ORDER BY c.depth DESC) AS path
               FROM organization_closure c JOIN organizations o ON o.id = c.ancestor_id
              GROUP BY c.descendant_id) p ON p.id = a.organization_id`;

/**
 * The SELECT of an export: every award the filter of `GET /awards` matches, in the order of `GET /awards`
 * (`issued_on` then `id`, newest first).
 * - `csv`: one column per export column, as the CSV shows it.
 * - `sheet`: one text column, the `<row>` element of the spreadsheet for each award (see `sheetSelect`).
 */
export function awardExportSelect(filter: AwardExportFilter, flavour: 'csv' | 'sheet'): BoundSql {
  const conditions = awardFilterWhere(filter);
  if (flavour === 'sheet') return { text: sheetSelect(conditions.text), values: conditions.values };
  const columns = AWARD_EXPORT_COLUMNS.map((column) => `${csvValueSql(column)} AS "${column.key}"`);
  const text = `SELECT ${columns.join(',\n       ')}
  ${EXPORT_FROM}
  ${conditions.text}
 ORDER BY ${EXPORT_ORDER}`;
  return { text, values: conditions.values };
}

/**
 * The value of a column as the CSV shows it. Text that a spreadsheet would run as a formula (`=1+2`, `@SUM(9)`,
 * `+cmd|' /C calc'!A0`) gets a leading single quote (OWASP, CSV Injection; `defuseFormulaSql`, the definition the
 * audit CSV uses too). Numbers, dates and instants are never text a spreadsheet runs, and stay as they are, as do
 * the `formulaFree` text columns.
 */
export function csvValueSql(column: ExportColumn): string {
  const value = column.csv ?? column.sql;
  return column.type === 'text' && !column.formulaFree ? defuseFormulaSql(value) : value;
}

/** Number formats of the spreadsheet's typed columns; text keeps the default format. */
export const SHEET_NUMBER_FORMATS: readonly { type: Exclude<ExportColumnType, 'text'>; format: string }[] = [
  { type: 'integer', format: '0' },
  { type: 'money', format: '#,##0' },
  { type: 'date', format: 'dd/mm/yyyy' },
  { type: 'timestamp', format: 'dd/mm/yyyy hh:mm:ss' },
];

/**
 * The format of a cell of the spreadsheet (its `s`, an index into the cell formats of styles.xml): 0, the default,
 * for text, then one per entry of `SHEET_NUMBER_FORMATS` in its order. The header's comes after them.
 */
export function sheetStyle(type: ExportColumnType): number {
  return type === 'text' ? 0 : SHEET_NUMBER_FORMATS.findIndex((entry) => entry.type === type) + 1;
}

/** The format of the header cells: bold, wrapped; after the number formats' (see `sheetStyle`). */
export const SHEET_HEADER_STYLE = SHEET_NUMBER_FORMATS.length + 1;

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/**
 * Characters XML 1.0 does not allow in a document at all (NUL aside, which PostgreSQL text cannot hold), as a
 * PostgreSQL regular-expression class.
 */
const XML_FORBIDDEN = String.raw`[\x01-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]`;

/**
 * Characters a sheet cell's text cannot carry as they are: XML markup (`&`, `<`, `>`), what COPY's text format
 * would escape (backslash, tab, LF, CR), and what XML forbids.
 */
const SHEET_TEXT_UNSAFE = String.raw`[&<>\\\x01-\x1f\ufffe\uffff]`;

/**
 * Separates a row's text values where they are checked together: U+E000, a private-use character, so in practice
 * never theirs (and if it were, a row would only be escaped without need). As a SQL literal, then in a regex.
 */
const SHEET_TEXT_SEPARATOR = { sql: String.raw`E'\uE000'`, regex: String.raw`\ue000` };

/**
 * A row's text values, joined by `SHEET_TEXT_SEPARATOR`, that need more than to be written as they are: one holds a
 * character of `SHEET_TEXT_UNSAFE`, or starts or ends with a space (which spreadsheet applications drop unless the
 * text is marked `xml:space="preserve"`).
 */
const SHEET_ROW_NEEDS_ESCAPING = `${SHEET_TEXT_UNSAFE}|^ | $|${SHEET_TEXT_SEPARATOR.regex} | ${SHEET_TEXT_SEPARATOR.regex}`;

/**
 * Whether a row's text values (SQL text expressions) need escaping, checked in one pass over all of them: true when
 * `sheetTextSql` would change one of them or one starts or ends with a space. NULLs are skipped.
 */
export function sheetEscapingNeededSql(values: readonly string[]): string {
  return `concat_ws(${SHEET_TEXT_SEPARATOR.sql}, ${values.join(', ')}) ~ ${pg.escapeLiteral(SHEET_ROW_NEEDS_ESCAPING).trim()}`;
}

/**
 * Replacements that make text safe as the content of an XML element inside a line of COPY's text format: markup
 * escaped, and the characters COPY would escape written as character references (CR must be one anyway, or XML
 * readers turn it into LF).
 */
const SHEET_TEXT_REPLACEMENTS: readonly { sql: string; by: string }[] = [
  { sql: `'&'`, by: '&amp;' },
  { sql: `'<'`, by: '&lt;' },
  { sql: `'>'`, by: '&gt;' },
  { sql: String.raw`E'\\'`, by: '&#92;' },
  { sql: String.raw`E'\t'`, by: '&#9;' },
  { sql: String.raw`E'\n'`, by: '&#10;' },
  { sql: String.raw`E'\r'`, by: '&#13;' },
];

/**
 * A SQL text expression as the content of a sheet cell: the characters XML forbids dropped, the rest escaped by
 * `SHEET_TEXT_REPLACEMENTS`. The result holds no backslash, tab, LF or CR, so COPY's text format passes it on
 * byte for byte.
 */
export function sheetTextSql(value: string): string {
  return SHEET_TEXT_REPLACEMENTS.reduce(
    (expression, { sql, by }) => `replace(${expression}, ${sql}, '${by}')`,
    `regexp_replace(${value}, ${pg.escapeLiteral(XML_FORBIDDEN).trim()}, '', 'g')`,
  );
}

/**
 * The value of a column as the text of its sheet cell: numbers as they are, dates as serial day numbers (days since
 * 1899-12-30, as spreadsheets count), instants as serial days with the time of day in UTC, to the millisecond.
 */
function sheetValueSql(column: ExportColumn): string {
  switch (column.type) {
    case 'text':
      return column.sql;
    case 'integer':
    case 'money':
      return `(${column.sql})::text`;
    case 'date':
      return `((${column.sql}) - DATE '1899-12-30')::text`;
    case 'timestamp':
      return `(date_part('epoch', date_trunc('milliseconds', ${column.sql})) / 86400 + 25569)::text`;
  }
}

/**
 * Whether a text column's values go into the sheet as they are, in every row: the `formulaFree` ones (UUIDs, the
 * statement's literals, codes the database checks against a list) hold no markup, no control character and no
 * space at either end, so they are neither checked nor escaped.
 */
function sheetTextIsPlain(column: ExportColumn): boolean {
  return column.formulaFree === true;
}

/**
 * Whether a cell carries its reference (`r="K7"`). The reference is optional (ECMA-376 Part 1, §18.3.1.4): a cell
 * without one is the column after the cell before it in the row, as spreadsheet applications read it. Only the
 * first cell and those after a nullable column (whose cell may be left out) need one. Leaving the others out
 * spares a seventh of the sheet's XML, and over a third of the deflated file: the compressor's time follows them.
 */
export function sheetCellReferenced(index: number): boolean {
  return index === 0 || AWARD_EXPORT_COLUMNS[index - 1].nullable === true;
}

/**
 * One cell of a sheet row as a piece of a `format()` template and its argument. `%1$s` is the row number (`h.n`),
 * `argument` the position of the value's argument. A value that is never NULL fills a placeholder of the template.
 * A nullable one is the whole cell, built with `||` so that a NULL value makes it NULL, which `format` writes as
 * nothing: the cell is left out. In a row that needs escaping (`escaped`), text is escaped and keeps its spaces.
 */
function sheetCellTemplate(
  column: ExportColumn,
  index: number,
  argument: number,
  escaped: boolean,
): { template: string; value: string } {
  let value = `h."${column.key}"`;
  const reference = sheetCellReferenced(index) ? ` r="${columnLetter(index)}%1$s"` : '';
  let open: string;
  let close: string;
  if (column.type === 'text') {
    const escape = escaped && !sheetTextIsPlain(column);
    if (escape) value = sheetTextSql(value);
    open = `<c${reference} t="inlineStr"><is>${escape ? '<t xml:space="preserve">' : '<t>'}`;
    close = '</t></is></c>';
  } else {
    open = `<c${reference} s="${sheetStyle(column.type)}"><v>`;
    close = '</v></c>';
  }
  if (!column.nullable) return { template: `${open}%${argument}$s${close}`, value };
  const pieces = open.split('%1$s').map((piece) => pg.escapeLiteral(piece));
  const cell = `${pieces.join(' || h.n || ')} || ${value} || ${pg.escapeLiteral(close)}`;
  return { template: `%${argument}$s`, value: cell };
}

/**
 * A sheet row's `<row>` element in SQL: one `format()` call, its template the row's markup and its arguments the
 * row number and the cells' values, so a row costs one function call rather than a concatenation per piece.
 */
export function sheetRowSql(escaped: boolean): string {
  const cells = AWARD_EXPORT_COLUMNS.map((column, index) => sheetCellTemplate(column, index, index + 2, escaped));
  const template = `<row r="%1$s">${cells.map((cell) => cell.template).join('')}</row>`;
  return `format(${pg.escapeLiteral(template)}, h.n, ${cells.map((cell) => cell.value).join(', ')})`;
}

/**
 * The SELECT of the sheet rows: for each award, in the export's order, its complete `<row r="…">…</row>` element,
 * numbered from 2 (the header is row 1). The innermost query numbers the rows with the window of the very order it
 * is sorted by (one sort for both) and computes each value once; the middle one checks the row's text once (OFFSET 0
 * keeps it a query of its own: merged into the outer one, the check would be repeated for every cell), so only rows
 * that need escaping pay for it. Text that is always plain (`sheetTextIsPlain`) is not checked.
 */
function sheetSelect(where: string): string {
  const texts = AWARD_EXPORT_COLUMNS.filter((column) => column.type === 'text' && !sheetTextIsPlain(column)).map(
    (column) => `s."${column.key}"`,
  );
  const values = AWARD_EXPORT_COLUMNS.map((column) => `${sheetValueSql(column)} AS "${column.key}"`);
  return `SELECT CASE WHEN h.escaped
              THEN ${sheetRowSql(true)}
              ELSE ${sheetRowSql(false)} END
  FROM (SELECT s.*, ${sheetEscapingNeededSql(texts)} AS escaped
          FROM (SELECT (row_number() OVER (ORDER BY ${EXPORT_ORDER}) + 1)::text AS n,
                       a.issued_on AS order_issued_on, a.id AS order_id,
                       ${values.join(',\n                       ')}
                  ${EXPORT_FROM}
                  ${where}) s
         ORDER BY s.order_issued_on DESC, s.order_id DESC
        OFFSET 0) h
 ORDER BY h.order_issued_on DESC, h.order_id DESC`;
}

/**
 * Writes bound parameters into the statement as literals, for `COPY (SELECT …) TO STDOUT`, which takes none.
 * Strings go through `pg.escapeLiteral` (quotes doubled, backslashes in an `E''` string), numbers must be finite
 * (negative ones in parentheses) and booleans are keywords; anything else is refused. The placeholders are replaced in one pass, so a value that
 * looks like `$2` is never read again as one.
 */
export function inlineParameters(text: string, values: readonly unknown[]): string {
  return text.replace(/\$(\d+)/g, (placeholder, index: string) => {
    const position = Number(index) - 1;
    if (position < 0 || position >= values.length) throw new Error(`No value for ${placeholder}`);
    return toLiteral(values[position]);
  });
}

function toLiteral(value: unknown): string {
  if (value === null) return 'NULL';
  if (typeof value === 'string') return pg.escapeLiteral(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Cannot inline the number ${value}`);
    // In parentheses, so `x-$1` with -1 never becomes the comment `x--1`.
    return value < 0 ? `(${value})` : String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  throw new Error(`Cannot inline a value of type ${typeof value}`);
}

/** `COPY (<select>) TO STDOUT` as CSV with a header line, every parameter inlined. */
export function awardExportCopy(filter: AwardExportFilter): string {
  const select = awardExportSelect(filter, 'csv');
  return `COPY (${inlineParameters(select.text, select.values)}) TO STDOUT WITH (FORMAT csv, HEADER true, ENCODING 'UTF8')`;
}

/**
 * `COPY (<select>) TO STDOUT` of the sheet rows in COPY's text format, every parameter inlined. The rows hold none
 * of the characters that format escapes, so its output is the sheet's XML: one `<row>` element per line.
 */
export function awardSheetCopy(filter: AwardExportFilter): string {
  const select = awardExportSelect(filter, 'sheet');
  return `COPY (${inlineParameters(select.text, select.values)}) TO STDOUT WITH (FORMAT text, ENCODING 'UTF8')`;
}
