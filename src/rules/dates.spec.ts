import { describe, expect, it } from '@jest/globals';
import { addDays } from './dates.js';

describe('calendar dates', () => {
  it.each([
    ['2025-03-01', -1, '2025-02-28'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2025-06-30', 1, '2025-07-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2025-03-10', 0, '2025-03-10'],
  ])('%s %p days → %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('refuses what is not a calendar date', () => {
    expect(() => addDays('2023-02-29', 1)).toThrow(RangeError);
  });
});
