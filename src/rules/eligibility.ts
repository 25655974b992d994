/**
 * Eligibility of a nomination (docs/rules.md, "Eligibility of individuals" and "Eligibility of collectives").
 *
 * Articles: Law 06/2022/QH15 Art 21 (CSTĐ toàn quốc), Art 22 (CSTĐ cấp tỉnh), Art 23 (CSTĐ cơ sở),
 * Art 24 (Lao động tiên tiến), Art 27 (TT lao động xuất sắc), Art 28 (TT lao động tiên tiến), Art 74.1.d
 * (Bằng khen tỉnh); Decree 91/2017 Art 10 (LĐTT under the 2003 law); Decree 98/2023 Art 4 (no lower-form
 * prerequisite, thematic awards do not count, holds); registry conventions (R-KIND-1, R-BASIS-2).
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
import { duplicateClashes, duplicateGroupOf } from './duplicates.js';
import { dateParts, isIsoDate } from './dates.js';
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
  | 'R-CSCS-1'
  | 'R-CSTINH-1'
  | 'R-CSTQ-1'
  | 'R-BK-1'
  | 'R-DUP-1'
  | 'R-HOLD-1'
  | 'R-TTTT-1'
  | 'R-TTXS-1';

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
  /** Law cited in messages. */
  law: Message;
}

export const REGIME_RULE_PARAMS: Readonly<Record<Regime, RegimeRuleParams>> = {
  TDKT_2003_ND91: { cscsInitiativeMandatory: true, law: msg('law.2003') },
  TDKT_2022_ND98: { cscsInitiativeMandatory: false, law: msg('law.2022') },
  TDKT_2022_ND152: { cscsInitiativeMandatory: false, law: msg('law.2022') },
};

/** R-LDTT-2: minimum whole months of work in the year (Decree 91 Art 10). */
export const LDTT_MIN_MONTHS = 10;
/** R-TTXS-1: minimum share of members with Lao động tiên tiến (Law 2022 Art 27). */
export const TTXS_MIN_LDTT_RATIO = 0.7;
/**
 * R-CSTQ-1: two CSTĐ tỉnh titles are "consecutive" when they are 1 to 3 years apart. A CSTĐ tỉnh covers the
 * three CSTĐ cơ sở years before it (R-CSTINH-1), so titles 3 years apart (2020, 2023) cover an unbroken run;
 * 4 or more years apart leave a year uncovered.
 */
export const CSTQ_MAX_YEARS_BETWEEN = 3;

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

function ratingText(ratings: IndividualFacts['ratings'], year: number): Message {
  const r = ratings[year];
  return r === undefined ? msg('facts.noRating', { year }) : msg('facts.rating', { year, rating: ratingParam(r) });
}

function ignoredNote(awards: readonly CountedAward[], code: AwardCode): ParamValue {
  const n = ignoredForPrerequisites(awards, code);
  return n === 0 ? '' : msg('facts.ignoredThematic', { count: n, award: awardName(code) });
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
 * reprimand or above in Y. An unknown recruitment date is taken as "worked the whole year".
 */
function ldtt2(f: NominationFacts): RuleCheck[] {
  const ind = individualOf(f);
  const out: RuleCheck[] = [];
  const joinedOn = ind.joinedOn ?? null;
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
  const disciplined = ind.disciplinedInYear === true;
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
 * R-CSCS-1 [S] (Law 2022 Art 23): CSTĐ cơ sở for Y needs Lao động tiên tiến in Y and either rating HTXS in Y
 * or an initiative recognised in Y (any level). Under TDKT_2003_ND91 the initiative is mandatory.
 */
function cscs1(f: NominationFacts, regime: Regime): RuleCheck[] {
  const ind = individualOf(f);
  const awards = countedOf(f);
  const { law, cscsInitiativeMandatory } = REGIME_RULE_PARAMS[regime];
  const ldttYears = prerequisiteYears(awards, 'LAO_DONG_TIEN_TIEN');
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
 * R-CSTINH-1 [S] (Law 2022 Art 22): CSTĐ tỉnh for Y needs CSTĐ cơ sở in Y-2, Y-1 and Y (three consecutive
 * years; an APPROVED CSTĐ cơ sở of Y counts) and an initiative recognised at province (or national) level
 * during those three years.
 */
function cstinh1(f: NominationFacts, regime: Regime): RuleCheck[] {
  const ind = individualOf(f);
  const { law } = REGIME_RULE_PARAMS[regime];
  const awards = countedOf(f);
  const window = [f.year - 2, f.year - 1, f.year];
  const cscsYears = prerequisiteYears(awards, 'CHIEN_SI_THI_DUA_CO_SO');
  const found = window.filter((y) => cscsYears.includes(y));
  const missing = window.filter((y) => !cscsYears.includes(y));
  const provinceInitiatives = ind.initiatives.filter(
    (i) => i.year >= f.year - 2 && i.year <= f.year && (i.level === 'PROVINCE' || i.level === 'NATIONAL'),
  ).length;
  return [
    check(
      'R-CSTINH-1',
      missing.length === 0,
      msg('rules.cstinh.cscs', {
        year: f.year,
        law,
        window,
        found: yearList(found),
        missing: missing.length > 0 ? msg('facts.missingYears', { years: missing }) : '',
        ignored: ignoredNote(awards, 'CHIEN_SI_THI_DUA_CO_SO'),
      }),
      3,
      found.length,
    ),
    check(
      'R-CSTINH-1',
      provinceInitiatives >= 1,
      msg('rules.cstinh.initiative', { year: f.year, from: window[0], law, count: provinceInitiatives }),
      1,
      provinceInitiatives,
    ),
  ];
}

/**
 * R-CSTQ-1 [S] (Law 2022 Art 21): CSTĐ toàn quốc for Y needs CSTĐ tỉnh twice consecutively: the later one in
 * Y or Y-1, the earlier one 1 to `CSTQ_MAX_YEARS_BETWEEN` (3) years before it.
 */
function cstq1(f: NominationFacts, regime: Regime): RuleCheck[] {
  const awards = countedOf(f);
  const { law } = REGIME_RULE_PARAMS[regime];
  const years = prerequisiteYears(awards, 'CHIEN_SI_THI_DUA_TINH');
  let best = 0;
  for (const later of [f.year, f.year - 1]) {
    if (!years.includes(later)) continue;
    best = Math.max(best, 1);
    if (years.some((e) => later - e >= 1 && later - e <= CSTQ_MAX_YEARS_BETWEEN)) best = 2;
  }
  return [
    check(
      'R-CSTQ-1',
      best >= 2,
      msg('rules.cstq.twice', {
        year: f.year,
        prev: f.year - 1,
        gap: CSTQ_MAX_YEARS_BETWEEN,
        law,
        found: yearList(years),
        ignored: ignoredNote(awards, 'CHIEN_SI_THI_DUA_TINH'),
      }),
      2,
      best,
    ),
  ];
}

/**
 * R-BK-1 [L] (Law 2022 Art 74.1.d, official answer): Bằng khen tỉnh for an individual on the REGULAR basis in
 * Y needs either CSTĐ cơ sở in Y-1 and Y, or rating HTXS in Y-1 and Y with at least 2 recognised
 * initiatives/research projects (any level) across those two years.
 */
function bk1(f: NominationFacts): RuleCheck[] {
  const ind = individualOf(f);
  const awards = countedOf(f);
  const prev = f.year - 1;
  const cscsYears = prerequisiteYears(awards, 'CHIEN_SI_THI_DUA_CO_SO');
  const cscsBoth = cscsYears.includes(prev) && cscsYears.includes(f.year);
  const htxsBoth = ind.ratings[prev] === 'HTXS' && ind.ratings[f.year] === 'HTXS';
  const initiatives = ind.initiatives.filter((i) => i.year === prev || i.year === f.year).length;
  const message = msg('rules.bk.individual', {
    year: f.year,
    prev,
    cscs: yearList(cscsYears.filter((y) => y === prev || y === f.year)),
    ratingPrev: ratingText(ind.ratings, prev),
    rating: ratingText(ind.ratings, f.year),
    count: initiatives,
    ignored: ignoredNote(awards, 'CHIEN_SI_THI_DUA_CO_SO'),
  });
  if (cscsBoth) return [check('R-BK-1', true, message)];
  return [check('R-BK-1', htxsBoth && initiatives >= 2, message, 2, initiatives)];
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

/** R-HOLD-1 [L] (Decree 98 Art 4): an open disciplinary case, investigation or inspection holds the nomination. */
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
  'R-CSCS-1': { id: 'R-CSCS-1', article: 'Law 2022 Art 23', appliesTo: isIndividual, check: cscs1 },
  'R-CSTINH-1': { id: 'R-CSTINH-1', article: 'Law 2022 Art 22', appliesTo: isIndividual, check: cstinh1 },
  'R-CSTQ-1': { id: 'R-CSTQ-1', article: 'Law 2022 Art 21', appliesTo: isIndividual, check: cstq1 },
  'R-BK-1': {
    id: 'R-BK-1',
    article: 'Law 2022 Art 74.1.d',
    appliesTo: (f) => isIndividual(f) && f.basis === 'REGULAR',
    check: bk1,
  },
  'R-DUP-1': {
    id: 'R-DUP-1',
    article: 'Law 2022 principles',
    appliesTo: (f) => individualOrCollective(f) && f.basis === 'REGULAR',
    check: dup1,
  },
  'R-HOLD-1': { id: 'R-HOLD-1', article: 'Decree 98/2023 Art 4', appliesTo: individualOrCollective, check: hold1 },
  'R-TTTT-1': { id: 'R-TTTT-1', article: 'Law 2022 Art 28', appliesTo: isCollective, check: tttt1 },
  'R-TTXS-1': { id: 'R-TTXS-1', article: 'Law 2022 Art 27', appliesTo: isCollective, check: ttxs1 },
};

const COMMON = ['R-DUP-1', 'R-HOLD-1'] as const;
const TITLE = ['R-KIND-1', 'R-BASIS-2'] as const;
const FORM = ['R-KIND-1'] as const;

/** Rules of the 2022 law (ND98 and ND152 share them). */
const LAW_2022_RULES: Readonly<Record<AwardCode, readonly EligibilityRuleId[]>> = {
  LAO_DONG_TIEN_TIEN: [...TITLE, 'R-LDTT-1', ...COMMON],
  CHIEN_SI_THI_DUA_CO_SO: [...TITLE, 'R-CSCS-1', ...COMMON],
  CHIEN_SI_THI_DUA_TINH: [...TITLE, 'R-CSTINH-1', ...COMMON],
  CHIEN_SI_THI_DUA_TOAN_QUOC: [...TITLE, 'R-CSTQ-1', ...COMMON],
  TAP_THE_LAO_DONG_TIEN_TIEN: [...TITLE, 'R-TTTT-1', ...COMMON],
  TAP_THE_LAO_DONG_XUAT_SAC: [...TITLE, 'R-TTXS-1', ...COMMON],
  CO_THI_DUA_TINH: [...TITLE, ...COMMON],
  CO_THI_DUA_CHINH_PHU: [...TITLE, ...COMMON],
  GIAY_KHEN: [...FORM, ...COMMON],
  BANG_KHEN_TINH: [...FORM, 'R-BK-1', ...COMMON],
  BANG_KHEN_THU_TUONG: [...FORM, ...COMMON],
  KY_NIEM_CHUONG: [...FORM, ...COMMON],
};

/**
 * The rule set of each regime: which rules are evaluated, in order, for each award code.
 * TDKT_2003_ND91 adds R-LDTT-2 (Decree 91 Art 10); R-CSCS-1 reads `REGIME_RULE_PARAMS` for its variant.
 */
export const RULE_SETS: Readonly<Record<Regime, Readonly<Record<AwardCode, readonly EligibilityRuleId[]>>>> = {
  TDKT_2003_ND91: {
    ...LAW_2022_RULES,
    LAO_DONG_TIEN_TIEN: [...TITLE, 'R-LDTT-1', 'R-LDTT-2', ...COMMON],
  },
  TDKT_2022_ND98: LAW_2022_RULES,
  TDKT_2022_ND152: LAW_2022_RULES,
};

/** Wraps checks into the Eligibility shape of the API: eligible = every check passed. */
export function toEligibility(regime: Regime, checks: RuleCheck[]): Eligibility {
  return { eligible: checks.every((c) => c.passed), regime, checks };
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
    if (rule.appliesTo(input)) checks.push(...rule.check(input, regime));
  }
  return toEligibility(regime, checks);
}
