/**
 * R-REVOKE-1 [L] (Law 2022 Art 93.2, ch. VII): a revocation (hủy bỏ quyết định khen thưởng) is itself a decision —
 * a number, a date, an issuer and its legal ground, one of the points a–d of Art 93.2:
 *
 * - a) false declaration of merits or achievements (gian dối trong kê khai công trạng, thành tích);
 * - b) untrue information or forged papers in the dossier (cung cấp thông tin sai sự thật, làm giả hồ sơ);
 * - c) appraisal, review or proposal against the law (thẩm định, xét, duyệt, đề nghị trái pháp luật);
 * - d) a finding, decision or judgement of a competent body that the recipient fell short of the award's standard
 *   during its achievement period.
 *
 * The issuer is the authority that granted the award or one above it in the organization tree, competent to decide
 * awards on the revocation's date (R-AUTH-4, Law 2022 Art 79–80). A revoked award stays in history and stops counting
 * (`counting.ts`); later awards whose eligibility counted it are flagged for review (`awardsToReview`), never
 * revoked with it.
 */
import { msg, type Message } from '../i18n/index.js';
import { NON_PREREQUISITE_BASES } from './counting.js';
import { overlaps, type Period } from './periods.js';
import type { AwardCode, Basis, RuleCheck } from './types.js';

/** The points of Law 2022 Art 93.2 a revocation rests on. */
export const REVOCATION_GROUNDS = ['A', 'B', 'C', 'D'] as const;
export type RevocationGround = (typeof REVOCATION_GROUNDS)[number];

/** What each ground says, citing its point of Art 93.2. */
export const REVOCATION_GROUND_TEXT: Readonly<Record<RevocationGround, Message>> = {
  A: msg('revocation.ground.A'),
  B: msg('revocation.ground.B'),
  C: msg('revocation.ground.C'),
  D: msg('revocation.ground.D'),
};

/**
 * R-REVOKE-1: the issuer of a revocation is the authority that granted the award or one above it (`sameOrAbove`:
 * the issuer is the granting organization or one of its ancestors), and holds an authority on the revocation's
 * date (`competent`, R-AUTH-4).
 */
export function checkRevocationIssuer(facts: {
  issuer: string;
  grantedBy: string;
  award: string;
  sameOrAbove: boolean;
  competent: boolean;
}): RuleCheck {
  const params = { issuer: facts.issuer, grantedBy: facts.grantedBy, award: facts.award };
  if (!facts.competent) {
    return { rule: 'R-REVOKE-1', passed: false, message: msg('rules.revoke.noCompetence', { issuer: facts.issuer }) };
  }
  return facts.sameOrAbove
    ? { rule: 'R-REVOKE-1', passed: true, message: msg('rules.revoke.issuerOk', params) }
    : { rule: 'R-REVOKE-1', passed: false, message: msg('rules.revoke.issuerNotAbove', params) };
}

/**
 * R-REVOKE-1: a revocation is dated on or after the decision it revokes, and not after `today` (a decision is
 * recorded once signed). All dates YYYY-MM-DD.
 */
export function checkRevocationDate(issuedOn: string, award: { issuedOn: string; label: string }, today: string) {
  if (issuedOn > today) {
    return { rule: 'R-REVOKE-1', passed: false, message: msg('rules.revoke.future', { date: issuedOn, today }) };
  }
  if (issuedOn < award.issuedOn) {
    return {
      rule: 'R-REVOKE-1',
      passed: false,
      message: msg('rules.revoke.beforeAward', { date: issuedOn, award: award.label, awardDate: award.issuedOn }),
    };
  }
  return { rule: 'R-REVOKE-1', passed: true, message: msg('rules.revoke.dateOk', { date: issuedOn }) };
}

/** An award as the reliance rules see it. `recipient` is one key per recipient (`i:<id>`, `o:<id>`, `h:<id>`). */
export interface RelianceAward {
  id: string;
  recipient: string;
  awardCode: AwardCode;
  basis: Basis;
  year: number;
  periodFrom: number;
  periodTo: number;
  /** Decision date, YYYY-MM-DD. */
  issuedOn: string;
  /** HISTORY awards were recorded, never judged by the registry: their eligibility counted nothing. */
  source: 'REGISTRY' | 'HISTORY';
  revoked: boolean;
}

/** One row of the reliance table: a later award of `dependent` counted an earlier `prerequisite` under `rule`. */
export interface Reliance {
  prerequisite: AwardCode;
  dependent: AwardCode;
  /** The eligibility rule that counts the prerequisite (eligibility.ts). */
  rule: string;
  article: string;
  /** Whether the earlier award falls where the rule looks for it, seen from the later one. */
  counts: (earlier: Period & { year: number }, later: Period & { year: number }) => boolean;
}

const inPeriod = (earlier: { year: number }, later: Period) => earlier.year >= later.from && earlier.year <= later.to;

/**
 * Which earlier award a later one's eligibility counted, as the eligibility rules look for prerequisites (REGULAR
 * basis of the later award, R-BASIS-1 for the earlier one).
 */
export const RELIANCES: readonly Reliance[] = [
  {
    prerequisite: 'LAO_DONG_TIEN_TIEN',
    dependent: 'CHIEN_SI_THI_DUA_CO_SO',
    rule: 'R-CSCS-1',
    article: 'Law 2022 Art 23',
    counts: (earlier, later) => earlier.year === later.year,
  },
  {
    prerequisite: 'CHIEN_SI_THI_DUA_CO_SO',
    dependent: 'CHIEN_SI_THI_DUA_TINH',
    rule: 'R-CSTINH-1',
    article: 'Law 2022 Art 22',
    counts: inPeriod,
  },
  {
    prerequisite: 'CHIEN_SI_THI_DUA_TINH',
    dependent: 'CHIEN_SI_THI_DUA_TOAN_QUOC',
    rule: 'R-CSTQ-1',
    article: 'Law 2022 Art 21',
    counts: (earlier, later) => overlaps(earlier, later),
  },
  {
    prerequisite: 'CHIEN_SI_THI_DUA_CO_SO',
    dependent: 'BANG_KHEN_TINH',
    rule: 'R-BK-1',
    article: 'Law 2022 Art 74.1.d',
    counts: inPeriod,
  },
  {
    prerequisite: 'CHIEN_SI_THI_DUA_CO_SO',
    dependent: 'BANG_KHEN_THU_TUONG',
    rule: 'R-BKTT-1',
    article: 'Law 2022 Art 73.1.b',
    counts: inPeriod,
  },
  {
    prerequisite: 'BANG_KHEN_TINH',
    dependent: 'BANG_KHEN_THU_TUONG',
    rule: 'R-BKTT-1',
    article: 'Law 2022 Art 73.1.b',
    counts: (earlier, later) => earlier.year < later.from,
  },
];

/** The prerequisite codes of any reliance: what a revocation must look past for later awards. */
export const PREREQUISITE_CODES: readonly AwardCode[] = [...new Set(RELIANCES.map((r) => r.prerequisite))];
/** The codes that may rely on an earlier award. */
export const DEPENDENT_CODES: readonly AwardCode[] = [...new Set(RELIANCES.map((r) => r.dependent))];

/** The reliance under which `later` counted `earlier`, or null. */
export function relianceOf(earlier: RelianceAward, later: RelianceAward): Reliance | null {
  if (earlier.id === later.id || earlier.recipient !== later.recipient) return null;
  if (later.revoked || later.source === 'HISTORY' || later.basis !== 'REGULAR') return null;
  if (NON_PREREQUISITE_BASES.includes(earlier.basis)) return null;
  // Granted later: a decision can only have counted what was granted (or approved) by its date.
  if (later.issuedOn < earlier.issuedOn) return null;
  const e = { year: earlier.year, from: earlier.periodFrom, to: earlier.periodTo };
  const l = { year: later.year, from: later.periodFrom, to: later.periodTo };
  return (
    RELIANCES.find((r) => r.prerequisite === earlier.awardCode && r.dependent === later.awardCode && r.counts(e, l)) ??
    null
  );
}

/** A later award to flag, with the revoked award and the rule that counted it. */
export interface ReviewFlag {
  awardId: string;
  reliedOnAwardId: string;
  rule: string;
  article: string;
}

/**
 * R-REVOKE-1: the awards of `candidates` that counted one of `revoked` (set-based: every pair, each later award
 * once, with the first revoked award it relied on). Awards being revoked themselves are never flagged.
 */
export function awardsToReview(revoked: readonly RelianceAward[], candidates: readonly RelianceAward[]): ReviewFlag[] {
  const revokedIds = new Set(revoked.map((a) => a.id));
  const out: ReviewFlag[] = [];
  for (const later of candidates) {
    if (revokedIds.has(later.id)) continue;
    for (const earlier of revoked) {
      const reliance = relianceOf(earlier, later);
      if (reliance) {
        out.push({ awardId: later.id, reliedOnAwardId: earlier.id, rule: reliance.rule, article: reliance.article });
        break;
      }
    }
  }
  return out;
}
