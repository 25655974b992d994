import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { evaluateEligibility, RULE_SETS, wholeMonthsWorkedInYear } from './eligibility.js';
import {
  AWARD_CODES,
  BASES,
  RATINGS,
  RECIPIENT_KINDS,
  REGIME_CODES,
  type AwardCode,
  type AwardHistoryItem,
  type Basis,
  type CollectiveMember,
  type CountedAward,
  type Eligibility,
  type IndividualFacts,
  type Initiative,
  type NominationFacts,
  type Rating,
  type RecipientKind,
  type Regime,
} from './types.js';
import { render, type Message } from '../i18n/index.js';

/** A rule's message as an English reader sees it. */
const en = (message: Message | undefined): string => (message === undefined ? '' : render(message, 'en'));

const ND91: Regime = 'TDKT_2003_ND91';
const ND98: Regime = 'TDKT_2022_ND98';
const ND152: Regime = 'TDKT_2022_ND152';

/** An award (not revoked) or, with `APPROVED_NOMINATION`, an approved nomination of the recipient's record. */
function award(
  awardCode: AwardCode,
  year: number,
  basis: Basis = 'REGULAR',
  source: CountedAward['source'] = 'AWARD',
): AwardHistoryItem {
  return source === 'AWARD'
    ? { source: 'AWARD', awardCode, year, basis, revoked: false }
    : { source: 'NOMINATION', awardCode, year, basis, status: 'APPROVED' };
}

function person(over: Partial<IndividualFacts> = {}): IndividualFacts {
  return { ratings: {}, initiatives: [], history: [], openHolds: 0, ...over };
}

function individual(
  awardCode: AwardCode,
  facts: Partial<IndividualFacts> = {},
  over: Partial<NominationFacts> = {},
): NominationFacts {
  return { year: 2023, awardCode, basis: 'REGULAR', recipientKind: 'INDIVIDUAL', individual: person(facts), ...over };
}

function members(spec: {
  n: number;
  ldtt?: number;
  cscs?: number;
  rating?: Rating;
  ratings?: (Rating | undefined)[];
}): CollectiveMember[] {
  return Array.from({ length: spec.n }, (_, i) => {
    const m: CollectiveMember = {
      hasLaoDongTienTien: i < (spec.ldtt ?? 0),
      hasChienSiCoSo: i < (spec.cscs ?? 0),
    };
    const rating = spec.ratings ? spec.ratings[i] : (spec.rating ?? 'HTT');
    if (rating !== undefined) m.rating = rating;
    return m;
  });
}

function collective(awardCode: AwardCode, m: CollectiveMember[], over: Partial<NominationFacts> = {}): NominationFacts {
  return {
    year: 2023,
    awardCode,
    basis: 'REGULAR',
    recipientKind: 'COLLECTIVE',
    collective: { history: [], openHolds: 0, members: m },
    ...over,
  };
}

const checks = (e: Eligibility, rule: string) => e.checks.filter((c) => c.rule === rule);
const passed = (e: Eligibility, rule: string): boolean => {
  const cs = checks(e, rule);
  if (cs.length === 0) throw new Error(`no ${rule} check in ${JSON.stringify(e.checks)}`);
  return cs.every((c) => c.passed);
};
const ids = (e: Eligibility) => [...new Set(e.checks.map((c) => c.rule))];

/** A person who meets everything for each individual code in 2023. */
const GOOD_LDTT = { ratings: { 2023: 'HTT' as Rating } };

describe('applicable rule ids (RULE_SETS as data)', () => {
  it.each<[AwardCode, RecipientKind, Basis, Regime, string[]]>([
    [
      'LAO_DONG_TIEN_TIEN',
      'INDIVIDUAL',
      'REGULAR',
      ND98,
      ['R-KIND-1', 'R-BASIS-2', 'R-LDTT-1', 'R-LDTT-3', 'R-DISC-1', 'R-DUP-1', 'R-HOLD-1'],
    ],
    [
      'LAO_DONG_TIEN_TIEN',
      'INDIVIDUAL',
      'REGULAR',
      ND91,
      ['R-KIND-1', 'R-BASIS-2', 'R-LDTT-1', 'R-LDTT-2', 'R-DUP-1', 'R-HOLD-1'],
    ],
    [
      'LAO_DONG_TIEN_TIEN',
      'INDIVIDUAL',
      'REGULAR',
      ND152,
      ['R-KIND-1', 'R-BASIS-2', 'R-LDTT-1', 'R-LDTT-3', 'R-DISC-1', 'R-DUP-1', 'R-HOLD-1'],
    ],
    [
      'CHIEN_SI_THI_DUA_CO_SO',
      'INDIVIDUAL',
      'REGULAR',
      ND98,
      ['R-KIND-1', 'R-BASIS-2', 'R-CSCS-1', 'R-DISC-1', 'R-DUP-1', 'R-HOLD-1'],
    ],
    [
      'CHIEN_SI_THI_DUA_TINH',
      'INDIVIDUAL',
      'REGULAR',
      ND98,
      ['R-KIND-1', 'R-BASIS-2', 'R-CSTINH-1', 'R-SPAN-1', 'R-DISC-1', 'R-DUP-1', 'R-HOLD-1'],
    ],
    [
      'CHIEN_SI_THI_DUA_TOAN_QUOC',
      'INDIVIDUAL',
      'REGULAR',
      ND98,
      ['R-KIND-1', 'R-BASIS-2', 'R-CSTQ-1', 'R-SPAN-1', 'R-DISC-1', 'R-DUP-1', 'R-HOLD-1'],
    ],
    [
      'TAP_THE_LAO_DONG_TIEN_TIEN',
      'COLLECTIVE',
      'REGULAR',
      ND98,
      ['R-KIND-1', 'R-BASIS-2', 'R-TTTT-1', 'R-DUP-1', 'R-HOLD-1'],
    ],
    [
      'TAP_THE_LAO_DONG_XUAT_SAC',
      'COLLECTIVE',
      'REGULAR',
      ND98,
      ['R-KIND-1', 'R-BASIS-2', 'R-TTXS-1', 'R-DUP-1', 'R-HOLD-1'],
    ],
    ['CO_THI_DUA_TINH', 'COLLECTIVE', 'REGULAR', ND98, ['R-KIND-1', 'R-BASIS-2', 'R-DUP-1', 'R-HOLD-1']],
    ['CO_THI_DUA_CHINH_PHU', 'COLLECTIVE', 'REGULAR', ND152, ['R-KIND-1', 'R-BASIS-2', 'R-DUP-1', 'R-HOLD-1']],
    ['GIAY_KHEN', 'INDIVIDUAL', 'REGULAR', ND98, ['R-KIND-1', 'R-DUP-1', 'R-HOLD-1']],
    ['GIAY_KHEN', 'COLLECTIVE', 'THEMATIC', ND98, ['R-KIND-1', 'R-HOLD-1']],
    ['BANG_KHEN_TINH', 'INDIVIDUAL', 'REGULAR', ND98, ['R-KIND-1', 'R-BK-1', 'R-SPAN-1', 'R-DUP-1', 'R-HOLD-1']],
    ['BANG_KHEN_TINH', 'INDIVIDUAL', 'AD_HOC', ND98, ['R-KIND-1', 'R-HOLD-1']],
    ['BANG_KHEN_TINH', 'COLLECTIVE', 'REGULAR', ND98, ['R-KIND-1', 'R-SPAN-1', 'R-DUP-1', 'R-HOLD-1']],
    ['BANG_KHEN_THU_TUONG', 'INDIVIDUAL', 'CAREER', ND152, ['R-KIND-1', 'R-STATE-1', 'R-HOLD-1']],
    [
      'BANG_KHEN_THU_TUONG',
      'INDIVIDUAL',
      'REGULAR',
      ND152,
      ['R-KIND-1', 'R-BKTT-1', 'R-SPAN-1', 'R-STATE-1', 'R-DUP-1', 'R-HOLD-1'],
    ],
    ['GIAY_KHEN', 'HOUSEHOLD', 'REGULAR', ND98, ['R-KIND-1']],
    // wrong kind: the kind-specific rules are skipped, R-KIND-1 fails
    ['LAO_DONG_TIEN_TIEN', 'COLLECTIVE', 'REGULAR', ND98, ['R-KIND-1', 'R-BASIS-2', 'R-DUP-1', 'R-HOLD-1']],
  ])('%s for %s on %s under %s → %j', (awardCode, recipientKind, basis, regime, expected) => {
    const facts: NominationFacts = { year: 2023, awardCode, basis, recipientKind };
    if (recipientKind === 'INDIVIDUAL') facts.individual = person();
    if (recipientKind === 'COLLECTIVE') facts.collective = { history: [], openHolds: 0, members: members({ n: 1 }) };
    expect(ids(evaluateEligibility(facts, regime))).toEqual(expected);
  });
});

describe('R-KIND-1 recipient kind', () => {
  it.each<[AwardCode, RecipientKind, boolean]>([
    ['GIAY_KHEN', 'INDIVIDUAL', true],
    ['GIAY_KHEN', 'COLLECTIVE', true],
    ['BANG_KHEN_THU_TUONG', 'COLLECTIVE', true],
    ['TAP_THE_LAO_DONG_TIEN_TIEN', 'COLLECTIVE', true],
    ['LAO_DONG_TIEN_TIEN', 'COLLECTIVE', false],
    ['TAP_THE_LAO_DONG_XUAT_SAC', 'INDIVIDUAL', false],
    ['GIAY_KHEN', 'HOUSEHOLD', true], // Law 2022 Art 74–75: households take Giấy khen and Bằng khen
    ['BANG_KHEN_TINH', 'HOUSEHOLD', true],
    ['BANG_KHEN_THU_TUONG', 'HOUSEHOLD', false],
    ['LAO_DONG_TIEN_TIEN', 'HOUSEHOLD', false],
    ['KY_NIEM_CHUONG', 'HOUSEHOLD', false],
    ['KY_NIEM_CHUONG', 'INDIVIDUAL', true],
  ])('%s for a %s passes: %p', (awardCode, recipientKind, ok) => {
    const e = evaluateEligibility({ year: 2023, awardCode, basis: 'THEMATIC', recipientKind }, ND98);
    expect(passed(e, 'R-KIND-1')).toBe(ok);
  });

  it('explains the household case', () => {
    const e = evaluateEligibility(
      { year: 2023, awardCode: 'CHIEN_SI_THI_DUA_CO_SO', basis: 'REGULAR', recipientKind: 'HOUSEHOLD' },
      ND98,
    );
    expect(e.eligible).toBe(false);
    expect(en(checks(e, 'R-KIND-1')[0]?.message)).toMatch(/Giấy khen or a Bằng khen only/);
  });

  it('accepts a household Giấy khen with R-KIND-1 alone', () => {
    const e = evaluateEligibility(
      { year: 2023, awardCode: 'GIAY_KHEN', basis: 'REGULAR', recipientKind: 'HOUSEHOLD' },
      ND98,
    );
    expect(e.eligible).toBe(true);
  });
});

describe('R-BASIS-2 titles take REGULAR only', () => {
  it.each<[AwardCode, Basis, boolean]>([
    ['LAO_DONG_TIEN_TIEN', 'REGULAR', true],
    ['LAO_DONG_TIEN_TIEN', 'THEMATIC', false],
    ['CHIEN_SI_THI_DUA_CO_SO', 'AD_HOC', false],
    ['CO_THI_DUA_TINH', 'CAREER', false],
  ])('%s on %s passes: %p', (awardCode, basis, ok) => {
    expect(passed(evaluateEligibility(individual(awardCode, {}, { basis }), ND98), 'R-BASIS-2')).toBe(ok);
  });

  it('a form on a thematic basis has no R-BASIS-2 check and can be eligible', () => {
    const e = evaluateEligibility(individual('GIAY_KHEN', {}, { basis: 'THEMATIC' }), ND98);
    expect(ids(e)).not.toContain('R-BASIS-2');
    expect(e.eligible).toBe(true);
  });
});

describe('R-LDTT-1 Lao động tiên tiến needs HTT or HTXS (Law 2022 Art 24)', () => {
  it.each<[Rating | undefined, boolean]>([
    ['HTXS', true],
    ['HTT', true],
    ['HT', false],
    ['KHT', false],
    [undefined, false],
  ])('rating %p → %p', (rating, ok) => {
    const ratings: Partial<Record<number, Rating>> = rating ? { 2023: rating } : {};
    const e = evaluateEligibility(individual('LAO_DONG_TIEN_TIEN', { ratings }), ND98);
    expect(passed(e, 'R-LDTT-1')).toBe(ok);
    expect(e.eligible).toBe(ok);
  });

  it('the rating of another year does not count', () => {
    const e = evaluateEligibility(individual('LAO_DONG_TIEN_TIEN', { ratings: { 2022: 'HTXS', 2023: 'HT' } }), ND98);
    const check = checks(e, 'R-LDTT-1')[0];
    expect(check).toMatchObject({ rule: 'R-LDTT-1', passed: false });
    expect(en(check?.message)).toBe(
      'Lao động tiên tiến 2023 needs rating HTT or HTXS in 2023 (Law 2022 Art 24); rating 2023 is HT',
    );
    expect(render(check.message, 'vi')).toBe(
      'Danh hiệu Lao động tiên tiến năm 2023 yêu cầu xếp loại Hoàn thành tốt nhiệm vụ trở lên (Điều 24 Luật Thi đua, khen thưởng 2022); năm 2023: Hoàn thành nhiệm vụ.',
    );
  });
});

describe('R-LDTT-2 (TDKT_2003_ND91 only, Decree 91 Art 10)', () => {
  it.each<[string | null, boolean, number | undefined]>([
    ['2023-03-01', true, 10],
    ['2023-03-02', false, 9],
    ['2023-02-15', true, 10],
    ['2022-05-10', true, 12],
    ['2023-12-31', false, 0],
    ['2024-01-05', false, 0],
    [null, true, undefined], // unknown: whole year assumed
  ])('joined %p → passes %p (%p months)', (joinedOn, ok, months) => {
    const e = evaluateEligibility(individual('LAO_DONG_TIEN_TIEN', { ...GOOD_LDTT, recruitedOn: joinedOn }), ND91);
    const [monthsCheck] = checks(e, 'R-LDTT-2');
    expect(monthsCheck?.passed).toBe(ok);
    expect(monthsCheck?.actual).toBe(months);
    if (months !== undefined) expect(monthsCheck?.limit).toBe(10);
  });

  it('fails when disciplined in the year', () => {
    const e = evaluateEligibility(
      individual('LAO_DONG_TIEN_TIEN', { ...GOOD_LDTT, recruitedOn: '2010-01-01', disciplinedInYear: true }),
      ND91,
    );
    expect(checks(e, 'R-LDTT-2').map((c) => c.passed)).toEqual([true, false]);
    expect(e.eligible).toBe(false);
  });

  it.each([ND98, ND152])('does not apply under %s', (regime) => {
    const e = evaluateEligibility(
      individual('LAO_DONG_TIEN_TIEN', { ...GOOD_LDTT, recruitedOn: '2010-01-01', disciplinedInYear: true }),
      regime,
    );
    expect(ids(e)).not.toContain('R-LDTT-2');
    expect(e.eligible).toBe(true);
  });

  it.each([
    ['2023-03-01', 2023, 10],
    ['2023-03-02', 2023, 9],
    ['2023-01-01', 2023, 12],
    ['2022-12-02', 2023, 12],
    ['2023-12-01', 2023, 1],
    ['2023-12-02', 2023, 0],
    ['2025-01-01', 2023, 0],
  ])('wholeMonthsWorkedInYear(%s, %i) = %i', (joinedOn, year, months) => {
    expect(wholeMonthsWorkedInYear(joinedOn, year)).toBe(months);
  });
});

describe('R-CSCS-1 Chiến sĩ thi đua cơ sở (Law 2022 Art 23)', () => {
  const ldtt = [award('LAO_DONG_TIEN_TIEN', 2023)];
  const ldttApproved = [award('LAO_DONG_TIEN_TIEN', 2023, 'REGULAR', 'APPROVED_NOMINATION')];
  const init2023: Initiative[] = [{ year: 2023, level: 'UNIT' }];
  it.each<[string, Regime, Partial<IndividualFacts>, boolean]>([
    ['LĐTT + HTXS', ND98, { history: ldtt, ratings: { 2023: 'HTXS' } }, true],
    ['LĐTT (approved nomination) + HTXS', ND152, { history: ldttApproved, ratings: { 2023: 'HTXS' } }, true],
    ['LĐTT + HTT + initiative', ND98, { history: ldtt, ratings: { 2023: 'HTT' }, initiatives: init2023 }, true],
    ['LĐTT + HTT, no initiative', ND98, { history: ldtt, ratings: { 2023: 'HTT' } }, false],
    [
      'LĐTT + HTT + initiative of 2022',
      ND98,
      { history: ldtt, ratings: { 2023: 'HTT' }, initiatives: [{ year: 2022, level: 'UNIT' }] },
      false,
    ],
    ['HTXS without LĐTT', ND98, { ratings: { 2023: 'HTXS' }, initiatives: init2023 }, false],
    ['LĐTT of 2022 only', ND98, { history: [award('LAO_DONG_TIEN_TIEN', 2022)], ratings: { 2023: 'HTXS' } }, false],
    ['ND91: LĐTT + HTXS without initiative', ND91, { history: ldtt, ratings: { 2023: 'HTXS' } }, false],
    ['ND91: LĐTT + initiative', ND91, { history: ldtt, ratings: { 2023: 'HTT' }, initiatives: init2023 }, true],
  ])('%s under %s → %p', (_label, regime, facts, ok) => {
    const e = evaluateEligibility(individual('CHIEN_SI_THI_DUA_CO_SO', facts), regime);
    expect(passed(e, 'R-CSCS-1')).toBe(ok);
    expect(e.eligible).toBe(ok);
  });

  it('ND91 reports the initiative count', () => {
    const e = evaluateEligibility(individual('CHIEN_SI_THI_DUA_CO_SO', { history: ldtt }), ND91);
    expect(checks(e, 'R-CSCS-1')[1]).toMatchObject({ passed: false, limit: 1, actual: 0 });
  });
});

describe('R-CSTINH-1 Chiến sĩ thi đua cấp tỉnh: 3 consecutive CSTĐ cơ sở + province initiative', () => {
  const cscs = (...years: number[]) => years.map((y) => award('CHIEN_SI_THI_DUA_CO_SO', y));
  const provinceInit: Initiative[] = [{ year: 2022, level: 'PROVINCE' }];
  it.each<[string, AwardHistoryItem[], Initiative[], boolean, number]>([
    ['2021, 2022, 2023 + province initiative', cscs(2021, 2022, 2023), provinceInit, true, 3],
    [
      '2023 is an approved nomination',
      [...cscs(2021, 2022), award('CHIEN_SI_THI_DUA_CO_SO', 2023, 'REGULAR', 'APPROVED_NOMINATION')],
      provinceInit,
      true,
      3,
    ],
    ['national initiative counts too', cscs(2021, 2022, 2023), [{ year: 2021, level: 'NATIONAL' }], true, 3],
    ['a gap (2021, 2023) fails', cscs(2020, 2021, 2023), provinceInit, false, 2],
    ['2020–2022 without 2023 fails', cscs(2020, 2021, 2022), provinceInit, false, 2],
    ['only a unit-level initiative fails', cscs(2021, 2022, 2023), [{ year: 2022, level: 'UNIT' }], false, 3],
    [
      'a province initiative outside 2021–2023 fails',
      cscs(2021, 2022, 2023),
      [{ year: 2020, level: 'PROVINCE' }],
      false,
      3,
    ],
    [
      'a THEMATIC CSTĐ cơ sở does not count (R-BASIS-1)',
      [...cscs(2021, 2023), award('CHIEN_SI_THI_DUA_CO_SO', 2022, 'THEMATIC')],
      provinceInit,
      false,
      2,
    ],
    [
      'an AD_HOC CSTĐ cơ sở does not count (R-BASIS-1)',
      [...cscs(2021, 2022), award('CHIEN_SI_THI_DUA_CO_SO', 2023, 'AD_HOC')],
      provinceInit,
      false,
      2,
    ],
  ])('%s', (_label, awards, initiatives, ok, found) => {
    const e = evaluateEligibility(individual('CHIEN_SI_THI_DUA_TINH', { history: awards, initiatives }), ND98);
    expect(passed(e, 'R-CSTINH-1')).toBe(ok);
    expect(checks(e, 'R-CSTINH-1')[0]).toMatchObject({ limit: 3, actual: found });
  });

  it('names the missing year and the ignored thematic award', () => {
    const awards = [...cscs(2021, 2023), award('CHIEN_SI_THI_DUA_CO_SO', 2022, 'THEMATIC')];
    const e = evaluateEligibility(
      individual('CHIEN_SI_THI_DUA_TINH', { history: awards, initiatives: provinceInit }),
      ND98,
    );
    const msg = en(checks(e, 'R-CSTINH-1')[0]?.message);
    expect(msg).toContain('missing 2022');
    expect(msg).toContain('R-BASIS-1');
  });

  it('a revoked CSTĐ cơ sở (R-REVOKE-1: the engine drops it) breaks the run', () => {
    const awards: AwardHistoryItem[] = [
      { source: 'AWARD', awardCode: 'CHIEN_SI_THI_DUA_CO_SO', year: 2021, basis: 'REGULAR', revoked: false },
      { source: 'AWARD', awardCode: 'CHIEN_SI_THI_DUA_CO_SO', year: 2022, basis: 'REGULAR', revoked: true },
      { source: 'AWARD', awardCode: 'CHIEN_SI_THI_DUA_CO_SO', year: 2023, basis: 'REGULAR', revoked: false },
    ];
    const e = evaluateEligibility(
      individual('CHIEN_SI_THI_DUA_TINH', { history: awards, initiatives: provinceInit }),
      ND98,
    );
    expect(passed(e, 'R-CSTINH-1')).toBe(false);
  });
});

describe('R-CSTQ-1 Chiến sĩ thi đua toàn quốc: two consecutive CSTĐ tỉnh terms (Law 2022 Art 21)', () => {
  it.each<[number[], boolean, number]>([
    [[2020, 2023], true, 2], // terms 2018–2020 and 2021–2023
    [[2019, 2022], true, 2], // the later term ends in Y-1
    [[2022, 2023], false, 1], // one year apart: the terms overlap (Decree 98 Art 30.9)
    [[2021, 2023], false, 1], // two years apart: overlap
    [[2019, 2023], false, 1], // four years apart: 2020 uncovered
    [[2017, 2020], false, 1], // consecutive, but the later term ended in 2020
    [[2023], false, 1],
    [[], false, 0],
  ])('CSTĐ tỉnh in %j → %p', (years, ok, actual) => {
    const awards = years.map((y) => award('CHIEN_SI_THI_DUA_TINH', y));
    const e = evaluateEligibility(individual('CHIEN_SI_THI_DUA_TOAN_QUOC', { history: awards }), ND98);
    expect(checks(e, 'R-CSTQ-1')[0]).toEqual(expect.objectContaining({ passed: ok, limit: 2, actual }));
  });

  it.each<[Initiative['level'], number, boolean]>([
    ['NATIONAL', 2019, true],
    ['NATIONAL', 2017, false], // before the two terms
    ['PROVINCE', 2022, false],
  ])('needs a nation-wide initiative during the terms: %s %p → %p', (level, year, ok) => {
    const e = evaluateEligibility(
      individual('CHIEN_SI_THI_DUA_TOAN_QUOC', {
        history: [award('CHIEN_SI_THI_DUA_TINH', 2020), award('CHIEN_SI_THI_DUA_TINH', 2023)],
        initiatives: [{ year, level }],
      }),
      ND98,
    );
    expect(checks(e, 'R-CSTQ-1')[1]?.passed).toBe(ok);
    expect(e.eligible).toBe(ok);
  });
});

describe('R-BK-1 Bằng khen tỉnh, individual, regular (Law 2022 Art 74.1.d)', () => {
  const cscs = (...years: number[]) => years.map((y) => award('CHIEN_SI_THI_DUA_CO_SO', y));
  const inits = (...years: number[]): Initiative[] => years.map((year) => ({ year, level: 'UNIT' }));
  it.each<[string, Partial<IndividualFacts>, boolean]>([
    ['CSTĐ cơ sở 2022 and 2023', { history: cscs(2022, 2023) }, true],
    [
      'HTXS 2022 and 2023 + 2 initiatives',
      { ratings: { 2022: 'HTXS', 2023: 'HTXS' }, initiatives: inits(2022, 2023) },
      true,
    ],
    [
      'HTXS both years + 2 initiatives in 2023',
      { ratings: { 2022: 'HTXS', 2023: 'HTXS' }, initiatives: inits(2023, 2023) },
      true,
    ],
    ['HTXS both years + 1 initiative', { ratings: { 2022: 'HTXS', 2023: 'HTXS' }, initiatives: inits(2023) }, false],
    [
      'HTT + HTXS + 3 initiatives',
      { ratings: { 2022: 'HTT', 2023: 'HTXS' }, initiatives: inits(2022, 2023, 2023) },
      false,
    ],
    ['CSTĐ cơ sở 2023 only', { history: cscs(2023) }, false],
    [
      'thematic CSTĐ cơ sở 2022 (R-BASIS-1)',
      { history: [...cscs(2023), award('CHIEN_SI_THI_DUA_CO_SO', 2022, 'THEMATIC')] },
      false,
    ],
    [
      'initiatives of 2021 do not count',
      { ratings: { 2022: 'HTXS', 2023: 'HTXS' }, initiatives: inits(2021, 2021) },
      false,
    ],
  ])('%s → %p', (_label, facts, ok) => {
    const e = evaluateEligibility(individual('BANG_KHEN_TINH', facts), ND98);
    expect(passed(e, 'R-BK-1')).toBe(ok);
    expect(e.eligible).toBe(ok);
  });

  it('does not apply to a thematic Bằng khen or to a collective', () => {
    expect(ids(evaluateEligibility(individual('BANG_KHEN_TINH', {}, { basis: 'THEMATIC' }), ND98))).not.toContain(
      'R-BK-1',
    );
    expect(ids(evaluateEligibility(collective('BANG_KHEN_TINH', members({ n: 3 })), ND98))).not.toContain('R-BK-1');
  });
});

describe('R-ORDER-1 a lower form is never a prerequisite (Decree 98 Art 4)', () => {
  it.each([ND91, ND98, ND152])('a Bằng khen tỉnh without any Giấy khen is eligible under %s', (regime) => {
    const e = evaluateEligibility(
      individual('BANG_KHEN_TINH', {
        history: [award('CHIEN_SI_THI_DUA_CO_SO', 2022), award('CHIEN_SI_THI_DUA_CO_SO', 2023)],
      }),
      regime,
    );
    expect(e.eligible).toBe(true);
    expect(e.checks.some((c) => /Giấy khen (before|first|required)/.test(en(c.message)))).toBe(false);
  });

  it('a collective Bằng khen tỉnh and a Bằng khen Thủ tướng without a Giấy khen are eligible', () => {
    expect(evaluateEligibility(collective('BANG_KHEN_TINH', members({ n: 2 })), ND98).eligible).toBe(true);
    const bktt = individual('BANG_KHEN_THU_TUONG', {
      history: [award('BANG_KHEN_TINH', 2018), ...[2021, 2022, 2023].map((y) => award('CHIEN_SI_THI_DUA_CO_SO', y))],
      ratings: { 2019: 'HTT', 2020: 'HTT', 2021: 'HTXS', 2022: 'HTXS', 2023: 'HTXS' },
    });
    expect(evaluateEligibility(bktt, ND152).eligible).toBe(true);
  });
});

describe('R-DUP-1 one achievement is rewarded once', () => {
  it.each<[string, AwardCode, Basis, AwardHistoryItem[], boolean]>([
    ['LĐTT twice in the same year', 'LAO_DONG_TIEN_TIEN', 'REGULAR', [award('LAO_DONG_TIEN_TIEN', 2023)], false],
    [
      'LĐTT approved nomination of the same year',
      'LAO_DONG_TIEN_TIEN',
      'REGULAR',
      [award('LAO_DONG_TIEN_TIEN', 2023, 'REGULAR', 'APPROVED_NOMINATION')],
      false,
    ],
    ['LĐTT of the previous year', 'LAO_DONG_TIEN_TIEN', 'REGULAR', [award('LAO_DONG_TIEN_TIEN', 2022)], true],
    [
      'Giấy khen after a regular Bằng khen tỉnh, same year',
      'GIAY_KHEN',
      'REGULAR',
      [award('BANG_KHEN_TINH', 2023)],
      false,
    ],
    [
      'Bằng khen tỉnh after a regular Giấy khen, same year',
      'BANG_KHEN_TINH',
      'REGULAR',
      [award('GIAY_KHEN', 2023)],
      false,
    ],
    [
      'regular Giấy khen after a thematic Giấy khen',
      'GIAY_KHEN',
      'REGULAR',
      [award('GIAY_KHEN', 2023, 'THEMATIC')],
      true,
    ],
    [
      'regular Giấy khen after a Bằng khen Thủ tướng',
      'GIAY_KHEN',
      'REGULAR',
      [award('BANG_KHEN_THU_TUONG', 2023)],
      true,
    ],
    [
      'CSTĐ cơ sở with LĐTT of the same year',
      'CHIEN_SI_THI_DUA_CO_SO',
      'REGULAR',
      [award('LAO_DONG_TIEN_TIEN', 2023)],
      true,
    ],
  ])('%s → %p', (_label, awardCode, basis, awards, ok) => {
    const e = evaluateEligibility(individual(awardCode, { history: awards }, { basis }), ND98);
    expect(checks(e, 'R-DUP-1')).toEqual([expect.objectContaining({ passed: ok, limit: 1, actual: ok ? 1 : 2 })]);
  });

  it('a thematic Giấy khen is not limited by a regular one', () => {
    const e = evaluateEligibility(
      individual('GIAY_KHEN', { history: [award('GIAY_KHEN', 2023)] }, { basis: 'THEMATIC' }),
      ND98,
    );
    expect(ids(e)).not.toContain('R-DUP-1');
    expect(e.eligible).toBe(true);
  });

  it('applies to collectives', () => {
    const m = members({ n: 4 });
    const dup = collective('GIAY_KHEN', m, {
      collective: { history: [award('BANG_KHEN_TINH', 2023)], openHolds: 0, members: m },
    });
    expect(passed(evaluateEligibility(dup, ND98), 'R-DUP-1')).toBe(false);
    expect(passed(evaluateEligibility(collective('GIAY_KHEN', m), ND98), 'R-DUP-1')).toBe(true);
  });
});

describe('R-HOLD-1 open cases hold the nomination (Decree 98 Art 4)', () => {
  it.each([
    [0, true],
    [1, false],
    [3, false],
  ])('individual with %i open holds → %p', (openHolds, ok) => {
    const e = evaluateEligibility(individual('GIAY_KHEN', { openHolds }), ND98);
    expect(checks(e, 'R-HOLD-1')).toEqual([expect.objectContaining({ passed: ok, limit: 0, actual: openHolds })]);
  });

  it('collective with an open inspection fails', () => {
    const m = members({ n: 2 });
    const e = evaluateEligibility(
      collective('GIAY_KHEN', m, { collective: { history: [], openHolds: 1, members: m } }),
      ND98,
    );
    expect(passed(e, 'R-HOLD-1')).toBe(false);
    expect(e.eligible).toBe(false);
  });
});

describe('R-TTTT-1 Tập thể lao động tiên tiến: more than 50 % LĐTT', () => {
  it.each([
    [10, 6, true, 6],
    [10, 5, false, 6], // exactly 50 % fails
    [3, 2, true, 2],
    [2, 1, false, 2],
    [1, 1, true, 1],
    [7, 4, true, 4],
    [0, 0, false, 1], // no members
  ])('%i members, %i LĐTT → %p (needs %i)', (n, ldtt, ok, needed) => {
    const e = evaluateEligibility(collective('TAP_THE_LAO_DONG_TIEN_TIEN', members({ n, ldtt })), ND98);
    expect(checks(e, 'R-TTTT-1')).toEqual([expect.objectContaining({ passed: ok, limit: needed, actual: ldtt })]);
  });

  it('passes exactly when 2 × LĐTT > members', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.nat(300), (n, k) => {
        const ldtt = k % (n + 1);
        const e = evaluateEligibility(collective('TAP_THE_LAO_DONG_TIEN_TIEN', members({ n, ldtt })), ND98);
        expect(passed(e, 'R-TTTT-1')).toBe(2 * ldtt > n);
      }),
    );
  });
});

describe('R-TTXS-1 Tập thể lao động xuất sắc (Law 2022 Art 27)', () => {
  it.each<[string, Parameters<typeof members>[0], boolean[]]>([
    ['exactly 70 % LĐTT, all HT+, one CSTĐ cơ sở', { n: 10, ldtt: 7, cscs: 1 }, [true, true, true]],
    ['69 % LĐTT (not enough)', { n: 100, ldtt: 69, cscs: 1 }, [true, false, true]],
    ['6 of 10 LĐTT', { n: 10, ldtt: 6, cscs: 2 }, [true, false, true]],
    ['3 members need all 3 LĐTT (ceil 2.1)', { n: 3, ldtt: 2, cscs: 1 }, [true, false, true]],
    ['no CSTĐ cơ sở', { n: 10, ldtt: 10, cscs: 0 }, [true, true, false]],
    ['one member KHT', { n: 4, ldtt: 4, cscs: 1, ratings: ['HTXS', 'HTT', 'HT', 'KHT'] }, [false, true, true]],
    [
      'one member not rated',
      { n: 4, ldtt: 4, cscs: 1, ratings: ['HTXS', 'HTT', 'HT', undefined] },
      [false, true, true],
    ],
  ])('%s → %j', (_label, spec, expected) => {
    const e = evaluateEligibility(collective('TAP_THE_LAO_DONG_XUAT_SAC', members(spec)), ND98);
    expect(checks(e, 'R-TTXS-1').map((c) => c.passed)).toEqual(expected);
    expect(e.eligible).toBe(expected.every(Boolean));
  });

  it('reports the numbers (70 % of 10 → 7)', () => {
    const e = evaluateEligibility(collective('TAP_THE_LAO_DONG_XUAT_SAC', members({ n: 10, ldtt: 7, cscs: 1 })), ND98);
    expect(checks(e, 'R-TTXS-1')[1]).toMatchObject({ limit: 7, actual: 7 });
  });

  it('fails with no members', () => {
    const e = evaluateEligibility(collective('TAP_THE_LAO_DONG_XUAT_SAC', []), ND98);
    expect(checks(e, 'R-TTXS-1')).toEqual([expect.objectContaining({ passed: false, limit: 1, actual: 0 })]);
  });

  it('the LĐTT condition passes exactly when 10 × LĐTT ≥ 7 × members', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.nat(300), (n, k) => {
        const ldtt = k % (n + 1);
        const e = evaluateEligibility(collective('TAP_THE_LAO_DONG_XUAT_SAC', members({ n, ldtt, cscs: 1 })), ND98);
        expect(checks(e, 'R-TTXS-1')[1]?.passed).toBe(10 * ldtt >= 7 * n);
      }),
    );
  });
});

describe('evaluateEligibility invariants', () => {
  const arbAward: fc.Arbitrary<AwardHistoryItem> = fc
    .record({
      awardCode: fc.constantFrom(...AWARD_CODES),
      year: fc.integer({ min: 2018, max: 2025 }),
      basis: fc.constantFrom(...BASES),
      source: fc.constantFrom<CountedAward['source']>('AWARD', 'APPROVED_NOMINATION'),
    })
    .map((a) => award(a.awardCode, a.year, a.basis, a.source));
  const arbFacts: fc.Arbitrary<NominationFacts> = fc.record({
    year: fc.integer({ min: 2019, max: 2025 }),
    awardCode: fc.constantFrom(...AWARD_CODES),
    basis: fc.constantFrom(...BASES),
    recipientKind: fc.constantFrom(...RECIPIENT_KINDS),
    individual: fc.record({
      ratings: fc.dictionary(fc.integer({ min: 2017, max: 2025 }).map(String), fc.constantFrom(...RATINGS)),
      initiatives: fc.array(
        fc.record({
          year: fc.integer({ min: 2017, max: 2025 }),
          level: fc.constantFrom('UNIT' as const, 'PROVINCE' as const, 'NATIONAL' as const),
        }),
        { maxLength: 4 },
      ),
      history: fc.array(arbAward, { maxLength: 8 }),
      recruitedOn: fc.option(fc.constantFrom('2015-01-01', '2023-03-01', '2023-06-15', '2024-02-01'), { nil: null }),
      disciplinedInYear: fc.boolean(),
      openHolds: fc.nat(2),
    }),
    collective: fc.record({
      history: fc.array(arbAward, { maxLength: 8 }),
      openHolds: fc.nat(2),
      members: fc.array(
        fc.record({
          rating: fc.constantFrom(...RATINGS),
          hasLaoDongTienTien: fc.boolean(),
          hasChienSiCoSo: fc.boolean(),
        }),
        { maxLength: 12 },
      ),
    }),
  });

  it('eligible ⇔ every check passed; only the rules of the regime’s set appear; messages are non-empty', () => {
    fc.assert(
      fc.property(arbFacts, fc.constantFrom(...REGIME_CODES), (facts, regime) => {
        const e = evaluateEligibility(facts, regime);
        expect(e.regime).toBe(regime);
        expect(e.eligible).toBe(e.checks.every((c) => c.passed));
        const allowed: readonly string[] = RULE_SETS[regime][facts.awardCode];
        for (const c of e.checks) {
          expect(allowed).toContain(c.rule);
          expect(en(c.message).length).toBeGreaterThan(10);
          expect(render(c.message, 'vi').length).toBeGreaterThan(10);
        }
        expect(e.checks.some((c) => c.rule === 'R-KIND-1')).toBe(true);
      }),
    );
  });

  it('thematic and ad hoc awards never change the result of a regular prerequisite', () => {
    fc.assert(
      fc.property(
        arbFacts,
        fc.array(arbAward, { maxLength: 6 }),
        fc.constantFrom(...REGIME_CODES),
        (facts, extra, regime) => {
          const ind = facts.individual;
          if (!ind || facts.basis !== 'REGULAR' || facts.recipientKind !== 'INDIVIDUAL') return;
          const nonRegular = extra.map((a) => ({
            ...a,
            basis: a.year % 2 === 0 ? ('THEMATIC' as const) : ('AD_HOC' as const),
          }));
          const before = evaluateEligibility(facts, regime);
          const after = evaluateEligibility(
            { ...facts, individual: { ...ind, history: [...ind.history, ...nonRegular] } },
            regime,
          );
          expect(after.checks.map((c) => [c.rule, c.passed])).toEqual(before.checks.map((c) => [c.rule, c.passed]));
        },
      ),
    );
  });
});
