import { describe, expect, it } from '@jest/globals';
import {
  ACHIEVEMENT_SPANS,
  consecutiveTerms,
  defaultPeriod,
  nominationPeriod,
  overlaps,
  periodProblem,
  usedPeriodClashes,
  type Period,
} from './periods.js';
import { AWARD_CODES, type AwardCode, type Basis, type CountedAward } from './types.js';

const counted = (awardCode: AwardCode, from: number, to: number, basis: Basis = 'REGULAR'): CountedAward => ({
  awardCode,
  year: to,
  periodFrom: from,
  periodTo: to,
  basis,
  source: 'AWARD',
});

describe('achievement spans (Decree 98/2023 Art 30.9)', () => {
  it('has a span of at least one year, with its source, for every code', () => {
    for (const code of AWARD_CODES) {
      expect(ACHIEVEMENT_SPANS[code].years).toBeGreaterThanOrEqual(1);
      expect(ACHIEVEMENT_SPANS[code].article.length).toBeGreaterThan(0);
    }
  });

  it.each<[AwardCode, Basis, number, Period]>([
    ['LAO_DONG_TIEN_TIEN', 'REGULAR', 2024, { from: 2024, to: 2024 }],
    ['CHIEN_SI_THI_DUA_CO_SO', 'REGULAR', 2024, { from: 2024, to: 2024 }],
    ['CHIEN_SI_THI_DUA_TINH', 'REGULAR', 2023, { from: 2021, to: 2023 }],
    ['CHIEN_SI_THI_DUA_TOAN_QUOC', 'REGULAR', 2023, { from: 2018, to: 2023 }],
    ['BANG_KHEN_TINH', 'REGULAR', 2023, { from: 2022, to: 2023 }],
    ['BANG_KHEN_TINH', 'THEMATIC', 2023, { from: 2023, to: 2023 }],
    ['BANG_KHEN_THU_TUONG', 'REGULAR', 2025, { from: 2021, to: 2025 }],
    ['BANG_KHEN_THU_TUONG', 'AD_HOC', 2025, { from: 2025, to: 2025 }],
    ['GIAY_KHEN', 'REGULAR', 2023, { from: 2023, to: 2023 }],
  ])('%s on %s for %p covers %j', (code, basis, year, period) => {
    expect(defaultPeriod(code, basis, year)).toEqual(period);
  });

  it.each<[number | undefined, number | undefined, Period]>([
    [undefined, undefined, { from: 2021, to: 2023 }],
    [2020, undefined, { from: 2020, to: 2023 }],
    [undefined, 2022, { from: 2020, to: 2022 }],
    [2019, 2021, { from: 2019, to: 2021 }],
  ])('a CSTĐ tỉnh 2023 nomination stating from %p to %p has the period %j', (from, to, period) => {
    expect(nominationPeriod({ awardCode: 'CHIEN_SI_THI_DUA_TINH', basis: 'REGULAR', year: 2023 }, from, to)).toEqual(
      period,
    );
  });

  it.each<[Period, ReturnType<typeof periodProblem>]>([
    [{ from: 2021, to: 2023 }, null],
    [{ from: 2023, to: 2023 }, null],
    [{ from: 2023, to: 2022 }, 'ORDER'],
    [{ from: 2022, to: 2024 }, 'AFTER_YEAR'],
    [{ from: 1944, to: 2023 }, 'TOO_EARLY'],
  ])('period %j for a 2023 nomination: %p', (period, problem) => {
    expect(periodProblem(2023, period)).toBe(problem);
  });
});

describe('R-SPAN-1 years used by an award cannot support the next of its kind (Decree 98/2023 Art 30.9)', () => {
  it.each<[string, AwardCode, Period, CountedAward[], number]>([
    // The example: CSTĐ tỉnh 2023 (2021–2023) used 2021–2023; a CSTĐ tỉnh 2024 (2022–2024) reuses two years.
    [
      'CSTĐ tỉnh 2024 after CSTĐ tỉnh 2023',
      'CHIEN_SI_THI_DUA_TINH',
      { from: 2022, to: 2024 },
      [counted('CHIEN_SI_THI_DUA_TINH', 2021, 2023)],
      1,
    ],
    [
      'CSTĐ tỉnh 2026 after CSTĐ tỉnh 2023',
      'CHIEN_SI_THI_DUA_TINH',
      { from: 2024, to: 2026 },
      [counted('CHIEN_SI_THI_DUA_TINH', 2021, 2023)],
      0,
    ],
    [
      'Bằng khen tỉnh 2024 after Bằng khen tỉnh 2023',
      'BANG_KHEN_TINH',
      { from: 2023, to: 2024 },
      [counted('BANG_KHEN_TINH', 2022, 2023)],
      1,
    ],
    [
      'Bằng khen tỉnh 2025 after Bằng khen tỉnh 2023',
      'BANG_KHEN_TINH',
      { from: 2024, to: 2025 },
      [counted('BANG_KHEN_TINH', 2022, 2023)],
      0,
    ],
    [
      'a thematic Bằng khen tỉnh uses no period',
      'BANG_KHEN_TINH',
      { from: 2023, to: 2024 },
      [counted('BANG_KHEN_TINH', 2024, 2024, 'THEMATIC')],
      0,
    ],
    [
      'another code never clashes',
      'CHIEN_SI_THI_DUA_TINH',
      { from: 2022, to: 2024 },
      [counted('BANG_KHEN_TINH', 2023, 2024)],
      0,
    ],
    [
      'Bằng khen Thủ tướng 2028 after one for 2025',
      'BANG_KHEN_THU_TUONG',
      { from: 2024, to: 2028 },
      [counted('BANG_KHEN_THU_TUONG', 2021, 2025)],
      1,
    ],
    [
      'Lao động tiên tiến is not covered',
      'LAO_DONG_TIEN_TIEN',
      { from: 2024, to: 2024 },
      [counted('LAO_DONG_TIEN_TIEN', 2024, 2024)],
      0,
    ],
  ])('%s → %p clash(es)', (_, awardCode, period, awards, clashes) => {
    expect(usedPeriodClashes({ awardCode, period }, awards)).toHaveLength(clashes);
  });
});

describe('consecutive terms (R-CSTQ-1, Law 2022 Art 21)', () => {
  it.each<[Period[], number]>([
    [
      [
        { from: 2018, to: 2020 },
        { from: 2021, to: 2023 },
      ],
      1,
    ],
    [
      [
        { from: 2020, to: 2022 },
        { from: 2021, to: 2023 },
      ],
      0,
    ], // one year apart: overlap
    [
      [
        { from: 2019, to: 2021 },
        { from: 2021, to: 2023 },
      ],
      0,
    ], // two years apart: overlap
    [
      [
        { from: 2017, to: 2019 },
        { from: 2021, to: 2023 },
      ],
      0,
    ], // a year uncovered
  ])('%j → %p pair(s)', (periods, pairs) => {
    expect(consecutiveTerms(periods)).toHaveLength(pairs);
  });

  it('overlaps is symmetric and inclusive', () => {
    expect(overlaps({ from: 2021, to: 2023 }, { from: 2023, to: 2025 })).toBe(true);
    expect(overlaps({ from: 2023, to: 2025 }, { from: 2021, to: 2023 })).toBe(true);
    expect(overlaps({ from: 2021, to: 2023 }, { from: 2024, to: 2026 })).toBe(false);
  });
});
