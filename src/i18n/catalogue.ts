/**
 * The message catalogue: one key per message, a Vietnamese and an English form with the same `{parameters}`.
 * `catalogue.spec.ts` fails when a key lacks a language or a parameter. See docs/i18n.md.
 */
import { COMMON_MESSAGES } from './messages/common.js';
import { ERROR_MESSAGES } from './messages/errors.js';
import { PAGE_MESSAGES } from './messages/pages.js';
import { RULE_MESSAGES } from './messages/rules.js';
import { SERVICE_MESSAGES } from './messages/services.js';
import { VALIDATION_MESSAGES } from './messages/validation.js';

export const CATALOGUE = {
  ...COMMON_MESSAGES,
  ...RULE_MESSAGES,
  ...ERROR_MESSAGES,
  ...VALIDATION_MESSAGES,
  ...PAGE_MESSAGES,
  ...SERVICE_MESSAGES,
} as const satisfies Readonly<Record<string, { readonly vi: string; readonly en: string }>>;
