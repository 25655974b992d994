import type { Locale } from '../i18n/index.js';
import { PassThrough, Readable, pipeline } from 'node:stream';
import {
  AWARD_EXPORT_COLUMNS,
  SHEET_HEADER_STYLE,
  SHEET_NUMBER_FORMATS,
  columnLetter,
  type ExportColumn,
  sheetStyle,
} from './award-export.sql.js';

/** The name of the one sheet, as Excel shows it on its tab. */
export const AWARD_SHEET_NAME = 'Khen thưởng';

/** Written into the document properties as the workbook's author and application. */
const CREATOR = 'Awards Registry';

/** Speed over size: level 1 deflates several times faster than the default, for files a little larger. */
const DEFLATE_LEVEL = 1;

/**
 * Bytes of sheet rows gathered before they go to the compressor. COPY's output arrives in pieces as small as a few
 * kilobytes; each costs a round trip to zlib's worker thread, so small pieces are joined up to this size. A piece as
 * large goes on as it is: joining copies every byte into a new buffer, and the ~1.2 GB of XML of a million rows
 * copied once more was garbage the collector let pile up (docs/scaling.md, "Exports").
 */
const SHEET_BATCH_BYTES = 32 * 1024;

/** Size of the compressor's output buffers: a batch of sheet rows deflates to well under this. */
const DEFLATE_OUTPUT_BYTES = 64 * 1024;

/** First id of the number formats a workbook defines itself (0–163 are built into spreadsheet applications). */
const FIRST_CUSTOM_NUMBER_FORMAT = 164;

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Text as XML character data or a double-quoted attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] ?? char);
}

const CONTENT_TYPES = `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
</Types>`;

const PACKAGE_RELATIONSHIPS = `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS_NS}">\
<Relationship Id="rId1" Type="${RELATIONSHIPS_NS}/officeDocument" Target="xl/workbook.xml"/>\
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
<Relationship Id="rId3" Type="${RELATIONSHIPS_NS}/extended-properties" Target="docProps/app.xml"/>\
</Relationships>`;

const WORKBOOK_RELATIONSHIPS = `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS_NS}">\
<Relationship Id="rId1" Type="${RELATIONSHIPS_NS}/worksheet" Target="worksheets/sheet1.xml"/>\
<Relationship Id="rId2" Type="${RELATIONSHIPS_NS}/styles" Target="styles.xml"/>\
</Relationships>`;

const APP_PROPERTIES = `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">\
<Application>${CREATOR}</Application></Properties>`;

/** docProps/core.xml: author and creation time. */
export function coreProperties(createdAt: Date): string {
  const at = createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `${XML_DECLARATION}<cp:coreProperties \
xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
<dc:creator>${CREATOR}</dc:creator>\
<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created>\
<dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>\
</cp:coreProperties>`;
}

/**
 * xl/styles.xml. Its cell formats are in the order `sheetStyle` and `SHEET_HEADER_STYLE` count them: the default,
 * one per number format of `SHEET_NUMBER_FORMATS`, then the header's (bold, wrapped, vertically centred).
 */
export function stylesXml(): string {
  const numberFormats = SHEET_NUMBER_FORMATS.map(
    ({ format }, index) =>
      `<numFmt numFmtId="${FIRST_CUSTOM_NUMBER_FORMAT + index}" formatCode="${escapeXml(format)}"/>`,
  );
  const formatted = SHEET_NUMBER_FORMATS.map(
    (_, index) =>
      `<xf numFmtId="${FIRST_CUSTOM_NUMBER_FORMAT + index}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`,
  );
  const cellFormats = [
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
    ...formatted,
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">' +
      '<alignment vertical="center" wrapText="1"/></xf>',
  ];
  return `${XML_DECLARATION}<styleSheet xmlns="${MAIN_NS}">\
<numFmts count="${numberFormats.length}">${numberFormats.join('')}</numFmts>\
<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>\
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
<cellXfs count="${cellFormats.length}">${cellFormats.join('')}</cellXfs>\
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
</styleSheet>`;
}

/** The sheet's range with `rowCount` data rows under the header, absolute: `$A$1:$Y$7`. */
function sheetRange(columns: readonly ExportColumn[], rowCount: number, absolute: boolean): string {
  const mark = absolute ? '$' : '';
  return `${mark}A${mark}1:${mark}${columnLetter(columns.length - 1)}${mark}${rowCount + 1}`;
}

/** xl/workbook.xml: the one sheet, and the range its filter covers (Excel keeps it as a hidden name). */
export function workbookXml(rowCount: number): string {
  const quotedName = `'${AWARD_SHEET_NAME.replace(/'/g, "''")}'`;
  return `${XML_DECLARATION}<workbook xmlns="${MAIN_NS}" xmlns:r="${RELATIONSHIPS_NS}">\
<bookViews><workbookView/></bookViews>\
<sheets><sheet name="${escapeXml(AWARD_SHEET_NAME)}" sheetId="1" r:id="rId1"/></sheets>\
<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">\
${escapeXml(`${quotedName}!${sheetRange(AWARD_EXPORT_COLUMNS, rowCount, true)}`)}</definedName></definedNames>\
</workbook>`;
}

/**
 * The start of xl/worksheets/sheet1.xml, up to and including the header row: the header frozen, the column
 * widths (with each typed column's number format for cells typed in later), then the data rows' opening.
 */
export function sheetHead(locale: Locale = 'vi'): string {
  const columns = AWARD_EXPORT_COLUMNS.map((column, index) => {
    const style = sheetStyle(column.type);
    return `<col min="${index + 1}" max="${index + 1}" width="${column.width}" customWidth="1"${style ? ` style="${style}"` : ''}/>`;
  });
  const header = AWARD_EXPORT_COLUMNS.map(
    (column, index) =>
      `<c r="${columnLetter(index)}1" s="${SHEET_HEADER_STYLE}" t="inlineStr"><is><t>${escapeXml(locale === 'en' ? column.labelEn : column.label)}</t></is></c>`,
  );
  return `${XML_DECLARATION}<worksheet xmlns="${MAIN_NS}" xmlns:r="${RELATIONSHIPS_NS}">\
<sheetViews><sheetView workbookViewId="0">\
<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>\
<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>\
<sheetFormatPr defaultRowHeight="15"/>\
<cols>${columns.join('')}</cols>\
<sheetData>\n<row r="1">${header.join('')}</row>\n`;
}

/** The end of xl/worksheets/sheet1.xml after `rowCount` data rows: the filter over header and rows. */
export function sheetTail(rowCount: number): string {
  return `</sheetData><autoFilter ref="${sheetRange(AWARD_EXPORT_COLUMNS, rowCount, false)}"/>\
<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

/**
 * archiver, loaded on first use: with the streams library it brings, it holds over ten megabytes that an instance
 * which never exports a workbook should not carry.
 */
async function loadArchiver(): Promise<typeof import('archiver')> {
  return (await import('archiver')).default;
}

/** Line feeds in a chunk of COPY text output: one ends each row, and the rows hold none of their own. */
function countLines(chunk: Buffer): number {
  let lines = 0;
  for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++;
  return lines;
}

/**
 * The award export as an .xlsx package streamed from `rows`, the sheet's `<row>` elements as PostgreSQL's COPY
 * writes them (`awardSheetCopy`): they go to the compressor as they come, in batches, between the sheet's head and
 * tail, with no work per row. The rows are counted on the way (one line each) for the filter's range, which comes
 * after them; the workbook part, which names that range too, follows the sheet.
 *
 * Backpressure runs end to end: the rows are read only as fast as the compressor and the client take the package.
 * If the package stream is destroyed (the client went away) or fails, the package is abandoned and `rows` destroyed;
 * if `rows` fails, so does the package stream, so a download is cut short, never complete-looking.
 */
export async function awardWorkbook(rows: Readable, createdAt: Date, locale: Locale = 'vi'): Promise<Readable> {
  let archiver: Awaited<ReturnType<typeof loadArchiver>>;
  try {
    archiver = await loadArchiver();
  } catch (error) {
    rows.destroy();
    throw error;
  }
  let sheetWritten: (rowCount: number) => void = () => undefined;
  const rowCount = new Promise<number>((resolve) => (sheetWritten = resolve));
  async function* sheet(): AsyncGenerator<Buffer | string> {
    yield sheetHead(locale);
    let count = 0;
    const batch: Buffer[] = [];
    let batchBytes = 0;
    for await (const chunk of rows as AsyncIterable<Buffer>) {
      count += countLines(chunk);
      batch.push(chunk);
      batchBytes += chunk.length;
      if (batchBytes >= SHEET_BATCH_BYTES) {
        yield batch.length === 1 ? chunk : Buffer.concat(batch, batchBytes);
        batch.length = 0;
        batchBytes = 0;
      }
    }
    if (batchBytes > 0) yield batch.length === 1 ? batch[0] : Buffer.concat(batch, batchBytes);
    yield sheetTail(count);
    sheetWritten(count);
  }
  async function* workbook(): AsyncGenerator<string> {
    yield workbookXml(await rowCount);
  }

  const archive = archiver('zip', { zlib: { level: DEFLATE_LEVEL, chunkSize: DEFLATE_OUTPUT_BYTES } });
  archive.append(CONTENT_TYPES, { name: '[Content_Types].xml', date: createdAt });
  archive.append(PACKAGE_RELATIONSHIPS, { name: '_rels/.rels', date: createdAt });
  archive.append(coreProperties(createdAt), { name: 'docProps/core.xml', date: createdAt });
  archive.append(APP_PROPERTIES, { name: 'docProps/app.xml', date: createdAt });
  archive.append(WORKBOOK_RELATIONSHIPS, { name: 'xl/_rels/workbook.xml.rels', date: createdAt });
  archive.append(stylesXml(), { name: 'xl/styles.xml', date: createdAt });
  const sheetPart = Readable.from(sheet(), { objectMode: false });
  archive.append(sheetPart, { name: 'xl/worksheets/sheet1.xml', date: createdAt });
  archive.append(Readable.from(workbook(), { objectMode: false }), { name: 'xl/workbook.xml', date: createdAt });
  void archive.finalize().catch(() => undefined); // a failure reaches the pipeline below

  const out = new PassThrough();
  pipeline(archive, out, (error) => {
    if (!error) return;
    archive.abort(); // no entry after this one
    rows.destroy(); // its owner sees it closed before its end
  });
  // archiver reads its sources through a pipe, which does not pass on their errors.
  sheetPart.once('error', (error) => out.destroy(error));
  return out;
}
