/**
 * Rules revision 2 on the eligibility side: service (R-LDTT-2/3), disciplinary measures (R-DISC-1), periods
 * (R-SPAN-1, R-CSTINH-1, R-CSTQ-1), attested criteria (R-BK-1, R-BKTT-1) and one state-level form a year
 * (R-STATE-1). The examples of the legal review are here, each with the article it breaks.
 */
import { describe, expect, it } from '@jest/globals';
import { evaluateEligibility } from './eligibility.js';
import { criterionProblem } from './criteria.js';
import type {
  AwardCode,
  AwardHistoryItem,
  Basis,
  Eligibility,
  IndividualFacts,
  MeasureInForce,
  NominationFacts,
  Regime,
} from './types.js';

const ND91: Regime = 'TDKT_2003_ND91';
const ND98: Regime = 'TDKT_2022_ND98';
const ND152: Regime = 'TDKT_2022_ND152';

const award = (awardCode: AwardCode, year: number, basis: Basis = 'REGULAR'): AwardHistoryItem => ({
  source: 'AWARD',
  awardCode,
  year,
  basis,
  revoked: false,
});

function individual(
  awardCode: AwardCode,
  year: number,
  facts: Partial<IndividualFacts> = {},
  over: Partial<NominationFacts> = {},
): NominationFacts {
  return {
    year,
    awardCode,
    basis: 'REGULAR',
    recipientKind: 'INDIVIDUAL',
    individual: { ratings: {}, initiatives: [], history: [], openHolds: 0, ...facts },
    ...over,
  };
}

const checks = (e: Eligibility, rule: string) => e.checks.filter((c) => c.rule === rule);
const passes = (e: Eligibility, rule: string): boolean | null | undefined => {
  const cs = checks(e, rule);
  return cs.length === 0 ? undefined : cs.every((c) => c.passed !== false);
};

describe('R-LDTT-3 six months of service (Circular 01/2024/TT-BNV Art 1.5, decisions from 2024-04-15)', () => {
  it.each<[string, string, Regime, boolean | undefined]>([
    // The review's probe: recruited 2024-08-01, LĐTT 2024 — 5 whole months.
    ['2024-08-01', '2025-01-20', ND98, false],
    ['2024-07-02', '2025-01-20', ND98, false],
    ['2024-07-01', '2025-01-20', ND98, true], // exactly 6 months
    ['2023-03-01', '2025-01-20', ND98, true],
    // The circular's first day; the day before it the rule is not in force (no check at all).
    ['2024-08-01', '2024-04-15', ND98, false],
    ['2024-08-01', '2024-04-14', ND98, undefined],
    // The Decree 152/2025 regime keeps it.
    ['2024-08-01', '2025-07-01', ND152, false],
    ['2024-07-01', '2025-07-01', ND152, true],
    ['2024-08-01', '2025-06-30', ND98, false],
  ])('recruited %s, decision %s (%s) → %p', (recruitedOn, decisionOn, regime, ok) => {
    const facts = individual('LAO_DONG_TIEN_TIEN', 2024, { ratings: { 2024: 'HTT' }, recruitedOn }, { decisionOn });
    const e = evaluateEligibility(facts, regime);
    expect(passes(e, 'R-LDTT-3')).toBe(ok);
    expect(e.eligible).toBe(ok !== false);
  });

  it('counts service from entering public service, not from joining the unit', () => {
    // A transferee recruited in 2010 who joined this unit in November 2024 keeps the service.
    const facts = individual('LAO_DONG_TIEN_TIEN', 2024, { ratings: { 2024: 'HTT' }, recruitedOn: '2010-09-01' });
    expect(passes(evaluateEligibility({ ...facts, decisionOn: '2025-01-20' }, ND98), 'R-LDTT-3')).toBe(true);
  });

  it('takes an unknown recruitment date as the whole year', () => {
    const facts = individual('LAO_DONG_TIEN_TIEN', 2024, { ratings: { 2024: 'HTT' } }, { decisionOn: '2025-01-20' });
    expect(checks(evaluateEligibility(facts, ND98), 'R-LDTT-3')).toEqual([expect.objectContaining({ passed: true })]);
  });

  it('R-LDTT-2 (Decree 91 Art 10) reads recruitedOn under TDKT_2003_ND91', () => {
    const facts = individual('LAO_DONG_TIEN_TIEN', 2023, { ratings: { 2023: 'HTT' }, recruitedOn: '2023-03-02' });
    const e = evaluateEligibility({ ...facts, decisionOn: '2023-12-20' }, ND91);
    expect(checks(e, 'R-LDTT-2')[0]).toEqual(expect.objectContaining({ passed: false, actual: 9 }));
    expect(checks(e, 'R-LDTT-3')).toEqual([]);
  });
});

describe('R-DISC-1 years under a disciplinary measure do not count (Decree 98/2023 Art 4; Decree 152/2025)', () => {
  const measure = (from: string, to: string): MeasureInForce => ({ measure: 'KHIEN_TRACH', from, to });
  const cscs = (...years: number[]) => years.map((y) => award('CHIEN_SI_THI_DUA_CO_SO', y));

  it.each<[string, AwardCode, number, MeasureInForce[], boolean]>([
    ['LĐTT in the year of a measure', 'LAO_DONG_TIEN_TIEN', 2024, [measure('2024-03-01', '2025-02-28')], false],
    ['LĐTT the year after the measure ended', 'LAO_DONG_TIEN_TIEN', 2025, [measure('2023-03-01', '2024-02-28')], true],
    [
      'CSTĐ tỉnh whose period holds a measure year',
      'CHIEN_SI_THI_DUA_TINH',
      2024,
      [measure('2022-06-01', '2022-12-31')],
      false,
    ],
    ['CSTĐ tỉnh after the measure', 'CHIEN_SI_THI_DUA_TINH', 2025, [measure('2022-06-01', '2022-12-31')], true],
  ])('%s → passes %p', (_, code, year, measures, ok) => {
    const e = evaluateEligibility(individual(code, year, { measures }), ND98);
    expect(passes(e, 'R-DISC-1')).toBe(ok);
  });

  it('leaves measure years out of a prerequisite count (Bằng khen tỉnh on CSTĐ cơ sở)', () => {
    const facts = individual('BANG_KHEN_TINH', 2024, {
      history: cscs(2023, 2024),
      measures: [measure('2023-05-01', '2023-10-31')],
    });
    expect(passes(evaluateEligibility(facts, ND98), 'R-BK-1')).toBe(false);
    expect(
      passes(evaluateEligibility({ ...facts, individual: { ...facts.individual!, measures: [] } }, ND98), 'R-BK-1'),
    ).toBe(true);
  });

  it('does not apply under TDKT_2003_ND91, where R-LDTT-2 judges the measure', () => {
    const facts = individual('LAO_DONG_TIEN_TIEN', 2023, {
      ratings: { 2023: 'HTT' },
      measures: [measure('2023-05-01', '2023-10-31')],
    });
    const e = evaluateEligibility(facts, ND91);
    expect(checks(e, 'R-DISC-1')).toEqual([]);
    expect(checks(e, 'R-LDTT-2').map((c) => c.passed)).toEqual([true, false]);
  });
});

describe('R-CSTINH-1 and R-SPAN-1 on periods (Law 2022 Art 22; Decree 98/2023 Art 30.9)', () => {
  const cscs = (...years: number[]) => years.map((y) => award('CHIEN_SI_THI_DUA_CO_SO', y));
  const province = [{ year: 2022, level: 'PROVINCE' as const }];

  it('the review: CSTĐ cơ sở 2021–2024 do not support a second CSTĐ tỉnh in 2024 after one for 2023', () => {
    const facts = individual('CHIEN_SI_THI_DUA_TINH', 2024, {
      history: [...cscs(2021, 2022, 2023, 2024), award('CHIEN_SI_THI_DUA_TINH', 2023)],
      initiatives: province,
    });
    const e = evaluateEligibility(facts, ND98);
    expect(passes(e, 'R-CSTINH-1')).toBe(true); // the CSTĐ cơ sở years are there…
    expect(checks(e, 'R-SPAN-1')).toEqual([expect.objectContaining({ passed: false, actual: 1 })]); // …but used
    expect(e.eligible).toBe(false);
  });

  it('the next CSTĐ tỉnh after one for 2023 counts from 2024: 2026 (2024–2026) is free', () => {
    const facts = individual('CHIEN_SI_THI_DUA_TINH', 2026, {
      history: [...cscs(2021, 2022, 2023, 2024, 2025, 2026), award('CHIEN_SI_THI_DUA_TINH', 2023)],
      initiatives: [{ year: 2025, level: 'PROVINCE' }],
    });
    const e = evaluateEligibility(facts, ND98);
    expect(e.eligible).toBe(true);
  });

  it('looks for CSTĐ cơ sở in the stated period', () => {
    const facts = individual(
      'CHIEN_SI_THI_DUA_TINH',
      2024,
      { history: cscs(2020, 2021, 2022), initiatives: [{ year: 2021, level: 'PROVINCE' }] },
      { periodFrom: 2020, periodTo: 2022 },
    );
    expect(passes(evaluateEligibility(facts, ND98), 'R-CSTINH-1')).toBe(true);
    const byDefault = { ...facts, periodFrom: undefined, periodTo: undefined };
    delete byDefault.periodFrom;
    delete byDefault.periodTo;
    expect(passes(evaluateEligibility(byDefault, ND98), 'R-CSTINH-1')).toBe(false);
  });

  it.each<[AwardCode, number, number, string]>([
    ['CHIEN_SI_THI_DUA_TINH', 2024, 2024, 'R-CSTINH-1'],
    ['BANG_KHEN_TINH', 2024, 2024, 'R-BK-1'],
  ])('a period stated shorter than the law asks never qualifies: %s %p–%p', (code, from, to, rule) => {
    const facts = individual(
      code,
      2024,
      { history: cscs(2022, 2023, 2024), initiatives: [{ year: 2024, level: 'PROVINCE' }] },
      { periodFrom: from, periodTo: to },
    );
    expect(passes(evaluateEligibility(facts, ND98), rule)).toBe(false);
  });

  it('a revoked earlier award frees its years', () => {
    const facts = individual('CHIEN_SI_THI_DUA_TINH', 2024, {
      history: [
        ...cscs(2022, 2023, 2024),
        { source: 'AWARD', awardCode: 'CHIEN_SI_THI_DUA_TINH', year: 2023, basis: 'REGULAR', revoked: true },
      ],
      initiatives: province,
    });
    expect(passes(evaluateEligibility(facts, ND98), 'R-SPAN-1')).toBe(true);
  });
});

describe('R-BK-1 criteria (Law 2022 Art 74.1): d checked, a–c attested', () => {
  it.each<[string | undefined, string | undefined, boolean | null, boolean]>([
    [undefined, undefined, false, false], // 74.1.d by default, nothing to count
    ['74.1.d', undefined, false, false],
    ['74.1.a', 'Hoàn thành xuất sắc nhiệm vụ chuyển đổi số của tỉnh năm 2024', null, true],
    ['74.1.c', 'Thành tích đột xuất trong phòng chống lũ', null, true],
    ['74.1.b', '', false, false], // attested without a justification
  ])('criterion %p, justification %p → passed %p, eligible %p', (criterion, justification, passed, eligible) => {
    const facts = individual(
      'BANG_KHEN_TINH',
      2024,
      {},
      { criterion: criterion ?? null, justification: justification ?? null },
    );
    const e = evaluateEligibility(facts, ND98);
    const [check] = checks(e, 'R-BK-1');
    expect(check?.passed).toBe(passed);
    if (passed === null) expect(check?.attested).toBe(true);
    else expect(check?.attested).toBeUndefined();
    expect(e.eligible).toBe(eligible);
  });

  it.each<[AwardCode, Basis, 'INDIVIDUAL' | 'COLLECTIVE', string, string | null, string | null]>([
    ['BANG_KHEN_TINH', 'REGULAR', 'INDIVIDUAL', '74.1.a', 'x', null],
    ['BANG_KHEN_TINH', 'REGULAR', 'INDIVIDUAL', '74.1.a', null, 'REQUIRED'],
    ['BANG_KHEN_TINH', 'REGULAR', 'INDIVIDUAL', '74.1.d', null, null],
    ['BANG_KHEN_TINH', 'REGULAR', 'INDIVIDUAL', '74.1.e', 'x', 'UNKNOWN'],
    ['BANG_KHEN_TINH', 'REGULAR', 'INDIVIDUAL', '73.1.b', 'x', 'UNKNOWN'],
    ['BANG_KHEN_TINH', 'THEMATIC', 'INDIVIDUAL', '74.1.a', 'x', 'NONE'],
    ['BANG_KHEN_TINH', 'REGULAR', 'COLLECTIVE', '74.1.a', 'x', 'NONE'],
    ['LAO_DONG_TIEN_TIEN', 'REGULAR', 'INDIVIDUAL', '74.1.a', 'x', 'NONE'],
    ['BANG_KHEN_THU_TUONG', 'REGULAR', 'INDIVIDUAL', '73.1.a', 'x', null],
  ])(
    '%s %s %s criterion %s, justification %p → %p',
    (awardCode, basis, recipientKind, criterion, justification, reason) => {
      expect(criterionProblem({ awardCode, basis, recipientKind }, criterion, justification)?.reason ?? null).toBe(
        reason,
      );
    },
  );
});

describe('R-BKTT-1 Bằng khen Thủ tướng (Law 2022 Art 73.1.b) and R-STATE-1 (Circular 12/2019 Art 3)', () => {
  const good = {
    history: [award('BANG_KHEN_TINH', 2019), ...[2021, 2022, 2023].map((y) => award('CHIEN_SI_THI_DUA_CO_SO', y))],
    ratings: { 2020: 'HTT', 2021: 'HTXS', 2022: 'HTXS', 2023: 'HTXS', 2024: 'HTT' } as IndividualFacts['ratings'],
  };

  it.each<[string, Partial<IndividualFacts>, boolean[]]>([
    ['prior Bằng khen tỉnh + 5 years HTT+ with 3 CSTĐ cơ sở', good, [true, true, true]],
    ['no prior Bằng khen tỉnh', { ...good, history: good.history.slice(1) }, [false, true, true]],
    // A Bằng khen tỉnh inside the period is not "before" it: the five years follow it.
    [
      'Bằng khen tỉnh inside the period',
      { ...good, history: [award('BANG_KHEN_TINH', 2022), ...good.history.slice(1)] },
      [false, true, true],
    ],
    ['a year rated HT', { ...good, ratings: { ...good.ratings, 2022: 'HT' } }, [true, false, true]],
    ['two CSTĐ cơ sở only', { ...good, history: good.history.slice(0, 3) }, [true, true, false]],
  ])('%s → %j', (_, facts, expected) => {
    const e = evaluateEligibility(individual('BANG_KHEN_THU_TUONG', 2024, facts), ND98);
    expect(checks(e, 'R-BKTT-1').map((c) => c.passed)).toEqual(expected);
  });

  it('R-SPAN-1: the five years of a Bằng khen Thủ tướng cannot serve the next one', () => {
    const e = evaluateEligibility(
      individual('BANG_KHEN_THU_TUONG', 2026, {
        ...good,
        history: [...good.history, award('BANG_KHEN_THU_TUONG', 2024)],
      }),
      ND98,
    );
    expect(passes(e, 'R-SPAN-1')).toBe(false);
  });

  it.each<[string, AwardHistoryItem[], boolean]>([
    ['nothing else', [], true],
    [
      'a thematic Bằng khen Thủ tướng proposed the same year',
      [
        {
          source: 'NOMINATION',
          id: 'x',
          awardCode: 'BANG_KHEN_THU_TUONG',
          year: 2024,
          basis: 'THEMATIC',
          status: 'SUBMITTED',
        },
      ],
      false,
    ],
    ['one granted the same year', [award('BANG_KHEN_THU_TUONG', 2024, 'AD_HOC')], false],
    [
      'one withdrawn the same year',
      [
        {
          source: 'NOMINATION',
          id: 'x',
          awardCode: 'BANG_KHEN_THU_TUONG',
          year: 2024,
          basis: 'THEMATIC',
          status: 'WITHDRAWN',
        },
      ],
      true,
    ],
    ['one the year before', [award('BANG_KHEN_THU_TUONG', 2023, 'AD_HOC')], true],
    [
      'itself',
      [
        {
          source: 'NOMINATION',
          id: 'self',
          awardCode: 'BANG_KHEN_THU_TUONG',
          year: 2024,
          basis: 'REGULAR',
          status: 'DRAFT',
        },
      ],
      true,
    ],
  ])('R-STATE-1 with %s → %p', (_, history, ok) => {
    const facts = individual(
      'BANG_KHEN_THU_TUONG',
      2024,
      { history },
      { basis: 'AD_HOC', excludeNominationId: 'self' },
    );
    expect(passes(evaluateEligibility(facts, ND152), 'R-STATE-1')).toBe(ok);
  });
});
