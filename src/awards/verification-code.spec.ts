import { describe, expect, it } from '@jest/globals';
import {
  formatVerificationCode,
  generateVerificationCode,
  normalizeVerificationCode,
  VERIFICATION_ALPHABET,
  VERIFICATION_CODE_LENGTH,
} from './verification-code.js';

describe('verification codes', () => {
  it('generates 20 symbols of the Crockford alphabet, all different over many draws', () => {
    const codes = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const code = generateVerificationCode();
      expect(code).toHaveLength(VERIFICATION_CODE_LENGTH);
      for (const char of code) expect(VERIFICATION_ALPHABET).toContain(char);
      codes.add(code);
    }
    expect(codes.size).toBe(2000);
  });

  it.each([
    ['ABCD-EFGH-JKMN-PQRS-TVWX', 'ABCDEFGHJKMNPQRSTVWX'],
    ['abcdefghjkmnpqrstvwx', 'ABCDEFGHJKMNPQRSTVWX'],
    [' 0123 4567 89AB CDEF GHJK ', '0123456789ABCDEFGHJK'],
  ])('normalizes %j to %j', (input, expected) => {
    expect(normalizeVerificationCode(input)).toBe(expected);
  });

  it.each([
    '',
    'short',
    'ABCDEFGHJKMNPQRSTVWXY',
    'ABCDEFGHIKMNPQRSTVWX',
    'ABCDEFGHJKLMNPQRSTVW',
    "ABCD'; DROP TABLE x",
    'A'.repeat(100),
  ])('refuses %j', (input) => {
    expect(normalizeVerificationCode(input)).toBeNull();
  });

  it('prints codes in groups of four', () => {
    expect(formatVerificationCode('ABCDEFGHJKMNPQRSTVWX')).toBe('ABCD-EFGH-JKMN-PQRS-TVWX');
  });
});
