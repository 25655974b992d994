import { describe, expect, it } from '@jest/globals';
import { msg, render } from '../i18n/index.js';
import type { RuleCheck } from '../rules/index.js';
import { storedCheck, storedEligibility } from './stored-verdicts.js';

describe('verdicts stored before the catalogue', () => {
  const text = 'Lao động tiên tiến 2023 needs rating HTT or HTXS in 2023 (Law 2022 Art 24); rating 2023 is HT';
  const old = { rule: 'R-LDTT-1', passed: false, message: text } as unknown as RuleCheck;

  it('still read in both languages, naming the rule', () => {
    const check = storedCheck(old);
    expect(render(check.message, 'en')).toBe(`${text} [R-LDTT-1]`);
    expect(render(check.message, 'vi')).toMatch(
      /^R-LDTT-1: Lao động tiên tiến 2023 .*kiểm tra lại để xem bằng tiếng Việt\)$/,
    );
    expect(check).toMatchObject({ rule: 'R-LDTT-1', passed: false });
  });

  it('leave newer checks and a missing verdict untouched', () => {
    const current: RuleCheck = { rule: 'R-HOLD-1', passed: true, message: msg('rules.hold.none') };
    expect(storedCheck(current)).toBe(current);
    expect(storedEligibility(null)).toBeNull();
    const e = storedEligibility({ eligible: false, regime: 'TDKT_2022_ND98', checks: [old, current] });
    expect(e.checks[1]).toBe(current);
    expect(e.checks[0].message).toEqual(msg('rules.stored', { rule: 'R-LDTT-1', text: text }));
  });
});
