/** Calendar-date helpers (YYYY-MM-DD strings, no time zone). Internal to `src/rules`. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (2024-02-29 yes, 2023-02-29 no). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Throws a RangeError unless `value` is a real YYYY-MM-DD date. ISO dates then compare as strings. */
export function assertIsoDate(value: string, what = 'date'): void {
  if (!isIsoDate(value)) {
    throw new RangeError(`${what} must be a date written YYYY-MM-DD, got "${value}"`);
  }
}

/** Splits a valid YYYY-MM-DD date into numbers. */
export function dateParts(value: string): { year: number; month: number; day: number } {
  assertIsoDate(value);
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** The date `days` days after `value` (before, when negative), YYYY-MM-DD. */
export function addDays(value: string, days: number): string {
  assertIsoDate(value);
  const date = new Date(`${value}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
