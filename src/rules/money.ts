/**
 * R-MONEY-1 [L] (Decree 98/2023, Decree 152/2025): bonus = multiplier (catalogue, by the regime of the decision date)
 * × collective factor (×2 for a collective Giấy khen / Bằng khen) × base salary in force on the decision date,
 * rounded UP to 10,000 VND. Integer VND, computed exactly (no floating point).
 *
 * Base salary (mức lương cơ sở): 1,490,000 from 2019-07-01 (Decree 38/2019/NĐ-CP); 1,800,000 from 2023-07-01
 * (Decree 24/2023/NĐ-CP); 2,340,000 from 2024-07-01 (Decree 73/2024/NĐ-CP).
 * Examples: individual Giấy khen 2023-12-15 → 540,000; Lao động tiên tiến 2025-01-10 → 710,000
 * (0.3 × 2,340,000 = 702,000 ↑ 710,000); collective Giấy khen 2024-01-23 → 1,080,000.
 */
import { awardType } from './catalogue.js';
import { assertIsoDate } from './dates.js';
import { toFraction } from './fraction.js';
import { regimeOn } from './regimes.js';
import type { AwardCode, RecipientKind, Regime } from './types.js';

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

/** R-MONEY-1 with the numbers it used (for audit trails and statistics). */
export function bonusBreakdown(awardCode: AwardCode, recipientKind: RecipientKind, issuedOn: string): BonusBreakdown {
  const regime = regimeOn(issuedOn);
  const baseSalary = baseSalaryOn(issuedOn);
  const type = awardType(awardCode);
  const multiplier = type.bonusMultipliers[regime];
  const factor = recipientKind === 'COLLECTIVE' ? type.collectiveFactor : 1;
  const m = toFraction(multiplier);
  const numerator = m.num * BigInt(factor) * BigInt(baseSalary);
  const denominator = m.den * BigInt(BONUS_ROUNDING_VND);
  const units = (numerator + denominator - 1n) / denominator;
  return { regime, multiplier, factor, baseSalary, amount: Number(units) * BONUS_ROUNDING_VND };
}

/** R-MONEY-1: the bonus in integer VND for an award decided on `issuedOn` (YYYY-MM-DD). */
export function bonusAmount(awardCode: AwardCode, recipientKind: RecipientKind, issuedOn: string): number {
  return bonusBreakdown(awardCode, recipientKind, issuedOn).amount;
}
