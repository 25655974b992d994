/**
 * R-NUM-1 [L] (Decree 30/2020/NĐ-CP Annex I): a decision number is `NN/QĐ-SYMBOL` — the number with a leading
 * zero below 10, "QĐ" for quyết định, and the issuer's document symbol (05/QĐ-STTTT, 123/QĐ-STTTT). Numbers
 * are unique per issuer and calendar year and restart each year; the series stays gapless.
 */

export interface DecisionNumber {
  number: number;
  symbol: string;
}

const SYMBOL = /^[^\s/]+$/u;
const DECISION_NUMBER = /^(\d+)\/QĐ-([^\s/]+)$/u;

/** Throws RangeError unless `symbol` is a non-empty document symbol without spaces or slashes. */
function assertSymbol(symbol: string): void {
  if (!SYMBOL.test(symbol)) {
    throw new RangeError(`A document symbol must be non-empty, without spaces or "/", got "${symbol}"`);
  }
}

/** R-NUM-1: 5, "STTTT" → "05/QĐ-STTTT"; 123 → "123/QĐ-STTTT". `n` must be a whole number ≥ 1. */
export function formatDecisionNumber(n: number, symbol: string): string {
  if (!Number.isSafeInteger(n) || n < 1)
    throw new RangeError(`A decision number must be a whole number >= 1, got ${n}`);
  assertSymbol(symbol);
  return `${String(n).padStart(2, '0')}/QĐ-${symbol}`;
}

/**
 * Parses "05/QĐ-STTTT" → { number: 5, symbol: "STTTT" }; also accepts "5/QĐ-STTTT" (not canonical: format it
 * again to store). Returns null for anything else. The text is NFC-normalised first.
 */
export function parseDecisionNumber(text: string): DecisionNumber | null {
  const m = DECISION_NUMBER.exec(text.trim().normalize('NFC'));
  if (!m) return null;
  const number = Number(m[1]);
  const symbol = m[2];
  if (!Number.isSafeInteger(number) || number < 1) return null;
  return { number, symbol };
}

/** The next number of a gapless yearly series: 1 for an empty year, else the highest used + 1. */
export function nextDecisionNumber(usedThisYear: readonly number[]): number {
  let max = 0;
  for (const n of usedThisYear) if (n > max) max = n;
  return max + 1;
}
