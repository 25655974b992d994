/**
 * What counts for prerequisites and quota bases: awards that are not revoked (R-REVOKE-1, Law 2022 ch. VII) plus
 * nominations in status APPROVED. A DECIDED nomination is represented by its award, so it is not counted twice,
 * and stops counting when that award is revoked. R-DUP-1 counts these and open proposals of the same code
 * (`duplicates.ts`).
 *
 * R-BASIS-1 (Decree 98 Art 4): THEMATIC and AD_HOC awards never count toward the prerequisites of a REGULAR
 * proposal — `prerequisiteAwards()` applies that filter; the eligibility rules call it.
 */
import type { AwardCode, AwardHistoryItem, Basis, CountedAward } from './types.js';

export type { AwardHistoryItem } from './types.js';

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

/** The codes whose holding by a member the collective titles look at (R-TTTT-1, R-TTXS-1). */
export const MEMBER_AWARD_CODES: readonly AwardCode[] = ['LAO_DONG_TIEN_TIEN', 'CHIEN_SI_THI_DUA_CO_SO'];

/**
 * Whether a member of a collective holds `code` in `year` for the collective titles (Law 2022 Art 27, 28): a
 * counted award or APPROVED nomination (R-REVOKE-1), on a basis R-BASIS-1 lets count.
 */
export function memberHolds(history: readonly AwardHistoryItem[], code: AwardCode, year: number): boolean {
  return prerequisiteYears(countedAwards(history), code).includes(year);
}
