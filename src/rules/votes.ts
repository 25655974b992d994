/**
 * R-VOTE-1 [C] (Decree 91/2017 Art 45.8): the emulation council's vote on a nomination, at a meeting.
 * Quorum: at least 2/3 of all council members present at the meeting. Members absent from the meeting may vote in
 * writing; written votes count toward the yes votes, never toward the quorum. Pass mark as a share of ALL members
 * (not of those present): CSTĐ tỉnh and CSTĐ toàn quốc 90 %, Bằng khen tỉnh 80 %, others — Cờ thi đua and Bằng khen
 * của Thủ tướng included — a simple majority (more than half). A vote records members, present, written votes, yes.
 * 15 members at 90 % → 14 yes; 10 members at 80 % → 8 yes; 15 members simple majority → 8 yes.
 * All thresholds are computed exactly (fraction.ts): 0.8 × 10 is 8, not 8.000000000000002.
 *
 * "All members" is the size of the council on file (recorded from above the unit, see the README), never a
 * figure typed with the vote: `checkCouncilSize` refuses a vote whose member count disagrees with it, and
 * `evaluateMeeting` judges a recorded meeting against the council on file.
 */
import { msg, type Message, type ParamValue } from '../i18n/index.js';
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

function fail(message: Message, limit?: number, actual?: number): RuleCheck {
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
  const what: ParamValue = awardCode ? msg('rules.vote.prefix', { award: awardName(awardCode) }) : '';
  if (!policy.required) {
    return { rule: 'R-VOTE-1', passed: true, message: msg('rules.vote.notRequired', { what }) };
  }
  if (!tally) return fail(msg('rules.vote.missing', { what }));
  const { members, present, yes } = tally;
  const written = tally.writtenVotes ?? 0;
  if (
    ![members, present, written, yes].every(isCount) ||
    members < 1 ||
    present + written > members ||
    yes > present + written
  ) {
    return fail(msg('rules.vote.inconsistent', { what, yes, present, written, members }));
  }
  const quorum = quorumNeeded(members, policy.quorumRatio);
  if (present < quorum) {
    return fail(
      msg('rules.vote.noQuorum', { what, ratio: percent(policy.quorumRatio), members, quorum, present }),
      quorum,
      present,
    );
  }
  const needed = yesNeeded(members, policy.passRatio, policy.passMode);
  const mark =
    (policy.passMode ?? (policy.passRatio <= 0.5 ? 'MORE_THAN' : 'AT_LEAST')) === 'MORE_THAN'
      ? msg('rules.vote.markMoreThan', { ratio: percent(policy.passRatio) })
      : msg('rules.vote.markAtLeast', { ratio: percent(policy.passRatio) });
  const turnout =
    written > 0 ? msg('rules.vote.turnoutWritten', { present, written }) : msg('rules.vote.turnout', { present });
  return {
    rule: 'R-VOTE-1',
    passed: yes >= needed,
    message: msg('rules.vote.result', { what, mark, members, needed, yes, turnout }),
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
    return fail(msg('rules.vote.noCouncil', { path: 'POST /organizations/{id}/council-sizes' }));
  }
  if (members !== councilMembersOnFile) {
    return fail(
      msg('rules.vote.councilMismatch', { members, onFile: councilMembersOnFile }),
      councilMembersOnFile,
      members,
    );
  }
  return {
    rule: 'R-VOTE-1',
    passed: true,
    message: msg('rules.vote.councilOk', { members }),
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
  if (!size.passed) {
    return awardCode
      ? { ...size, message: msg('rules.vote.withAward', { award: awardName(awardCode), text: size.message }) }
      : size;
  }
  return evaluateVote(meeting, policy, awardCode);
}
