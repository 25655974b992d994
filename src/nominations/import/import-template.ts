import type ExcelJS from 'exceljs';
import { loadExcelJS } from './excel.js';
import { AWARD_CODE_DOCS, BASIS_DOCS, COLUMN_DOCS, CONTRACT_COLUMNS, type ContractColumn } from './import-columns.js';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/** The example row of the templates: a Giấy khen for a person of the Sở TT&TT Điện Biên (ids are placeholders). */
export const TEMPLATE_EXAMPLE: Readonly<Record<ContractColumn, string | number>> = {
  year: 2023,
  awardCode: 'GIAY_KHEN',
  basis: 'REGULAR',
  individualId: '6f1c2a4e-8b3d-4e57-9a10-2c4d5e6f7a8b',
  organizationId: '',
  proposingOrganizationId: '0b9e8d7c-6a5f-4e3d-8c2b-1a0f9e8d7c6b',
  achievements:
    'Hoàn thành xuất sắc nhiệm vụ năm 2023; chủ trì triển khai hệ thống quản lý văn bản điện tử của Sở Thông tin ' +
    'và Truyền thông tỉnh Điện Biên',
  expectedDecisionOn: '2024-01-23',
};

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

/**
 * The `.xlsx` template: sheet "Đề nghị" (read by the import: the header row and one example row to replace) and
 * sheet "Hướng dẫn" (ignored by the import) explaining each column in English and Vietnamese, with the allowed
 * award codes and bases.
 */
export async function buildXlsxTemplate(): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = 'Awards Registry';
  workbook.created = new Date(Date.UTC(2024, 0, 1));

  const sheet = workbook.addWorksheet('Đề nghị', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = CONTRACT_COLUMNS.map((column) => ({
    header: column,
    key: column,
    width: column === 'achievements' ? 60 : column.endsWith('Id') ? 38 : 20,
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).fill = HEADER_FILL;
  sheet.addRow({ ...TEMPLATE_EXAMPLE, organizationId: null });
  // Text cells, so Excel does not turn ids or dates typed later into numbers or local dates.
  for (const column of ['individualId', 'organizationId', 'proposingOrganizationId', 'expectedDecisionOn'] as const) {
    sheet.getColumn(column).numFmt = '@';
  }

  const guide = workbook.addWorksheet('Hướng dẫn');
  guide.columns = [{ width: 28 }, { width: 34 }, { width: 60 }, { width: 60 }, { width: 60 }];
  const heading = (text: string) => {
    const row = guide.addRow([text]);
    row.font = { bold: true, size: 13 };
  };
  const tableHeader = (cells: string[]) => {
    const row = guide.addRow(cells);
    row.font = { bold: true };
    row.fill = HEADER_FILL;
  };

  heading('Columns of the sheet "Đề nghị" — Các cột của bảng "Đề nghị"');
  guide.addRow([
    'Row 1 is the header; each following row is one nomination (blank rows are skipped). Columns may come in any ' +
      'order; only the first sheet is read. All rows are imported or none: every problem is reported with its row.',
  ]);
  guide.addRow([
    'Dòng 1 là tiêu đề; mỗi dòng tiếp theo là một đề nghị (dòng trống được bỏ qua). Thứ tự cột tùy ý; chỉ đọc ' +
      'trang tính đầu tiên. Nhập tất cả hoặc không nhập dòng nào: mọi lỗi được báo kèm số dòng.',
  ]);
  guide.addRow([]);
  tableHeader(['Column / Cột', 'Required / Bắt buộc', 'Meaning (English)', 'Ý nghĩa (Tiếng Việt)', 'Values / Giá trị']);
  for (const doc of COLUMN_DOCS) guide.addRow([doc.column, doc.required, doc.en, doc.vi, doc.values]);

  guide.addRow([]);
  heading('awardCode — Mã danh hiệu, hình thức khen thưởng');
  tableHeader(['awardCode', 'Tên (Tiếng Việt)', 'Name (English)', 'Kind / Loại', 'Recipients / Đối tượng']);
  for (const award of AWARD_CODE_DOCS) {
    guide.addRow([
      award.code,
      award.vi,
      award.en,
      award.kind === 'TITLE' ? 'TITLE — danh hiệu' : 'FORM — hình thức',
      award.recipients,
    ]);
  }

  guide.addRow([]);
  heading('basis — Phương thức khen thưởng');
  tableHeader(['basis', 'Tiếng Việt', 'English']);
  for (const basis of BASIS_DOCS) guide.addRow([basis.basis, basis.vi, basis.en]);
  guide.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
  guide.getColumn(4).alignment = { wrapText: true, vertical: 'top' };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled. */
function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The `.csv` template: UTF-8 with a byte order mark (so Excel shows Vietnamese), the header and the example row. */
export function buildCsvTemplate(): Buffer {
  const lines = [
    CONTRACT_COLUMNS.join(','),
    CONTRACT_COLUMNS.map((column) => csvField(TEMPLATE_EXAMPLE[column])).join(','),
  ];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
