/**
 * Pieces of the batch transitions (`POST /nominations/approve`, `POST /nominations/reject`) that keep the facts
 * loaded once for a whole batch as they would be read one nomination at a time: each nomination is judged after the
 * ones before it in the list, as if they had committed.
 */
import type { ApiError } from '../common/errors/problem.js';
import { MEMBER_AWARD_CODES, type NominationFacts, type NominationStatus } from '../rules/index.js';
import type { Nomination } from './nomination.js';

/** The most nominations one batch request may name (a council's list; beyond it, 400). */
export const MAX_BATCH_NOMINATIONS = 500;

/** What happened to one nomination of a batch: it moved (its new state), or the problem a single request gets. */
export type BatchItemOutcome =
  { id: string; nomination: Nomination; problem: null } | { id: string; nomination: null; problem: ApiError };

/** The id of whoever is nominated: the person, the collective or the household. */
export const nomineeOf = (n: Pick<Nomination, 'individualId' | 'organizationId' | 'householdId'>): string =>
  (n.individualId ?? n.organizationId ?? n.householdId) as string;

/**
 * The facts of a batch's nominations, loaded once, kept current as the batch moves nominations: after a move, every
 * other nomination of the same nominee sees the moved one in its new status (R-DUP-1, prerequisites), and collective
 * titles judged on their members (R-TTTT-1, R-TTXS-1) of that year are marked `stale`, to be read again once the
 * moves so far are written (a member's record is not kept per nomination here).
 */
export class BatchFacts {
  private readonly stale = new Set<string>();

  constructor(
    private readonly facts: Map<string, NominationFacts>,
    private readonly nominations: readonly Nomination[],
  ) {}

  of(id: string): NominationFacts {
    return this.facts.get(id) as NominationFacts;
  }

  isStale(id: string): boolean {
    return this.stale.has(id);
  }

  replace(id: string, facts: NominationFacts): void {
    this.facts.set(id, facts);
    this.stale.delete(id);
  }

  /** `moved` now has `status`: the other nominations of the batch see it so. */
  moved(moved: Nomination, status: NominationStatus): void {
    const nominee = nomineeOf(moved);
    for (const other of this.nominations) {
      if (other.id === moved.id) continue;
      const facts = this.facts.get(other.id);
      if (!facts) continue;
      if (nomineeOf(other) === nominee) {
        const record = facts.individual ?? facts.collective;
        if (record) {
          record.history = record.history.map((item) =>
            item.source === 'NOMINATION' && item.id === moved.id ? { ...item, status } : item,
          );
        }
      }
      if (
        moved.recipientKind === 'INDIVIDUAL' &&
        MEMBER_AWARD_CODES.includes(moved.awardCode) &&
        other.recipientKind === 'COLLECTIVE' &&
        other.year === moved.year &&
        (facts.collective?.members?.length ?? 0) > 0
      ) {
        this.stale.add(other.id);
      }
    }
  }
}
