/**
 * The rule engine of the awards registry: data plus small pure functions (no NestJS, no DB, no I/O).
 * Sources: Law 06/2022/QH15, Law 15/2003/QH11, Decrees 91/2017, 98/2023, 152/2025, 129/2025, 30/2020, Circular
 * 15/2025/TT-BNV, plus two conventions of this registry (R-KIND-1, R-BASIS-2). Each rule id (R-…) is documented
 * in `RULE_DOCS` and docs/rules.md.
 */
export * from './types.js';
export { REGIMES, regimeOn, regimeInfo } from './regimes.js';
export type { RegimeInfo } from './regimes.js';
export {
  AWARD_CATALOGUE,
  AWARD_TYPES,
  PROVINCE_LEVEL_CODES,
  awardType,
  awardName,
  isTitle,
  bonusMultiplier,
  decidingAuthorityCodes,
} from './catalogue.js';
export type { AwardType, AuthorityGrant } from './catalogue.js';
export {
  countedAwards,
  countedByCode,
  isCounted,
  memberHolds,
  prerequisiteAwards,
  prerequisiteYears,
  COUNTED_NOMINATION_STATUSES,
  MEMBER_AWARD_CODES,
  NON_PREREQUISITE_BASES,
} from './counting.js';
export {
  duplicateClashes,
  duplicateClashKind,
  duplicateGroupOf,
  isSubjectToDuplicateRule,
  DUPLICATE_GROUPS,
  OPEN_PROPOSAL_STATUSES,
} from './duplicates.js';
export type { DuplicateCandidate, DuplicateClash, DuplicateClashKind } from './duplicates.js';
export {
  evaluateEligibility,
  toEligibility,
  wholeMonthsWorkedInYear,
  ELIGIBILITY_RULES,
  RULE_SETS,
  REGIME_RULE_PARAMS,
  LDTT_MIN_MONTHS,
  TTXS_MIN_LDTT_RATIO,
  LDTT_MIN_MONTHS_2024,
  BKTT_YEARS,
  BKTT_MIN_CSCS,
  STATE_LEVEL_CODES,
  RULE_IN_FORCE_FROM,
  ruleInForce,
} from './eligibility.js';
export type { EligibilityRule, EligibilityRuleId, RegimeRuleParams } from './eligibility.js';
export { checkQuotas, quotaLimits, tightestLimit, DEFAULT_QUOTA_SETTINGS } from './quotas.js';
export type { QuotaSettings, QuotaInput, QuotaBaseInput, QuotaLimit, QuotaRuleId, UnitQuota } from './quotas.js';
export {
  checkCouncilSize,
  evaluateMeeting,
  evaluateVote,
  votePolicyFor,
  quorumNeeded,
  yesNeeded,
  DEFAULT_QUORUM_RATIO,
} from './votes.js';
export type { VoteTally, VotePolicy, VotePolicyOverride } from './votes.js';
export {
  checkAuthority,
  allowedAwardCodes,
  AUTHORITY_LABELS,
  ENTERPRISE_SIGNER_CODES,
  enterpriseSignerOf,
  type EnterpriseSigner,
} from './authority.js';
export type { AuthorityRuleId } from './authority.js';
export { issuingAuthority, headAuthority, isDecidedLocally, ISSUER_AUTHORITIES } from './issuing-authority.js';
export type { IssuingAuthority, IssuerAuthorityGrant } from './issuing-authority.js';
export {
  bonusAmount,
  bonusBreakdown,
  baseSalaryOn,
  titleBonusesDue,
  BASE_SALARY_TABLE,
  BONUS_ROUNDING_VND,
} from './money.js';
export type { AchievementPeriod, BaseSalaryPeriod, BonusBreakdown, BonusDue, BonusLine } from './money.js';
export {
  formatDecisionNumber,
  parseDecisionNumber,
  nextDecisionNumber,
  checkGivenDecisionNumber,
  checkNumberGiven,
  judgeDecisionNumber,
  DECISION_NUMBERINGS,
  DECISION_NUMBER_TEXT,
} from './decision-number.js';
export type { DecisionNumber, DecisionNumbering, GivenDecisionNumber, NumberingIssuer } from './decision-number.js';
export { checkOrganizationLife, isAliveOn, lastDayBefore, ceasedOn } from './organization-life.js';
export type { OrganizationLife, OrganizationRole } from './organization-life.js';
export { RULE_DOCS } from './rule-docs.js';
export type { RuleDoc } from './rule-docs.js';
export { isIsoDate } from './dates.js';
export { checkPrintable, printedHeadline, PRINTED_ITEMS } from './certificate.js';
export type { PrintedItem } from './certificate.js';
export {
  ACHIEVEMENT_SPANS,
  SPAN_RULE_CODES,
  achievementSpan,
  consecutiveTerms,
  defaultPeriod,
  nominationPeriod,
  overlaps,
  periodProblem,
  periodText,
  periodYears,
  usedPeriodClashes,
} from './periods.js';
export type { AchievementSpan, Period } from './periods.js';
export { AWARD_CRITERIA, criteriaFor, criterionProblem, defaultCriterion } from './criteria.js';
export type { CriterionDef, CriterionProblem } from './criteria.js';
export { measureYears, withoutMeasureYears } from './discipline.js';
export {
  REVOCATION_GROUNDS,
  REVOCATION_GROUND_TEXT,
  RELIANCES,
  PREREQUISITE_CODES,
  DEPENDENT_CODES,
  awardsToReview,
  checkRevocationDate,
  checkRevocationIssuer,
  relianceOf,
} from './revocation.js';
export type { Reliance, RelianceAward, RevocationGround, ReviewFlag } from './revocation.js';
