import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { AWARD_CATALOGUE } from './catalogue.js';
import { baseSalaryOn, bonusAmount, bonusBreakdown } from './money.js';
import { AWARD_CODES, RECIPIENT_KINDS, type AwardCode, type RecipientKind } from './types.js';

describe('R-MONEY-1 bonus = multiplier × factor × base salary, rounded up to 10,000 VND', () => {
  it.each<[AwardCode, RecipientKind, string, number]>([
    // worked examples of docs/rules.md (R-MONEY-1)
    ['GIAY_KHEN', 'INDIVIDUAL', '2023-12-15', 540_000],
    ['LAO_DONG_TIEN_TIEN', 'INDIVIDUAL', '2025-01-10', 710_000],
    ['GIAY_KHEN', 'COLLECTIVE', '2024-01-23', 1_080_000],
    // regime boundary ND91 → ND98 (same multiplier, same base salary)
    ['GIAY_KHEN', 'INDIVIDUAL', '2023-12-31', 540_000],
    ['GIAY_KHEN', 'INDIVIDUAL', '2024-01-01', 540_000],
    // regime boundary ND98 → ND152: Bằng khen tỉnh 1.0 → 1.5
    ['BANG_KHEN_TINH', 'INDIVIDUAL', '2025-06-30', 2_340_000],
    ['BANG_KHEN_TINH', 'INDIVIDUAL', '2025-07-01', 3_510_000],
    ['BANG_KHEN_TINH', 'COLLECTIVE', '2025-06-30', 4_680_000],
    ['BANG_KHEN_TINH', 'COLLECTIVE', '2025-07-01', 7_020_000],
    ['BANG_KHEN_TINH', 'INDIVIDUAL', '2024-01-23', 1_800_000],
    // base salary boundaries
    ['LAO_DONG_TIEN_TIEN', 'INDIVIDUAL', '2019-07-01', 450_000], // 447,000 ↑
    ['LAO_DONG_TIEN_TIEN', 'INDIVIDUAL', '2023-06-30', 450_000],
    ['LAO_DONG_TIEN_TIEN', 'INDIVIDUAL', '2023-07-01', 540_000],
    ['LAO_DONG_TIEN_TIEN', 'INDIVIDUAL', '2024-06-30', 540_000],
    ['LAO_DONG_TIEN_TIEN', 'INDIVIDUAL', '2024-07-01', 710_000],
    // other codes; titles for collectives carry no extra factor; a household counts like an individual
    ['TAP_THE_LAO_DONG_TIEN_TIEN', 'COLLECTIVE', '2024-07-01', 1_880_000], // 1,872,000 ↑
    ['TAP_THE_LAO_DONG_XUAT_SAC', 'COLLECTIVE', '2024-07-01', 3_510_000],
    ['CHIEN_SI_THI_DUA_TOAN_QUOC', 'INDIVIDUAL', '2024-07-01', 10_530_000],
    ['CO_THI_DUA_CHINH_PHU', 'COLLECTIVE', '2024-07-01', 28_080_000],
    ['BANG_KHEN_THU_TUONG', 'COLLECTIVE', '2024-07-01', 16_380_000],
    ['GIAY_KHEN', 'HOUSEHOLD', '2024-07-01', 710_000],
  ])('%s for a %s dated %s → %i VND', (code, kind, date, amount) => {
    expect(bonusAmount(code, kind, date)).toBe(amount);
  });

  it('reports the numbers it used', () => {
    expect(bonusBreakdown('GIAY_KHEN', 'COLLECTIVE', '2024-01-23')).toEqual({
      regime: 'TDKT_2022_ND98',
      multiplier: 0.3,
      factor: 2,
      baseSalary: 1_800_000,
      amount: 1_080_000,
    });
  });

  it.each([['2019-06-30'], ['2010-01-01'], ['2024-02-30']])(
    'throws RangeError for %s (outside the table or malformed)',
    (date) => {
      expect(() => bonusAmount('GIAY_KHEN', 'INDIVIDUAL', date)).toThrow(RangeError);
    },
  );

  it.each([
    ['2019-07-01', 1_490_000],
    ['2023-06-30', 1_490_000],
    ['2023-07-01', 1_800_000],
    ['2024-06-30', 1_800_000],
    ['2024-07-01', 2_340_000],
  ])('base salary on %s is %i', (date, amount) => {
    expect(baseSalaryOn(date)).toBe(amount);
  });

  it('is always an integer multiple of 10,000, at least the exact product, less than 10,000 above it', () => {
    const day0 = Date.UTC(2019, 6, 1);
    fc.assert(
      fc.property(
        fc.constantFrom(...AWARD_CODES),
        fc.constantFrom(...RECIPIENT_KINDS),
        fc.integer({ min: 0, max: 4000 }),
        (code, kind, offset) => {
          const date = new Date(day0 + offset * 86_400_000).toISOString().slice(0, 10);
          const b = bonusBreakdown(code, kind, date);
          expect(Number.isSafeInteger(b.amount)).toBe(true);
          expect(b.amount % 10_000).toBe(0);
          // exact product in tenths of VND: multipliers have at most one decimal
          const tenths = Math.round(AWARD_CATALOGUE[code].bonusMultipliers[b.regime] * 10) * b.factor * b.baseSalary;
          expect(b.amount * 10).toBeGreaterThanOrEqual(tenths);
          expect(b.amount * 10 - tenths).toBeLessThan(100_000);
        },
      ),
    );
  });
});
