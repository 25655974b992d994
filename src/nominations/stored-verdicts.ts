/**
 * Verdicts stored before messages were kept as catalogue keys hold their English text. Such a check still reads in
 * either language: its text as stored, named by its rule, with a note in Vietnamese that a new evaluation gives
 * the Vietnamese wording (`rules.stored`). Newer checks pass through untouched.
 */
import { isMessage, msg } from '../i18n/index.js';
import type { Eligibility, RuleCheck } from '../rules/index.js';

export function storedCheck(check: RuleCheck): RuleCheck {
  const message: unknown = check.message;
  if (isMessage(message)) return check;
  return { ...check, message: msg('rules.stored', { rule: check.rule, text: String(message) }) };
}

export function storedEligibility<E extends Eligibility | null>(eligibility: E): E {
  if (eligibility === null) return eligibility;
  return { ...eligibility, checks: eligibility.checks.map(storedCheck) };
}
