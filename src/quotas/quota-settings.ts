/**
 * Reading the configurable ([C]) rule settings stored in `rule_settings` (docs/rules.md): the quota switches and
 * ratios under the key `quotas`. A missing or partial row falls back to the defaults of the rule engine, so the
 * registry keeps working on a database whose settings were never edited.
 */
import { DEFAULT_QUOTA_SETTINGS, type QuotaSettings } from '../rules/index.js';

export const QUOTA_SETTINGS_KEY = 'quotas';

const isRatio = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1;

/** The quota settings from the stored JSON value, each field defaulted when absent or malformed. */
export function parseQuotaSettings(value: unknown): QuotaSettings {
  const v = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  return {
    cscsEnabled: typeof v.cscsEnabled === 'boolean' ? v.cscsEnabled : DEFAULT_QUOTA_SETTINGS.cscsEnabled,
    cscsRatio: isRatio(v.cscsRatio) ? v.cscsRatio : DEFAULT_QUOTA_SETTINGS.cscsRatio,
    cstinhEnabled: typeof v.cstinhEnabled === 'boolean' ? v.cstinhEnabled : DEFAULT_QUOTA_SETTINGS.cstinhEnabled,
    cstinhRatio: isRatio(v.cstinhRatio) ? v.cstinhRatio : DEFAULT_QUOTA_SETTINGS.cstinhRatio,
  };
}
