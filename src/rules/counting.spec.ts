import { describe, expect, it } from '@jest/globals';
import { countedAwards, prerequisiteAwards, prerequisiteYears, type AwardHistoryItem } from './counting.js';
import type { CountedAward, NominationStatus } from './types.js';

describe('countedAwards (api.md "What counts", R-REVOKE-1)', () => {
  it('keeps non-revoked awards and drops revoked ones', () => {
    const history: AwardHistoryItem[] = [
      { source: 'AWARD', awardCode: 'LAO_DONG_TIEN_TIEN', year: 2022, basis: 'REGULAR', revoked: false },
      { source: 'AWARD', awardCode: 'CHIEN_SI_THI_DUA_CO_SO', year: 2022, basis: 'REGULAR', revoked: true },
    ];
    expect(countedAwards(history)).toEqual([
      { awardCode: 'LAO_DONG_TIEN_TIEN', year: 2022, basis: 'REGULAR', source: 'AWARD' },
    ]);
  });

  it.each<[NominationStatus, boolean]>([
    ['DRAFT', false],
    ['SUBMITTED', false],
    ['APPROVED', true],
    ['REJECTED', false],
    ['DECIDED', false], // represented by its award
    ['RETURNED', false],
    ['WITHDRAWN', false],
  ])('a nomination in %s counts: %p', (status, counts) => {
    const out = countedAwards([
      { source: 'NOMINATION', id: 'n1', awardCode: 'GIAY_KHEN', year: 2023, basis: 'REGULAR', status },
    ]);
    expect(out).toEqual(
      counts ? [{ awardCode: 'GIAY_KHEN', year: 2023, basis: 'REGULAR', source: 'APPROVED_NOMINATION' }] : [],
    );
  });

  it('leaves out the nomination being evaluated', () => {
    const history: AwardHistoryItem[] = [
      { source: 'NOMINATION', id: 'self', awardCode: 'GIAY_KHEN', year: 2023, basis: 'REGULAR', status: 'APPROVED' },
      { source: 'NOMINATION', id: 'other', awardCode: 'GIAY_KHEN', year: 2023, basis: 'REGULAR', status: 'APPROVED' },
    ];
    expect(countedAwards(history, { excludeNominationId: 'self' })).toHaveLength(1);
    expect(countedAwards(history)).toHaveLength(2);
  });
});

describe('prerequisiteAwards (R-BASIS-1, Decree 98 Art 4)', () => {
  const awards: CountedAward[] = [
    { awardCode: 'CHIEN_SI_THI_DUA_CO_SO', year: 2021, basis: 'REGULAR', source: 'AWARD' },
    { awardCode: 'CHIEN_SI_THI_DUA_CO_SO', year: 2022, basis: 'THEMATIC', source: 'AWARD' },
    { awardCode: 'CHIEN_SI_THI_DUA_CO_SO', year: 2023, basis: 'AD_HOC', source: 'APPROVED_NOMINATION' },
    { awardCode: 'GIAY_KHEN', year: 2023, basis: 'CAREER', source: 'AWARD' },
  ];

  it('drops THEMATIC and AD_HOC awards only', () => {
    expect(prerequisiteAwards(awards).map((a) => a.basis)).toEqual(['REGULAR', 'CAREER']);
  });

  it('lists the years in which a prerequisite is held', () => {
    expect(prerequisiteYears(awards, 'CHIEN_SI_THI_DUA_CO_SO')).toEqual([2021]);
  });
});
