/**
 * Achievement periods (thời gian lập thành tích) and the rules judged on them.
 *
 * Decree 98/2023/NĐ-CP Art 30.9: the achievement period of the next award of the same kind counts from after the
 * period written in the previous award decision. Each award and nomination therefore records its period
 * (`periodFrom`, `periodTo`, years, inclusive); R-SPAN-1 refuses a period that reuses years of an earlier award of
 * the same code, and R-CSTINH-1, R-CSTQ-1, R-BK-1, R-BKTT-1 look for their prerequisites inside the period.
 *
 * The spans are data, one per code, each with its source. A span applies on the REGULAR basis; an award on any
 * other basis (thematic, ad hoc…) rewards one achievement of one year.
 */
import type { AwardCode, Basis, CountedAward } from './types.js';

export interface AchievementSpan {
  /** Years covered by a regular award of the code, ending with its year. */
  years: number;
  article: string;
}

export const ACHIEVEMENT_SPANS: Readonly<Record<AwardCode, AchievementSpan>> = {
  LAO_DONG_TIEN_TIEN: { years: 1, article: 'Law 2022 Art 24 (yearly title)' },
  CHIEN_SI_THI_DUA_CO_SO: { years: 1, article: 'Law 2022 Art 23 (yearly title)' },
  CHIEN_SI_THI_DUA_TINH: { years: 3, article: 'Law 2022 Art 22 (three consecutive CSTĐ cơ sở years)' },
  CHIEN_SI_THI_DUA_TOAN_QUOC: { years: 6, article: 'Law 2022 Art 21 (two consecutive three-year CSTĐ tỉnh terms)' },
  TAP_THE_LAO_DONG_TIEN_TIEN: { years: 1, article: 'Law 2022 Art 28 (yearly title)' },
  TAP_THE_LAO_DONG_XUAT_SAC: { years: 1, article: 'Law 2022 Art 27 (yearly title)' },
  CO_THI_DUA_TINH: { years: 1, article: 'Law 2022 ch. II (yearly title)' },
  CO_THI_DUA_CHINH_PHU: { years: 1, article: 'Law 2022 ch. II (yearly title)' },
  GIAY_KHEN: { years: 1, article: 'one achievement of one year (Decree 98/2023 Art 30.9)' },
  BANG_KHEN_TINH: { years: 2, article: 'Law 2022 Art 74.1.d (two years)' },
  BANG_KHEN_THU_TUONG: { years: 5, article: 'Law 2022 Art 73.1.b (five years)' },
  KY_NIEM_CHUONG: { years: 1, article: 'a commemorative medal, recorded with the year of its decision' },
};

/** R-SPAN-1 (Decree 98/2023 Art 30.9): the codes whose next award cannot reuse the years of the previous one. */
export const SPAN_RULE_CODES: readonly AwardCode[] = [
  'CHIEN_SI_THI_DUA_TINH',
  'CHIEN_SI_THI_DUA_TOAN_QUOC',
  'BANG_KHEN_TINH',
  'BANG_KHEN_THU_TUONG',
];

/** A period of years, inclusive at both ends. */
export interface Period {
  from: number;
  to: number;
}

/** The years a regular award of `code` covers; one for any other basis. */
export function achievementSpan(code: AwardCode, basis: Basis): number {
  return basis === 'REGULAR' ? ACHIEVEMENT_SPANS[code].years : 1;
}

/** The default period of an award of `code` for `year`: the span ending with the year (CSTĐ tỉnh 2023 → 2021–2023). */
export function defaultPeriod(code: AwardCode, basis: Basis, year: number): Period {
  return { from: year - achievementSpan(code, basis) + 1, to: year };
}

/**
 * The period of a nomination: what it states, else the default. Only one end given: `to` defaults to the year,
 * `from` to the span ending with `to`.
 */
export function nominationPeriod(
  n: { awardCode: AwardCode; basis: Basis; year: number },
  from?: number | null,
  to?: number | null,
): Period {
  const end = to ?? n.year;
  return { from: from ?? end - achievementSpan(n.awardCode, n.basis) + 1, to: end };
}

/** Why a stated period is impossible for a nomination of `year`, or null: from ≤ to ≤ year, from ≥ 1945. */
export function periodProblem(year: number, period: Period): 'ORDER' | 'AFTER_YEAR' | 'TOO_EARLY' | null {
  if (period.from > period.to) return 'ORDER';
  if (period.to > year) return 'AFTER_YEAR';
  if (period.from < 1945) return 'TOO_EARLY';
  return null;
}

export function periodYears(p: Period): number[] {
  const out: number[] = [];
  for (let y = p.from; y <= p.to; y++) out.push(y);
  return out;
}

export function overlaps(a: Period, b: Period): boolean {
  return a.from <= b.to && b.from <= a.to;
}

export function periodOfAward(a: Pick<CountedAward, 'periodFrom' | 'periodTo'>): Period {
  return { from: a.periodFrom, to: a.periodTo };
}

/**
 * R-SPAN-1 (Decree 98/2023 Art 30.9): the counted awards of the same code (on a basis that counts for prerequisites)
 * whose period shares a year with `period` — each makes the nomination reuse years already rewarded. Empty for a
 * code the rule does not cover.
 */
export function usedPeriodClashes(
  candidate: { awardCode: AwardCode; period: Period },
  counted: readonly CountedAward[],
): CountedAward[] {
  if (!SPAN_RULE_CODES.includes(candidate.awardCode)) return [];
  return counted.filter(
    (a) => a.awardCode === candidate.awardCode && a.basis === 'REGULAR' && overlaps(periodOfAward(a), candidate.period),
  );
}

/**
 * R-CSTQ-1 (Law 2022 Art 21): pairs of periods that are two consecutive terms — the later starts the year after the
 * earlier ends. Two CSTĐ tỉnh one or two years apart overlap and are not consecutive; three years apart they are.
 */
export function consecutiveTerms(periods: readonly Period[]): [Period, Period][] {
  const out: [Period, Period][] = [];
  for (const earlier of periods) {
    for (const later of periods) {
      if (earlier.to + 1 === later.from) out.push([earlier, later]);
    }
  }
  return out;
}

/** "2021–2023", or "2023" for one year. */
export function periodText(p: Period): string {
  return p.from === p.to ? String(p.from) : `${p.from}–${p.to}`;
}
