import { describe, expect, it } from '@jest/globals';
import { DEFAULT_QUOTA_SETTINGS } from '../rules/index.js';
import { parseQuotaSettings } from './quota-settings.js';

describe('parseQuotaSettings', () => {
  it('reads a complete stored value as is', () => {
    const value = { cscsEnabled: false, cscsRatio: 0.2, cstinhEnabled: true, cstinhRatio: 0.05 };
    expect(parseQuotaSettings(value)).toEqual(value);
  });

  it.each([null, undefined, 'x', 42, []])('falls back to the defaults for %p', (value) => {
    expect(parseQuotaSettings(value)).toEqual(DEFAULT_QUOTA_SETTINGS);
  });

  it('defaults each missing or malformed field on its own', () => {
    expect(parseQuotaSettings({ cstinhEnabled: true, cscsRatio: 7, cstinhRatio: '0.1' })).toEqual({
      ...DEFAULT_QUOTA_SETTINGS,
      cstinhEnabled: true,
    });
  });
});
