import { loadExcelJS } from '../nominations/import/excel.js';
import {
  FORM_0603_CODE,
  FORM_0603_COLUMNS,
  FORM_0603_TITLE,
  FORM_0603_TOTAL_LABEL,
  type Form0603Row,
} from './form-0603.js';

/** Where the data starts: rows 1–6 the heading, 7–9 the column headers, 10–26 rows 01–17. */
export const FORM_0603_FIRST_DATA_ROW = 10;

/**
 * The form as a workbook laid out like the paper form of Circular 02/2023/TT-BNV: the form number and the reporting
 * unit, the title and year, the merged headers (A name, B code, C unit, 1 total, 2–5 "Chia ra"), the column letters
 * A, B, C, 1–5, then rows 01–17.
 */
export async function buildForm0603Workbook(report: {
  year: number;
  organizationName: string;
  rows: readonly Form0603Row[];
}): Promise<Buffer> {
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Awards Registry';
  const sheet = workbook.addWorksheet('0603.N');
  sheet.columns = [
    { width: 62 },
    { width: 8 },
    { width: 12 },
    { width: 10 },
    { width: 12 },
    { width: 18 },
    { width: 12 },
    { width: 18 },
  ];
  const bold = { bold: true } as const;
  const center = { horizontal: 'center', vertical: 'middle', wrapText: true } as const;

  sheet.getCell('A1').value = `Biểu số: ${FORM_0603_CODE}`;
  sheet.getCell('A1').font = bold;
  sheet.getCell('A2').value = 'Ban hành theo Thông tư số 02/2023/TT-BNV';
  sheet.getCell('A3').value = `Đơn vị báo cáo: ${report.organizationName}`;
  sheet.getCell('E3').value = 'Đơn vị nhận báo cáo: Bộ Nội vụ';
  sheet.mergeCells('A4:H4');
  sheet.getCell('A4').value = FORM_0603_TITLE;
  sheet.getCell('A4').font = { bold: true, size: 13 };
  sheet.getCell('A4').alignment = center;
  sheet.mergeCells('A5:H5');
  sheet.getCell('A5').value = `Năm ${report.year}`;
  sheet.getCell('A5').alignment = center;

  sheet.mergeCells('A7:A8');
  sheet.getCell('A7').value = 'Chỉ tiêu';
  sheet.mergeCells('B7:B8');
  sheet.getCell('B7').value = 'Mã số';
  sheet.mergeCells('C7:C8');
  sheet.getCell('C7').value = 'Đơn vị tính';
  sheet.mergeCells('D7:D8');
  sheet.getCell('D7').value = FORM_0603_TOTAL_LABEL;
  sheet.mergeCells('E7:H7');
  sheet.getCell('E7').value = 'Chia ra';
  FORM_0603_COLUMNS.forEach((column, i) => {
    sheet.getCell(8, 5 + i).value = column.label;
  });
  ['A', 'B', 'C', 1, 2, 3, 4, 5].forEach((letter, i) => {
    sheet.getCell(9, 1 + i).value = letter;
  });
  for (let r = 7; r <= 9; r++) {
    for (let c = 1; c <= 8; c++) {
      const cell = sheet.getCell(r, c);
      cell.font = bold;
      cell.alignment = center;
    }
  }

  report.rows.forEach((row, i) => {
    const r = FORM_0603_FIRST_DATA_ROW + i;
    sheet.getCell(r, 1).value = row.label;
    sheet.getCell(r, 2).value = row.code;
    sheet.getCell(r, 3).value = row.unit;
    row.values.forEach((value, c) => {
      sheet.getCell(r, 4 + c).value = value;
    });
    if (row.code === '01') sheet.getRow(r).font = bold;
  });
  const thin = { style: 'thin' } as const;
  const last = FORM_0603_FIRST_DATA_ROW + report.rows.length - 1;
  for (let r = 7; r <= last; r++) {
    for (let c = 1; c <= 8; c++) sheet.getCell(r, c).border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
