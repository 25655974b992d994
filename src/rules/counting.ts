/**
 * "What counts" (api.md) for prerequisites, duplicates and quota bases:
 * awards that are not revoked (R-REVOKE-1, Law 2022 ch. VII) plus nominations in status APPROVED.
 * A DECIDED nomination is represented by its award, so it is not counted twice.
 *
 * R-BASIS-1 (Decree 98 Art 4): THEMATIC and AD_HOC awards never count toward the prerequisites of a REGULAR
 * proposal — `prerequisiteAwards()` applies that filter; the eligibility rules call it.
 */
import type { AwardCode, Basis, CountedAward, NominationStatus } from './types.js';

/** One item of a recipient's raw history, as the service loads it. */
export type AwardHistoryItem =
  | { source: 'AWARD'; awardCode: AwardCode; year: number; basis: Basis; revoked: boolean }
  | {
      source: 'NOMINATION';
      id?: string;
      awardCode: AwardCode;
      year: number;
      basis: Basis;
      status: NominationStatus;
    };

/**
 * Keeps what counts: non-revoked awards and APPROVED nominations (minus `excludeNominationId`, the nomination
 * being evaluated or approved, so it never counts against itself).
 */
export function countedAwards(
  history: readonly AwardHistoryItem[],
  options: { excludeNominationId?: string } = {},
): CountedAward[] {
  const out: CountedAward[] = [];
  for (const item of history) {
    if (item.source === 'AWARD') {
      if (!item.revoked) {
        out.push({ awardCode: item.awardCode, year: item.year, basis: item.basis, source: 'AWARD' });
      }
    } else if (item.status === 'APPROVED' && (item.id === undefined || item.id !== options.excludeNominationId)) {
      out.push({ awardCode: item.awardCode, year: item.year, basis: item.basis, source: 'APPROVED_NOMINATION' });
    }
  }
  return out;
}

/** Bases that never count toward REGULAR prerequisites (R-BASIS-1). */
export const NON_PREREQUISITE_BASES: readonly Basis[] = ['THEMATIC', 'AD_HOC'];

/**
 * R-BASIS-1 (Decree 98 Art 4): the awards that may satisfy a prerequisite of a REGULAR proposal.
 * Drops THEMATIC and AD_HOC awards.
 */
export function prerequisiteAwards(awards: readonly CountedAward[]): CountedAward[] {
  return awards.filter((a) => !NON_PREREQUISITE_BASES.includes(a.basis));
}

/** Years (sorted) in which the recipient holds `code`, counting only what R-BASIS-1 allows. */
export function prerequisiteYears(awards: readonly CountedAward[], code: AwardCode): number[] {
  const years = new Set(
    prerequisiteAwards(awards)
      .filter((a) => a.awardCode === code)
      .map((a) => a.year),
  );
  return [...years].sort((a, b) => a - b);
}

/** How many THEMATIC/AD_HOC awards of `code` were ignored (for messages). */
export function ignoredForPrerequisites(awards: readonly CountedAward[], code: AwardCode): number {
  return awards.filter((a) => a.awardCode === code && NON_PREREQUISITE_BASES.includes(a.basis)).length;
}
