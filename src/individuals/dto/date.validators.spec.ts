import { describe, expect, it } from '@jest/globals';
import { validateSync } from 'class-validator';
import { parseYear } from '../year.param.js';
import { IsCalendarDate, IsNotInFuture, todayInVietnam } from './date.validators.js';

class Sample {
  @IsCalendarDate()
  @IsNotInFuture()
  on: unknown;
}

const errorsFor = (value: unknown) => {
  const sample = new Sample();
  sample.on = value;
  return validateSync(sample).flatMap((error) => Object.keys(error.constraints ?? {}));
};

describe('date validators', () => {
  it.each([
    ['2024-02-29', []],
    ['1900-01-01', []],
    ['2023-02-29', ['isCalendarDate']],
    ['2023-02-30', ['isCalendarDate']],
    ['2024-13-01', ['isCalendarDate']],
    ['2024-1-5', ['isCalendarDate']],
    ['1899-12-31', ['isCalendarDate']],
    ['2024-02-01T00:00:00Z', ['isCalendarDate']],
    [20240201, ['isCalendarDate']],
    ['2099-01-01', ['isNotInFuture']],
  ])('%p → %p', (value, expected) => {
    expect(errorsFor(value)).toEqual(expected);
  });

  it('takes "today" in Vietnam time (UTC+7)', () => {
    expect(todayInVietnam(new Date('2025-06-30T16:59:59Z'))).toBe('2025-06-30');
    expect(todayInVietnam(new Date('2025-06-30T17:00:00Z'))).toBe('2025-07-01');
  });
});

describe('parseYear', () => {
  it.each([
    ['1945', 1945],
    ['2024', 2024],
    ['2100', 2100],
  ])('%p → %p', (value, expected) => {
    expect(parseYear(value)).toBe(expected);
  });

  it.each(['1944', '2101', '02024', '2024.0', '0x7E8', ' 2024', '', 'abc', 2024, undefined])('refuses %p', (value) => {
    expect(() => parseYear(value)).toThrow('year: must be a year between 1945 and 2100');
  });
});
