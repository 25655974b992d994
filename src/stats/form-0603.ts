import type { AwardRecipientKind } from '../awards/labels.js';
import type { ReportingCategory } from '../individuals/individual.js';
import type { AwardCode, Basis } from '../rules/index.js';

/**
 * Form 0603.N/BNV-TĐKT of Circular 02/2023/TT-BNV, "Số lượng khen thưởng cấp bộ, ban, ngành, đoàn thể Trung ương
 * và tỉnh": the awards decided by the reporting province's (or ministry's) own authority in the year, 17 rows by
 * recipient group and basis × 5 columns. Its layout as data, and the tabulation as a pure function.
 */
export const FORM_0603_CODE = '0603.N/BNV-TĐKT';
export const FORM_0603_TITLE = 'SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG VÀ TỈNH';

/** Columns 2–5, each the award codes it counts; column 1 is their sum. Tập thể lao động xuất sắc has no column. */
export const FORM_0603_COLUMNS: readonly { label: string; codes: readonly AwardCode[] }[] = [
  { label: 'Bằng khen', codes: ['BANG_KHEN_TINH'] },
  { label: 'Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh', codes: ['CHIEN_SI_THI_DUA_TINH'] },
  { label: 'Cờ thi đua', codes: ['CO_THI_DUA_TINH'] },
  { label: 'Huy hiệu / Kỷ niệm chương', codes: ['KY_NIEM_CHUONG'] },
];
export const FORM_0603_TOTAL_LABEL = 'Tổng số';

/** The award codes the form counts. */
export const FORM_0603_CODES: readonly AwardCode[] = FORM_0603_COLUMNS.flatMap((column) => column.codes);

/** One counted group of awards: what decides its rows and its column. */
export interface Form0603Count {
  awardCode: AwardCode;
  recipientKind: AwardRecipientKind;
  basis: Basis;
  /** A collective that is an enterprise (row 03). */
  enterprise: boolean;
  /** An individual's group (rows 06–10); null when not classified. */
  reportingCategory: ReportingCategory | null;
  count: number;
}

interface RowSpec {
  code: string;
  label: string;
  unit: string;
  counts: (c: Form0603Count) => boolean;
}

const BASIS_ROWS: readonly [string, Basis, string][] = [
  ['11', 'REGULAR', 'Khen thưởng thường xuyên'],
  ['12', 'THEMATIC', 'Khen thưởng theo chuyên đề'],
  ['13', 'AD_HOC', 'Khen thưởng đột xuất'],
  ['14', 'FOREIGN', 'Khen thưởng đối ngoại'],
  ['15', 'CAREER', 'Khen thưởng quá trình cống hiến'],
  ['16', 'SENIORITY', 'Khen thưởng theo niên hạn'],
  ['17', 'RESISTANCE', 'Khen thưởng thành tích kháng chiến'],
];

const person = (category: ReportingCategory) => (c: Form0603Count) =>
  c.recipientKind === 'INDIVIDUAL' && c.reportingCategory === category;

/** The 17 rows of the form, in order, with the unit printed in column C. */
export const FORM_0603_ROWS: readonly RowSpec[] = [
  { code: '01', label: 'Tổng số', unit: 'Lượt', counts: () => true },
  { code: '02', label: '1. Tập thể', unit: 'Tập thể', counts: (c) => c.recipientKind === 'COLLECTIVE' },
  {
    code: '03',
    label: 'Trong đó: Doanh nghiệp',
    unit: 'Tập thể',
    counts: (c) => c.recipientKind === 'COLLECTIVE' && c.enterprise,
  },
  { code: '04', label: '2. Hộ gia đình', unit: 'Hộ', counts: (c) => c.recipientKind === 'HOUSEHOLD' },
  { code: '05', label: '3. Cá nhân', unit: 'Người', counts: (c) => c.recipientKind === 'INDIVIDUAL' },
  {
    code: '06',
    label: '- Lãnh đạo cấp bộ, ban, ngành, tỉnh và tương đương trở lên',
    unit: 'Người',
    counts: person('PROVINCE_LEADER'),
  },
  {
    code: '07',
    label: '- Lãnh đạo cấp vụ, sở, ngành và tương đương',
    unit: 'Người',
    counts: person('DEPARTMENT_LEADER'),
  },
  { code: '08', label: '- Doanh nhân', unit: 'Người', counts: person('ENTREPRENEUR') },
  {
    code: '09',
    label: '- Các cấp lãnh đạo khác từ phó trưởng phòng và tương đương trở lên',
    unit: 'Người',
    counts: person('OTHER_LEADER'),
  },
  {
    code: '10',
    label: '- Người trực tiếp lao động, sản xuất, công tác (công nhân, nông dân, …)',
    unit: 'Người',
    counts: person('WORKER'),
  },
  ...BASIS_ROWS.map(([code, basis, label]) => ({
    code,
    label,
    unit: 'Lượt',
    counts: (c: Form0603Count) => c.basis === basis,
  })),
];

export interface Form0603Row {
  code: string;
  label: string;
  unit: string;
  /** [total, Bằng khen, Chiến sĩ thi đua, Cờ thi đua, Huy hiệu / Kỷ niệm chương]. */
  values: [number, number, number, number, number];
}

/** Tabulates the counted groups into the form's 17 rows × 5 columns (column 1 = columns 2–5 added up). */
export function tabulateForm0603(counts: readonly Form0603Count[]): Form0603Row[] {
  return FORM_0603_ROWS.map((row) => {
    const values: Form0603Row['values'] = [0, 0, 0, 0, 0];
    for (const c of counts) {
      const column = FORM_0603_COLUMNS.findIndex((col) => col.codes.includes(c.awardCode));
      if (column < 0 || !row.counts(c)) continue;
      values[column + 1] += c.count;
      values[0] += c.count;
    }
    return { code: row.code, label: row.label, unit: row.unit, values };
  });
}
