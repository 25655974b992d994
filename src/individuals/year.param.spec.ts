import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../common/errors/problem.js';
import { parseYear } from './year.param.js';

describe('parseYear', () => {
  it.each([
    ['1945', 1945],
    ['2024', 2024],
    ['2100', 2100],
  ])('%p → %p', (value, expected) => {
    expect(parseYear(value)).toBe(expected);
  });

  it.each(['1944', '2101', '02024', '2024.0', '0x7E8', ' 2024', '', 'abc', 2024, undefined])('refuses %p', (value) => {
    expect(() => parseYear(value)).toThrow(ApiError);
    try {
      parseYear(value);
    } catch (error) {
      expect((error as ApiError).extensions.errors?.[0]?.field).toBe('year');
    }
  });
});
