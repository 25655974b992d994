/**
 * R-VOTE-1 [C] (Decree 91/2017 Art 45.8): the emulation council's vote on a nomination, at a meeting.
 * Quorum: at least 2/3 of all council members present at the meeting. Members absent from the meeting may vote in
 * writing; written votes count toward the yes votes, never toward the quorum. Pass mark as a share of ALL members
 * (not of those present): CSTĐ tỉnh and above 90 %, Bằng khen tỉnh 80 %, others a simple majority (more than half).
 * 15 members at 90 % → 14 yes; 10 members at 80 % → 8 yes; 15 members simple majority → 8 yes.
 * All thresholds are computed exactly (fraction.ts): 0.8 × 10 is 8, not 8.000000000000002.
 *
 * "All members" is the size of the council on file (recorded from above the unit, see the README), never a
 * figure typed with the vote: `checkCouncilSize` refuses a vote whose member count disagrees with it, and
 * `evaluateMeeting` judges a recorded meeting against the council on file.
 */
import { awardName, awardType } from './catalogue.js';
import { ceilMul, floorMul, percent } from './fraction.js';
import type { AwardCode, RuleCheck } from './types.js';

export interface VoteTally {
  /** All members of the council. */
  members: number;
  /** Members present at the meeting. */
  present: number;
  /** Votes in writing of members absent from the meeting (Decree 91/2017 Art 45.8); 0 when omitted. */
  writtenVotes?: number;
  /** Yes votes, present and in writing together. */
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

/** Per-code overrides a unit may configure (`PUT /award-types/{code}/vote-policy`). */
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
 * A missing or inconsistent tally (present + written ≤ members, yes ≤ present + written, members ≥ 1) fails.
 * On a quorum failure `limit`/`actual` are the members needed/present; otherwise the yes votes needed/cast.
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
  const written = tally.writtenVotes ?? 0;
  if (
    ![members, present, written, yes].every(isCount) ||
    members < 1 ||
    present + written > members ||
    yes > present + written
  ) {
    return fail(
      `${what}the vote tally is inconsistent: need whole numbers with present + written votes ≤ members, yes ≤ present + written votes and at least one member; got ${yes} yes, ${present} present, ${written} in writing, ${members} members`,
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
  const turnout = written > 0 ? `${present} present, ${written} in writing` : `${present} present`;
  return {
    rule: 'R-VOTE-1',
    passed: yes >= needed,
    message: `${what}needs yes votes from ${mark} of all ${members} council members, i.e. ${needed}; ${yes} voted yes (${turnout}) (R-VOTE-1)`,
    limit: needed,
    actual: yes,
  };
}

/**
 * R-VOTE-1: a vote counts the council's members as the council on file has them. Fails when no council size is
 * on file for the unit (record it first) or when `members` typed with the vote disagrees with it; `limit` is the
 * size on file, `actual` the members given.
 */
export function checkCouncilSize(members: number, councilMembersOnFile: number | null): RuleCheck {
  if (councilMembersOnFile === null) {
    return fail(
      'no council size is on file for the proposing organization or any organization above it on the meeting date: record the council size (POST /organizations/{id}/council-sizes) before its votes (R-VOTE-1)',
    );
  }
  if (members !== councilMembersOnFile) {
    return fail(
      `the vote counts ${members} council members but the council on file has ${councilMembersOnFile}: the pass mark and the quorum are shares of all members of the council on file (R-VOTE-1)`,
      councilMembersOnFile,
      members,
    );
  }
  return {
    rule: 'R-VOTE-1',
    passed: true,
    message: `the vote counts the ${members} members of the council on file (R-VOTE-1)`,
    limit: councilMembersOnFile,
    actual: members,
  };
}

/**
 * R-VOTE-1 at approval: the latest meeting's record judged against the council size on file for its date. A
 * record whose `members` no longer matches the council on file (none on file, or the size was corrected) fails,
 * whatever the tally: the council must vote again.
 */
export function evaluateMeeting(
  meeting: VoteTally | null | undefined,
  councilMembersOnFile: number | null,
  policy: VotePolicy,
  awardCode?: AwardCode,
): RuleCheck {
  if (!policy.required || !meeting) return evaluateVote(meeting, policy, awardCode);
  const size = checkCouncilSize(meeting.members, councilMembersOnFile);
  if (!size.passed) return { ...size, message: `${awardCode ? `${awardName(awardCode)}: ` : ''}${size.message}` };
  return evaluateVote(meeting, policy, awardCode);
}
