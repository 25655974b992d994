/**
 * R-NUM-1 [L] (Decree 30/2020/NĐ-CP Annex I): a decision number is `NN/QĐ-SYMBOL` — the number with a leading
 * zero below 10, "QĐ" for quyết định, and the issuer's document symbol (05/QĐ-STTTT, 123/QĐ-STTTT). Numbers
 * are unique per issuer and calendar year and restart each year.
 *
 * The number comes from the agency's document register (sổ văn bản, kept by its văn thư), which numbers all of the
 * agency's documents in one series: award decisions are not gapless among themselves. By default (`REGISTER`) the
 * registry records the number it is given and checks its format and uniqueness; an issuer that keeps a dedicated
 * series for award decisions may switch to `AUTO`, and the registry assigns the next number, gapless.
 */
import { msg } from '../i18n/index.js';
import type { RuleCheck } from './types.js';

/** How an issuer's decisions get their numbers (R-NUM-1). */
export const DECISION_NUMBERINGS = ['REGISTER', 'AUTO'] as const;
export type DecisionNumbering = (typeof DECISION_NUMBERINGS)[number];

/** The shape a given number must have before the rule looks at it (an integer is `NN` alone). */
export const DECISION_NUMBER_TEXT = /^\d{1,6}\/QĐ-[A-Za-z0-9Đđ-]+$/u;

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

/** The outcome of R-NUM-1 for the number a request gives. */
export interface GivenDecisionNumber {
  /** The number, when the check passed. */
  number: number | null;
  check: RuleCheck;
}

/**
 * R-NUM-1 for a number taken from the register: `given` is the number as printed (`05/QĐ-STTTT`) or the number
 * alone (5). The text must be canonical (leading zero below 10) and carry the issuer's symbol `symbol`.
 */
export function checkGivenDecisionNumber(given: string | number, symbol: string): GivenDecisionNumber {
  if (typeof given === 'number') {
    const ok = Number.isSafeInteger(given) && given >= 1;
    return ok
      ? {
          number: given,
          check: {
            rule: 'R-NUM-1',
            passed: true,
            message: msg('rules.num.ok', { number: formatDecisionNumber(given, symbol) }),
          },
        }
      : {
          number: null,
          check: {
            rule: 'R-NUM-1',
            passed: false,
            message: msg('rules.num.malformed', { given: String(given), example: formatDecisionNumber(5, symbol) }),
          },
        };
  }
  const text = given.trim().normalize('NFC');
  const parsed = parseDecisionNumber(text);
  if (!parsed) {
    return {
      number: null,
      check: {
        rule: 'R-NUM-1',
        passed: false,
        message: msg('rules.num.malformed', { given: text, example: formatDecisionNumber(5, symbol) }),
      },
    };
  }
  if (parsed.symbol !== symbol) {
    return {
      number: null,
      check: {
        rule: 'R-NUM-1',
        passed: false,
        message: msg('rules.num.otherSymbol', {
          given: text,
          symbol,
          expected: formatDecisionNumber(parsed.number, symbol),
        }),
      },
    };
  }
  const canonical = formatDecisionNumber(parsed.number, symbol);
  if (canonical !== text) {
    return {
      number: null,
      check: {
        rule: 'R-NUM-1',
        passed: false,
        message: msg('rules.num.notCanonical', { given: text, expected: canonical }),
      },
    };
  }
  return {
    number: parsed.number,
    check: { rule: 'R-NUM-1', passed: true, message: msg('rules.num.ok', { number: canonical }) },
  };
}

/** R-NUM-1: an issuer numbering from its register must give the register's number. */
export function checkNumberGiven(
  numbering: DecisionNumbering,
  given: string | number | undefined,
  symbol: string,
): RuleCheck | null {
  if (numbering === 'REGISTER' && given === undefined) {
    return {
      rule: 'R-NUM-1',
      passed: false,
      message: msg('rules.num.required', { example: formatDecisionNumber(5, symbol) }),
    };
  }
  return null;
}

/** What R-NUM-1 needs to know of an issuer. */
export interface NumberingIssuer {
  name: string;
  documentSymbol: string | null;
  decisionNumbering: DecisionNumbering;
}

/**
 * R-NUM-1 for a decision about to be signed (an award decision or a revocation, which is one): the issuer has a
 * document symbol, an issuer numbering from its register gives the register's number, and a given number is
 * well formed. Returns the failing checks, and the given number when it is usable (undefined: none given, the
 * series assigns the next).
 */
export function judgeDecisionNumber(
  issuer: NumberingIssuer,
  given: string | number | undefined,
): { failed: RuleCheck[]; number?: number } {
  if (!issuer.documentSymbol) {
    return {
      failed: [{ rule: 'R-NUM-1', passed: false, message: msg('decision.noSymbol', { issuer: issuer.name }) }],
    };
  }
  const failed: RuleCheck[] = [];
  const missing = checkNumberGiven(issuer.decisionNumbering, given, issuer.documentSymbol);
  if (missing) failed.push(missing);
  if (given === undefined) return { failed };
  const checked = checkGivenDecisionNumber(given, issuer.documentSymbol);
  if (checked.number === null) return { failed: [...failed, checked.check] };
  return { failed, number: checked.number };
}
