/**
 * R-DUP-1 [L] (Law 2022 principles: one achievement is rewarded once), decided here and nowhere else: the rule
 * engine's eligibility check, the creation of a nomination (`POST /nominations`, the import, an edit), submission
 * and approval all call `duplicateClashes` on the recipient's record as the registry stores it.
 *
 * Against a REGULAR nomination of code C for year Y, these count (REGULAR basis, same recipient, year Y):
 * - an award of C, or of a code in C's duplicate group (`DUPLICATE_GROUPS`: a regular Giấy khen and a regular
 *   Bằng khen tỉnh of one year are one reward), unless it was revoked (R-REVOKE-1, Law 2022 ch. VII);
 * - an APPROVED nomination of C or of its group (it is about to become such an award);
 * - an open proposal of C itself — DRAFT, SUBMITTED or RETURNED: the same proposal twice. Proposals of two codes
 *   of one group may both be open (a unit proposes a Giấy khen, the province a Bằng khen); at most one of them is
 *   ever approved, because an approved one counts against the other.
 *
 * Never counted: a revoked award; a WITHDRAWN or REJECTED nomination; a DECIDED nomination (its award stands for
 * it, so once that award is revoked the year is free again); the nomination being evaluated itself; anything on
 * another basis. A nomination on another basis than REGULAR is not subject to the rule.
 */
import type { AwardCode, AwardHistoryItem, Basis, NominationStatus } from './types.js';

/** Duplicate groups of R-DUP-1: a regular award of any code in the group blocks the others, same year. */
export const DUPLICATE_GROUPS: readonly (readonly AwardCode[])[] = [['GIAY_KHEN', 'BANG_KHEN_TINH']];

/** Nomination statuses that are a proposal still open: a second one of the same code is the same proposal twice. */
export const OPEN_PROPOSAL_STATUSES: readonly NominationStatus[] = ['DRAFT', 'SUBMITTED', 'RETURNED'];

/** The nomination R-DUP-1 is asked about. */
export interface DuplicateCandidate {
  awardCode: AwardCode;
  year: number;
  basis: Basis;
  /** A stored nomination never clashes with itself. */
  excludeNominationId?: string;
}

/** What an earlier item counts as, for R-DUP-1. */
export type DuplicateClashKind = 'AWARD' | 'APPROVED_NOMINATION' | 'OPEN_NOMINATION';

export interface DuplicateClash {
  kind: DuplicateClashKind;
  awardCode: AwardCode;
  /** The clashing nomination, when it is one and has an id. */
  nominationId?: string;
}

/** The codes a regular award of `code` duplicates, itself included. */
export function duplicateGroupOf(code: AwardCode): readonly AwardCode[] {
  return DUPLICATE_GROUPS.find((g) => g.includes(code)) ?? [code];
}

/** Whether R-DUP-1 concerns this nomination at all (REGULAR basis only). */
export function isSubjectToDuplicateRule(candidate: Pick<DuplicateCandidate, 'basis'>): boolean {
  return candidate.basis === 'REGULAR';
}

/** How one item of the record counts against `candidate`, or null when it does not. */
export function duplicateClashKind(candidate: DuplicateCandidate, item: AwardHistoryItem): DuplicateClashKind | null {
  if (!isSubjectToDuplicateRule(candidate) || item.basis !== 'REGULAR' || item.year !== candidate.year) return null;
  const inGroup = duplicateGroupOf(candidate.awardCode).includes(item.awardCode);
  if (item.source === 'AWARD') return inGroup && !item.revoked ? 'AWARD' : null;
  if (item.id !== undefined && item.id === candidate.excludeNominationId) return null;
  if (item.status === 'APPROVED') return inGroup ? 'APPROVED_NOMINATION' : null;
  if (OPEN_PROPOSAL_STATUSES.includes(item.status)) {
    return item.awardCode === candidate.awardCode ? 'OPEN_NOMINATION' : null;
  }
  return null; // DECIDED (its award stands for it), WITHDRAWN, REJECTED
}

/** Every item of the recipient's record that makes `candidate` a duplicate (none: R-DUP-1 passes). */
export function duplicateClashes(
  candidate: DuplicateCandidate,
  history: readonly AwardHistoryItem[],
): DuplicateClash[] {
  const out: DuplicateClash[] = [];
  for (const item of history) {
    const kind = duplicateClashKind(candidate, item);
    if (kind === null) continue;
    const clash: DuplicateClash = { kind, awardCode: item.awardCode };
    if (item.source === 'NOMINATION' && item.id !== undefined) clash.nominationId = item.id;
    out.push(clash);
  }
  return out;
}
