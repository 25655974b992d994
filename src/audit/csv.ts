import { defuseFormula } from '../common/csv/formula.js';

/** UTF-8 byte order mark: Excel then reads the file as UTF-8 (Vietnamese text stays readable). */
export const UTF8_BOM = '\uFEFF';

/** One CSV cell (RFC 4180): null is empty, quotes double, and text that starts like a formula is defused. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? defuseFormula(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: (string | number | null | undefined)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
