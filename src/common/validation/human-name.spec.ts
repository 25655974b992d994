import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { IsString, validateSync } from 'class-validator';
import { HumanName, invisibleCharacterIn, normalizeName } from './human-name.js';

class Sample {
  @HumanName()
  @IsString()
  name: unknown;
}

const check = (name: unknown) => {
  const sample = plainToInstance(Sample, { name });
  return { name: sample.name, errors: validateSync(sample).flatMap((error) => Object.values(error.constraints ?? {})) };
};

describe('HumanName', () => {
  it.each([
    ['zero-width space', 'Nguyễn\u200BVăn An', 'U+200B'],
    ['zero-width joiner', 'Nguyễn\u200DVăn An', 'U+200D'],
    ['right-to-left override', 'Sở \u202ETTTT', 'U+202E'],
    ['left-to-right isolate', '\u2066Sở TT&TT\u2069', 'U+2066'],
    ['byte order mark, even leading', '\uFEFFNguyễn Văn An', 'U+FEFF'],
    ['soft hyphen', 'Trần\u00ADThị', 'U+00AD'],
    ['NUL', 'An\u0000', 'U+0000'],
    ['other C0 control', 'An\u001F', 'U+001F'],
    ['C1 control', 'An\u0085', 'U+0085'],
    ['lone surrogate', 'An\uD800', 'U+D800'],
  ])('refuses a %s (%p)', (_, value, found) => {
    expect(invisibleCharacterIn(value)).toBe(found);
    expect(check(value).errors).toEqual([`name must not contain invisible or control characters (found ${found})`]);
  });

  it.each([
    ['Nguyễn Văn An', 'Nguyễn Văn An'],
    // Decomposed (NFD) as some keyboards type it → composed (NFC).
    ['Nguye\u0302\u0303n Va\u0306n An', 'Nguyễn Văn An'],
    ['  Sở   TT&TT\t\n ', 'Sở TT&TT'],
    ['Lò\u00A0Văn Cường', 'Lò Văn Cường'],
    ['Hà Nội 😀', 'Hà Nội 😀'],
  ])('accepts %p and stores %p', (value, stored) => {
    expect(check(value)).toEqual({ name: stored, errors: [] });
    expect(normalizeName(value)).toBe(stored);
  });

  it('leaves non-strings to the type check', () => {
    expect(check(42).errors).toEqual(['name must be a string']);
  });
});
