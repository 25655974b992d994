import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { evaluateVote, quorumNeeded, votePolicyFor, yesNeeded, type VotePolicy } from './votes.js';
import type { AwardCode } from './types.js';

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
  it.each<
    [
      string,
      { members: number; present: number; yes: number } | null,
      VotePolicy,
      boolean,
      number | undefined,
      number | undefined,
    ]
  >([
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

  it('names the award and the numbers', () => {
    expect(
      evaluateVote(
        { members: 15, present: 15, yes: 13 },
        votePolicyFor('CHIEN_SI_THI_DUA_TINH'),
        'CHIEN_SI_THI_DUA_TINH',
      ).message,
    ).toBe(
      'Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh: needs yes votes from at least 90% of all 15 council members, i.e. 14; 13 voted yes (15 present) (R-VOTE-1)',
    );
  });
});

describe('votePolicyFor defaults (catalogue, api.md)', () => {
  it.each<[AwardCode, boolean, number]>([
    ['LAO_DONG_TIEN_TIEN', false, 0.5],
    ['CHIEN_SI_THI_DUA_CO_SO', true, 0.5],
    ['CHIEN_SI_THI_DUA_TINH', true, 0.9],
    ['CHIEN_SI_THI_DUA_TOAN_QUOC', true, 0.9],
    ['TAP_THE_LAO_DONG_TIEN_TIEN', false, 0.5],
    ['TAP_THE_LAO_DONG_XUAT_SAC', false, 0.5],
    ['CO_THI_DUA_TINH', true, 0.9],
    ['CO_THI_DUA_CHINH_PHU', true, 0.9],
    ['GIAY_KHEN', false, 0.5],
    ['BANG_KHEN_TINH', true, 0.8],
    ['BANG_KHEN_THU_TUONG', true, 0.9],
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
