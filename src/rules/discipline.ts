/**
 * R-DISC-1 [S] (Decree 98/2023/NĐ-CP Art 4; Decree 152/2025/NĐ-CP): a year in which a disciplinary measure
 * (khiển trách or above) was in force is not an achievement year for the titles of that person; counting resumes
 * after the measure's period ends. A case closed with no measure counts for nothing; an open case is R-HOLD-1.
 */
import type { MeasureInForce } from './types.js';

/** The calendar years (sorted) touched by the period a measure was in force: 2023-11-01 → 2024-10-31 gives both. */
export function measureYears(measures: readonly MeasureInForce[] | undefined): number[] {
  const years = new Set<number>();
  for (const m of measures ?? []) {
    const from = Number(m.from.slice(0, 4));
    const to = Number(m.to.slice(0, 4));
    for (let y = from; y <= to; y++) years.add(y);
  }
  return [...years].sort((a, b) => a - b);
}

/** Years of `years` that still count as achievement years once the measure years are taken out. */
export function withoutMeasureYears(
  years: readonly number[],
  measures: readonly MeasureInForce[] | undefined,
): number[] {
  const removed = new Set(measureYears(measures));
  return years.filter((y) => !removed.has(y));
}
