import { msg } from '../../i18n/index.js';
import {
  ALTERNATIVE_COLUMNS,
  CONTRACT_COLUMNS,
  columnOf,
  IMPORT_COLUMNS,
  type AlternativeColumn,
  type ImportColumn,
} from './import-columns.js';
import type { ImportRowError, SheetRow } from './import-file.js';

/** A data row: its spreadsheet row number and the non-empty cells by column name. */
export interface ImportRecord {
  row: number;
  values: Partial<Record<ImportColumn, string>>;
}

/** Column letters as a spreadsheet shows them: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const REQUIRED: readonly (readonly ImportColumn[])[] = [
  ['year'],
  ['awardCode'],
  ['basis'],
  ['achievements'],
  ['proposingOrganizationId', 'proposingOrganizationCode'],
  ['individualId', 'nationalId', 'organizationId', 'organizationCode'],
];

/**
 * Splits the sheet into its header (row 1, required) and data rows. The header names columns of `IMPORT_COLUMNS`
 * (any order, names match without regard to case); an unknown, repeated or missing column is an error of row 1,
 * and no data row is looked at until the header is right. Blank rows are skipped; a value under a column without
 * a header is an error of its row.
 */
export function toRecords(rows: readonly SheetRow[]): { records: ImportRecord[]; errors: ImportRowError[] } {
  const header = rows[0];
  const expected = CONTRACT_COLUMNS.join(', ');
  if (!header || header.row !== 1 || header.cells.every((cell) => cell === '')) {
    return {
      records: [],
      errors: [{ row: 1, field: 'header', message: msg('import.header', { columns: expected }) }],
    };
  }

  const errors: ImportRowError[] = [];
  const columns: (ImportColumn | null)[] = [];
  const seen = new Set<ImportColumn>();
  header.cells.forEach((text, index) => {
    if (text === '') {
      columns.push(null);
      return;
    }
    const column = columnOf(text);
    if (!column) {
      errors.push({
        row: 1,
        field: text,
        message: msg('import.unknownColumn', { letter: columnLetter(index), columns: IMPORT_COLUMNS.join(', ') }),
      });
    } else if (seen.has(column)) {
      errors.push({
        row: 1,
        field: column,
        message: msg('import.repeatedColumn', { letter: columnLetter(index) }),
      });
    }
    if (column) seen.add(column);
    columns.push(column ?? null);
  });
  for (const group of REQUIRED) {
    if (!group.some((column) => seen.has(column))) {
      errors.push({
        row: 1,
        field: group[0],
        message:
          group.length === 1
            ? msg('import.missingColumn')
            : msg('import.missingColumnOneOf', { columns: group.join(', ') }),
      });
    }
  }
  if (errors.length > 0) return { records: [], errors };

  const records: ImportRecord[] = [];
  for (const line of rows.slice(1)) {
    if (line.cells.every((cell) => cell === '')) continue;
    const values: Partial<Record<ImportColumn, string>> = {};
    line.cells.forEach((cell, index) => {
      if (cell === '') return;
      const column = columns[index];
      if (column) values[column] = cell;
      else errors.push({ row: line.row, field: columnLetter(index), message: msg('import.valueWithoutHeader') });
    });
    records.push({ row: line.row, values });
  }
  return { records, errors };
}

const DAY_MONTH_YEAR = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** `23/01/2024` (the Vietnamese order) → `2024-01-23`; anything else is left for validation to judge. */
export function normalizeDate(value: string): string {
  const match = DAY_MONTH_YEAR.exec(value);
  if (!match) return value;
  return `${match[3]}-${match[2].padStart(2, '0')}-${match[1].padStart(2, '0')}`;
}

/**
 * The body `POST /nominations` would receive for this row: cells as text, `year` as a number when it is one (so
 * the DTO's rules judge it as the API would), dates normalized, and the ids an alternative column resolved to.
 */
export function toNominationBody(
  values: ImportRecord['values'],
  resolved: Partial<Record<(typeof ALTERNATIVE_COLUMNS)[AlternativeColumn], string>>,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const column of CONTRACT_COLUMNS) {
    const value = resolved[column as keyof typeof resolved] ?? values[column];
    if (value === undefined) continue;
    if (column === 'year') body.year = /^\d{1,6}$/.test(value) ? Number(value) : value;
    else if (column === 'expectedDecisionOn') body.expectedDecisionOn = normalizeDate(value);
    else body[column] = value;
  }
  return body;
}
