/**
 * What counts for prerequisites and quota bases: awards that are not revoked (R-REVOKE-1, Law 2022 ch. VII) plus
 * nominations in status APPROVED. A DECIDED nomination is represented by its award, so it is not counted twice,
 * and stops counting when that award is revoked. R-DUP-1 counts these and open proposals of the same code
 * (`duplicates.ts`).
 *
 * R-BASIS-1 (Decree 98 Art 4): THEMATIC and AD_HOC awards never count toward the prerequisites of a REGULAR
 * proposal — `prerequisiteAwards()` applies that filter; the eligibility rules call it.
 */
import { defaultPeriod } from './periods.js';
import type { AwardCode, AwardHistoryItem, Basis, CountedAward, NominationStatus } from './types.js';

export type { AwardHistoryItem } from './types.js';

/**
 * The nomination statuses that count (R-REVOKE-1, what counts): APPROVED only; a DECIDED nomination counts through
 * its award. Repositories pass it to SQL as a filter, so the database never decides what counts.
 */
export const COUNTED_NOMINATION_STATUSES: readonly NominationStatus[] = ['APPROVED'];

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
    if (!isCounted(item, options)) continue;
    const source = item.source === 'AWARD' ? 'AWARD' : 'APPROVED_NOMINATION';
    const period = defaultPeriod(item.awardCode, item.basis, item.year);
    out.push({
      awardCode: item.awardCode,
      year: item.year,
      periodFrom: item.periodFrom ?? period.from,
      periodTo: item.periodTo ?? period.to,
      basis: item.basis,
      source,
    });
  }
  return out;
}

/**
 * Whether one item of a record counts for prerequisites and quotas: an award not revoked (R-REVOKE-1), a
 * nomination in APPROVED other than `excludeNominationId`. DECIDED nominations count through their award.
 */
export function isCounted(item: AwardHistoryItem, options: { excludeNominationId?: string } = {}): boolean {
  if (item.source === 'AWARD') return !item.revoked;
  return (
    COUNTED_NOMINATION_STATUSES.includes(item.status) &&
    (item.id === undefined || item.id !== options.excludeNominationId)
  );
}

/**
 * What quotas count per award code (R-QUOTA-*, `used`): the counted items of a proposing organization's year, from
 * rows of its record each standing for `n` alike items.
 */
export function countedByCode(
  rows: readonly { item: AwardHistoryItem; n: number }[],
): Partial<Record<AwardCode, number>> {
  const out: Partial<Record<AwardCode, number>> = {};
  for (const { item, n } of rows) {
    if (isCounted(item)) out[item.awardCode] = (out[item.awardCode] ?? 0) + n;
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
