import { describe, expect, it } from '@jest/globals';
import {
  countedAwards,
  countedByCode,
  memberHolds,
  prerequisiteAwards,
  prerequisiteYears,
  type AwardHistoryItem,
} from './counting.js';
import type { CountedAward, NominationStatus } from './types.js';

describe('countedAwards (what counts, R-REVOKE-1)', () => {
  it('keeps non-revoked awards and drops revoked ones', () => {
    const history: AwardHistoryItem[] = [
      {
        source: 'AWARD',
        awardCode: 'LAO_DONG_TIEN_TIEN',
        year: 2022,
        periodFrom: 2022,
        periodTo: 2022,
        basis: 'REGULAR',
        revoked: false,
      },
      {
        source: 'AWARD',
        awardCode: 'CHIEN_SI_THI_DUA_CO_SO',
        year: 2022,
        periodFrom: 2022,
        periodTo: 2022,
        basis: 'REGULAR',
        revoked: true,
      },
    ];
    expect(countedAwards(history)).toEqual([
      {
        awardCode: 'LAO_DONG_TIEN_TIEN',
        year: 2022,
        periodFrom: 2022,
        periodTo: 2022,
        basis: 'REGULAR',
        source: 'AWARD',
      },
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
      {
        source: 'NOMINATION',
        id: 'n1',
        awardCode: 'GIAY_KHEN',
        year: 2023,
        periodFrom: 2023,
        periodTo: 2023,
        basis: 'REGULAR',
        status,
      },
    ]);
    expect(out).toEqual(
      counts
        ? [
            {
              awardCode: 'GIAY_KHEN',
              year: 2023,
              periodFrom: 2023,
              periodTo: 2023,
              basis: 'REGULAR',
              source: 'APPROVED_NOMINATION',
            },
          ]
        : [],
    );
  });

  it('leaves out the nomination being evaluated', () => {
    const history: AwardHistoryItem[] = [
      {
        source: 'NOMINATION',
        id: 'self',
        awardCode: 'GIAY_KHEN',
        year: 2023,
        periodFrom: 2023,
        periodTo: 2023,
        basis: 'REGULAR',
        status: 'APPROVED',
      },
      {
        source: 'NOMINATION',
        id: 'other',
        awardCode: 'GIAY_KHEN',
        year: 2023,
        periodFrom: 2023,
        periodTo: 2023,
        basis: 'REGULAR',
        status: 'APPROVED',
      },
    ];
    expect(countedAwards(history, { excludeNominationId: 'self' })).toHaveLength(1);
    expect(countedAwards(history)).toHaveLength(2);
  });
});

describe('prerequisiteAwards (R-BASIS-1, Decree 98 Art 4)', () => {
  const awards: CountedAward[] = [
    {
      awardCode: 'CHIEN_SI_THI_DUA_CO_SO',
      year: 2021,
      periodFrom: 2021,
      periodTo: 2021,
      basis: 'REGULAR',
      source: 'AWARD',
    },
    {
      awardCode: 'CHIEN_SI_THI_DUA_CO_SO',
      year: 2022,
      periodFrom: 2022,
      periodTo: 2022,
      basis: 'THEMATIC',
      source: 'AWARD',
    },
    {
      awardCode: 'CHIEN_SI_THI_DUA_CO_SO',
      year: 2023,
      periodFrom: 2023,
      periodTo: 2023,
      basis: 'AD_HOC',
      source: 'APPROVED_NOMINATION',
    },
    { awardCode: 'GIAY_KHEN', year: 2023, periodFrom: 2023, periodTo: 2023, basis: 'CAREER', source: 'AWARD' },
  ];

  it('drops THEMATIC and AD_HOC awards only', () => {
    expect(prerequisiteAwards(awards).map((a) => a.basis)).toEqual(['REGULAR', 'CAREER']);
  });

  it('lists the years in which a prerequisite is held', () => {
    expect(prerequisiteYears(awards, 'CHIEN_SI_THI_DUA_CO_SO')).toEqual([2021]);
  });
});

describe('countedByCode (quotas count what the rules count: R-REVOKE-1, what counts)', () => {
  it.each<[string, AwardHistoryItem, number, number]>([
    [
      'awards not revoked',
      { source: 'AWARD', awardCode: 'GIAY_KHEN', year: 2024, basis: 'REGULAR', revoked: false },
      3,
      3,
    ],
    ['revoked awards', { source: 'AWARD', awardCode: 'GIAY_KHEN', year: 2024, basis: 'REGULAR', revoked: true }, 2, 0],
    [
      'APPROVED nominations',
      { source: 'NOMINATION', awardCode: 'GIAY_KHEN', year: 2024, basis: 'REGULAR', status: 'APPROVED' },
      4,
      4,
    ],
    [
      'DECIDED nominations (their award counts)',
      { source: 'NOMINATION', awardCode: 'GIAY_KHEN', year: 2024, basis: 'REGULAR', status: 'DECIDED' },
      4,
      0,
    ],
    [
      'SUBMITTED nominations',
      { source: 'NOMINATION', awardCode: 'GIAY_KHEN', year: 2024, basis: 'REGULAR', status: 'SUBMITTED' },
      1,
      0,
    ],
    [
      'thematic awards too (quotas know no basis)',
      { source: 'AWARD', awardCode: 'GIAY_KHEN', year: 2024, basis: 'THEMATIC', revoked: false },
      2,
      2,
    ],
  ])('%s', (_label, item, n, counted) => {
    expect(countedByCode([{ item, n }]).GIAY_KHEN ?? 0).toBe(counted);
  });
});

describe('memberHolds (R-TTTT-1, R-TTXS-1: a member holds a title in the year)', () => {
  const ldtt = (over: Partial<AwardHistoryItem>): AwardHistoryItem =>
    ({
      source: 'AWARD',
      awardCode: 'LAO_DONG_TIEN_TIEN',
      year: 2024,
      basis: 'REGULAR',
      revoked: false,
      ...over,
    }) as AwardHistoryItem;
  it.each<[string, AwardHistoryItem[], boolean]>([
    ['an award', [ldtt({})], true],
    ['a revoked award', [ldtt({ revoked: true })], false],
    ['an award of another year', [ldtt({ year: 2023 })], false],
    ['a thematic award (R-BASIS-1)', [ldtt({ basis: 'THEMATIC' })], false],
    [
      'an APPROVED nomination',
      [{ source: 'NOMINATION', awardCode: 'LAO_DONG_TIEN_TIEN', year: 2024, basis: 'REGULAR', status: 'APPROVED' }],
      true,
    ],
    [
      'a DRAFT',
      [{ source: 'NOMINATION', awardCode: 'LAO_DONG_TIEN_TIEN', year: 2024, basis: 'REGULAR', status: 'DRAFT' }],
      false,
    ],
  ])('%s → %p', (_label, history, holds) => {
    expect(memberHolds(history, 'LAO_DONG_TIEN_TIEN', 2024)).toBe(holds);
  });
});
