/**
 * Exact rational arithmetic for ratios and multipliers (R-QUOTA-*, R-VOTE-1, R-MONEY-1).
 *
 * Ratios arrive as JavaScript numbers (0.15, 0.9, 2/3, 4.5). Multiplying floats and then taking floor/ceil is
 * wrong at the edges (0.8 × 10 = 8.000000000000002 → ceil 9; 0.29 × 100 = 28.999999999999996 → floor 28), so
 * every number is first turned into the simplest fraction within 1e-12 of it (continued fractions: 0.15 → 3/20,
 * 0.6666666666666666 → 2/3) and the products are computed on BigInt.
 */

export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

const MAX_DENOMINATOR = 1_000_000_000_000n;
const RELATIVE_TOLERANCE = 1e-12;

/** The simplest fraction within 1e-12 (relative) of a finite, non-negative number. */
export function toFraction(x: number): Fraction {
  if (!Number.isFinite(x) || x < 0) {
    throw new RangeError(`A ratio or multiplier must be a finite number >= 0, got ${x}`);
  }
  const tolerance = RELATIVE_TOLERANCE * Math.max(1, x);
  const a0 = Math.floor(x);
  let hPrev = 1n;
  let h = BigInt(a0);
  let kPrev = 0n;
  let k = 1n;
  let rest = x - a0;
  while (rest > 0 && Math.abs(x - Number(h) / Number(k)) > tolerance) {
    const v = 1 / rest;
    const a = Math.floor(v);
    const hNext = BigInt(a) * h + hPrev;
    const kNext = BigInt(a) * k + kPrev;
    if (kNext > MAX_DENOMINATOR) break;
    hPrev = h;
    h = hNext;
    kPrev = k;
    k = kNext;
    rest = v - a;
  }
  return { num: h, den: k };
}

function assertCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`${what} must be a whole number >= 0, got ${n}`);
  }
}

/** floor(ratio × n), exactly. 0.15 × 20 → 3; 0.15 × 6 → 0; 0.29 × 100 → 29. */
export function floorMul(ratio: number, n: number): number {
  assertCount(n, 'A count');
  const f = toFraction(ratio);
  return Number((f.num * BigInt(n)) / f.den);
}

/** ceil(ratio × n), exactly. 0.9 × 15 → 14; 0.8 × 10 → 8; 2/3 × 15 → 10. */
export function ceilMul(ratio: number, n: number): number {
  assertCount(n, 'A count');
  const f = toFraction(ratio);
  const p = f.num * BigInt(n);
  return Number((p + f.den - 1n) / f.den);
}

/** Formats a ratio for messages: 0.15 → "15%", 0.9 → "90%", 2/3 → "2/3" (a fraction when no exact percentage). */
export function percent(ratio: number): string {
  const f = toFraction(ratio);
  if (100n % f.den !== 0n) return `${f.num}/${f.den}`;
  return `${(f.num * 100n) / f.den}%`;
}
