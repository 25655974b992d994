import { AWARD_CATALOGUE, AWARD_CODES, BASES } from '../../rules/index.js';
import { BASIS_LABELS } from '../../awards/labels.js';

/**
 * The columns of an import file: exactly the field names of `POST /nominations`, plus the optional
 * `expectedDecisionOn` and three alternative columns that name a person or an organization the way HR offices keep
 * their lists (national id, organization code) instead of by UUID.
 */
export const CONTRACT_COLUMNS = [
  'year',
  'awardCode',
  'basis',
  'individualId',
  'organizationId',
  'proposingOrganizationId',
  'achievements',
  'expectedDecisionOn',
] as const;

/** Alternative column → the contract column it stands for (a row gives one of the two, not both). */
export const ALTERNATIVE_COLUMNS = {
  nationalId: 'individualId',
  organizationCode: 'organizationId',
  proposingOrganizationCode: 'proposingOrganizationId',
} as const;

export type ContractColumn = (typeof CONTRACT_COLUMNS)[number];
export type AlternativeColumn = keyof typeof ALTERNATIVE_COLUMNS;
export type ImportColumn = ContractColumn | AlternativeColumn;

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  ...CONTRACT_COLUMNS,
  ...(Object.keys(ALTERNATIVE_COLUMNS) as AlternativeColumn[]),
];

/** Where a column's meaning, requirement and values are explained: the template's guide sheet and the docs. */
export interface ColumnDoc {
  column: ImportColumn;
  required: string;
  en: string;
  vi: string;
  values: string;
}

const AWARD_CODE_LIST = AWARD_CODES.join(', ');
const BASIS_LIST = BASES.join(', ');

export const COLUMN_DOCS: readonly ColumnDoc[] = [
  {
    column: 'year',
    required: 'yes',
    en: 'The year the achievements belong to',
    vi: 'Năm thi đua (năm của thành tích)',
    values: 'a whole number from 1945 to 2100, e.g. 2023',
  },
  {
    column: 'awardCode',
    required: 'yes',
    en: 'Code of the title or form proposed (see the list below)',
    vi: 'Mã danh hiệu hoặc hình thức khen thưởng đề nghị (xem danh sách bên dưới)',
    values: AWARD_CODE_LIST,
  },
  {
    column: 'basis',
    required: 'yes',
    en: 'Basis of the commendation; titles take REGULAR only',
    vi: 'Phương thức khen thưởng; danh hiệu thi đua chỉ xét theo phương thức thường xuyên (REGULAR)',
    values: BASIS_LIST,
  },
  {
    column: 'individualId',
    required: 'one nominee: individualId, nationalId, organizationId or organizationCode',
    en: 'The nominated person (UUID in the registry)',
    vi: 'Cá nhân được đề nghị (mã UUID trong hệ thống)',
    values: 'UUID',
  },
  {
    column: 'organizationId',
    required: 'one nominee: individualId, nationalId, organizationId or organizationCode',
    en: 'The nominated collective (UUID in the registry)',
    vi: 'Tập thể được đề nghị (mã UUID trong hệ thống)',
    values: 'UUID',
  },
  {
    column: 'proposingOrganizationId',
    required: 'yes (or proposingOrganizationCode)',
    en: 'The organization that proposes; quotas count per proposing organization, year and code',
    vi: 'Cơ quan, đơn vị đề nghị; chỉ tiêu tính theo đơn vị đề nghị, năm và mã khen thưởng',
    values: 'UUID',
  },
  {
    column: 'achievements',
    required: 'yes',
    en: 'Achievement summary',
    vi: 'Tóm tắt thành tích',
    values: 'text, 1 to 20000 characters',
  },
  {
    column: 'expectedDecisionOn',
    required: 'no',
    en: 'Expected date of the decision: chooses the legal regime the rules are judged under (else today)',
    vi: 'Ngày dự kiến ban hành quyết định: xác định chế độ pháp lý áp dụng (nếu bỏ trống: ngày hiện tại)',
    values: 'a date: YYYY-MM-DD, DD/MM/YYYY or a date cell; not before 1 January of year',
  },
  {
    column: 'nationalId',
    required: 'no: instead of individualId',
    en: "The nominated person's national id (CCCD), instead of individualId",
    vi: 'Số định danh cá nhân (CCCD) của người được đề nghị, thay cho individualId',
    values: 'the national id recorded for the person',
  },
  {
    column: 'organizationCode',
    required: 'no: instead of organizationId',
    en: "The nominated collective's organization code, instead of organizationId",
    vi: 'Mã đơn vị của tập thể được đề nghị, thay cho organizationId',
    values: 'an organization code',
  },
  {
    column: 'proposingOrganizationCode',
    required: 'no: instead of proposingOrganizationId',
    en: "The proposing organization's code, instead of proposingOrganizationId",
    vi: 'Mã đơn vị đề nghị, thay cho proposingOrganizationId',
    values: 'an organization code',
  },
];

/** The award codes with their Vietnamese and English names, for the guide sheet. */
export const AWARD_CODE_DOCS = AWARD_CODES.map((code) => ({
  code,
  vi: AWARD_CATALOGUE[code].nameVi,
  en: AWARD_CATALOGUE[code].nameEn,
  kind: AWARD_CATALOGUE[code].kind,
  recipients: AWARD_CATALOGUE[code].recipientKinds.filter((kind) => kind !== 'HOUSEHOLD').join(', '),
}));

const BASIS_ENGLISH: Readonly<Record<(typeof BASES)[number], string>> = {
  REGULAR: 'regular, by annual merit',
  THEMATIC: 'thematic, per campaign',
  AD_HOC: 'ad hoc, for an exceptional deed',
  CAREER: 'career contribution',
  SENIORITY: 'seniority',
  FOREIGN: 'foreign relations',
  RESISTANCE: 'resistance',
};

export const BASIS_DOCS = BASES.map((basis) => ({ basis, vi: BASIS_LABELS[basis], en: BASIS_ENGLISH[basis] }));

/** A header cell → the column it names (names match without regard to case), or undefined. */
export function columnOf(header: string): ImportColumn | undefined {
  const wanted = header.trim().toLowerCase();
  return IMPORT_COLUMNS.find((column) => column.toLowerCase() === wanted);
}

/** The one-paragraph description of the columns used in the Swagger operation. */
export const COLUMNS_MARKDOWN = COLUMN_DOCS.map(
  (doc) => `- \`${doc.column}\` (${doc.required}): ${doc.en} — ${doc.vi}. Values: ${doc.values}.`,
).join('\n');
