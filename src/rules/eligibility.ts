/**
 * Eligibility of a nomination (docs/rules.md, "Eligibility of individuals" and "Eligibility of collectives").
 *
 * Articles: Law 06/2022/QH15 Art 21 (CSTĐ toàn quốc), Art 22 (CSTĐ cấp tỉnh), Art 23 (CSTĐ cơ sở),
 * Art 24 (Lao động tiên tiến), Art 27 (TT lao động xuất sắc), Art 28 (TT lao động tiên tiến), Art 74.1
 * (Bằng khen tỉnh), Art 73.1.b (Bằng khen Thủ tướng); Decree 91/2017 Art 10 (LĐTT under the 2003 law);
 * Circular 01/2024/TT-BNV Art 1.5 (six months of service, from 2024-04-15); Decree 98/2023 Art 4 (no lower-form
 * prerequisite, thematic awards do not count, holds, disciplinary measures), Art 30.9 (achievement periods);
 * Circular 12/2019/TT-BNV Art 3 (one state-level form a year); registry conventions (R-KIND-1, R-BASIS-2).
 *
 * Rules judged on periods (periods.ts) look for their prerequisites inside the nomination's achievement period
 * (`periodFrom`–`periodTo`, by default the span of the code ending with the year), never in a sliding window.
 *
 * The rule set of each regime is DATA (`RULE_SETS`): which rule ids apply to which award code. A rule is a
 * small pure function in `ELIGIBILITY_RULES`; adding a regime means adding a row to `RULE_SETS` and
 * `REGIME_RULE_PARAMS` (and, at most, a new rule function).
 *
 * Not checks, by design:
 * - R-ORDER-1 (Decree 98 Art 4): a lower form is never a prerequisite of a higher one — no rule asks for a
 *   Giấy khen before a Bằng khen, so none exists here.
 * - R-BASIS-1 (Decree 98 Art 4): THEMATIC / AD_HOC awards are filtered out (`prerequisiteAwards`) before any
 *   prerequisite is looked for; the messages say when such awards were ignored.
 */
import {
  basisParam,
  dateParam,
  msg,
  orList,
  ratingParam,
  recipientParam,
  yearList,
  type Message,
  type ParamValue,
} from '../i18n/index.js';
import { awardName, awardType } from './catalogue.js';
import { countedAwards, ignoredForPrerequisites, prerequisiteYears } from './counting.js';
import { criteriaFor, defaultCriterion } from './criteria.js';
import { measureYears, withoutMeasureYears } from './discipline.js';
import {
  ACHIEVEMENT_SPANS,
  consecutiveTerms,
  nominationPeriod,
  periodOfAward,
  periodText,
  periodYears,
  usedPeriodClashes,
  type Period,
} from './periods.js';
import { duplicateClashes, duplicateGroupOf } from './duplicates.js';
import { dateParts, isIsoDate } from './dates.js';
import { checkOrganizationLife } from './organization-life.js';
import { ceilMul } from './fraction.js';
import type {
  AwardCode,
  AwardHistoryItem,
  CollectiveFacts,
  CountedAward,
  Eligibility,
  IndividualFacts,
  NominationFacts,
  Rating,
  Regime,
  RuleCheck,
} from './types.js';

/** Rule ids evaluated by `evaluateEligibility`. */
export type EligibilityRuleId =
  | 'R-KIND-1'
  | 'R-BASIS-2'
  | 'R-LDTT-1'
  | 'R-LDTT-2'
  | 'R-LDTT-3'
  | 'R-DISC-1'
  | 'R-CSCS-1'
  | 'R-CSTINH-1'
  | 'R-CSTQ-1'
  | 'R-BK-1'
  | 'R-BKTT-1'
  | 'R-SPAN-1'
  | 'R-STATE-1'
  | 'R-DUP-1'
  | 'R-HOLD-1'
  | 'R-TTTT-1'
  | 'R-TTXS-1'
  | 'R-ORG-1';

export interface EligibilityRule {
  id: EligibilityRuleId;
  /** Legal source, as cited in messages. */
  article: string;
  /** Whether the rule concerns this nomination at all (recipient kind, basis). */
  appliesTo(facts: NominationFacts): boolean;
  /** One or more checks, all carrying `id`. */
  check(facts: NominationFacts, regime: Regime): RuleCheck[];
}

/** Regime-dependent parameters of the rules, as data. */
export interface RegimeRuleParams {
  /** R-CSCS-1: the initiative is mandatory (TDKT_2003_ND91) instead of "HTXS or an initiative". */
  cscsInitiativeMandatory: boolean;
  /** R-DISC-1 (Decree 98/2023 Art 4): years a disciplinary measure was in force do not count for titles. */
  measureYearsDoNotCount: boolean;
  /** Law cited in messages. */
  law: Message;
}

export const REGIME_RULE_PARAMS: Readonly<Record<Regime, RegimeRuleParams>> = {
  TDKT_2003_ND91: { cscsInitiativeMandatory: true, measureYearsDoNotCount: false, law: msg('law.2003') },
  TDKT_2022_ND98: { cscsInitiativeMandatory: false, measureYearsDoNotCount: true, law: msg('law.2022') },
  TDKT_2022_ND152: { cscsInitiativeMandatory: false, measureYearsDoNotCount: true, law: msg('law.2022') },
};

/**
 * Rules that take effect inside a regime, by the (expected) decision date: Circular 01/2024/TT-BNV applies to
 * decisions from 2024-04-15 (R-LDTT-3). Before that date the rule is not evaluated.
 */
export const RULE_IN_FORCE_FROM: Readonly<Partial<Record<EligibilityRuleId, string>>> = {
  'R-LDTT-3': '2024-04-15',
};

/** R-LDTT-2: minimum whole months of work in the year (Decree 91 Art 10). */
export const LDTT_MIN_MONTHS = 10;
/** R-LDTT-3: under 6 months of service in the year bars Lao động tiên tiến (Circular 01/2024/TT-BNV Art 1.5). */
export const LDTT_MIN_MONTHS_2024 = 6;
/** R-BKTT-1: consecutive years rated HTT or better, and CSTĐ cơ sở among them (Law 2022 Art 73.1.b). */
export const BKTT_YEARS = 5;
export const BKTT_MIN_CSCS = 3;
/** R-STATE-1: the state-level forms of the catalogue; one of them a year per recipient (Circular 12/2019 Art 3). */
export const STATE_LEVEL_CODES: readonly AwardCode[] = ['BANG_KHEN_THU_TUONG'];
/** R-TTXS-1: minimum share of members with Lao động tiên tiến (Law 2022 Art 27). */
export const TTXS_MIN_LDTT_RATIO = 0.7;

const EMPTY_INDIVIDUAL: IndividualFacts = { ratings: {}, initiatives: [], history: [], openHolds: 0 };
const EMPTY_COLLECTIVE: CollectiveFacts = { history: [], openHolds: 0, members: [] };

const RATING_RANK: Readonly<Record<Rating, number>> = { HTXS: 3, HTT: 2, HT: 1, KHT: 0 };

function ratingAtLeast(rating: Rating | undefined, minimum: Rating): boolean {
  return rating !== undefined && RATING_RANK[rating] >= RATING_RANK[minimum];
}

function individualOf(f: NominationFacts): IndividualFacts {
  return f.individual ?? EMPTY_INDIVIDUAL;
}

function collectiveOf(f: NominationFacts): CollectiveFacts {
  return f.collective ?? EMPTY_COLLECTIVE;
}

function historyOf(f: NominationFacts): readonly AwardHistoryItem[] {
  if (f.recipientKind === 'INDIVIDUAL') return individualOf(f).history;
  if (f.recipientKind === 'COLLECTIVE') return collectiveOf(f).history;
  return [];
}

/** What counts for prerequisites (see `countedAwards`), the nomination being evaluated left out. */
function countedOf(f: NominationFacts): CountedAward[] {
  const options = f.excludeNominationId === undefined ? {} : { excludeNominationId: f.excludeNominationId };
  return countedAwards(historyOf(f), options);
}

/** The nomination's achievement period: as stated, else the default of its code and year. */
function periodOf(f: NominationFacts): Period {
  return nominationPeriod(f, f.periodFrom, f.periodTo);
}

/**
 * Years (sorted) in which the individual holds `code`, counting what R-BASIS-1 allows and, where the regime says so,
 * leaving out the years a disciplinary measure was in force (R-DISC-1).
 */
function titleYears(f: NominationFacts, awards: readonly CountedAward[], code: AwardCode, regime: Regime): number[] {
  const years = prerequisiteYears(awards, code);
  if (!REGIME_RULE_PARAMS[regime].measureYearsDoNotCount || !isIndividual(f)) return years;
  return withoutMeasureYears(years, individualOf(f).measures);
}

function ratingText(ratings: IndividualFacts['ratings'], year: number): Message {
  const r = ratings[year];
  return r === undefined ? msg('facts.noRating', { year }) : msg('facts.rating', { year, rating: ratingParam(r) });
}

function ignoredNote(awards: readonly CountedAward[], code: AwardCode): ParamValue {
  const n = ignoredForPrerequisites(awards, code);
  return n === 0 ? '' : msg('facts.ignoredThematic', { count: n, award: awardName(code) });
}

function attested(rule: EligibilityRuleId, message: Message): RuleCheck {
  return { rule, passed: null, attested: true, message };
}

function check(rule: EligibilityRuleId, passed: boolean, message: Message, limit?: number, actual?: number): RuleCheck {
  const c: RuleCheck = { rule, passed, message };
  if (limit !== undefined) c.limit = limit;
  if (actual !== undefined) c.actual = actual;
  return c;
}

const isIndividual = (f: NominationFacts): boolean => f.recipientKind === 'INDIVIDUAL';
const isCollective = (f: NominationFacts): boolean => f.recipientKind === 'COLLECTIVE';

/**
 * Whole months worked in `year` by someone recruited on `joinedOn`, counted up to the end of 31 December
 * (i.e. to 1 January of the next year): joined 2023-03-01 → 10, 2023-03-02 → 9, 2022-06-01 → 12,
 * after the year → 0.
 */
export function wholeMonthsWorkedInYear(joinedOn: string, year: number): number {
  const { year: y, month, day } = dateParts(joinedOn);
  const months = (year + 1 - y) * 12 + (1 - month) - (day > 1 ? 1 : 0);
  return Math.max(0, Math.min(12, months));
}

/**
 * R-KIND-1 (registry convention over the catalogue of Law 2022): the award must accept the recipient kind. Households
 * (hộ gia đình) take the forms the catalogue gives them only: Giấy khen and Bằng khen tỉnh (Law 2022 Art 74–75).
 */
function kindRule(f: NominationFacts): RuleCheck[] {
  const t = awardType(f.awardCode);
  const kind = recipientParam(f.recipientKind);
  const accepted = t.recipientKinds.includes(f.recipientKind);
  if (f.recipientKind === 'HOUSEHOLD' && !accepted) {
    return [check('R-KIND-1', false, msg('rules.kind.household', { award: t.nameVi }))];
  }
  const allowed = orList(t.recipientKinds.map((k) => msg(`recipient.plain.${k}`)));
  return [
    check(
      'R-KIND-1',
      accepted,
      accepted
        ? msg('rules.kind.accepted', { award: t.nameVi, kind })
        : msg('rules.kind.refused', { award: t.nameVi, allowed, kind }),
    ),
  ];
}

/** R-BASIS-2 (registry convention; titles are yearly): an emulation title takes basis REGULAR only. */
function titleBasisRule(f: NominationFacts): RuleCheck[] {
  const passed = f.basis === 'REGULAR';
  return [
    check(
      'R-BASIS-2',
      passed,
      msg('rules.basis.titleRegular', { award: awardName(f.awardCode), basis: basisParam(f.basis) }),
    ),
  ];
}

/** R-LDTT-1 [S] (Law 2022 Art 24): Lao động tiên tiến for Y needs rating HTT or HTXS in Y. */
function ldtt1(f: NominationFacts, regime: Regime): RuleCheck[] {
  const { ratings } = individualOf(f);
  const passed = ratingAtLeast(ratings[f.year], 'HTT');
  const { law } = REGIME_RULE_PARAMS[regime];
  return [
    check('R-LDTT-1', passed, msg('rules.ldtt.rating', { year: f.year, law, rating: ratingText(ratings, f.year) })),
  ];
}

/**
 * R-LDTT-2 [S] (TDKT_2003_ND91 only, Decree 91 Art 10): not if recruited less than 10 months before the end
 * of Y (maternity leave counts as work time, so only the recruitment date matters); not if disciplined at
 * reprimand or above in Y. An unknown recruitment date is taken as "worked the whole year". "Recruited" is the
 * date of entering public service (`recruitedOn`), which a transferee keeps, not the date of joining the unit.
 */
function ldtt2(f: NominationFacts): RuleCheck[] {
  const ind = individualOf(f);
  const out: RuleCheck[] = [];
  const joinedOn = ind.recruitedOn ?? null;
  if (joinedOn === null || !isIsoDate(joinedOn)) {
    out.push(check('R-LDTT-2', true, msg('rules.ldtt.monthsUnknown', { year: f.year, months: LDTT_MIN_MONTHS })));
  } else {
    const months = wholeMonthsWorkedInYear(joinedOn, f.year);
    out.push(
      check(
        'R-LDTT-2',
        months >= LDTT_MIN_MONTHS,
        msg('rules.ldtt.months', {
          year: f.year,
          months: LDTT_MIN_MONTHS,
          latest: dateParam(`${f.year}-03-01`),
          joinedOn: dateParam(joinedOn),
          worked: months,
        }),
        LDTT_MIN_MONTHS,
        months,
      ),
    );
  }
  const disciplined = ind.disciplinedInYear === true || measureYears(ind.measures).includes(f.year);
  out.push(
    check(
      'R-LDTT-2',
      !disciplined,
      disciplined
        ? msg('rules.ldtt.disciplined', { year: f.year })
        : msg('rules.ldtt.notDisciplined', { year: f.year }),
    ),
  );
  return out;
}

/**
 * R-LDTT-3 [S] (Circular 01/2024/TT-BNV Art 1.5, decisions from 2024-04-15 — `RULE_IN_FORCE_FROM`): no Lao động
 * tiên tiến for Y with less than 6 months of service in Y, counted from the date of entering public service
 * (`recruitedOn`, kept across transfers). An unknown date is taken as "served the whole year".
 */
function ldtt3(f: NominationFacts): RuleCheck[] {
  const recruitedOn = individualOf(f).recruitedOn ?? null;
  if (recruitedOn === null || !isIsoDate(recruitedOn)) {
    return [check('R-LDTT-3', true, msg('rules.ldtt3.unknown', { year: f.year, months: LDTT_MIN_MONTHS_2024 }))];
  }
  const months = wholeMonthsWorkedInYear(recruitedOn, f.year);
  return [
    check(
      'R-LDTT-3',
      months >= LDTT_MIN_MONTHS_2024,
      msg('rules.ldtt3.months', {
        year: f.year,
        months: LDTT_MIN_MONTHS_2024,
        latest: dateParam(`${f.year}-07-01`),
        recruitedOn: dateParam(recruitedOn),
        worked: months,
      }),
      LDTT_MIN_MONTHS_2024,
      months,
    ),
  ];
}

/**
 * R-DISC-1 [S] (Decree 98/2023 Art 4; Decree 152/2025): a title's achievement period may not contain a year in which
 * a disciplinary measure (khiển trách or above) was in force; counting resumes after the measure's period ends.
 * Prerequisite years inside such a period are left out of every count as well (`titleYears`).
 */
function disc1(f: NominationFacts): RuleCheck[] {
  const period = periodOf(f);
  const barred = measureYears(individualOf(f).measures).filter((y) => y >= period.from && y <= period.to);
  return [
    check(
      'R-DISC-1',
      barred.length === 0,
      barred.length === 0
        ? msg('rules.disc.none', { period: periodText(period) })
        : msg('rules.disc.years', { period: periodText(period), years: yearList(barred) }),
      0,
      barred.length,
    ),
  ];
}

/**
 * R-CSCS-1 [S] (Law 2022 Art 23): CSTĐ cơ sở for Y needs Lao động tiên tiến in Y and either rating HTXS in Y
 * or an initiative recognised in Y (any level). Under TDKT_2003_ND91 the initiative is mandatory.
 */
function cscs1(f: NominationFacts, regime: Regime): RuleCheck[] {
  const ind = individualOf(f);
  const awards = countedOf(f);
  const { law, cscsInitiativeMandatory } = REGIME_RULE_PARAMS[regime];
  const ldttYears = titleYears(f, awards, 'LAO_DONG_TIEN_TIEN', regime);
  const hasLdtt = ldttYears.includes(f.year);
  const out: RuleCheck[] = [
    check(
      'R-CSCS-1',
      hasLdtt,
      msg('rules.cscs.ldtt', {
        year: f.year,
        law,
        found: msg(hasLdtt ? 'facts.found' : 'facts.notFound'),
        ignored: ignoredNote(awards, 'LAO_DONG_TIEN_TIEN'),
      }),
    ),
  ];
  const initiatives = ind.initiatives.filter((i) => i.year === f.year).length;
  if (cscsInitiativeMandatory) {
    out.push(
      check(
        'R-CSCS-1',
        initiatives >= 1,
        msg('rules.cscs.initiativeRequired', { year: f.year, law, count: initiatives }),
        1,
        initiatives,
      ),
    );
  } else {
    const htxs = ind.ratings[f.year] === 'HTXS';
    out.push(
      check(
        'R-CSCS-1',
        htxs || initiatives >= 1,
        msg('rules.cscs.htxsOrInitiative', {
          year: f.year,
          law,
          rating: ratingText(ind.ratings, f.year),
          count: initiatives,
        }),
      ),
    );
  }
  return out;
}

/**
 * R-CSTINH-1 [S] (Law 2022 Art 22): CSTĐ tỉnh for Y needs CSTĐ cơ sở in every year of its achievement period
 * (three consecutive years, Y-2…Y by default; an APPROVED CSTĐ cơ sở of Y counts) and an initiative recognised at
 * province (or national) level during the period. Years used by an earlier CSTĐ tỉnh are R-SPAN-1.
 */
function cstinh1(f: NominationFacts, regime: Regime): RuleCheck[] {
  const ind = individualOf(f);
  const { law } = REGIME_RULE_PARAMS[regime];
  const awards = countedOf(f);
  const period = periodOf(f);
  const window = periodYears(period);
  const cscsYears = titleYears(f, awards, 'CHIEN_SI_THI_DUA_CO_SO', regime);
  const found = window.filter((y) => cscsYears.includes(y));
  const missing = window.filter((y) => !cscsYears.includes(y));
  // A period stated shorter than the three years of Art 22 never qualifies.
  const needed = Math.max(window.length, ACHIEVEMENT_SPANS.CHIEN_SI_THI_DUA_TINH.years);
  const provinceInitiatives = ind.initiatives.filter(
    (i) => i.year >= period.from && i.year <= period.to && (i.level === 'PROVINCE' || i.level === 'NATIONAL'),
  ).length;
  return [
    check(
      'R-CSTINH-1',
      missing.length === 0 && found.length >= needed,
      msg('rules.cstinh.cscs', {
        year: f.year,
        law,
        window,
        found: yearList(found),
        missing: missing.length > 0 ? msg('facts.missingYears', { years: missing }) : '',
        ignored: ignoredNote(awards, 'CHIEN_SI_THI_DUA_CO_SO'),
      }),
      needed,
      found.length,
    ),
    check(
      'R-CSTINH-1',
      provinceInitiatives >= 1,
      msg('rules.cstinh.initiative', { year: f.year, from: period.from, law, count: provinceInitiatives }),
      1,
      provinceInitiatives,
    ),
  ];
}

/**
 * R-CSTQ-1 [S] (Law 2022 Art 21): CSTĐ toàn quốc for Y needs CSTĐ tỉnh twice consecutively — two consecutive
 * three-year terms, the later starting the year after the earlier ends and ending in Y or Y-1 (two CSTĐ tỉnh one or
 * two years apart overlap and do not qualify) — plus an initiative recognised nation-wide during those terms.
 * Terms used by an earlier CSTĐ toàn quốc are R-SPAN-1.
 */
function cstq1(f: NominationFacts, regime: Regime): RuleCheck[] {
  const awards = countedOf(f);
  const { law } = REGIME_RULE_PARAMS[regime];
  const terms = awards
    .filter((a) => a.awardCode === 'CHIEN_SI_THI_DUA_TINH' && a.basis === 'REGULAR')
    .map(periodOfAward);
  const pairs = consecutiveTerms(terms).filter(([, later]) => later.to === f.year || later.to === f.year - 1);
  const pair = pairs[0];
  const from = pair ? pair[0].from : f.year - 5;
  const national = individualOf(f).initiatives.filter(
    (i) => i.level === 'NATIONAL' && i.year >= from && i.year <= f.year,
  ).length;
  return [
    check(
      'R-CSTQ-1',
      pair !== undefined,
      msg('rules.cstq.terms', {
        year: f.year,
        prev: f.year - 1,
        law,
        found: terms.length === 0 ? msg('facts.notFound') : terms.map(periodText).join(', '),
        ignored: ignoredNote(awards, 'CHIEN_SI_THI_DUA_TINH'),
      }),
      2,
      pair ? 2 : Math.min(terms.length, 1),
    ),
    check(
      'R-CSTQ-1',
      national >= 1,
      msg('rules.cstq.initiative', { year: f.year, from, law, count: national }),
      1,
      national,
    ),
  ];
}

/** The criterion judged: the one named, else the one the registry counts (criteria.ts). */
function criterionOf(f: NominationFacts): string | null {
  return f.criterion ?? defaultCriterion(f.awardCode);
}

/**
 * A criterion the registry cannot count (Law 2022 Art 74.1.a–c, 73.1.a, 73.1.c): attested by the officer with a
 * written justification — `passed: null`, never `true`. Without a justification it fails.
 */
function attestedCriterion(rule: EligibilityRuleId, f: NominationFacts, criterion: string): RuleCheck[] {
  const justified = (f.justification ?? '').trim() !== '';
  const params = { criterion, award: awardName(f.awardCode) };
  return justified
    ? [attested(rule, msg('rules.criterion.attested', params))]
    : [check(rule, false, msg('rules.criterion.unjustified', params))];
}

/**
 * R-BK-1 [L] (Law 2022 Art 74.1): Bằng khen tỉnh for an individual on the REGULAR basis. Criterion d (the default)
 * is counted: over the two years of the achievement period (Y-1, Y by default), CSTĐ cơ sở in both, or rating HTXS
 * in both with at least 2 recognised initiatives/research projects (any level) in those years. Criteria a–c are
 * attested (`attestedCriterion`). Years used by an earlier regular Bằng khen tỉnh are R-SPAN-1.
 */
function bk1(f: NominationFacts, regime: Regime): RuleCheck[] {
  const criterion = criterionOf(f);
  const def = criteriaFor(f).find((c) => c.code === criterion);
  if (criterion !== null && def !== undefined && !def.checked) return attestedCriterion('R-BK-1', f, criterion);
  const ind = individualOf(f);
  const awards = countedOf(f);
  const period = periodOf(f);
  const years = periodYears(period);
  const cscsYears = titleYears(f, awards, 'CHIEN_SI_THI_DUA_CO_SO', regime);
  // A period stated shorter than the two years of Art 74.1.d never qualifies.
  const fullPeriod = years.length >= ACHIEVEMENT_SPANS.BANG_KHEN_TINH.years;
  const cscsAll = fullPeriod && years.every((y) => cscsYears.includes(y));
  const htxsAll = fullPeriod && years.every((y) => ind.ratings[y] === 'HTXS');
  const initiatives = ind.initiatives.filter((i) => i.year >= period.from && i.year <= period.to).length;
  const message = msg('rules.bk.individual', {
    year: period.to,
    prev: period.from,
    cscs: yearList(cscsYears.filter((y) => years.includes(y))),
    ratingPrev: ratingText(ind.ratings, period.from),
    rating: ratingText(ind.ratings, period.to),
    count: initiatives,
    ignored: ignoredNote(awards, 'CHIEN_SI_THI_DUA_CO_SO'),
  });
  if (cscsAll) return [check('R-BK-1', true, message)];
  return [check('R-BK-1', htxsAll && initiatives >= 2, message, 2, initiatives)];
}

/**
 * R-BKTT-1 [S] (Law 2022 Art 73.1.b): Bằng khen Thủ tướng for an individual on the REGULAR basis. Criterion 73.1.b
 * (the default) is counted: a Bằng khen tỉnh before the achievement period, then the period's 5 consecutive years
 * (Y-4…Y by default) each rated HTT or better, with CSTĐ cơ sở in at least 3 of them. Other criteria are attested.
 */
function bktt1(f: NominationFacts, regime: Regime): RuleCheck[] {
  const criterion = criterionOf(f);
  const def = criteriaFor(f).find((c) => c.code === criterion);
  if (criterion !== null && def !== undefined && !def.checked) return attestedCriterion('R-BKTT-1', f, criterion);
  const ind = individualOf(f);
  const awards = countedOf(f);
  const period = periodOf(f);
  const years = periodYears(period);
  const prior = prerequisiteYears(awards, 'BANG_KHEN_TINH').filter((y) => y < period.from);
  const rated = years.filter((y) => ratingAtLeast(ind.ratings[y], 'HTT'));
  const unrated = years.filter((y) => !rated.includes(y));
  const cscs = titleYears(f, awards, 'CHIEN_SI_THI_DUA_CO_SO', regime).filter((y) => years.includes(y));
  return [
    check(
      'R-BKTT-1',
      prior.length > 0,
      msg('rules.bktt.prior', { from: period.from, found: prior.length > 0 ? yearList(prior) : msg('facts.notFound') }),
      1,
      prior.length,
    ),
    check(
      'R-BKTT-1',
      years.length >= BKTT_YEARS && unrated.length === 0,
      msg('rules.bktt.rated', {
        period: periodText(period),
        years: BKTT_YEARS,
        missing: unrated.length > 0 ? msg('facts.missingYears', { years: unrated }) : '',
      }),
      BKTT_YEARS,
      years.length - unrated.length,
    ),
    check(
      'R-BKTT-1',
      cscs.length >= BKTT_MIN_CSCS,
      msg('rules.bktt.cscs', { period: periodText(period), needed: BKTT_MIN_CSCS, found: yearList(cscs) }),
      BKTT_MIN_CSCS,
      cscs.length,
    ),
  ];
}

/**
 * R-SPAN-1 [S] (Decree 98/2023 Art 30.9; Circular 12/2019/TT-BNV Art 3): the period of the next award of the same
 * code starts after the period of the previous one — years used by a counted CSTĐ tỉnh, CSTĐ toàn quốc, regular
 * Bằng khen tỉnh or Bằng khen Thủ tướng cannot support another award of that code.
 */
function span1(f: NominationFacts): RuleCheck[] {
  const period = periodOf(f);
  const clashes = usedPeriodClashes({ awardCode: f.awardCode, period }, countedOf(f));
  const award = awardName(f.awardCode);
  return [
    check(
      'R-SPAN-1',
      clashes.length === 0,
      clashes.length === 0
        ? msg('rules.span.free', { award, period: periodText(period) })
        : msg('rules.span.used', {
            award,
            period: periodText(period),
            used: clashes.map((c) => periodText(periodOfAward(c))).join(', '),
          }),
      0,
      clashes.length,
    ),
  ];
}

/**
 * R-STATE-1 [S] (Circular 12/2019/TT-BNV Art 3): at most one state-level form proposed for a recipient in one year —
 * counted awards, APPROVED nominations and open proposals of a state-level code for the same year, on any basis.
 */
function state1(f: NominationFacts): RuleCheck[] {
  const others = historyOf(f).filter((item) => {
    if (item.year !== f.year || !STATE_LEVEL_CODES.includes(item.awardCode)) return false;
    if (item.source === 'AWARD') return !item.revoked;
    if (item.id !== undefined && item.id === f.excludeNominationId) return false;
    return ['DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED'].includes(item.status);
  }).length;
  return [check('R-STATE-1', others === 0, msg('rules.state.once', { year: f.year, count: others }), 1, others + 1)];
}

/**
 * R-DUP-1 [L] (Law 2022 principles: one achievement is rewarded once): at most one REGULAR award of the same
 * code per recipient and year; a regular Giấy khen and a regular Bằng khen tỉnh for the same recipient and
 * year are duplicates of each other. What counts is decided by `duplicateClashes` (duplicates.ts): a revoked
 * award and a withdrawn or rejected nomination never do. Applies to REGULAR nominations only.
 */
function dup1(f: NominationFacts): RuleCheck[] {
  const clashes = duplicateClashes(f, historyOf(f));
  const what = orList(duplicateGroupOf(f.awardCode).map(awardName));
  const list = clashes.map((c) =>
    msg('rules.dup.item', { award: awardName(c.awardCode), kind: msg(`rules.dup.kind.${c.kind}`) }),
  );
  return [
    check(
      'R-DUP-1',
      clashes.length === 0,
      msg('rules.dup.once', {
        what,
        year: f.year,
        state: clashes.length === 0 ? msg('rules.dup.none') : msg('rules.dup.counted', { list }),
      }),
      1,
      clashes.length + 1,
    ),
  ];
}

/**
 * R-HOLD-1 [L] (Decree 98 Art 4; Decree 152/2025): an open case — discipline, investigation, inspection, complaint,
 * denunciation, press report — on the individual or the collective holds the nomination.
 */
function hold1(f: NominationFacts): RuleCheck[] {
  const holds = f.recipientKind === 'INDIVIDUAL' ? individualOf(f).openHolds : collectiveOf(f).openHolds;
  return [
    check(
      'R-HOLD-1',
      holds <= 0,
      holds > 0 ? msg('rules.hold.open', { count: holds }) : msg('rules.hold.none'),
      0,
      holds,
    ),
  ];
}

function noMembers(rule: EligibilityRuleId, name: string, year: number): RuleCheck {
  return check(rule, false, msg('rules.collective.noMembers', { award: name, year }), 1, 0);
}

/** R-TTTT-1 [S] (Law 2022 Art 28): more than 50 % of the members (on 31 Dec of Y) have Lao động tiên tiến in Y. */
function tttt1(f: NominationFacts): RuleCheck[] {
  const { members } = collectiveOf(f);
  const n = members.length;
  if (n === 0) return [noMembers('R-TTTT-1', 'Tập thể lao động tiên tiến', f.year)];
  const ldtt = members.filter((m) => m.hasLaoDongTienTien).length;
  const needed = Math.floor(n / 2) + 1;
  return [
    check(
      'R-TTTT-1',
      ldtt >= needed,
      msg('rules.tttt.ldtt', { year: f.year, needed, members: n, have: ldtt }),
      needed,
      ldtt,
    ),
  ];
}

/**
 * R-TTXS-1 [S] (Law 2022 Art 27): every member rated at least HT in Y, at least 70 % of members with Lao động
 * tiên tiến in Y, at least one member with CSTĐ cơ sở in Y. Members are those on 31 December of Y.
 */
function ttxs1(f: NominationFacts): RuleCheck[] {
  const { members } = collectiveOf(f);
  const n = members.length;
  if (n === 0) return [noMembers('R-TTXS-1', 'Tập thể lao động xuất sắc', f.year)];
  const ratedHt = members.filter((m) => ratingAtLeast(m.rating, 'HT')).length;
  const ldtt = members.filter((m) => m.hasLaoDongTienTien).length;
  const ldttNeeded = ceilMul(TTXS_MIN_LDTT_RATIO, n);
  const cscs = members.filter((m) => m.hasChienSiCoSo).length;
  return [
    check(
      'R-TTXS-1',
      ratedHt === n,
      msg('rules.ttxs.rated', {
        year: f.year,
        rated: ratedHt,
        members: n,
        short: ratedHt < n ? msg('rules.ttxs.short', { missing: n - ratedHt }) : '',
      }),
      n,
      ratedHt,
    ),
    check(
      'R-TTXS-1',
      ldtt >= ldttNeeded,
      msg('rules.ttxs.ldtt', { year: f.year, needed: ldttNeeded, members: n, have: ldtt }),
      ldttNeeded,
      ldtt,
    ),
    check('R-TTXS-1', cscs >= 1, msg('rules.ttxs.cscs', { year: f.year, have: cscs }), 1, cscs),
  ];
}

/**
 * R-ORG-1 [L] (Circular 15/2025/TT-BNV; Law 2022 Art 79–80): a collective award goes to an organization that exists
 * on the decision date. Judged only for a collective with a known beginning or end (the check would say nothing
 * otherwise) and a decision date.
 */
function org1(f: NominationFacts): RuleCheck[] {
  const organization = f.collective?.organization;
  if (!organization || f.decisionOn === undefined) return [];
  return [checkOrganizationLife(organization, f.decisionOn, 'RECIPIENT')];
}

const hasDatedLife = (f: NominationFacts): boolean =>
  isCollective(f) &&
  f.decisionOn !== undefined &&
  (f.collective?.organization?.validFrom != null || f.collective?.organization?.validTo != null);

const always = (): boolean => true;
const individualOrCollective = (f: NominationFacts): boolean => isIndividual(f) || isCollective(f);

/** The rule functions, by id. */
export const ELIGIBILITY_RULES: Readonly<Record<EligibilityRuleId, EligibilityRule>> = {
  'R-KIND-1': { id: 'R-KIND-1', article: 'registry convention', appliesTo: always, check: kindRule },
  'R-BASIS-2': {
    id: 'R-BASIS-2',
    article: 'registry convention',
    appliesTo: always,
    check: titleBasisRule,
  },
  'R-LDTT-1': { id: 'R-LDTT-1', article: 'Law 2022 Art 24', appliesTo: isIndividual, check: ldtt1 },
  'R-LDTT-2': { id: 'R-LDTT-2', article: 'Decree 91/2017 Art 10', appliesTo: isIndividual, check: ldtt2 },
  'R-LDTT-3': { id: 'R-LDTT-3', article: 'Circular 01/2024/TT-BNV Art 1.5', appliesTo: isIndividual, check: ldtt3 },
  'R-DISC-1': { id: 'R-DISC-1', article: 'Decree 98/2023 Art 4', appliesTo: isIndividual, check: disc1 },
  'R-CSCS-1': { id: 'R-CSCS-1', article: 'Law 2022 Art 23', appliesTo: isIndividual, check: cscs1 },
  'R-CSTINH-1': { id: 'R-CSTINH-1', article: 'Law 2022 Art 22', appliesTo: isIndividual, check: cstinh1 },
  'R-CSTQ-1': { id: 'R-CSTQ-1', article: 'Law 2022 Art 21', appliesTo: isIndividual, check: cstq1 },
  'R-BK-1': {
    id: 'R-BK-1',
    article: 'Law 2022 Art 74.1.d',
    appliesTo: (f) => isIndividual(f) && f.basis === 'REGULAR',
    check: bk1,
  },
  'R-BKTT-1': {
    id: 'R-BKTT-1',
    article: 'Law 2022 Art 73.1.b',
    appliesTo: (f) => isIndividual(f) && f.basis === 'REGULAR',
    check: bktt1,
  },
  'R-SPAN-1': {
    id: 'R-SPAN-1',
    article: 'Decree 98/2023 Art 30.9',
    appliesTo: (f) => individualOrCollective(f) && f.basis === 'REGULAR',
    check: span1,
  },
  'R-STATE-1': { id: 'R-STATE-1', article: 'Circular 12/2019 Art 3', appliesTo: individualOrCollective, check: state1 },
  'R-DUP-1': {
    id: 'R-DUP-1',
    article: 'Law 2022 principles',
    appliesTo: (f) => individualOrCollective(f) && f.basis === 'REGULAR',
    check: dup1,
  },
  'R-HOLD-1': { id: 'R-HOLD-1', article: 'Decree 98/2023 Art 4', appliesTo: individualOrCollective, check: hold1 },
  'R-TTTT-1': { id: 'R-TTTT-1', article: 'Law 2022 Art 28', appliesTo: isCollective, check: tttt1 },
  'R-TTXS-1': { id: 'R-TTXS-1', article: 'Law 2022 Art 27', appliesTo: isCollective, check: ttxs1 },
  'R-ORG-1': {
    id: 'R-ORG-1',
    article: 'Circular 15/2025/TT-BNV, Law 2022 Art 79–80',
    appliesTo: hasDatedLife,
    check: org1,
  },
};

const COMMON = ['R-DUP-1', 'R-HOLD-1', 'R-ORG-1'] as const;
const TITLE = ['R-KIND-1', 'R-BASIS-2'] as const;
const FORM = ['R-KIND-1'] as const;

/** Rules of the 2022 law (ND98 and ND152 share them). */
const LAW_2022_RULES: Readonly<Record<AwardCode, readonly EligibilityRuleId[]>> = {
  LAO_DONG_TIEN_TIEN: [...TITLE, 'R-LDTT-1', 'R-LDTT-3', 'R-DISC-1', ...COMMON],
  CHIEN_SI_THI_DUA_CO_SO: [...TITLE, 'R-CSCS-1', 'R-DISC-1', ...COMMON],
  CHIEN_SI_THI_DUA_TINH: [...TITLE, 'R-CSTINH-1', 'R-SPAN-1', 'R-DISC-1', ...COMMON],
  CHIEN_SI_THI_DUA_TOAN_QUOC: [...TITLE, 'R-CSTQ-1', 'R-SPAN-1', 'R-DISC-1', ...COMMON],
  TAP_THE_LAO_DONG_TIEN_TIEN: [...TITLE, 'R-TTTT-1', ...COMMON],
  TAP_THE_LAO_DONG_XUAT_SAC: [...TITLE, 'R-TTXS-1', ...COMMON],
  CO_THI_DUA_TINH: [...TITLE, ...COMMON],
  CO_THI_DUA_CHINH_PHU: [...TITLE, ...COMMON],
  GIAY_KHEN: [...FORM, ...COMMON],
  BANG_KHEN_TINH: [...FORM, 'R-BK-1', 'R-SPAN-1', ...COMMON],
  BANG_KHEN_THU_TUONG: [...FORM, 'R-BKTT-1', 'R-SPAN-1', 'R-STATE-1', ...COMMON],
  KY_NIEM_CHUONG: [...FORM, ...COMMON],
};

/** The 2022 rules without those the 2003 law did not have (R-LDTT-3 is Circular 01/2024, R-DISC-1 Decree 98). */
const LAW_2003_RULES = Object.fromEntries(
  Object.entries(LAW_2022_RULES).map(([code, ids]) => [
    code,
    ids.filter((id) => id !== 'R-LDTT-3' && id !== 'R-DISC-1'),
  ]),
) as unknown as Record<AwardCode, readonly EligibilityRuleId[]>;

/**
 * The rule set of each regime: which rules are evaluated, in order, for each award code.
 * TDKT_2003_ND91 adds R-LDTT-2 (Decree 91 Art 10); R-CSCS-1 reads `REGIME_RULE_PARAMS` for its variant; R-LDTT-3
 * is evaluated from its date in `RULE_IN_FORCE_FROM`.
 */
export const RULE_SETS: Readonly<Record<Regime, Readonly<Record<AwardCode, readonly EligibilityRuleId[]>>>> = {
  TDKT_2003_ND91: {
    ...LAW_2003_RULES,
    LAO_DONG_TIEN_TIEN: [...TITLE, 'R-LDTT-1', 'R-LDTT-2', ...COMMON],
  },
  TDKT_2022_ND98: LAW_2022_RULES,
  TDKT_2022_ND152: LAW_2022_RULES,
};

/** Wraps checks into the Eligibility shape of the API: eligible = no check failed (an attested one does not). */
export function toEligibility(regime: Regime, checks: RuleCheck[]): Eligibility {
  return { eligible: checks.every((c) => c.passed !== false), regime, checks };
}

/** Whether a rule is in force on the decision date (`RULE_IN_FORCE_FROM`); no date: in force. */
export function ruleInForce(id: EligibilityRuleId, decisionOn: string | undefined): boolean {
  const from = RULE_IN_FORCE_FROM[id];
  return from === undefined || decisionOn === undefined || decisionOn >= from;
}

/**
 * Evaluates every rule of `RULE_SETS[regime][awardCode]` that applies to the nominee (recipient kind, basis).
 * Rules for another recipient kind are skipped, so a mismatched kind shows only the failing R-KIND-1 and the
 * generic rules. Quotas (R-QUOTA-*) and the council vote (R-VOTE-1) are separate: see quotas.ts and votes.ts.
 */
export function evaluateEligibility(input: NominationFacts, regime: Regime): Eligibility {
  const ids = RULE_SETS[regime][input.awardCode];
  const checks: RuleCheck[] = [];
  for (const id of ids) {
    const rule = ELIGIBILITY_RULES[id];
    if (rule.appliesTo(input) && ruleInForce(id, input.decisionOn)) checks.push(...rule.check(input, regime));
  }
  return toEligibility(regime, checks);
}
