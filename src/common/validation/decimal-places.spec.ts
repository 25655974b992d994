import { describe, expect, it } from '@jest/globals';
import { isNumber } from 'class-validator';
import { hasAtMostDecimalPlaces } from './decimal-places.js';

describe('hasAtMostDecimalPlaces', () => {
  it.each([
    [0.15, 4, true],
    [0.1234, 4, true],
    [1, 4, true],
    [0, 4, true],
    [0.12345, 4, false],
    [0.1 + 0.2, 4, false],
    [1e-7, 4, false],
    [1.5e-7, 4, false],
    [-2e-323, 4, false],
    [5e-324, 3, false],
    [0.001, 3, true],
    [Number.NaN, 4, false],
    [Number.POSITIVE_INFINITY, 4, false],
    ['0.15', 4, false],
  ])('%p with at most %i places → %p', (value, places, expected) => {
    expect(hasAtMostDecimalPlaces(value, places)).toBe(expected);
  });

  it("is needed: class-validator's own maxDecimalPlaces throws on exponent notation without a dot", () => {
    expect(() => isNumber(1e-7, { maxDecimalPlaces: 4 })).toThrow(TypeError);
    expect(isNumber(1.5e-7, { maxDecimalPlaces: 4 })).toBe(true);
  });
});
