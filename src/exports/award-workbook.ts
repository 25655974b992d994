import type { Writable } from 'node:stream';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { AWARD_EXPORT_COLUMNS, type ExportColumnType } from './award-export.sql.js';
import type { AwardExportRow, ExportRows } from './exports.repository.js';

/** Rows written between two looks at the output's backlog. */
const ROWS_PER_TURN = 500;
/** Bytes of sheet XML allowed to wait for the compressor before reading more rows. */
const MAX_SHEET_BACKLOG = 4 * 1024 * 1024;

const NUMBER_FORMATS: Partial<Record<ExportColumnType, string>> = {
  integer: '0',
  money: '#,##0',
  date: 'dd/mm/yyyy',
  timestamp: 'dd/mm/yyyy hh:mm:ss',
};

/** 'YYYY-MM-DD' → a Date at 00:00 UTC, which the spreadsheet stores as that calendar day. */
function toDay(value: string | number | Date | null): Date | null {
  if (typeof value !== 'string') return null;
  const [year, month, day] = value.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

function cellValue(type: ExportColumnType, value: string | number | Date | null): string | number | Date | null {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'date':
      return toDay(value);
    case 'integer':
    case 'money':
      return typeof value === 'number' ? value : Number(value);
    default:
      return value;
  }
}

interface BufferingStream {
  writableLength?: number;
  readableLength?: number;
  _writableState?: { length?: number };
  _readableState?: { length?: number };
}

/**
 * Bytes of the open sheet's XML that the zip compressor has not consumed yet: what exceljs's sheet stream holds
 * plus what waits in the stream it pipes into (a readable-stream v2 PassThrough of archiver, hence the states).
 */
function sheetBacklog(sheet: ExcelJS.Worksheet): number {
  const stream = (sheet as unknown as { stream?: { buffers?: { length?: number }[]; pipes?: BufferingStream[] } })
    .stream;
  const own = (stream?.buffers ?? []).reduce((sum, buffer) => sum + (buffer.length ?? 0), 0);
  return (stream?.pipes ?? []).reduce(
    (sum, pipe) =>
      sum +
      (pipe.writableLength ?? pipe._writableState?.length ?? 0) +
      (pipe.readableLength ?? pipe._readableState?.length ?? 0),
    own,
  );
}

/**
 * Writes the award export as an .xlsx into `out` with exceljs's streaming writer: a frozen, filterable header row,
 * column widths, numbers as numbers and dates as dates, each row committed as soon as it is read. Reading pauses
 * while the compressor or the client lags behind, so memory stays flat. Stops (and closes the cursor) as soon as
 * `out` is destroyed. Resolves with the number of rows written.
 */
export async function writeAwardWorkbook(rows: ExportRows, out: Writable): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
    // Speed over size: level 1 deflates several times faster than the default, for files a little larger.
    zip: { zlib: { level: 1 } },
  });
  // A zip failure before `commit()` listens for one would otherwise be an unhandled 'error' event.
  (workbook as unknown as { zip?: NodeJS.EventEmitter }).zip?.on('error', (error: Error) => out.destroy(error));
  workbook.creator = 'Awards Registry';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet('Khen thưởng', { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  // One style object per column, shared by all its cells: exceljs caches a style's id by object identity, so
  // sharing spares it rendering and looking up the same style again for every cell.
  const styles: Partial<ExcelJS.Style>[] = AWARD_EXPORT_COLUMNS.map((column) => {
    const numFmt = NUMBER_FORMATS[column.type];
    return numFmt ? { numFmt } : {};
  });
  sheet.columns = AWARD_EXPORT_COLUMNS.map((column, index) => ({
    header: column.label,
    key: column.key,
    width: column.width,
    style: styles[index],
  }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: AWARD_EXPORT_COLUMNS.length } };
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.commit();

  let count = 0;
  try {
    for (let row: AwardExportRow | null = await rows.next(); row !== null; row = await rows.next()) {
      if (out.destroyed) throw new Error('the client went away');
      const record = row;
      const added = sheet.addRow(AWARD_EXPORT_COLUMNS.map((column) => cellValue(column.type, record[column.key])));
      added.eachCell({ includeEmpty: true }, (cell, column) => (cell.style = styles[column - 1]));
      added.commit();
      count++;
      if (count % ROWS_PER_TURN === 0) {
        await nextTurn();
        while (sheetBacklog(sheet) > MAX_SHEET_BACKLOG && !out.destroyed) await sleep(5);
      }
    }
    sheet.commit();
    await workbook.commit();
    await rows.finish();
    return count;
  } catch (error) {
    rows.abort(error as Error);
    throw error;
  }
}
