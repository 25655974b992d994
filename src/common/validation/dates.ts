import { type ValidationOptions, ValidateBy } from 'class-validator';
import { isIsoDate } from '../../rules/index.js';
import { todayInVietnam } from '../time/vietnam-time.js';

/**
 * The years the registry records: from the Democratic Republic's first commendation texts (1945) to 2100, the
 * same bounds the schema checks (`ck_*_year`).
 */
export const FIRST_YEAR = 1945;
export const LAST_YEAR = 2100;

/** Workflow dates (decisions, expected decision dates) start with the first year. */
export const WORKFLOW_DATES = { from: `${FIRST_YEAR}-01-01` };

/** Earliest and latest dates the registry accepts by default: anything outside is a typing mistake. */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2100-12-31';

/**
 * A real calendar date written `YYYY-MM-DD` within `[from, to]` (2024-02-29 yes, 2023-02-30 no). People's dates
 * reach back to 1900; workflow dates (nominations, decisions) start in 1945.
 */
export function IsCalendarDate(
  range: { from?: string; to?: string } = {},
  options?: ValidationOptions,
): PropertyDecorator {
  const from = range.from ?? EARLIEST_DATE;
  const to = range.to ?? LATEST_DATE;
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isIsoDate(value) && value >= from && value <= to,
        defaultMessage: () => `must be a real calendar date written YYYY-MM-DD between ${from} and ${to}`,
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
