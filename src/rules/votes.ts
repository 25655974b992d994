/**
 * R-VOTE-1 [C] (domain.md §4; Decree 91 Art 45.8 for the 90 % mark): council vote on a nomination.
 * Quorum: at least 2/3 of all council members present. Pass mark as a share of ALL members (not of those
 * present): CSTĐ tỉnh and above 90 %, Bằng khen tỉnh 80 %, others a simple majority (more than half).
 * 15 members at 90 % → 14 yes; 10 members at 80 % → 8 yes; 15 members simple majority → 8 yes.
 * All thresholds are computed exactly (fraction.ts): 0.8 × 10 is 8, not 8.000000000000002.
 */
import { awardName, awardType } from './catalogue.js';
import { ceilMul, floorMul, percent } from './fraction.js';
import type { AwardCode, RuleCheck } from './types.js';

export interface VoteTally {
  /** All members of the council. */
  members: number;
  present: number;
  yes: number;
}

export interface VotePolicy {
  required: boolean;
  /** Share of all members that must be present. Default 2/3. */
  quorumRatio: number;
  /** Share of all members that must vote yes. */
  passRatio: number;
  /**
   * 'AT_LEAST': yes ≥ ratio × members; 'MORE_THAN': yes > ratio × members. Default: MORE_THAN for a ratio of
   * 0.5 or less (a simple majority is "more than half"), AT_LEAST above (90 % means "90 % or more").
   */
  passMode?: 'AT_LEAST' | 'MORE_THAN';
}

export const DEFAULT_QUORUM_RATIO = 2 / 3;

/** Per-code overrides a unit may configure (api.md: "configurable per award code"). */
export interface VotePolicyOverride {
  required?: boolean;
  quorumRatio?: number;
  passRatio?: number;
  passMode?: 'AT_LEAST' | 'MORE_THAN';
}

/** The default policy of an award code from the catalogue, with optional overrides. */
export function votePolicyFor(code: AwardCode, override: VotePolicyOverride = {}): VotePolicy {
  const t = awardType(code);
  const policy: VotePolicy = {
    required: override.required ?? t.voteRequiredByDefault,
    quorumRatio: override.quorumRatio ?? DEFAULT_QUORUM_RATIO,
    passRatio: override.passRatio ?? t.defaultPassRatio,
  };
  if (override.passMode !== undefined) policy.passMode = override.passMode;
  return policy;
}

/** Members that must be present: ceil(quorumRatio × members). 15 → 10, 10 → 7, 9 → 6. */
export function quorumNeeded(members: number, quorumRatio: number = DEFAULT_QUORUM_RATIO): number {
  return ceilMul(quorumRatio, members);
}

/** Yes votes needed out of all members. 0.9 of 15 → 14; 0.8 of 10 → 8; 0.5 of 15 → 8, of 10 → 6. */
export function yesNeeded(members: number, passRatio: number, passMode?: 'AT_LEAST' | 'MORE_THAN'): number {
  const mode = passMode ?? (passRatio <= 0.5 ? 'MORE_THAN' : 'AT_LEAST');
  return mode === 'MORE_THAN' ? floorMul(passRatio, members) + 1 : ceilMul(passRatio, members);
}

function fail(message: string, limit?: number, actual?: number): RuleCheck {
  const c: RuleCheck = { rule: 'R-VOTE-1', passed: false, message };
  if (limit !== undefined) c.limit = limit;
  if (actual !== undefined) c.actual = actual;
  return c;
}

const isCount = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

/**
 * R-VOTE-1: evaluates a council vote against a policy. With `required: false` it passes whatever the tally.
 * A missing or inconsistent tally (yes ≤ present ≤ members, members ≥ 1) fails. On a quorum failure
 * `limit`/`actual` are the members needed/present; otherwise the yes votes needed/cast.
 * `awardCode` only names the award in the message.
 */
export function evaluateVote(
  tally: VoteTally | null | undefined,
  policy: VotePolicy,
  awardCode?: AwardCode,
): RuleCheck {
  const what = awardCode ? `${awardName(awardCode)}: ` : '';
  if (!policy.required) {
    return { rule: 'R-VOTE-1', passed: true, message: `${what}no council vote is required (R-VOTE-1, configurable)` };
  }
  if (!tally) return fail(`${what}a council vote is required before approval and none is recorded (R-VOTE-1)`);
  const { members, present, yes } = tally;
  if (!isCount(members) || !isCount(present) || !isCount(yes) || members < 1 || present > members || yes > present) {
    return fail(
      `${what}the vote tally is inconsistent: need whole numbers with yes ≤ present ≤ members and at least one member; got ${yes} yes, ${present} present, ${members} members`,
    );
  }
  const quorum = quorumNeeded(members, policy.quorumRatio);
  if (present < quorum) {
    return fail(
      `${what}no quorum: at least ${percent(policy.quorumRatio)} of the ${members} council members must be present, i.e. ${quorum}; ${present} were (R-VOTE-1)`,
      quorum,
      present,
    );
  }
  const needed = yesNeeded(members, policy.passRatio, policy.passMode);
  const mark =
    (policy.passMode ?? (policy.passRatio <= 0.5 ? 'MORE_THAN' : 'AT_LEAST')) === 'MORE_THAN'
      ? `more than ${percent(policy.passRatio)}`
      : `at least ${percent(policy.passRatio)}`;
  return {
    rule: 'R-VOTE-1',
    passed: yes >= needed,
    message: `${what}needs yes votes from ${mark} of all ${members} council members, i.e. ${needed}; ${yes} voted yes (${present} present) (R-VOTE-1)`,
    limit: needed,
    actual: yes,
  };
}
