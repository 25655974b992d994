import pg from 'pg';
import { type AwardFilter, applyAwardFilter } from '../awards/awards.repository.js';
import { SqlConditions } from '../common/database/sql.js';

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
  /** The value, typed, for the spreadsheet rows. */
  sql: string;
  /** The value as CSV text, when it differs from `sql`. */
  csv?: string;
  type: ExportColumnType;
  /** Spreadsheet column width, in characters. */
  width: number;
}

/** ISO 8601 UTC with milliseconds, as the JSON API prints instants. */
const ISO_INSTANT = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/**
 * Every column of the award exports, in order: one row per award with its recipient, unit (and the unit's path in
 * the organization tree), decision, signer, regime, bonus and revocation. Aliases: `a` awards, `d` decisions, `t`
 * award types, `io` the issuing organization, `p` organization paths.
 */
export const AWARD_EXPORT_COLUMNS: readonly ExportColumn[] = [
  { key: 'awardId', label: 'Mã bản ghi (ID)', sql: 'a.id::text', type: 'text', width: 38 },
  { key: 'year', label: 'Năm khen thưởng', sql: 'a.year', type: 'integer', width: 10 },
  { key: 'awardCode', label: 'Mã danh hiệu / hình thức', sql: 'a.award_code', type: 'text', width: 28 },
  { key: 'awardName', label: 'Danh hiệu / hình thức khen thưởng', sql: 't.name_vi', type: 'text', width: 40 },
  { key: 'basis', label: 'Phương thức khen thưởng', sql: 'a.basis', type: 'text', width: 14 },
  { key: 'recipientKind', label: 'Đối tượng', sql: 'a.recipient_kind', type: 'text', width: 13 },
  { key: 'recipientName', label: 'Tên cá nhân / tập thể', sql: 'a.recipient_name', type: 'text', width: 32 },
  { key: 'organizationId', label: 'Mã đơn vị (ID)', sql: 'a.organization_id::text', type: 'text', width: 38 },
  { key: 'organizationName', label: 'Đơn vị', sql: 'a.organization_name', type: 'text', width: 36 },
  { key: 'organizationPath', label: 'Đơn vị trong cây tổ chức', sql: 'p.path', type: 'text', width: 70 },
  { key: 'decisionId', label: 'Mã quyết định (ID)', sql: 'a.decision_id::text', type: 'text', width: 38 },
  { key: 'decisionNumber', label: 'Số quyết định', sql: 'd.number_text', type: 'text', width: 16 },
  {
    key: 'issuedOn',
    label: 'Ngày ký quyết định',
    sql: `to_char(a.issued_on, 'YYYY-MM-DD')`,
    type: 'date',
    width: 12,
  },
  { key: 'issuerName', label: 'Cơ quan ban hành', sql: 'io.name', type: 'text', width: 36 },
  { key: 'authority', label: 'Thẩm quyền', sql: 'd.authority', type: 'text', width: 18 },
  { key: 'signerName', label: 'Người ký', sql: 'd.signer_name', type: 'text', width: 22 },
  { key: 'signerTitle', label: 'Chức vụ người ký', sql: 'd.signer_title', type: 'text', width: 18 },
  { key: 'signingMode', label: 'Hình thức ký (KT.)', sql: 'd.signing_mode', type: 'text', width: 12 },
  { key: 'regime', label: 'Chế độ pháp lý', sql: 'a.regime', type: 'text', width: 18 },
  {
    key: 'bonusAmount',
    label: 'Tiền thưởng (đồng)',
    sql: 'a.bonus_amount::float8',
    csv: 'a.bonus_amount',
    type: 'money',
    width: 16,
  },
  { key: 'certificateNumber', label: 'Số vào sổ', sql: 'a.certificate_number', type: 'text', width: 14 },
  { key: 'verificationCode', label: 'Mã xác thực', sql: 'a.verification_code', type: 'text', width: 24 },
  {
    key: 'revoked',
    label: 'Đã thu hồi',
    sql: `CASE WHEN a.revoked_at IS NULL THEN 'no' ELSE 'yes' END`,
    type: 'text',
    width: 11,
  },
  {
    key: 'revokedAt',
    label: 'Thời điểm thu hồi (UTC)',
    sql: 'a.revoked_at',
    csv: `to_char(a.revoked_at AT TIME ZONE 'UTC', ${ISO_INSTANT})`,
    type: 'timestamp',
    width: 20,
  },
  { key: 'revokedReason', label: 'Lý do thu hồi', sql: 'a.revoked_reason', type: 'text', width: 40 },
];

/** A statement with its bound parameters. */
export interface BoundSql {
  text: string;
  values: unknown[];
}

/**
 * The SELECT of an export: every award the filter of `GET /awards` matches, in the order of `GET /awards`
 * (`issued_on` then `id`, newest first). The unit's path in the tree ("UBND tỉnh Điện Biên / Sở … / Văn phòng
 * Sở") comes from the closure table, aggregated once per organization and hash-joined, not once per row.
 */
export function awardExportSelect(filter: AwardExportFilter, flavour: 'csv' | 'typed'): BoundSql {
  const where = applyAwardFilter(new SqlConditions(), filter);
  const columns = AWARD_EXPORT_COLUMNS.map(
    (column) => `${flavour === 'csv' ? (column.csv ?? column.sql) : column.sql} AS "${column.key}"`,
  );
  const text = `SELECT ${columns.join(',\n       ')}
  FROM awards a
  JOIN decisions d ON d.id = a.decision_id
  JOIN organizations io ON io.id = d.issuer_organization_id
  JOIN award_types t ON t.code = a.award_code
  LEFT JOIN (SELECT c.descendant_id AS id, string_agg(o.name, ' / ' ORDER BY c.depth DESC) AS path
               FROM organization_closure c JOIN organizations o ON o.id = c.ancestor_id
              GROUP BY c.descendant_id) p ON p.id = a.organization_id
  ${where.where()}
 ORDER BY a.issued_on DESC, a.id DESC`;
  return { text, values: where.params };
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
