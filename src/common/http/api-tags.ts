/**
 * The tags of the OpenAPI document, in the order Swagger UI lists them, each with what it groups. An operation's
 * `@ApiTags` must name one of these (`npm run lint:openapi` refuses an undeclared tag).
 */
export const API_TAGS: Record<string, string> = {
  organizations: 'Organizations (cơ quan, đơn vị) and their tree: province → department → unit.',
  individuals:
    'People (cá nhân) with their annual ratings (xếp loại), initiatives (sáng kiến) and disciplinary cases (kỷ luật): ' +
    'personal data, never public.',
  'award-types':
    'The catalogue of emulation titles and commendation forms (danh hiệu thi đua, hình thức khen thưởng) and the ' +
    'council vote policy of each.',
  households: 'Households (hộ gia đình) under a commune, recipients of Giấy khen and Bằng khen.',
  nominations:
    'Nominations (đề nghị khen thưởng): drafting with eligibility, submission, council votes, approval; spreadsheet import.',
  decisions:
    'Decisions (quyết định khen thưởng) that grant the approved nominations, and revocation of awards (thu hồi).',
  revocations:
    'Revocation decisions (quyết định hủy bỏ quyết định khen thưởng, Law 2022 Art 93): number, date, issuer and ' +
    'legal ground; public, without the officer’s reason.',
  history:
    "History import: an agency's past decisions and awards from spreadsheets, counted by the rules, never judged.",
  awards: 'Granted awards: the public register and the award history of a person or an organization.',
  certificates:
    'Verification of a certificate by its code (xác minh), and printable certificates (giấy khen, bằng khen).',
  quotas: "Quotas (chỉ tiêu): the legal limits and a unit's own, with what is used and what remains.",
  'rule-settings': 'The configurable rules: quota switches and ratios, council vote policies.',
  stats: 'Statistics (thống kê) of granted awards, and reporting form 0603.',
  exports: 'Streamed CSV and XLSX exports of the award history, for auditors.',
  audit: 'The tamper-evident audit trail (nhật ký kiểm toán) and its export, for auditors.',
  'api-keys': 'API keys: who may call the API, in which role and scope.',
  health: 'Liveness and readiness probes.',
};
