/**
 * R-MONEY-1 [L] (Decree 98/2023, Decree 152/2025): bonus = multiplier (catalogue, by the regime of the decision date)
 * × collective factor (×2 for a collective Giấy khen / Bằng khen) × base salary in force on the decision date,
 * rounded UP to 10,000 VND. Integer VND, computed exactly (no floating point).
 *
 * Base salary (mức lương cơ sở): 1,490,000 from 2019-07-01 (Decree 38/2019/NĐ-CP); 1,800,000 from 2023-07-01
 * (Decree 24/2023/NĐ-CP); 2,340,000 from 2024-07-01 (Decree 73/2024/NĐ-CP).
 * Examples: individual Giấy khen 2023-12-15 → 540,000; Lao động tiên tiến 2025-01-10 → 710,000
 * (0.3 × 2,340,000 = 702,000 ↑ 710,000); collective Giấy khen 2024-01-23 → 1,080,000.
 *
 * R-MONEY-2 [S] (Decree 91/2017 Art 73.1.d, Decree 98/2023 Art 58.1.g, Decree 152/2025 Art 54.1): the multiplier
 * is keyed by (code, regime, authority): a commune chair's Giấy khen is 0.15 under ND91 and ND98, 0.3 under ND152.
 * Commune chair, individual: 2023-12-10 → 270,000; 2025-03-10 → 360,000 (351,000 ↑); 2025-07-15 → 710,000.
 *
 * R-MONEY-3 [S] (Decree 91/2017 Art 66.2.c; Decree 98/2023 Art 53): several emulation titles of one recipient for
 * the same achievement period are paid once, at the highest multiplier; titles of different periods, and a title
 * plus a form, are each paid (`titleBonusesDue`).
 */
import { awardType, bonusMultiplier } from './catalogue.js';
import { assertIsoDate } from './dates.js';
import { toFraction } from './fraction.js';
import { regimeOn } from './regimes.js';
import type { Authority, AwardCode, RecipientKind, Regime } from './types.js';

export interface BaseSalaryPeriod {
  /** First day in force (inclusive). */
  from: string;
  /** VND per month. */
  amount: number;
  text: string;
}

/** Base salary periods, oldest first; each runs until the next one starts. */
export const BASE_SALARY_TABLE: readonly BaseSalaryPeriod[] = [
  { from: '2019-07-01', amount: 1_490_000, text: 'Decree 38/2019/NĐ-CP' },
  { from: '2023-07-01', amount: 1_800_000, text: 'Decree 24/2023/NĐ-CP' },
  { from: '2024-07-01', amount: 2_340_000, text: 'Decree 73/2024/NĐ-CP' },
];

/** Bonuses are rounded up to a multiple of this (VND). */
export const BONUS_ROUNDING_VND = 10_000;

/**
 * The base salary in force on a date. Throws RangeError before 2019-07-01 (not in the table: record such
 * historical bonuses as given).
 */
export function baseSalaryOn(date: string): number {
  assertIsoDate(date, 'The decision date');
  let found: BaseSalaryPeriod | undefined;
  for (const p of BASE_SALARY_TABLE) if (p.from <= date) found = p;
  if (!found) {
    throw new RangeError(`No base salary is configured for ${date}; the table starts on ${BASE_SALARY_TABLE[0]?.from}`);
  }
  return found.amount;
}

export interface BonusBreakdown {
  regime: Regime;
  multiplier: number;
  /** 2 for a collective Giấy khen / Bằng khen, else 1 (a household counts like an individual). */
  factor: number;
  baseSalary: number;
  /** The bonus in VND, rounded up to 10,000. */
  amount: number;
}

/**
 * R-MONEY-1 and R-MONEY-2 with the numbers they used (for audit trails and statistics). `authority` is the
 * decision's (R-MONEY-2: a commune chair's Giấy khen); without it the catalogue's multiplier of the regime.
 */
export function bonusBreakdown(
  awardCode: AwardCode,
  recipientKind: RecipientKind,
  issuedOn: string,
  authority?: Authority,
): BonusBreakdown {
  const regime = regimeOn(issuedOn);
  const baseSalary = baseSalaryOn(issuedOn);
  const type = awardType(awardCode);
  const multiplier = bonusMultiplier(awardCode, regime, authority);
  const factor = recipientKind === 'COLLECTIVE' ? type.collectiveFactor : 1;
  const m = toFraction(multiplier);
  const numerator = m.num * BigInt(factor) * BigInt(baseSalary);
  const denominator = m.den * BigInt(BONUS_ROUNDING_VND);
  const units = (numerator + denominator - 1n) / denominator;
  return { regime, multiplier, factor, baseSalary, amount: Number(units) * BONUS_ROUNDING_VND };
}

/** R-MONEY-1/2: the bonus in integer VND for an award decided on `issuedOn` (YYYY-MM-DD) by `authority`. */
export function bonusAmount(
  awardCode: AwardCode,
  recipientKind: RecipientKind,
  issuedOn: string,
  authority?: Authority,
): number {
  return bonusBreakdown(awardCode, recipientKind, issuedOn, authority).amount;
}

/** An achievement period in years, inclusive (one year for an annual title). */
export interface AchievementPeriod {
  from: number;
  to: number;
}

/** One award line of a recipient, already granted or being granted, for R-MONEY-3. */
export interface BonusLine {
  /** The caller's key for the line (an award id, a nomination id). */
  key: string;
  awardCode: AwardCode;
  period: AchievementPeriod;
  /** Multiplier × collective factor of the line (R-MONEY-1/2): what "highest" compares. */
  weight: number;
  /** The full bonus of the line (R-MONEY-1/2). */
  amount: number;
  /** Already granted (and paid its `amount`): it keeps its bonus on a tie. */
  granted: boolean;
}

/** R-MONEY-3's outcome for one line: what is due, and which line pays it instead when nothing is. */
export interface BonusDue {
  key: string;
  due: number;
  /** The line whose bonus covers this one (same recipient and period, a higher title); null when paid itself. */
  paidWith: string | null;
}

/**
 * R-MONEY-3 (Decree 91/2017 Art 66.2.c; Decree 98/2023 Art 53): the lines of ONE recipient. Among the titles of the
 * same achievement period only the highest (by multiplier; on a tie the one granted first, then the first given)
 * is paid; the others are due 0 and name it. Forms, and titles of other periods, are paid in full.
 */
export function titleBonusesDue(lines: readonly BonusLine[]): BonusDue[] {
  const winners = new Map<string, BonusLine>();
  const periodKey = (line: BonusLine) => `${line.period.from}-${line.period.to}`;
  for (const line of lines) {
    if (awardType(line.awardCode).kind !== 'TITLE') continue;
    if (!Number.isSafeInteger(line.period.from) || line.period.from > line.period.to) {
      throw new RangeError(`The achievement period of ${line.key} is not a range of years`);
    }
    const best = winners.get(periodKey(line));
    const better =
      best === undefined || line.weight > best.weight || (line.weight === best.weight && line.granted && !best.granted);
    if (better) winners.set(periodKey(line), line);
  }
  return lines.map((line) => {
    if (awardType(line.awardCode).kind !== 'TITLE') return { key: line.key, due: line.amount, paidWith: null };
    const winner = winners.get(periodKey(line)) as BonusLine;
    return winner.key === line.key
      ? { key: line.key, due: line.amount, paidWith: null }
      : { key: line.key, due: 0, paidWith: winner.key };
  });
}
