import { loadExcelJS } from '../nominations/import/excel.js';
import { HISTORY_COLUMNS } from './history-rows.js';

/** Two example rows: a Bằng khen of the province to a person named by national id, a CSTĐ toàn quốc by name. */
const EXAMPLES: Record<(typeof HISTORY_COLUMNS)[number], string>[] = [
  {
    decisionNumber: '125/QĐ-UBND',
    issuedOn: '15/01/2022',
    issuerName: 'Chủ tịch UBND tỉnh Điện Biên',
    issuerOrganizationCode: 'UBND-DB',
    authority: 'PROVINCE_CHAIR',
    signerName: 'Lê Thành Đô',
    signerTitle: 'Chủ tịch',
    awardCode: 'BANG_KHEN_TINH',
    basis: 'REGULAR',
    year: '2021',
    periodFrom: '2020',
    periodTo: '2021',
    nationalId: '011085001234',
    fullName: '',
    organizationCode: '',
    collectiveCode: '',
    bonusAmount: '1490000',
  },
  {
    decisionNumber: '1234/QĐ-TTg',
    issuedOn: '2021-04-28',
    issuerName: 'Thủ tướng Chính phủ',
    issuerOrganizationCode: '',
    authority: 'PRIME_MINISTER',
    signerName: '',
    signerTitle: '',
    awardCode: 'CHIEN_SI_THI_DUA_TOAN_QUOC',
    basis: 'REGULAR',
    year: '2020',
    periodFrom: '2015',
    periodTo: '2020',
    nationalId: '',
    fullName: 'Nguyễn Thị Hương',
    organizationCode: 'DB-STTTT-VP',
    collectiveCode: '',
    bonusAmount: '6710000',
  },
];

/** The template of `POST /history/import`: sheet "Lịch sử" (header and examples) and sheet "Hướng dẫn". */
export async function buildHistoryTemplate(): Promise<Buffer> {
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Lịch sử');
  sheet.addRow([...HISTORY_COLUMNS]);
  sheet.getRow(1).font = { bold: true };
  for (const example of EXAMPLES) sheet.addRow(HISTORY_COLUMNS.map((column) => example[column]));
  sheet.columns.forEach((column) => (column.width = 22));
  const guide = workbook.addWorksheet('Hướng dẫn');
  guide.addRows([
    [
      'Mỗi dòng là một khen thưởng như quyết định đã ghi; các dòng của một quyết định lặp lại số, ngày và cơ quan ban hành.',
    ],
    ['One row per award as its decision records it; rows of one decision repeat its number, date and issuer.'],
    ['Người được khen: nationalId; hoặc fullName + organizationCode; hoặc tập thể collectiveCode.'],
    [
      'periodFrom, periodTo (không bắt buộc): thời gian lập thành tích (năm), periodFrom ≤ periodTo ≤ year; để trống: thời gian của loại khen thưởng kết thúc ở year (Chiến sĩ thi đua tỉnh 3 năm, Bằng khen tỉnh 2 năm, Bằng khen Thủ tướng 5 năm, danh hiệu hằng năm 1 năm).',
    ],
    [
      'periodFrom, periodTo (optional): the achievement period in years, periodFrom ≤ periodTo ≤ year; blank: the span of the award ending with year (CSTĐ tỉnh 3 years, Bằng khen tỉnh 2, Bằng khen Thủ tướng 5, yearly titles 1).',
    ],
    [
      'authority: DEPARTMENT_HEAD, DISTRICT_CHAIR, COMMUNE_CHAIR, ENTERPRISE_HEAD, PROVINCE_CHAIR, MINISTER, PRIME_MINISTER, PRESIDENT',
    ],
    ['Thay các dòng ví dụ bằng dữ liệu thật. Replace the example rows.'],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
