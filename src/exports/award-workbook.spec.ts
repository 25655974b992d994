import { describe, expect, it } from '@jest/globals';
import { PassThrough, Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { AWARD_EXPORT_COLUMNS, SHEET_HEADER_STYLE, SHEET_NUMBER_FORMATS } from './award-export.sql.js';
import {
  AWARD_SHEET_NAME,
  awardWorkbook,
  escapeXml,
  sheetHead,
  sheetTail,
  stylesXml,
  workbookXml,
} from './award-workbook.js';

/** Sheet rows as COPY writes them: one `<row>` per line (here with a text and a number cell each). */
function copyLines(count: number): string {
  return Array.from({ length: count }, (_, index) => {
    const row = index + 2;
    return `<row r="${row}"><c r="A${row}" t="inlineStr"><is><t>Hàng số ${row} &amp; &lt;b&gt;</t></is></c><c r="B${row}" s="1"><v>${row * 10}</v></c></row>\n`;
  }).join('');
}

/** The bytes cut into pieces of `size`, wherever that falls (mid-row, mid-character). */
function inPieces(text: string, size: number): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  const pieces: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) pieces.push(bytes.subarray(at, at + size));
  return pieces;
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function sheetOf(body: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  expect(workbook.worksheets).toHaveLength(1);
  return workbook.worksheets[0];
}

describe('award workbook parts', () => {
  const lastColumn = 'AC';

  it('has one column letter per export column', () => {
    expect(AWARD_EXPORT_COLUMNS).toHaveLength(29);
  });

  it('escapes XML markup and quotes', () => {
    expect(escapeXml(`a & b <c> "d" 'e'`)).toBe(`a &amp; b &lt;c&gt; &quot;d&quot; 'e'`);
  });

  it('starts the sheet with a frozen header row, the column widths and the header, bold', () => {
    const head = sheetHead();
    expect(head).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(head.match(/<col /g)).toHaveLength(AWARD_EXPORT_COLUMNS.length);
    expect(head).toContain('<col min="7" max="7" width="32" customWidth="1"/>');
    expect(head).toContain('<col min="2" max="2" width="10" customWidth="1" style="1"/>');
    expect(head).toContain(`<c r="A1" s="${SHEET_HEADER_STYLE}" t="inlineStr"><is><t>Mã bản ghi (ID)</t></is></c>`);
    expect(head).toMatch(/<sheetData>\n<row r="1">.*<\/row>\n$/);
  });

  it('writes the headers in English for a reader who asked for it, the columns unchanged', () => {
    const head = sheetHead('en');
    expect(head).toContain(`<c r="A1" s="${SHEET_HEADER_STYLE}" t="inlineStr"><is><t>Record ID</t></is></c>`);
    expect(head).not.toContain('Mã bản ghi');
    expect(head.replace(/<is>.*?<\/is>/g, '')).toBe(sheetHead('vi').replace(/<is>.*?<\/is>/g, ''));
    for (const column of AWARD_EXPORT_COLUMNS) expect(column.labelEn).toMatch(/^[\x20-\x7e]+$/);
  });

  it('ends the sheet with the filter over the header and every row', () => {
    expect(sheetTail(0)).toContain(`<autoFilter ref="A1:${lastColumn}1"/>`);
    expect(sheetTail(1_000_000)).toContain(`<autoFilter ref="A1:${lastColumn}1000001"/>`);
    expect(sheetTail(3)).toMatch(/^<\/sheetData><autoFilter [^>]*\/>.*<\/worksheet>$/);
  });

  it('names the sheet and the filter range in the workbook', () => {
    const workbook = workbookXml(41);
    expect(workbook).toContain(`<sheet name="${AWARD_SHEET_NAME}" sheetId="1" r:id="rId1"/>`);
    expect(workbook).toContain(
      `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'${AWARD_SHEET_NAME}'!$A$1:$${lastColumn}$42</definedName>`,
    );
  });

  it('declares the cell formats in the order the rows use them', () => {
    const styles = stylesXml();
    SHEET_NUMBER_FORMATS.forEach(({ format }, index) =>
      expect(styles).toContain(`<numFmt numFmtId="${164 + index}" formatCode="${format}"/>`),
    );
    const formats = /<cellXfs count="(\d+)">(.*)<\/cellXfs>/.exec(styles);
    expect(Number(formats?.[1])).toBe(SHEET_HEADER_STYLE + 1);
    const xfs = formats?.[2].match(/<xf [^>]*>/g) ?? [];
    expect(xfs).toHaveLength(SHEET_HEADER_STYLE + 1);
    expect(xfs[0]).toContain('numFmtId="0"');
    SHEET_NUMBER_FORMATS.forEach((_, index) => expect(xfs[index + 1]).toContain(`numFmtId="${164 + index}"`));
    expect(xfs[SHEET_HEADER_STYLE]).toContain('fontId="1"');
  });
});

describe('awardWorkbook', () => {
  it('zips the COPY lines between the head and the tail, however they are cut, and counts them', async () => {
    const rows = Readable.from(inPieces(copyLines(2500), 777));
    const sheet = await sheetOf(await collect(await awardWorkbook(rows, new Date('2026-11-27T15:30:00Z'))));
    expect(sheet.name).toBe(AWARD_SHEET_NAME);
    expect(sheet.actualRowCount).toBe(2501);
    expect(sheet.getRow(1).getCell(1).value).toBe('Mã bản ghi (ID)');
    expect(sheet.getRow(2).getCell(1).value).toBe('Hàng số 2 & <b>');
    expect(sheet.getRow(2501).getCell(2).value).toBe(25010);
    expect(sheet.getRow(2501).getCell(2).numFmt).toBe('0');
    expect(sheet.autoFilter).toBe('A1:AC2501');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('writes a header-only workbook for no rows', async () => {
    const sheet = await sheetOf(await collect(await awardWorkbook(Readable.from([]), new Date())));
    expect(sheet.actualRowCount).toBe(1);
    expect(sheet.autoFilter).toBe('A1:AC1');
  });

  it('fails, never ends, when the rows fail', async () => {
    async function* failing(): AsyncGenerator<Buffer> {
      yield Buffer.from(copyLines(100));
      await nextTurn();
      throw new Error('statement timeout');
    }
    const out = await awardWorkbook(Readable.from(failing()), new Date());
    await expect(collect(out)).rejects.toThrow('statement timeout');
  });

  it('stops reading the rows when the package is abandoned', async () => {
    const rows = new PassThrough();
    rows.write(copyLines(10));
    const out = await awardWorkbook(rows, new Date());
    out.once('data', () => out.destroy());
    await new Promise((resolve) => rows.once('close', resolve));
    await nextTurn();
    expect(rows.destroyed).toBe(true);
    expect(out.destroyed).toBe(true);
  });
});
