import { msg } from '../i18n/index.js';
import { generateVerificationCode } from '../awards/verification-code.js';
import type { ImportRowError, SheetRow } from '../nominations/import/import-file.js';
import { columnLetter, normalizeDate } from '../nominations/import/import-rows.js';
import {
  AUTHORITIES,
  AWARD_CODES,
  BASES,
  isIsoDate,
  nominationPeriod,
  periodProblem,
  regimeOn,
} from '../rules/index.js';
import type { Authority, AwardCode, Basis, Period, Regime } from '../rules/index.js';

/**
 * The columns of a history file (`POST /history/import`), in template order. A row is one award as its decision
 * records it; rows of one decision repeat its number, date and issuer. The recipient is named one way: `nationalId`;
 * or `fullName` with `organizationCode` (the person's unit); or `collectiveCode` (a collective).
 */
export const HISTORY_COLUMNS = [
  'decisionNumber',
  'issuedOn',
  'issuerName',
  'issuerOrganizationCode',
  'authority',
  'signerName',
  'signerTitle',
  'awardCode',
  'basis',
  'year',
  'periodFrom',
  'periodTo',
  'nationalId',
  'fullName',
  'organizationCode',
  'collectiveCode',
  'bonusAmount',
] as const;
export type HistoryColumn = (typeof HISTORY_COLUMNS)[number];

const REQUIRED: readonly HistoryColumn[] = [
  'decisionNumber',
  'issuedOn',
  'issuerName',
  'authority',
  'awardCode',
  'year',
];

/** A decision number as written: it starts with its number in the issuer's series (`125/QĐ-UBND`, `1234/QĐ-TTg`). */
const DECISION_NUMBER = /^(\d{1,9})\s*\/\s*\S.*$/;
const NATIONAL_ID = /^(\d{9}|\d{12})$/;
const WHOLE = /^\d+$/;
/** History goes back to the first emulation movements; no decision is dated before 1945 nor in the future. */
const FIRST_HISTORY_YEAR = 1945;

/** One row checked for form, ready to be staged: the database resolves its references. */
export interface HistoryRecord {
  row: number;
  decisionNumber: string;
  number: number;
  issuedOn: string;
  regime: Regime;
  issuerName: string;
  issuerOrganizationCode: string | null;
  authority: Authority;
  signerName: string;
  signerTitle: string;
  awardCode: AwardCode;
  basis: Basis;
  year: number;
  periodFrom: number;
  periodTo: number;
  nationalId: string | null;
  fullName: string | null;
  organizationCode: string | null;
  collectiveCode: string | null;
  bonusAmount: number;
  verificationCode: string;
}

const columnOf = (header: string): HistoryColumn | undefined =>
  HISTORY_COLUMNS.find((column) => column.toLowerCase() === header.trim().toLowerCase());

/**
 * Reads the header (row 1) and checks every data row for form: required cells, codes of the catalogue, dates,
 * numbers, exactly one way of naming the recipient. Returns the good rows and every problem, each naming its row and
 * column. `today` bounds the dates (no decision in the future).
 */
export function checkHistoryRows(
  rows: readonly SheetRow[],
  today: string,
): { records: HistoryRecord[]; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const header = rows[0];
  if (!header || header.row !== 1 || header.cells.every((cell) => cell === '')) {
    return {
      records: [],
      errors: [{ row: 1, field: 'header', message: msg('import.header', { columns: HISTORY_COLUMNS.join(', ') }) }],
    };
  }
  const columns: (HistoryColumn | null)[] = [];
  const seen = new Set<HistoryColumn>();
  header.cells.forEach((text, index) => {
    if (text === '') return columns.push(null);
    const column = columnOf(text);
    if (!column) {
      errors.push({
        row: 1,
        field: columnLetter(index),
        message: msg('import.unknownColumn', { letter: columnLetter(index), columns: HISTORY_COLUMNS.join(', ') }),
      });
      return columns.push(null);
    }
    if (seen.has(column)) {
      errors.push({ row: 1, field: column, message: msg('import.repeatedColumn', { letter: columnLetter(index) }) });
      return columns.push(null);
    }
    seen.add(column);
    return columns.push(column);
  });
  for (const column of REQUIRED) {
    if (!seen.has(column)) errors.push({ row: 1, field: column, message: msg('import.missingColumn') });
  }
  if (errors.length > 0) return { records: [], errors };

  const records: HistoryRecord[] = [];
  const thisYear = Number(today.slice(0, 4));
  for (const line of rows.slice(1)) {
    if (line.cells.every((cell) => cell === '')) continue;
    const v: Partial<Record<HistoryColumn, string>> = {};
    line.cells.forEach((cell, index) => {
      const column = columns[index];
      if (column && cell !== '') v[column] = cell;
      else if (!column && cell !== '') {
        errors.push({ row: line.row, field: columnLetter(index), message: msg('import.valueWithoutHeader') });
      }
    });
    const bad = (field: HistoryColumn, message: ReturnType<typeof msg>) => {
      errors.push({ row: line.row, field, message });
      return undefined;
    };
    const before = errors.length;
    for (const column of REQUIRED) if (v[column] === undefined) bad(column, msg('history.required'));

    const numberMatch = v.decisionNumber === undefined ? null : DECISION_NUMBER.exec(v.decisionNumber);
    if (v.decisionNumber !== undefined && !numberMatch) bad('decisionNumber', msg('history.decisionNumber'));
    const issuedOn = v.issuedOn === undefined ? undefined : normalizeDate(v.issuedOn);
    if (
      issuedOn !== undefined &&
      (!isIsoDate(issuedOn) || issuedOn < `${FIRST_HISTORY_YEAR}-01-01` || issuedOn > today)
    ) {
      bad('issuedOn', msg('history.issuedOn', { today }));
    }
    if (v.authority !== undefined && !(AUTHORITIES as readonly string[]).includes(v.authority)) {
      bad('authority', msg('history.oneOf', { values: AUTHORITIES.join(', ') }));
    }
    if (v.awardCode !== undefined && !knownCode(v.awardCode)) {
      bad('awardCode', msg('history.oneOf', { values: AWARD_CODES.join(', ') }));
    }
    const basis = v.basis ?? 'REGULAR';
    if (!knownBasis(basis)) bad('basis', msg('history.oneOf', { values: BASES.join(', ') }));
    const year = yearOf(v.year, thisYear);
    if (v.year !== undefined && year === null)
      bad('year', msg('history.year', { first: FIRST_HISTORY_YEAR, last: thisYear }));
    if (year !== null && issuedOn !== undefined && isIsoDate(issuedOn) && year > Number(issuedOn.slice(0, 4))) {
      bad('year', msg('history.yearAfterDecision'));
    }
    // The period as written; else what a nomination of the code assumes (periods.ts: CSTĐ tỉnh 2023 → 2021–2023).
    const statedFrom = v.periodFrom === undefined ? undefined : yearOf(v.periodFrom, thisYear);
    const statedTo = v.periodTo === undefined ? undefined : yearOf(v.periodTo, thisYear);
    if (statedFrom === null) bad('periodFrom', msg('history.year', { first: FIRST_HISTORY_YEAR, last: thisYear }));
    if (statedTo === null) bad('periodTo', msg('history.year', { first: FIRST_HISTORY_YEAR, last: thisYear }));
    let period: Period | null = null;
    if (year !== null && statedFrom !== null && statedTo !== null && knownCode(v.awardCode) && knownBasis(basis)) {
      period = nominationPeriod({ awardCode: v.awardCode, basis, year }, statedFrom, statedTo);
      // A default never starts before the first year on record; a stated period is judged as written.
      if (statedFrom === undefined) period.from = Math.max(period.from, FIRST_HISTORY_YEAR);
      const problem = periodProblem(year, period);
      if (problem !== null) {
        bad(problem === 'AFTER_YEAR' ? 'periodTo' : 'periodFrom', msg(`history.period.${problem}`, { year }));
      }
    }
    if (v.nationalId !== undefined && !NATIONAL_ID.test(v.nationalId)) bad('nationalId', msg('history.nationalId'));
    const ways = [
      v.nationalId !== undefined,
      v.fullName !== undefined || v.organizationCode !== undefined,
      v.collectiveCode !== undefined,
    ];
    if (ways.filter(Boolean).length !== 1) bad('nationalId', msg('history.oneRecipient'));
    else if (ways[1] && (v.fullName === undefined || v.organizationCode === undefined)) {
      bad(v.fullName === undefined ? 'fullName' : 'organizationCode', msg('history.nameAndUnit'));
    }
    if (v.bonusAmount !== undefined && !WHOLE.test(v.bonusAmount.replace(/[.,\s]/g, ''))) {
      bad('bonusAmount', msg('history.bonusAmount'));
    }
    if (errors.length > before) continue;

    records.push({
      row: line.row,
      decisionNumber: v.decisionNumber as string,
      number: Number((numberMatch as RegExpExecArray)[1]),
      issuedOn: issuedOn as string,
      regime: regimeOn(issuedOn as string),
      issuerName: v.issuerName as string,
      issuerOrganizationCode: v.issuerOrganizationCode ?? null,
      authority: v.authority as Authority,
      signerName: v.signerName ?? '',
      signerTitle: v.signerTitle ?? '',
      awardCode: v.awardCode as AwardCode,
      basis: basis as Basis,
      year: year as number,
      periodFrom: (period as Period).from,
      periodTo: (period as Period).to,
      nationalId: v.nationalId ?? null,
      fullName: v.fullName?.normalize('NFC').replace(/\s+/g, ' ') ?? null,
      organizationCode: v.organizationCode ?? null,
      collectiveCode: v.collectiveCode ?? null,
      bonusAmount: v.bonusAmount === undefined ? 0 : Number(v.bonusAmount.replace(/[.,\s]/g, '')),
      verificationCode: generateVerificationCode(),
    });
  }
  return { records, errors };
}

const knownCode = (code: string | undefined): code is AwardCode =>
  code !== undefined && (AWARD_CODES as readonly string[]).includes(code);
const knownBasis = (basis: string): basis is Basis => (BASES as readonly string[]).includes(basis);

function yearOf(text: string | undefined, last: number): number | null {
  if (text === undefined || !/^\d{4}$/.test(text)) return null;
  const year = Number(text);
  return year >= FIRST_HISTORY_YEAR && year <= last ? year : null;
}
