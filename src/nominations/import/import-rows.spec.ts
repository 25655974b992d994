import { msg } from '../../i18n/index.js';
import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../../common/errors/problem.js';
import { detectFormat, readCsv, unpackWithin, zipMembers } from './import-file.js';
import { deflatedSpaces, storedMember, zipOf } from '../../../test/support/zip.js';
import { columnLetter, normalizeDate, toNominationBody, toRecords } from './import-rows.js';

const HEADER = ['year', 'awardCode', 'basis', 'individualId', 'proposingOrganizationId', 'achievements'];
const row = (n: number, cells: string[]) => ({ row: n, cells });

describe('import rows', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('column %i is %s', (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
  });

  it.each([
    ['23/01/2024', '2024-01-23'],
    ['3/7/2025', '2025-07-03'],
    ['2024-01-23', '2024-01-23'],
    ['01-23-2024', '01-23-2024'],
  ])('normalizes the date %s to %s', (input, output) => {
    expect(normalizeDate(input)).toBe(output);
  });

  it('maps columns in any order, case-insensitively, skips blank rows and keeps spreadsheet row numbers', () => {
    const { records, errors } = toRecords([
      row(1, ['Achievements', 'YEAR', 'awardcode', 'basis', 'individualId', 'proposingOrganizationId']),
      row(2, ['Thành tích', '2024', 'GIAY_KHEN', 'REGULAR', 'a', 'b']),
      row(3, ['', '', '']),
      row(4, ['Khác', '2023', 'GIAY_KHEN', 'THEMATIC', 'c', 'd']),
    ]);
    expect(errors).toEqual([]);
    expect(records.map((r) => r.row)).toEqual([2, 4]);
    expect(records[0].values).toEqual({
      achievements: 'Thành tích',
      year: '2024',
      awardCode: 'GIAY_KHEN',
      basis: 'REGULAR',
      individualId: 'a',
      proposingOrganizationId: 'b',
    });
  });

  it('reports a missing header row, unknown, repeated and missing columns as errors of row 1', () => {
    expect(toRecords([]).errors).toEqual([expect.objectContaining({ row: 1, field: 'header' })]);
    expect(toRecords([row(2, HEADER)]).errors).toEqual([expect.objectContaining({ row: 1, field: 'header' })]);
    const { errors } = toRecords([row(1, ['year', 'year', 'ghi chú', 'basis', 'achievements'])]);
    expect(errors.map((e) => e.field)).toEqual([
      'year',
      'ghi chú',
      'awardCode',
      'proposingOrganizationId',
      'individualId',
    ]);
  });

  it('accepts the alternative columns in place of the ids, and refuses a value under a column without a header', () => {
    const header = ['year', 'awardCode', 'basis', 'nationalId', 'proposingOrganizationCode', 'achievements', ''];
    const { records, errors } = toRecords([
      row(1, header),
      row(2, ['2024', 'GIAY_KHEN', 'REGULAR', '0111', 'STTTT', 'x', 'note']),
    ]);
    expect(records[0].values).toMatchObject({ nationalId: '0111', proposingOrganizationCode: 'STTTT' });
    expect(errors).toEqual([{ row: 2, field: 'G', message: msg('import.valueWithoutHeader') }]);
  });

  it('builds the POST /nominations body: year as a number when it is one, dates normalized, resolved ids', () => {
    expect(
      toNominationBody(
        {
          year: '2024',
          awardCode: 'GIAY_KHEN',
          nationalId: '0111',
          expectedDecisionOn: '23/01/2025',
          achievements: 'x',
        },
        { individualId: 'id-1' },
      ),
    ).toEqual({
      year: 2024,
      awardCode: 'GIAY_KHEN',
      individualId: 'id-1',
      achievements: 'x',
      expectedDecisionOn: '2025-01-23',
    });
    expect(toNominationBody({ year: 'năm 2024' }, {})).toEqual({ year: 'năm 2024' });
  });
});

describe('import file', () => {
  const status = (run: () => unknown) => {
    try {
      run();
      return 'accepted';
    } catch (error) {
      return error instanceof ApiError ? error.status : 'other';
    }
  };

  it('judges the type by name and content', () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]);
    const text = Buffer.from('\uFEFFyear,awardCode\n2024,GIAY_KHEN\n');
    expect(detectFormat('De Nghi.XLSX', zip)).toBe('xlsx');
    expect(detectFormat('danh-sach.csv', text)).toBe('csv');
    expect(status(() => detectFormat('danh-sach.xlsx', text))).toBe(415);
    expect(status(() => detectFormat('danh-sach.csv', zip))).toBe(415);
    expect(status(() => detectFormat('danh-sach.xls', zip))).toBe(415);
    expect(status(() => detectFormat('danh-sach.csv', Buffer.from([0x61, 0xe0, 0x20])))).toBe(415);
    expect(status(() => detectFormat('danh-sach.csv', Buffer.from([0x61, 0x00, 0x62])))).toBe(415);
  });

  it('reads CSV with a BOM, quoted line breaks and semicolons; row numbers count blank lines', () => {
    const rows = readCsv(Buffer.from('\uFEFFyear;achievements\r\n2024;"dòng một\r\ndòng hai"\r\n\r\n2023; x \r\n'));
    expect(rows).toEqual([
      { row: 1, cells: ['year', 'achievements'] },
      { row: 2, cells: ['2024', 'dòng một\r\ndòng hai'] },
      { row: 3, cells: [''] },
      { row: 4, cells: ['2023', 'x'] },
    ]);
  });

  it('reports an unclosed quote as a 422 naming the row', () => {
    try {
      readCsv(Buffer.from('year,achievements\n2024,ok\n2024,"open\n'));
      throw new Error('not refused');
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).extensions.errors).toEqual([expect.objectContaining({ row: 3, field: 'file' })]);
    }
  });

  it('reads the unpacked size from the zip directory, and gives up on what is not a zip', async () => {
    const zip = zipOf([storedMember('a', 'hi'), storedMember('b', 'xin chào')]);
    expect(zipMembers(zip)?.map((member) => member.data.toString())).toEqual(['hi', 'xin chào']);
    expect(await unpackWithin(zip, 1000)).toEqual({ within: true, declared: 11, inflated: 11 });
    expect(await unpackWithin(zip, 10)).toEqual({ within: false, declared: 11, inflated: 0 });
    expect(await unpackWithin(Buffer.from([0x50, 0x4b, 0x03, 0x04]), 1000)).toBeUndefined();
    // Bytes before the zip (JSZip would shift every offset), an unknown method, bad deflate data: not read.
    expect(zipMembers(Buffer.concat([Buffer.from('PK\x03\x04 junk'), zip]))).toBeUndefined();
    expect(zipMembers(zipOf([{ ...storedMember('a', 'hi'), method: 12 as 0 }]))).toBeUndefined();
    const notDeflate = zipOf([{ name: 'a', data: Buffer.from([0xff, 0xff, 0xff]), method: 8, declaredSize: 3 }]);
    expect(await unpackWithin(notDeflate, 1000)).toBeUndefined();
  });

  it('counts the bytes a member really inflates to, and stops inflating a zip bomb at the limit', async () => {
    const bomb = await deflatedSpaces(64);
    const limit = 4 * 1024 * 1024;
    const zip = zipOf([
      storedMember('[Content_Types].xml', '<Types/>'),
      { name: 'xl/worksheets/sheet1.xml', data: bomb, method: 8, declaredSize: 1000 },
    ]);
    const check = await unpackWithin(zip, limit);
    expect(check).toMatchObject({ within: false, declared: 1008 });
    // Stopped within one output chunk (64 KiB) past the limit, far from the 64 MiB the member holds.
    expect(check!.inflated).toBeGreaterThan(limit);
    expect(check!.inflated).toBeLessThanOrEqual(limit + 64 * 1024);
    const honest = zipOf([{ name: 'a', data: await deflatedSpaces(1), method: 8, declaredSize: 1000 }]);
    expect(await unpackWithin(honest, limit)).toEqual({ within: true, declared: 1000, inflated: 1024 * 1024 });
  });
});
