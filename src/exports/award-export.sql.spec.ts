import { describe, expect, it } from '@jest/globals';
import { AWARD_EXPORT_COLUMNS, awardExportCopy, awardExportSelect, inlineParameters } from './award-export.sql.js';
import { asciiSlug, compactUtcTimestamp, exportFileName } from './export-file-name.js';

describe('award export SQL', () => {
  it('selects every column under its key, filtered like GET /awards, newest first', () => {
    const select = awardExportSelect(
      { includeRevoked: false, year: 2023, subtreeOf: '6b0f5c1e-0000-4000-8000-000000000001' },
      'typed',
    );
    for (const column of AWARD_EXPORT_COLUMNS) expect(select.text).toContain(`AS "${column.key}"`);
    expect(select.text).toContain('a.revoked_at IS NULL');
    expect(select.text).toMatch(/ORDER BY a\.issued_on DESC, a\.id DESC$/);
    expect(select.values).toEqual([2023, '6b0f5c1e-0000-4000-8000-000000000001']);
  });

  it('formats text for CSV and keeps types for the spreadsheet', () => {
    expect(awardExportSelect({ includeRevoked: true }, 'csv').text).toContain(
      `to_char(a.revoked_at AT TIME ZONE 'UTC'`,
    );
    expect(awardExportSelect({ includeRevoked: true }, 'typed').text).toContain('a.revoked_at AS "revokedAt"');
    expect(awardExportSelect({ includeRevoked: true }, 'typed').text).not.toContain('WHERE');
  });

  it.each([
    ["o'hara", "'o''hara'"],
    ['back\\slash', " E'back\\\\slash'"],
    ["'); DROP TABLE awards; --", "'''); DROP TABLE awards; --'"],
    ['$1 and $2', "'$1 and $2'"],
  ])('inlines the string %j as the literal %s', (value, literal) => {
    expect(inlineParameters('x = $1', [value])).toBe(`x = ${literal}`);
  });

  it('inlines numbers, negatives in parentheses, booleans and NULL; refuses the rest', () => {
    expect(inlineParameters('a = $1 AND b-$2 AND c = $3 AND d = $4', [2023, -1, true, null])).toBe(
      'a = 2023 AND b-(-1) AND c = TRUE AND d = NULL',
    );
    expect(() => inlineParameters('a = $1', [Number.NaN])).toThrow();
    expect(() => inlineParameters('a = $1', [{}])).toThrow();
    expect(() => inlineParameters('a = $2', ['x'])).toThrow();
  });

  it('replaces $10 as one placeholder, not $1 followed by 0', () => {
    const values = Array.from({ length: 10 }, (_, index) => index + 1);
    expect(inlineParameters('$1,$10', values)).toBe('1,10');
  });

  it('leaves no placeholder in the COPY statement', () => {
    const copy = awardExportCopy({
      includeRevoked: true,
      q: "nguyễn 'x' 100%",
      awardCode: 'GIAY_KHEN',
      fromYear: 2020,
      toYear: 2023,
    });
    expect(copy).toMatch(/^COPY \(SELECT /);
    expect(copy).toMatch(/TO STDOUT WITH \(FORMAT csv, HEADER true, ENCODING 'UTF8'\)$/);
    expect(copy).not.toMatch(/\$\d/);
    // escapeLike's backslash before % makes pg write an E'' string, backslash doubled.
    expect(copy).toContain(String.raw`immutable_unaccent( E'nguyễn ''x'' 100\\%')`);
  });
});

describe('export file names', () => {
  const at = new Date('2026-11-27T15:30:00.123Z');

  it.each([
    [{ includeRevoked: true }, 'awards_all_20261127T153000Z.csv'],
    [
      { includeRevoked: true, year: 2023, organizationLabel: 'STTTT' },
      'awards_2023_STTTT-subtree_20261127T153000Z.csv',
    ],
    [
      { includeRevoked: false, fromYear: 2020, toYear: 2023, awardCode: 'GIAY_KHEN' },
      'awards_2020-2023_GIAY_KHEN_not-revoked_20261127T153000Z.csv',
    ],
    [
      { includeRevoked: true, toYear: 2023, recipientKind: 'COLLECTIVE', basis: 'AD_HOC' },
      'awards_to2023_COLLECTIVE_AD_HOC_20261127T153000Z.csv',
    ],
    [{ includeRevoked: true, q: 'Đặng Thị "O\'Hara"' }, 'awards_q-Dang-Thi-O-Hara_20261127T153000Z.csv'],
    [{ includeRevoked: true, organizationLabel: 'Điện Biên / ĐB' }, 'awards_Dien-Bien-DB-subtree_20261127T153000Z.csv'],
  ])('names %j as %s', (parts, name) => {
    expect(exportFileName(parts, at, 'csv')).toBe(name);
  });

  it('is ASCII only, whatever the filters', () => {
    expect(exportFileName({ includeRevoked: true, q: 'ức chế 中文 ☃' }, at, 'xlsx')).toMatch(/^[\x21-\x7e]+$/);
    expect(asciiSlug('Sở Thông tin và Truyền thông')).toBe('So-Thong-tin-va-Truyen-thong');
    expect(compactUtcTimestamp(at)).toBe('20261127T153000Z');
  });
});
