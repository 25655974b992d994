import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

/** Whether `value` is a finite number with at most `places` decimal places (1e-7 has 7, 0.15 has 2). */
export function hasAtMostDecimalPlaces(value: unknown, places: number): boolean {
  return typeof value === 'number' && Number.isFinite(value) && Number(value.toFixed(places)) === value;
}

/**
 * At most `places` decimal places. Use instead of `@IsNumber({ maxDecimalPlaces })`, which counts the digits after
 * the "." of `toString()`: it throws (a 500) on a number written with an exponent and no "." (`1e-7`, `-2e-323`)
 * and lets `1.5e-7` pass as 4 places.
 */
export function MaxDecimalPlaces(places: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'maxDecimalPlaces',
      constraints: [places],
      validator: {
        validate: (value: unknown) => hasAtMostDecimalPlaces(value, places),
        defaultMessage: buildMessage(
          (each) => `${each}$property must have at most $constraint1 decimal places`,
          options,
        ),
      },
    },
    options,
  );
}
