import { describe, expect, it } from '@jest/globals';
import {
  AWARD_EXPORT_COLUMNS,
  SHEET_HEADER_STYLE,
  SHEET_NUMBER_FORMATS,
  awardExportCopy,
  awardExportSelect,
  awardSheetCopy,
  columnLetter,
  inlineParameters,
  sheetCellReferenced,
  sheetRowSql,
  sheetStyle,
  sheetTextSql,
} from './award-export.sql.js';
import { asciiSlug, compactUtcTimestamp, exportFileName } from './export-file-name.js';

describe('award export SQL', () => {
  const filter = { includeRevoked: false, year: 2023, subtreeOf: '6b0f5c1e-0000-4000-8000-000000000001' };

  it('selects every column under its key, filtered like GET /awards, newest first', () => {
    const select = awardExportSelect(filter, 'csv');
    for (const column of AWARD_EXPORT_COLUMNS) expect(select.text).toContain(`AS "${column.key}"`);
    // The conditions of `awardConditions` (Kysely), the same as the register's.
    expect(select.text).toContain('"a"."revoked_at" is null');
    expect(select.text).toMatch(/ORDER BY a\.issued_on DESC, a\.id DESC$/);
    expect(select.values).toEqual([2023, '6b0f5c1e-0000-4000-8000-000000000001']);
  });

  it('defuses formulas in the CSV text columns only: numbers, dates and instants stay as they are', () => {
    const text = awardExportSelect({ includeRevoked: true }, 'csv').text;
    for (const column of AWARD_EXPORT_COLUMNS) {
      const selected = new RegExp(`^(.*) AS "${column.key}",?$`, 'm')
        .exec(text)?.[1]
        ?.replace(/^SELECT /, '')
        .trim();
      if (column.type === 'text' && !column.formulaFree)
        expect(selected).toMatch(/^CASE WHEN ascii\(.*THEN '''' \|\| /);
      else expect(selected).not.toContain('ascii(');
    }
    expect(text).toContain(`THEN '''' || d.signer_name ELSE d.signer_name END AS "signerName"`);
    // Left out of the check: UUIDs, the statement's own literals and values the database checks against a list.
    expect(AWARD_EXPORT_COLUMNS.filter((column) => column.formulaFree).map((column) => column.sql)).toEqual([
      'a.id::text',
      'a.recipient_kind',
      'a.organization_id::text',
      'a.decision_id::text',
      'd.authority',
      'd.signing_mode',
      `CASE WHEN a.revoked_at IS NULL THEN 'no' ELSE 'yes' END`,
      // The ground of Law 2022 Art 93.2, checked against A–D by the schema.
      'rv.ground',
      `CASE WHEN a.needs_review THEN 'yes' ELSE 'no' END`,
    ]);
  });

  it('formats dates, instants and the bonus for CSV as the API prints them', () => {
    const text = awardExportSelect({ includeRevoked: true }, 'csv').text;
    expect(text).toContain(`to_char(a.revoked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "revokedAt"`);
    expect(text).toContain(`to_char(a.issued_on, 'YYYY-MM-DD') AS "issuedOn"`);
    expect(text).toContain('a.bonus_amount AS "bonusAmount"');
    expect(text).not.toMatch(/\bwhere\b/i);
  });

  it('selects the sheet rows from the same awards, filter and order as the CSV, numbered in that order', () => {
    const csv = awardExportSelect(filter, 'csv');
    const sheet = awardExportSelect(filter, 'sheet');
    expect(sheet.values).toEqual(csv.values);
    const where = /\n {2}(where .*)\n/.exec(csv.text)?.[1];
    expect(where).toContain('"a"."year" = $1');
    expect(sheet.text).toContain(where);
    expect(sheet.text).toContain('row_number() OVER (ORDER BY a.issued_on DESC, a.id DESC)');
    // The outer query keeps the inner order (one sort): it orders by the same keys.
    expect(sheet.text).toMatch(/ORDER BY h\.order_issued_on DESC, h\.order_id DESC$/);
    // One column: the row's XML, one `format` call for a row without escaping and one for a row with.
    expect(sheet.text).toMatch(
      /^SELECT CASE WHEN h\.escaped\s+THEN format\('<row r="%1\$s">.*\s+ELSE format\('<row r="%1\$s">/,
    );
    expect(sheet.text.match(/format\(/g)).toHaveLength(2);
  });

  it('gives every export column a cell, its reference written only where it is not implied', () => {
    // The first cell, and each after a cell that may be left out (a NULL value).
    expect(
      AWARD_EXPORT_COLUMNS.map((_, index) => index)
        .filter(sheetCellReferenced)
        .map(columnLetter),
    ).toEqual(['A', 'K', 'O', 'V', 'Y', 'Z', 'AA', 'AB', 'AC']);
    expect(AWARD_EXPORT_COLUMNS.filter((column) => column.nullable).map((column) => column.key)).toEqual([
      'organizationPath',
      'issuerName',
      'certificateNumber',
      'revokedAt',
      'revokedReason',
      'revocationNumber',
      'revocationIssuedOn',
      'revocationGround',
    ]);
    const row = sheetRowSql(false);
    expect(row).toMatch(
      /^format\('<row r="%1\$s"><c r="A%1\$s" t="inlineStr"><is><t>%2\$s<\/t><\/is><\/c><c s="1"><v>%3\$s<\/v><\/c>/,
    );
    AWARD_EXPORT_COLUMNS.forEach((column, index) => {
      const argument = `%${index + 2}$s`;
      // A nullable value's argument is its whole cell: NULL, which `format` writes as nothing, leaves it out.
      if (column.nullable) {
        expect(row).toMatch(new RegExp(`(</c>|%\\d+\\$s)${argument.replace('$', '\\$')}`));
        expect(row).toContain(`h."${column.key}" || '</`);
      } else expect(row).toContain(`>${argument}</`);
    });
    expect(row).toContain('<c r="K%1$s" t="inlineStr"><is><t>%12$s</t></is></c>');
    expect(row).toContain(`'<c t="inlineStr"><is><t>' || h."organizationPath" || '</t></is></c>'`);
    expect(row).toContain(`'<c r="Y' || h.n || '" t="inlineStr"><is><t>' || h."revokedReason" || '</t></is></c>'`);
  });

  it('writes numbers, day serials and instants as spreadsheet numbers, styled by their type', () => {
    const text = awardExportSelect({ includeRevoked: true }, 'sheet').text;
    expect(text).toContain(`(a.year)::text AS "year"`);
    expect(text).toContain(`(a.bonus_amount)::text AS "bonusAmount"`);
    expect(text).toContain(`((a.issued_on) - DATE '1899-12-30')::text AS "issuedOn"`);
    expect(text).toContain(
      `(date_part('epoch', date_trunc('milliseconds', a.revoked_at)) / 86400 + 25569)::text AS "revokedAt"`,
    );
    expect(text).toContain(`<c s="${sheetStyle('integer')}"><v>%3$s</v></c>`);
    expect(text).toContain(`<c s="${sheetStyle('date')}"><v>%14$s</v></c>`);
    expect(text).toContain(`'<c s="${sheetStyle('timestamp')}"><v>' || h."revokedAt" || '</v></c>'`);
  });

  it('writes text as inline strings, escaped only in rows that need it', () => {
    const text = awardExportSelect({ includeRevoked: true }, 'sheet').text;
    const plain = sheetRowSql(false);
    const escaped = sheetRowSql(true);
    expect(plain).toContain('<c t="inlineStr"><is><t>%8$s</t></is></c>');
    expect(escaped).toContain('<c t="inlineStr"><is><t xml:space="preserve">%8$s</t></is></c>');
    expect(escaped).toContain(`, ${sheetTextSql('h."recipientName"')}, `);
    expect(plain).not.toContain('replace(');
    // The check runs once per row, over every text value but those that are always plain (UUIDs, codes).
    expect(text.match(/ AS escaped/g)).toHaveLength(1);
    for (const column of AWARD_EXPORT_COLUMNS.filter((c) => c.type === 'text')) {
      const checked = new RegExp(`concat_ws\\(E'\\\\uE000', [^)]*s\\."${column.key}"`);
      if (column.formulaFree) {
        expect(text).not.toMatch(checked);
        // A nullable column's cell is built in SQL as a whole (left out when NULL), not by the row's template.
        if (!column.nullable) expect(escaped).toContain(`<t>%${AWARD_EXPORT_COLUMNS.indexOf(column) + 2}$s</t>`);
      } else expect(text).toMatch(checked);
    }
    expect(text).toContain(String.raw`~ E'[&<>\\\\\\x01-\\x1f\\ufffe\\uffff]|^ | $|\\ue000 | \\ue000' AS escaped`);
  });

  it('escapes cell text into XML without the characters COPY text format would escape, dropping what XML forbids', () => {
    expect(sheetTextSql('v')).toBe(
      'replace(replace(replace(replace(replace(replace(replace(' +
        String.raw`regexp_replace(v, E'[\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f\\ufffe\\uffff]', '', 'g'), ` +
        `'&', '&amp;'), '<', '&lt;'), '>', '&gt;'), ` +
        String.raw`E'\\', '&#92;'), E'\t', '&#9;'), E'\n', '&#10;'), E'\r', '&#13;')`,
    );
  });

  it('numbers the cell formats after the number formats, the header last', () => {
    expect(sheetStyle('text')).toBe(0);
    expect(SHEET_NUMBER_FORMATS.map((entry) => sheetStyle(entry.type))).toEqual([1, 2, 3, 4]);
    expect(SHEET_NUMBER_FORMATS.map((entry) => entry.format)).toEqual([
      '0',
      '#,##0',
      'dd/mm/yyyy',
      'dd/mm/yyyy hh:mm:ss',
    ]);
    expect(SHEET_HEADER_STYLE).toBe(5);
  });

  it.each([
    [0, 'A'],
    [24, 'Y'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('names column %i %s', (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
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
    // The text is inlined as sent; its LIKE wildcards are escaped in SQL, after unaccenting.
    expect(copy).toContain(
      String.raw`replace(replace(replace(immutable_unaccent('nguyễn ''x'' 100%'), '\', '\\'), '%', '\%'), '_', '\_')`,
    );
  });

  it('copies the sheet rows in text format, every parameter inlined', () => {
    const copy = awardSheetCopy({ includeRevoked: false, q: "o'hara", year: 2023 });
    expect(copy).toMatch(/^COPY \(SELECT CASE WHEN h\.escaped/);
    expect(copy).toMatch(/TO STDOUT WITH \(FORMAT text, ENCODING 'UTF8'\)$/);
    expect(copy).not.toMatch(/\$\d/);
    expect(copy).toContain(`"a"."year" = 2023`);
    expect(copy).toContain(`immutable_unaccent('o''hara')`);
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
