import type ExcelJS from 'exceljs';

/**
 * exceljs, loaded on first use: it holds tens of megabytes that an instance which never reads or writes a
 * workbook should not carry.
 */
export async function loadExcelJS(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
