import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ceilMul, floorMul, percent, toFraction } from './fraction.js';

describe('exact ratios', () => {
  it.each([
    [0.15, 3n, 20n],
    [0.1, 1n, 10n],
    [0.9, 9n, 10n],
    [0.8, 4n, 5n],
    [2 / 3, 2n, 3n],
    [0.5, 1n, 2n],
    [4.5, 9n, 2n],
    [0.3, 3n, 10n],
    [12, 12n, 1n],
    [0, 0n, 1n],
  ])('toFraction(%p) = %p/%p', (x, num, den) => {
    expect(toFraction(x)).toEqual({ num, den });
  });

  it.each([
    ['floor', 0.15, 20, 3],
    ['floor', 0.15, 6, 0],
    ['floor', 0.15, 7, 1],
    ['floor', 0.29, 100, 29], // 0.29 * 100 = 28.999999999999996 in floating point
    ['floor', 0.1, 30, 3],
    ['ceil', 0.8, 10, 8], // 0.8 * 10 = 8.000000000000002 in floating point
    ['ceil', 0.9, 15, 14],
    ['ceil', 2 / 3, 15, 10],
    ['ceil', 0.7, 10, 7],
    ['ceil', 0.7, 3, 3],
  ])('%s(%p × %p) = %p', (op, ratio, n, expected) => {
    expect(op === 'floor' ? floorMul(ratio, n) : ceilMul(ratio, n)).toBe(expected);
  });

  it.each([[-0.1], [Number.NaN], [Number.POSITIVE_INFINITY]])('rejects ratio %p', (x) => {
    expect(() => toFraction(x)).toThrow(RangeError);
  });

  it('rejects a negative or fractional count', () => {
    expect(() => floorMul(0.15, -1)).toThrow(RangeError);
    expect(() => ceilMul(0.15, 1.5)).toThrow(RangeError);
  });

  it('agrees with integer arithmetic for every percentage p/100 and count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100_000 }), (p, n) => {
        expect(floorMul(p / 100, n)).toBe(Math.floor((p * n) / 100));
        expect(ceilMul(p / 100, n)).toBe(Math.ceil((p * n) / 100));
      }),
    );
  });
});

describe('percent (messages)', () => {
  it.each([
    [0.15, '15%'],
    [0.9, '90%'],
    [0.5, '50%'],
    [1, '100%'],
    [2 / 3, '2/3'],
    [0.125, '1/8'],
  ])('percent(%p) = %s', (ratio, text) => {
    expect(percent(ratio)).toBe(text);
  });
});
