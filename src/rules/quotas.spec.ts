import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { checkQuotas, DEFAULT_QUOTA_SETTINGS, quotaLimits, tightestLimit, type QuotaInput } from './quotas.js';
import { render, type Message } from '../i18n/index.js';
import type { Regime } from './types.js';

/** A rule's message as an English reader sees it. */
const en = (message: Message | undefined): string => (message === undefined ? '' : render(message, 'en'));

const cscs = (ldtt: number, used: number, over: Partial<QuotaInput> = {}): QuotaInput => ({
  awardCode: 'CHIEN_SI_THI_DUA_CO_SO',
  year: 2023,
  used,
  baseCounts: { LAO_DONG_TIEN_TIEN: ldtt },
  unitQuotas: [],
  ...over,
});

describe('R-QUOTA-CSCS floor(15 % × LĐTT) (Decree 91 Art 9.3, configurable)', () => {
  it.each([
    [20, 3],
    [6, 0],
    [7, 1],
    [0, 0],
    [13, 1],
    [14, 2],
    [100, 15],
    [133, 19],
  ])('%i LĐTT → at most %i CSTĐ cơ sở', (ldtt, limit) => {
    expect(quotaLimits(cscs(ldtt, 0))).toEqual([
      expect.objectContaining({ rule: 'R-QUOTA-CSCS', limit, source: 'SETTING' }),
    ]);
  });

  it.each([
    [20, 0, true],
    [20, 2, true], // the 3rd of 3
    [20, 3, false], // would be the 4th
    [6, 0, false], // cap 0
    [7, 0, true],
    [7, 1, false],
  ])('%i LĐTT, %i already counted → approving one more passes: %p', (ldtt, used, ok) => {
    const [c] = checkQuotas(cscs(ldtt, used));
    expect(c).toMatchObject({ rule: 'R-QUOTA-CSCS', passed: ok, actual: used + 1 });
  });

  it('names the numbers in the message', () => {
    expect(en(checkQuotas(cscs(20, 3, { regime: 'TDKT_2003_ND91' }))[0]?.message)).toBe(
      'Approving this makes 4 Chiến sĩ thi đua cơ sở for 2023 in the proposing unit; the cap is 3 = floor(15% × 20 Lao động tiên tiến of the unit and the units under it) (R-QUOTA-CSCS: Decree 91 Art 9.3, configurable)',
    );
  });

  it('can be switched off or given another ratio', () => {
    expect(checkQuotas(cscs(20, 10), { ...DEFAULT_QUOTA_SETTINGS, cscsEnabled: false })).toEqual([]);
    expect(quotaLimits(cscs(20, 0), { ...DEFAULT_QUOTA_SETTINGS, cscsRatio: 0.2 })[0]?.limit).toBe(4);
  });

  it('does not apply to other codes', () => {
    expect(checkQuotas({ ...cscs(20, 50), awardCode: 'LAO_DONG_TIEN_TIEN' })).toEqual([]);
  });
});

describe('R-QUOTA-CSCS rev 2: law under Decree 91 only, the province’s setting after', () => {
  it.each<[Regime | undefined, string, string]>([
    ['TDKT_2003_ND91', 'LEGAL', 'Decree 91 Art 9.3'],
    ['TDKT_2022_ND98', 'SETTING', 'provincial setting'],
    ['TDKT_2022_ND152', 'SETTING', 'provincial setting'],
    [undefined, 'SETTING', 'provincial setting'],
  ])('under %s the limit is %s (%s)', (regime, source, article) => {
    const [limit] = quotaLimits(cscs(20, 0, regime === undefined ? {} : { regime }));
    expect(limit).toMatchObject({ rule: 'R-QUOTA-CSCS', source, limit: 3 });
    expect(en(limit?.article)).toContain(article);
    expect(en(limit?.basis)).toContain('of the unit and the units under it');
  });

  it('R-QUOTA-CSTINH is a provincial setting', () => {
    const [limit] = quotaLimits(
      { awardCode: 'CHIEN_SI_THI_DUA_TINH', year: 2023, baseCounts: { CHIEN_SI_THI_DUA_CO_SO: 30 }, unitQuotas: [] },
      { ...DEFAULT_QUOTA_SETTINGS, cstinhEnabled: true },
    );
    expect(limit).toMatchObject({ rule: 'R-QUOTA-CSTINH', source: 'SETTING', limit: 3 });
  });
});

describe('R-QUOTA-CSTINH floor(10 % × CSTĐ cơ sở), off by default', () => {
  const input: QuotaInput = {
    awardCode: 'CHIEN_SI_THI_DUA_TINH',
    year: 2023,
    used: 1,
    baseCounts: { CHIEN_SI_THI_DUA_CO_SO: 25 },
    unitQuotas: [],
  };
  it('is off by default', () => {
    expect(DEFAULT_QUOTA_SETTINGS.cstinhEnabled).toBe(false);
    expect(checkQuotas(input)).toEqual([]);
  });
  it.each([
    [25, 1, true], // cap 2, this is the 2nd
    [25, 2, false],
    [9, 0, false], // cap 0
    [10, 0, true],
  ])('switched on: %i CSTĐ cơ sở, %i used → %p', (base, used, ok) => {
    const on = { ...DEFAULT_QUOTA_SETTINGS, cstinhEnabled: true };
    const checks = checkQuotas({ ...input, used, baseCounts: { CHIEN_SI_THI_DUA_CO_SO: base } }, on);
    expect(checks).toEqual([
      expect.objectContaining({ rule: 'R-QUOTA-CSTINH', passed: ok, limit: Math.floor(base / 10) }),
    ]);
  });
});

describe('R-QUOTA-UNIT the unit’s own caps; the tightest wins', () => {
  it.each<[string, QuotaInput['unitQuotas'], number | undefined, number[]]>([
    ['max count', [{ maxCount: 2 }], undefined, [2]],
    ['max ratio of headcount', [{ maxRatio: 0.5, ratioOf: 'HEADCOUNT' }], 9, [4]],
    ['ratio without ratioOf is of the headcount', [{ maxRatio: 0.3 }], 10, [3]],
    ['headcount not supplied → 0', [{ maxRatio: 0.3, ratioOf: 'HEADCOUNT' }], undefined, [0]],
    ['ratio of another code', [{ maxRatio: 0.29, ratioOf: 'LAO_DONG_TIEN_TIEN' }], undefined, [29]],
    ['count and ratio in one row', [{ maxCount: 5, maxRatio: 0.1, ratioOf: 'HEADCOUNT' }], 40, [5, 4]],
    ['null fields are ignored', [{ maxCount: null, maxRatio: null, ratioOf: null }], 40, []],
  ])('%s', (_label, unitQuotas, headcount, limits) => {
    const input: QuotaInput = {
      awardCode: 'GIAY_KHEN',
      year: 2023,
      used: 0,
      baseCounts: { LAO_DONG_TIEN_TIEN: 100 },
      unitQuotas,
    };
    if (headcount !== undefined) input.headcount = headcount;
    const out = quotaLimits(input);
    expect(out.map((l) => l.limit)).toEqual(limits);
    expect(out.every((l) => l.rule === 'R-QUOTA-UNIT' && l.source === 'UNIT')).toBe(true);
  });

  it('lists legal and unit limits; enforcement fails on the tightest', () => {
    const input = cscs(20, 2, { unitQuotas: [{ maxCount: 2 }, { maxCount: 10 }] });
    const limits = quotaLimits(input);
    expect(limits.map((l) => [l.rule, l.source, l.limit])).toEqual([
      ['R-QUOTA-CSCS', 'SETTING', 3],
      ['R-QUOTA-UNIT', 'UNIT', 2],
      ['R-QUOTA-UNIT', 'UNIT', 10],
    ]);
    expect(tightestLimit(limits)?.limit).toBe(2);
    expect(checkQuotas(input).map((c) => [c.rule, c.passed])).toEqual([
      ['R-QUOTA-CSCS', true],
      ['R-QUOTA-UNIT', false],
      ['R-QUOTA-UNIT', true],
    ]);
    expect(tightestLimit([])).toBeNull();
  });

  it('passes under the cap', () => {
    expect(checkQuotas(cscs(20, 0, { unitQuotas: [{ maxCount: 1 }] })).every((c) => c.passed)).toBe(true);
  });

  it('rejects a negative used count', () => {
    expect(() => checkQuotas(cscs(20, -1))).toThrow(RangeError);
  });
});

describe('quota properties', () => {
  it('the floor is never exceeded: limit ≤ ratio × base < limit + 1, and a pass keeps used + 1 ≤ limit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 1000 }),
        (pct, base, used) => {
          const settings = { ...DEFAULT_QUOTA_SETTINGS, cscsRatio: pct / 100 };
          const input = cscs(base, used);
          const [limit] = quotaLimits(input, settings);
          if (!limit) throw new Error('no limit');
          expect(limit.limit * 100).toBeLessThanOrEqual(pct * base);
          expect((limit.limit + 1) * 100).toBeGreaterThan(pct * base);
          const [c] = checkQuotas(input, settings);
          expect(c?.passed).toBe(used + 1 <= limit.limit);
        },
      ),
    );
  });

  it('approving one by one never goes past the tightest limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 50 }), (ldtt, maxCount) => {
        let used = 0;
        while (checkQuotas(cscs(ldtt, used, { unitQuotas: [{ maxCount }] })).every((c) => c.passed)) used += 1;
        expect(used).toBe(Math.min(Math.floor((15 * ldtt) / 100), maxCount));
      }),
    );
  });
});
