import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { AWARD_CATALOGUE } from './catalogue.js';
import { baseSalaryOn, bonusAmount, bonusBreakdown, titleBonusesDue, type BonusLine } from './money.js';
import { AWARD_CODES, RECIPIENT_KINDS, type Authority, type AwardCode, type RecipientKind } from './types.js';

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

describe('R-MONEY-2 the Giấy khen multiplier follows the issuer (Decree 91 Art 73.1.d, Decree 98 Art 58.1.g, Decree 152 Art 54.1)', () => {
  it.each<[Authority | undefined, RecipientKind, string, number]>([
    // a commune chair's Giấy khen: 0.15 under ND91 and ND98, 0.3 under ND152
    ['COMMUNE_CHAIR', 'INDIVIDUAL', '2023-12-10', 270_000],
    ['COMMUNE_CHAIR', 'INDIVIDUAL', '2023-12-31', 270_000],
    ['COMMUNE_CHAIR', 'INDIVIDUAL', '2024-01-01', 270_000],
    ['COMMUNE_CHAIR', 'INDIVIDUAL', '2025-03-10', 360_000], // 351,000 ↑
    ['COMMUNE_CHAIR', 'INDIVIDUAL', '2025-06-30', 360_000],
    ['COMMUNE_CHAIR', 'INDIVIDUAL', '2025-07-01', 710_000],
    ['COMMUNE_CHAIR', 'INDIVIDUAL', '2025-07-15', 710_000],
    ['COMMUNE_CHAIR', 'HOUSEHOLD', '2025-03-10', 360_000],
    // collective ×2
    ['COMMUNE_CHAIR', 'COLLECTIVE', '2023-12-10', 540_000],
    ['COMMUNE_CHAIR', 'COLLECTIVE', '2025-07-15', 1_410_000], // 1,404,000 ↑
    // other issuers 0.3
    ['DEPARTMENT_HEAD', 'INDIVIDUAL', '2023-12-10', 540_000],
    ['DISTRICT_CHAIR', 'INDIVIDUAL', '2025-03-10', 710_000],
    ['ENTERPRISE_HEAD', 'INDIVIDUAL', '2023-12-10', 540_000],
    [undefined, 'INDIVIDUAL', '2023-12-10', 540_000],
  ])('Giấy khen of %s for a %s dated %s → %i VND', (authority, kind, date, amount) => {
    expect(bonusAmount('GIAY_KHEN', kind, date, authority)).toBe(amount);
  });

  it('changes nothing but the Giấy khen', () => {
    expect(bonusAmount('LAO_DONG_TIEN_TIEN', 'INDIVIDUAL', '2023-12-10', 'COMMUNE_CHAIR')).toBe(540_000);
    expect(bonusBreakdown('GIAY_KHEN', 'INDIVIDUAL', '2023-12-10', 'COMMUNE_CHAIR').multiplier).toBe(0.15);
  });
});

describe('R-MONEY-3 titles of one period are paid once, at the highest (Decree 91 Art 66.2.c; Decree 98 Art 53)', () => {
  const line = (
    key: string,
    awardCode: AwardCode,
    year: number,
    granted = false,
    weight = AWARD_CATALOGUE[awardCode].bonusMultipliers.TDKT_2003_ND91,
  ): BonusLine => ({
    key,
    awardCode,
    period: { from: year, to: year },
    weight,
    amount: bonusAmount(awardCode, 'INDIVIDUAL', '2023-12-20'),
    granted,
  });

  it.each<[string, BonusLine[], [string, number, string | null][]]>([
    [
      'LĐTT and CSTĐCS of 2023, dated 2023-12-20: only the CSTĐCS',
      [line('ldtt', 'LAO_DONG_TIEN_TIEN', 2023), line('cscs', 'CHIEN_SI_THI_DUA_CO_SO', 2023)],
      [
        ['ldtt', 0, 'cscs'],
        ['cscs', 1_800_000, null],
      ],
    ],
    [
      'the LĐTT granted before loses its bonus to the CSTĐCS',
      [line('ldtt', 'LAO_DONG_TIEN_TIEN', 2023, true), line('cscs', 'CHIEN_SI_THI_DUA_CO_SO', 2023)],
      [
        ['ldtt', 0, 'cscs'],
        ['cscs', 1_800_000, null],
      ],
    ],
    [
      'a LĐTT after the CSTĐCS of its period is due nothing',
      [line('cscs', 'CHIEN_SI_THI_DUA_CO_SO', 2023, true), line('ldtt', 'LAO_DONG_TIEN_TIEN', 2023)],
      [
        ['cscs', 1_800_000, null],
        ['ldtt', 0, 'cscs'],
      ],
    ],
    [
      'titles of different periods are each paid',
      [line('ldtt22', 'LAO_DONG_TIEN_TIEN', 2022, true), line('cscs23', 'CHIEN_SI_THI_DUA_CO_SO', 2023)],
      [
        ['ldtt22', 540_000, null],
        ['cscs23', 1_800_000, null],
      ],
    ],
    [
      'a title plus a form are each paid',
      [line('ldtt', 'LAO_DONG_TIEN_TIEN', 2023), line('gk', 'GIAY_KHEN', 2023)],
      [
        ['ldtt', 540_000, null],
        ['gk', 540_000, null],
      ],
    ],
    [
      'on a tie the title granted first keeps its bonus',
      [line('new', 'LAO_DONG_TIEN_TIEN', 2023), line('old', 'LAO_DONG_TIEN_TIEN', 2023, true)],
      [
        ['new', 0, 'old'],
        ['old', 540_000, null],
      ],
    ],
  ])('%s', (_name, lines, expected) => {
    expect(titleBonusesDue(lines).map((d) => [d.key, d.due, d.paidWith])).toEqual(expected);
  });

  it('compares achievement periods, not only years', () => {
    const a = { ...line('a', 'CHIEN_SI_THI_DUA_TINH', 2023), period: { from: 2021, to: 2023 } };
    const b = line('b', 'CHIEN_SI_THI_DUA_CO_SO', 2023);
    expect(titleBonusesDue([a, b]).map((d) => d.due)).toEqual([a.amount, b.amount]);
    expect(() => titleBonusesDue([{ ...a, period: { from: 2024, to: 2023 } }])).toThrow(RangeError);
  });
});
