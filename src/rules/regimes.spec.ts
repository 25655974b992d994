import { describe, expect, it } from '@jest/globals';
import { REGIMES, regimeInfo, regimeOn } from './regimes.js';
import { REGIME_CODES } from './types.js';

describe('regimeOn (the regime of the decision date)', () => {
  it.each([
    ['2017-10-15', 'TDKT_2003_ND91'],
    ['2023-12-31', 'TDKT_2003_ND91'],
    ['2024-01-01', 'TDKT_2022_ND98'],
    ['2024-01-23', 'TDKT_2022_ND98'],
    ['2025-06-30', 'TDKT_2022_ND98'],
    ['2025-07-01', 'TDKT_2022_ND152'],
    ['2030-01-01', 'TDKT_2022_ND152'],
  ])('%s → %s', (date, regime) => {
    expect(regimeOn(date)).toBe(regime);
  });

  it.each(['2024-1-1', '2023-02-29', '2024-13-01', '', '2024-01-01T00:00:00Z'])('rejects malformed date %p', (date) => {
    expect(() => regimeOn(date)).toThrow(RangeError);
  });

  it('has one contiguous, non-overlapping row per regime code', () => {
    expect(REGIMES.map((r) => r.code)).toEqual([...REGIME_CODES]);
    expect(REGIMES[0]?.from).toBeNull();
    expect(REGIMES.at(-1)?.until).toBeNull();
    expect(REGIMES[1]?.from).toBe('2024-01-01');
    expect(REGIMES[2]?.from).toBe('2025-07-01');
    for (const code of REGIME_CODES) expect(regimeInfo(code).texts.length).toBeGreaterThan(0);
  });
});
