import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  checkCouncilSize,
  evaluateMeeting,
  evaluateVote,
  quorumNeeded,
  votePolicyFor,
  yesNeeded,
  type VotePolicy,
  type VoteTally,
} from './votes.js';
import type { AwardCode } from './types.js';
import { render, type Message } from '../i18n/index.js';

/** A rule's message as an English reader sees it. */
const en = (message: Message | undefined): string => (message === undefined ? '' : render(message, 'en'));

const policy = (passRatio: number, required = true): VotePolicy => ({ required, quorumRatio: 2 / 3, passRatio });

describe('R-VOTE-1 thresholds (exact, no float error)', () => {
  it.each([
    [15, 0.9, 14],
    [10, 0.9, 9],
    [20, 0.9, 18],
    [10, 0.8, 8], // 0.8 × 10 = 8.000000000000002 in floating point
    [11, 0.8, 9],
    [5, 0.8, 4],
    [15, 0.5, 8],
    [10, 0.5, 6], // more than half: 5 of 10 is not enough
    [1, 0.5, 1],
  ])('%i members at %p → %i yes needed', (members, ratio, needed) => {
    expect(yesNeeded(members, ratio)).toBe(needed);
  });

  it.each([
    [15, 10],
    [10, 7],
    [9, 6],
    [3, 2],
    [1, 1],
  ])('%i members → quorum %i', (members, quorum) => {
    expect(quorumNeeded(members)).toBe(quorum);
  });

  it('an explicit AT_LEAST 50 % accepts exactly half', () => {
    expect(yesNeeded(10, 0.5, 'AT_LEAST')).toBe(5);
  });
});

describe('evaluateVote', () => {
  it.each<[string, VoteTally | null, VotePolicy, boolean, number | undefined, number | undefined]>([
    ['15 members, 90 %, 14 yes', { members: 15, present: 15, yes: 14 }, policy(0.9), true, 14, 14],
    ['15 members, 90 %, 13 yes', { members: 15, present: 15, yes: 13 }, policy(0.9), false, 14, 13],
    ['10 members, 80 %, 8 yes', { members: 10, present: 9, yes: 8 }, policy(0.8), true, 8, 8],
    ['10 members, 80 %, 7 yes', { members: 10, present: 10, yes: 7 }, policy(0.8), false, 8, 7],
    ['10 members, majority, 6 yes', { members: 10, present: 7, yes: 6 }, policy(0.5), true, 6, 6],
    ['10 members, majority, 5 yes', { members: 10, present: 10, yes: 5 }, policy(0.5), false, 6, 5],
    ['no quorum: 9 of 15 present', { members: 15, present: 9, yes: 9 }, policy(0.5), false, 10, 9],
    ['quorum exactly: 10 of 15', { members: 15, present: 10, yes: 10 }, policy(0.5), true, 8, 10],
    ['not required', null, policy(0.9, false), true, undefined, undefined],
    ['required, none recorded', null, policy(0.9), false, undefined, undefined],
    ['yes > present', { members: 15, present: 10, yes: 11 }, policy(0.5), false, undefined, undefined],
    ['present > members', { members: 15, present: 16, yes: 10 }, policy(0.5), false, undefined, undefined],
    ['no members', { members: 0, present: 0, yes: 0 }, policy(0.5), false, undefined, undefined],
    ['fractional count', { members: 15, present: 12.5, yes: 10 }, policy(0.5), false, undefined, undefined],
  ])('%s', (_label, tally, p, ok, limit, actual) => {
    const c = evaluateVote(tally, p);
    expect(c.rule).toBe('R-VOTE-1');
    expect(c.passed).toBe(ok);
    expect(c.limit).toBe(limit);
    expect(c.actual).toBe(actual);
  });

  it.each<[string, VoteTally, number, boolean, number | undefined, number | undefined]>([
    // Decree 91/2017 Art 45.8: the written votes of absent members count toward the yes votes.
    [
      '15 members, 10 present, 4 in writing, 14 yes at 90 %',
      { members: 15, present: 10, writtenVotes: 4, yes: 14 },
      0.9,
      true,
      14,
      14,
    ],
    [
      'the same meeting without the written votes: 10 yes',
      { members: 15, present: 10, writtenVotes: 0, yes: 10 },
      0.9,
      false,
      14,
      10,
    ],
    [
      'without the written votes, 14 yes of 10 present is impossible',
      { members: 15, present: 10, yes: 14 },
      0.9,
      false,
      undefined,
      undefined,
    ],
    [
      'written votes never make a quorum: 9 present, 6 in writing',
      { members: 15, present: 9, writtenVotes: 6, yes: 15 },
      0.5,
      false,
      10,
      9,
    ],
    [
      'present + written > members',
      { members: 15, present: 12, writtenVotes: 4, yes: 12 },
      0.5,
      false,
      undefined,
      undefined,
    ],
    [
      'yes > present + written',
      { members: 15, present: 10, writtenVotes: 2, yes: 13 },
      0.5,
      false,
      undefined,
      undefined,
    ],
    [
      'negative written votes',
      { members: 15, present: 15, writtenVotes: -1, yes: 14 },
      0.5,
      false,
      undefined,
      undefined,
    ],
    [
      'fractional written votes',
      { members: 15, present: 10, writtenVotes: 0.5, yes: 10 },
      0.5,
      false,
      undefined,
      undefined,
    ],
    [
      '10 members, 7 present, 3 in writing, 8 yes at 80 %',
      { members: 10, present: 7, writtenVotes: 3, yes: 8 },
      0.8,
      true,
      8,
      8,
    ],
  ])('written votes: %s', (_label, tally, passRatio, ok, limit, actual) => {
    const c = evaluateVote(tally, policy(passRatio));
    expect(c.passed).toBe(ok);
    expect(c.limit).toBe(limit);
    expect(c.actual).toBe(actual);
  });

  it('says how many voted in writing', () => {
    expect(en(evaluateVote({ members: 15, present: 10, writtenVotes: 4, yes: 14 }, policy(0.9)).message)).toBe(
      'needs yes votes from at least 90% of all 15 council members, i.e. 14; 14 voted yes (10 present, 4 in writing) (R-VOTE-1)',
    );
  });

  it('names the award and the numbers', () => {
    expect(
      en(
        evaluateVote(
          { members: 15, present: 15, yes: 13 },
          votePolicyFor('CHIEN_SI_THI_DUA_TINH'),
          'CHIEN_SI_THI_DUA_TINH',
        ).message,
      ),
    ).toBe(
      'Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh: needs yes votes from at least 90% of all 15 council members, i.e. 14; 13 voted yes (15 present) (R-VOTE-1)',
    );
  });
});

describe('checkCouncilSize: the members of the council on file, not those typed with the vote', () => {
  it.each<[string, number, number | null, boolean, number | undefined, number | undefined]>([
    ['matches the council on file', 15, 15, true, 15, 15],
    ['a council shrunk to 1 by the caller', 1, 15, false, 15, 1],
    ['a council grown by the caller', 20, 15, false, 15, 20],
    ['no council size on file', 15, null, false, undefined, undefined],
  ])('%s', (_label, members, onFile, ok, limit, actual) => {
    const c = checkCouncilSize(members, onFile);
    expect(c.rule).toBe('R-VOTE-1');
    expect(c.passed).toBe(ok);
    expect(c.limit).toBe(limit);
    expect(c.actual).toBe(actual);
  });

  it('tells the caller to record the council size first', () => {
    expect(en(checkCouncilSize(15, null).message)).toMatch(/record the council size/);
  });
});

describe('evaluateMeeting: the latest meeting against the council on file', () => {
  const failedVote = { members: 15, present: 14, yes: 3 };
  it.each<[string, VoteTally | null, number | null, VotePolicy, boolean, number | undefined, number | undefined]>([
    ['a passing meeting of the council on file', { members: 15, present: 14, yes: 13 }, 15, policy(0.8), true, 12, 13],
    ['a failed meeting', failedVote, 15, policy(0.8), false, 12, 3],
    // The reproduction of the review: 1 member, 1 present, 1 yes against a council of 15 on file.
    ['a 1/1/1 record against a council of 15', { members: 1, present: 1, yes: 1 }, 15, policy(0.8), false, 15, 1],
    [
      'a record of a council since corrected to 17',
      { members: 15, present: 15, yes: 15 },
      17,
      policy(0.8),
      false,
      17,
      15,
    ],
    ['no council on file', { members: 15, present: 15, yes: 15 }, null, policy(0.8), false, undefined, undefined],
    ['no meeting', null, 15, policy(0.8), false, undefined, undefined],
    ['no vote required, nothing on file', null, null, policy(0.8, false), true, undefined, undefined],
    [
      'no vote required, a mismatching record',
      { members: 1, present: 1, yes: 1 },
      15,
      policy(0.8, false),
      true,
      undefined,
      undefined,
    ],
  ])('%s', (_label, meeting, onFile, p, ok, limit, actual) => {
    const c = evaluateMeeting(meeting, onFile, p);
    expect(c.rule).toBe('R-VOTE-1');
    expect(c.passed).toBe(ok);
    expect(c.limit).toBe(limit);
    expect(c.actual).toBe(actual);
  });

  it('names the award when the council size does not match', () => {
    expect(
      en(
        evaluateMeeting({ members: 1, present: 1, yes: 1 }, 15, votePolicyFor('BANG_KHEN_TINH'), 'BANG_KHEN_TINH')
          .message,
      ),
    ).toMatch(/^Bằng khen .*: the vote counts 1 council members but the council on file has 15/);
  });
});

describe('votePolicyFor defaults (catalogue, R-VOTE-1)', () => {
  it.each<[AwardCode, boolean, number]>([
    ['LAO_DONG_TIEN_TIEN', false, 0.5],
    ['CHIEN_SI_THI_DUA_CO_SO', true, 0.5],
    ['CHIEN_SI_THI_DUA_TINH', true, 0.9],
    ['CHIEN_SI_THI_DUA_TOAN_QUOC', true, 0.9],
    ['TAP_THE_LAO_DONG_TIEN_TIEN', false, 0.5],
    ['TAP_THE_LAO_DONG_XUAT_SAC', false, 0.5],
    ['CO_THI_DUA_TINH', true, 0.5],
    ['CO_THI_DUA_CHINH_PHU', true, 0.5],
    ['GIAY_KHEN', false, 0.5],
    ['BANG_KHEN_TINH', true, 0.8],
    ['BANG_KHEN_THU_TUONG', true, 0.5],
  ])('%s: required %p, pass ratio %p', (code, required, passRatio) => {
    expect(votePolicyFor(code)).toEqual({ required, quorumRatio: 2 / 3, passRatio });
  });

  it('takes per-code overrides', () => {
    expect(votePolicyFor('GIAY_KHEN', { required: true, passRatio: 0.75, passMode: 'AT_LEAST' })).toEqual({
      required: true,
      quorumRatio: 2 / 3,
      passRatio: 0.75,
      passMode: 'AT_LEAST',
    });
  });
});

describe('vote properties', () => {
  it('yes needed is the least count reaching p % of all members (p > 50) or more than half (p = 50)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 50, max: 100 }), (members, p) => {
        const needed = yesNeeded(members, p / 100);
        if (p === 50) {
          expect(2 * needed).toBeGreaterThan(members);
          expect(2 * (needed - 1)).toBeLessThanOrEqual(members);
        } else {
          expect(needed * 100).toBeGreaterThanOrEqual(p * members);
          expect((needed - 1) * 100).toBeLessThan(p * members);
        }
      }),
    );
  });

  it('quorum is the least count reaching 2/3 of members', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (members) => {
        const q = quorumNeeded(members);
        expect(3 * q).toBeGreaterThanOrEqual(2 * members);
        expect(3 * (q - 1)).toBeLessThan(2 * members);
      }),
    );
  });
});
