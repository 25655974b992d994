import { msg, type Text } from '../../i18n/index.js';
import { createHash } from 'node:crypto';
import { createInflateRaw } from 'node:zlib';
import { HttpStatus } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { loadExcelJS } from './excel.js';
import { ApiError, ErrorCode } from '../../common/errors/problem.js';

export type ImportFormat = 'xlsx' | 'csv';

/** One line of the sheet as a person sees it: `row` is the spreadsheet row number (header = 1). */
export interface SheetRow {
  row: number;
  /** Cell texts, trimmed, by column position (0 = column A); empty cells are ''. */
  cells: string[];
}

/** A bad row, column or file, reported back with the spreadsheet row a person sees (header = 1). */
export interface ImportRowError {
  row: number;
  field: string;
  message: Text;
}

export const IMPORT_INVALID = 'IMPORT_INVALID';

/** The 422 of a file that cannot be imported as it is: every bad row, column and reason, nothing stored. */
export function importInvalid(errors: ImportRowError[]): ApiError {
  const sorted = [...errors].sort((a, b) => a.row - b.row);
  const rows = new Set(sorted.map((e) => e.row)).size;
  return new ApiError(
    HttpStatus.UNPROCESSABLE_ENTITY,
    IMPORT_INVALID,
    'The file cannot be imported',
    msg('import.invalid', { count: sorted.length, rows }),
    { errors: sorted },
  );
}

const unsupported = (detail: Text) =>
  new ApiError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Unsupported media type', detail);

export const tooLarge = (detail: Text) =>
  new ApiError(HttpStatus.PAYLOAD_TOO_LARGE, ErrorCode.PAYLOAD_TOO_LARGE, 'Payload too large', detail);

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const UTF8_BOM = '\uFEFF';

/** SHA-256 of the file's bytes, lower-case hex: the identity of an import (a re-upload finds its nominations). */
export function fileHashOf(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * What the file is, by its name AND its content: `.xlsx` must be a zip (an Office Open XML workbook starts with
 * `PK\x03\x04`), `.csv` must be UTF-8 text (a byte order mark is allowed). Anything else is a 415.
 */
export function detectFormat(fileName: string, bytes: Buffer): ImportFormat {
  const name = fileName.trim().toLowerCase();
  const isZip = bytes.length >= 4 && bytes.subarray(0, 4).equals(ZIP_MAGIC);
  if (name.endsWith('.xlsx')) {
    if (!isZip) throw unsupported(msg('import.notXlsx', { name: fileName }));
    return 'xlsx';
  }
  if (name.endsWith('.csv')) {
    if (isZip || bytes.includes(0) || decodeUtf8(bytes) === undefined) {
      throw unsupported(msg('import.notUtf8', { name: fileName }));
    }
    return 'csv';
  }
  throw unsupported(msg('import.unknownType', { name: fileName }));
}

function decodeUtf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Reads the rows of a `.csv` (UTF-8, optional BOM; comma-separated, or semicolon-separated as Excel saves it in a
 * Vietnamese locale). Row numbers count every line a spreadsheet shows, blank ones included. */
export function readCsv(bytes: Buffer): SheetRow[] {
  let text = decodeUtf8(bytes) ?? '';
  if (text.startsWith(UTF8_BOM)) text = text.slice(1);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    const parsed = (error as { records?: number }).records ?? 0;
    const reason = error instanceof Error ? error.message : String(error);
    throw importInvalid([{ row: parsed + 1, field: 'file', message: msg('import.notCsv', { reason }) }]);
  }
  return records.map((cells, index) => ({ row: index + 1, cells: cells.map((cell) => cell.trim()) }));
}

/**
 * Reads the first worksheet of an `.xlsx` workbook. Numbers, dates (→ `YYYY-MM-DD`), rich text, hyperlinks and
 * formula results become text. A workbook that unpacks to more than `maxUnpackedBytes` is refused (413) before
 * exceljs unpacks it: by the sizes it declares, then by the bytes it actually inflates to (`unpackWithin`). One that
 * is not a readable workbook is a 415.
 */
export async function readXlsx(bytes: Buffer, maxUnpackedBytes: number): Promise<SheetRow[]> {
  const unpacked = await unpackWithin(bytes, maxUnpackedBytes);
  if (unpacked === undefined) throw unsupported(msg('import.unreadableXlsx'));
  if (!unpacked.within) {
    throw tooLarge(msg('import.unpackedTooLarge', { max: maxUnpackedBytes }));
  }
  const workbook = new (await loadExcelJS()).Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw unsupported(msg('import.unreadableXlsx'));
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value).trim();
    });
    rows.push({ row: rowNumber, cells: Array.from(cells, (cell) => cell ?? '') });
  });
  return rows;
}

function cellText(value: ExcelJS.CellValue | { richText: { text: string }[] } | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDay(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result);
  if ('hyperlink' in value) return cellText(value.text);
  if ('error' in value) return value.error;
  return '';
}

/** A spreadsheet date cell holds a calendar day; exceljs hands it over as that day at 00:00 UTC. */
function isoDay(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  return date.toISOString().slice(0, 10);
}

/** One member of a zip, as its central directory and local header place it. */
interface ZipMember {
  /** Compression method: 0 stored, 8 deflated (the only two a workbook uses). */
  method: number;
  /** The member's bytes as stored in the file. */
  data: Buffer;
  /** The uncompressed size the directory declares: a claim, never trusted alone. */
  declaredSize: number;
}

const ZIP_EOCD = 0x06054b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_LOCAL = 0x04034b50;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

/**
 * The members of a zip, read as the workbook reader (exceljs, through JSZip) reads them: from the central directory,
 * each member's data after its local header, for the compressed size the directory gives. Undefined when the bytes
 * are not a zip this reader understands or not laid out as JSZip would read them the same way: no end-of-central-
 * directory record, a directory that does not end where that record is (data before or inside the zip, which JSZip
 * would shift every offset for), ZIP64, a member out of bounds, a compression method other than stored or deflated.
 */
export function zipMembers(bytes: Buffer): ZipMember[] | undefined {
  const minEocd = 22;
  const from = Math.max(0, bytes.length - minEocd - MAX16);
  let eocd = -1;
  for (let i = bytes.length - minEocd; i >= from; i--) {
    if (bytes.readUInt32LE(i) === ZIP_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const entries = bytes.readUInt16LE(eocd + 10);
  const directorySize = bytes.readUInt32LE(eocd + 12);
  const directoryOffset = bytes.readUInt32LE(eocd + 16);
  const zip64 = [bytes.readUInt16LE(eocd + 4), bytes.readUInt16LE(eocd + 6), bytes.readUInt16LE(eocd + 8), entries];
  if (zip64.includes(MAX16) || directorySize === MAX32 || directoryOffset === MAX32) return undefined;
  if (directoryOffset + directorySize !== eocd) return undefined;
  const members: ZipMember[] = [];
  let offset = directoryOffset;
  for (let entry = 0; entry < entries; entry++) {
    if (offset + 46 > eocd || bytes.readUInt32LE(offset) !== ZIP_CENTRAL) return undefined;
    const method = bytes.readUInt16LE(offset + 10);
    const compressedSize = bytes.readUInt32LE(offset + 20);
    const declaredSize = bytes.readUInt32LE(offset + 24);
    const local = bytes.readUInt32LE(offset + 42);
    if ([compressedSize, declaredSize, local].includes(MAX32) || (method !== 0 && method !== 8)) return undefined;
    if (local + 30 > directoryOffset || bytes.readUInt32LE(local) !== ZIP_LOCAL) return undefined;
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    if (start + compressedSize > directoryOffset) return undefined;
    members.push({ method, data: bytes.subarray(start, start + compressedSize), declaredSize });
    offset += 46 + bytes.readUInt16LE(offset + 28) + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
  return members;
}

/** What `unpackWithin` found out about a workbook. */
export interface UnpackCheck {
  /** Whether the workbook unpacks to at most the limit. */
  within: boolean;
  /** The sum of the sizes its directory declares. */
  declared: number;
  /** The bytes actually inflated to find out: 0 when the declared sizes were too large already. */
  inflated: number;
}

/** Output chunk of the inflater: past the limit, the check stops within one chunk. */
const INFLATE_CHUNK = 64 * 1024;

/**
 * Whether a zip unpacks to at most `limit` bytes, or undefined when it is not a zip `zipMembers` reads or a member
 * does not inflate. The declared sizes are checked first (nothing inflated when they are over the limit), then each
 * member is inflated, streaming, its output counted and dropped, and the inflation stopped as soon as the count
 * passes the limit: a zip bomb whose directory claims a thousand bytes costs at most `limit` bytes of inflating,
 * never the memory of them, and is refused there.
 */
export async function unpackWithin(bytes: Buffer, limit: number): Promise<UnpackCheck | undefined> {
  const members = zipMembers(bytes);
  if (members === undefined) return undefined;
  const declared = members.reduce((sum, member) => sum + member.declaredSize, 0);
  if (declared > limit) return { within: false, declared, inflated: 0 };
  let inflated = 0;
  for (const member of members) {
    const size = member.method === 0 ? member.data.length : await inflatedSize(member.data, limit - inflated + 1);
    if (size === undefined) return undefined;
    inflated += size;
    if (inflated > limit) return { within: false, declared, inflated };
  }
  return { within: true, declared, inflated };
}

/**
 * The size `data` (raw deflate) inflates to, counted chunk by chunk and stopped once it reaches `stopAt`; undefined
 * when the data is not valid deflate.
 */
function inflatedSize(data: Buffer, stopAt: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const inflater = createInflateRaw({ chunkSize: INFLATE_CHUNK });
    let size = 0;
    inflater.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size >= stopAt) {
        inflater.destroy();
        resolve(size);
      }
    });
    inflater.on('end', () => resolve(size));
    inflater.on('error', () => resolve(undefined));
    inflater.end(data);
  });
}
