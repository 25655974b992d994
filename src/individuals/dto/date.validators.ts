import { type ValidationOptions, ValidateBy } from 'class-validator';
import { isIsoDate } from '../../rules/index.js';

/** Vietnam keeps UTC+7 all year (no daylight saving), so "today" is a fixed offset from UTC. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Today's date (YYYY-MM-DD) in Vietnam. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** Earliest and latest dates the registry accepts anywhere: anything outside is a typing mistake. */
export const MIN_DATE = '1900-01-01';
export const MAX_DATE = '2100-12-31';

/** A real calendar date written `YYYY-MM-DD` between 1900-01-01 and 2100-12-31 (2024-02-29 yes, 2023-02-30 no). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && isIsoDate(value) && value >= MIN_DATE && value <= MAX_DATE,
        defaultMessage: () => `must be a real calendar date written YYYY-MM-DD between ${MIN_DATE} and ${MAX_DATE}`,
      },
    },
    options,
  );
}

/** Not after today (Vietnam time): for events that have already happened, such as a birth. */
export function IsNotInFuture(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotInFuture',
      validator: {
        // Only judged on well-formed dates; IsCalendarDate reports the others.
        validate: (value: unknown) => typeof value !== 'string' || !isIsoDate(value) || value <= todayInVietnam(),
        defaultMessage: () => 'must not be in the future',
      },
    },
    options,
  );
}
