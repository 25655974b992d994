import { describe, expect, it } from '@jest/globals';
import { validateSync } from 'class-validator';
import { todayInVietnam } from '../time/vietnam-time.js';
import { IsCalendarDate, IsNotInFuture } from './dates.js';

class Sample {
  @IsCalendarDate()
  @IsNotInFuture()
  on: unknown;
}

class WorkflowSample {
  @IsCalendarDate({ from: '1945-01-01' })
  on: unknown;
}

const errorsFor = (sample: { on: unknown }, value: unknown) => {
  sample.on = value;
  return validateSync(sample).flatMap((error) => Object.values(error.constraints ?? {}));
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
    const sample = new Sample();
    sample.on = value;
    expect(validateSync(sample).flatMap((error) => Object.keys(error.constraints ?? {}))).toEqual(expected);
  });

  it('takes its range from the field: workflow dates start in 1945', () => {
    expect(errorsFor(new WorkflowSample(), '1944-12-31')).toEqual([
      'must be a real calendar date written YYYY-MM-DD between 1945-01-01 and 2100-12-31',
    ]);
    expect(errorsFor(new WorkflowSample(), '1945-01-01')).toEqual([]);
  });

  it('takes "today" in Vietnam time (UTC+7)', () => {
    expect(todayInVietnam(new Date('2025-06-30T16:59:59Z'))).toBe('2025-06-30');
    expect(todayInVietnam(new Date('2025-06-30T17:00:00Z'))).toBe('2025-07-01');
    expect(todayInVietnam(new Date('2023-12-31T17:00:00Z'))).toBe('2024-01-01');
  });
});
