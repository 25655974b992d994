/**
 * The workflow of a nomination (docs/rules.md) as data, plus the small pure helpers the service needs:
 *
 *   DRAFT ──submit──▶ SUBMITTED ──approve──▶ APPROVED ──decide──▶ DECIDED
 *     ▲                 │  │ ╲──reject───▶ REJECTED
 *     │ edit            │  ╰──return──▶ RETURNED ──submit──▶ SUBMITTED
 *   withdraw ◀──────────┴────────────────────┘ (DRAFT, RETURNED, SUBMITTED → WITHDRAWN)
 *
 * A RETURNED nomination behaves as a DRAFT (it can be edited, resubmitted or withdrawn) but keeps its own status,
 * so the list shows which dossiers came back with a reason. Council votes are recorded on SUBMITTED nominations.
 * DECIDE is taken by a signed decision (`DecisionsService.create` through `NominationsService.markDecided`), for every
 * nomination it grants, in the decision's transaction.
 */
import type { RuleViolation } from '../common/errors/problem.js';
import type { Eligibility, NominationStatus, Regime, RuleCheck } from '../rules/index.js';
import { regimeOn } from '../rules/index.js';
import { todayInVietnam } from '../common/time/vietnam-time.js';

/** Every action that appends a row to the status history (`nomination_events.action`). */
export const NOMINATION_ACTIONS = [
  'CREATE',
  'EDIT',
  'SUBMIT',
  'RETURN',
  'WITHDRAW',
  'VOTE',
  'APPROVE',
  'REJECT',
  'DECIDE',
] as const;
export type NominationAction = (typeof NOMINATION_ACTIONS)[number];

/** The actions that move a nomination, with the statuses they start from and the status they lead to. */
export const TRANSITIONS = {
  EDIT: { from: ['DRAFT', 'RETURNED'], to: null },
  SUBMIT: { from: ['DRAFT', 'RETURNED'], to: 'SUBMITTED' },
  RETURN: { from: ['SUBMITTED'], to: 'RETURNED' },
  WITHDRAW: { from: ['DRAFT', 'RETURNED', 'SUBMITTED'], to: 'WITHDRAWN' },
  VOTE: { from: ['SUBMITTED'], to: null },
  APPROVE: { from: ['SUBMITTED'], to: 'APPROVED' },
  REJECT: { from: ['SUBMITTED'], to: 'REJECTED' },
  DECIDE: { from: ['APPROVED'], to: 'DECIDED' },
} as const satisfies Record<
  Exclude<NominationAction, 'CREATE'>,
  { from: readonly NominationStatus[]; to: NominationStatus | null }
>;

export type TransitionAction = keyof typeof TRANSITIONS;

/** May `action` start from `status`? */
export function canPerform(action: TransitionAction, status: NominationStatus): boolean {
  return (TRANSITIONS[action].from as readonly NominationStatus[]).includes(status);
}

/** The nominations among `nominations` that `action` cannot start from, in their order (empty: every one may). */
export function blockedFrom<T extends { status: NominationStatus }>(
  action: TransitionAction,
  nominations: readonly T[],
): T[] {
  return nominations.filter((nomination) => !canPerform(action, nomination.status));
}

/** The status after `action` (actions that do not move the nomination keep `status`). */
export function statusAfter(action: TransitionAction, status: NominationStatus): NominationStatus {
  return TRANSITIONS[action].to ?? status;
}

/**
 * The legal regime a nomination is judged under before a decision exists (docs/rules.md, "Legal regimes"): the one in
 * force on `expectedDecisionOn` when set, else on today's date in Vietnam.
 */
export function regimeForNomination(expectedDecisionOn: string | null | undefined, now: Date = new Date()): Regime {
  return regimeOn(decisionDateForNomination(expectedDecisionOn, now));
}

/** The date the rules are judged at: `expectedDecisionOn` when set, else today in Vietnam (R-LDTT-3 reads it). */
export function decisionDateForNomination(
  expectedDecisionOn: string | null | undefined,
  now: Date = new Date(),
): string {
  return expectedDecisionOn ?? todayInVietnam(now);
}

/** The failing checks, in the `violations` shape of a 422 problem (limit/actual only where the rule has numbers). */
export function violationsOf(checks: readonly RuleCheck[]): RuleViolation[] {
  return checks
    .filter((c) => c.passed === false)
    .map((c) => {
      const v: RuleViolation = {
        rule: c.rule,
        message: c.message,
      };
      if (c.limit !== undefined) v.limit = c.limit;
      if (c.actual !== undefined) v.actual = c.actual;
      return v;
    });
}

/** Adds further checks (council vote, quotas) to an evaluation: still eligible only if every check passed. */
export function withChecks(eligibility: Eligibility, extra: readonly RuleCheck[]): Eligibility {
  const checks = [...eligibility.checks, ...extra];
  return { eligible: checks.every((c) => c.passed !== false), regime: eligibility.regime, checks };
}

// The retry of serialization failures and deadlocks is shared with the other services.
export { isRetryableTransactionError, withTransactionRetry } from '../common/database/transaction-retry.js';

const sortedOnce = (keys: readonly string[]): string[] => [...new Set(keys)].sort();

/**
 * The advisory locks an approval takes, in this fixed order (so two approvals never wait on each other in a cycle):
 * first its nominees' keys (`nomineeLockKeys`: R-DUP-1 and prerequisites count per recipient, across proposing
 * organizations), taken with the nominations' rows; then, once the nominees' facts are read, the keys of the
 * proposing organizations and years (`quotaLockKeys`: quotas count there, and their bases are other codes of the
 * same organization and year). A unit's approvals queue on its quota lock only for the quota figures and the write,
 * not for the nominee's record, which its own lock protects. Each list is sorted and without repeats, so a batch
 * never waits in a cycle with single approvals or with other batches.
 */
export function nomineeLockKeys(nomineeIds: readonly string[]): string[] {
  return sortedOnce(nomineeIds.map(nomineeLockKey));
}

/** The quota keys of approvals (see `nomineeLockKeys` for the order), sorted and without repeats. */
export function quotaLockKeys(items: readonly { proposingOrganizationId: string; year: number }[]): string[] {
  return sortedOnce(items.map(quotaLockKey));
}

/** The advisory lock on a proposing organization's year: the quotas of its approvals count under it. */
export function quotaLockKey(input: { proposingOrganizationId: string; year: number }): string {
  return `nominations:quota:${input.proposingOrganizationId}:${input.year}`;
}

/**
 * The advisory lock on one nominee (person or collective): whatever changes what counts for R-DUP-1 against them —
 * creating a nomination, an edit of its basis, an approval — takes it before the nominee's record is read, so two
 * requests on any number of instances never both pass the rule's check.
 */
export function nomineeLockKey(nomineeId: string): string {
  return `nominations:nominee:${nomineeId}`;
}
