import {
  awardType,
  headAuthority,
  printedHeadline,
  type Authority,
  type AwardCode,
  type Basis,
  type OrganizationKind,
  type SigningMode,
} from '../rules/index.js';
import { dateInVietnam } from '../common/time/vietnam-time.js';

/** What a printed certificate says: the award and its decision, no personal data beyond the recipient's name. */
export interface CertificateRecord {
  awardId: string;
  year: number;
  awardCode: AwardCode;
  basis: Basis;
  recipientKind: 'INDIVIDUAL' | 'COLLECTIVE';
  recipientName: string;
  /** The collective itself, or the individual's unit when granted. */
  organizationName: string;
  certificateNumber: string | null;
  verificationCode: string;
  revokedAt: Date | null;
  decisionId: string;
  decisionNumber: string;
  /** YYYY-MM-DD */
  issuedOn: string;
  /** The issuing organization: its kind gives the head's title (R-AUTH-4), never the decision's stored authority. */
  issuerName: string;
  issuerKind: OrganizationKind;
  /** The organization above the issuer (a Sở's provincial People's Committee), printed above a Sở's heading. */
  issuerParentName: string | null;
  signerName: string;
  signerTitle: string;
  signingMode: SigningMode;
}

/** Title of the head who holds each authority, as written after "KT." and in the heading. */
export const AUTHORITY_TITLES: Readonly<Record<Authority, string>> = {
  DEPARTMENT_HEAD: 'Giám đốc',
  DISTRICT_CHAIR: 'Chủ tịch',
  COMMUNE_CHAIR: 'Chủ tịch',
  ENTERPRISE_HEAD: 'Giám đốc',
  PROVINCE_CHAIR: 'Chủ tịch',
  MINISTER: 'Bộ trưởng',
  PRIME_MINISTER: 'Thủ tướng Chính phủ',
  PRESIDENT: 'Chủ tịch nước',
};

/** The head of an organization without award competence of its own (a unit: thủ trưởng), for older records. */
const HEAD_WITHOUT_AUTHORITY = 'Thủ trưởng';

type Issuer = Pick<CertificateRecord, 'issuerKind' | 'issuerName'>;

/**
 * The title of the issuer's head, from the issuer's kind through the same R-AUTH-4 mapping that decides a new
 * decision's authority: "Giám đốc" for a Sở, "Chủ tịch" for a province. A decision recorded with another authority
 * (before R-AUTH-4 was enforced) still prints as what its issuer is.
 */
export function headTitle(kind: OrganizationKind): string {
  const authority = headAuthority(kind);
  return authority ? AUTHORITY_TITLES[authority] : HEAD_WITHOUT_AUTHORITY;
}

/** "Giám đốc Sở Thông tin và Truyền thông", "Chủ tịch UBND tỉnh Điện Biên". */
function issuerHead(record: Issuer): string {
  return `${headTitle(record.issuerKind)} ${record.issuerName}`;
}

export const upper = (text: string): string => text.toLocaleUpperCase('vi');

/**
 * A date as Vietnamese documents write it (Decree 30/2020/NĐ-CP Annex I): "ngày 23 tháng 01 năm 2024"; days below
 * 10 and the months 1 and 2 take a leading zero, other months do not ("ngày 05 tháng 3 năm 2024").
 */
export function vietnameseDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  const dd = day < 10 ? `0${day}` : String(day);
  const mm = month <= 2 ? `0${month}` : String(month);
  return `ngày ${dd} tháng ${mm} năm ${year}`;
}

/**
 * The heading above the award, one line or two: "CHỦ TỊCH UBND TỈNH ĐIỆN BIÊN" for a province; for a Sở its
 * province's People's Committee first, "UBND TỈNH ĐIỆN BIÊN", then "GIÁM ĐỐC SỞ THÔNG TIN VÀ TRUYỀN THÔNG".
 */
export function issuerHeading(
  record: Pick<CertificateRecord, 'issuerKind' | 'issuerName' | 'issuerParentName'>,
): string[] {
  const head = upper(issuerHead(record));
  if (record.issuerKind === 'DEPARTMENT' && record.issuerParentName) return [upper(record.issuerParentName), head];
  return [head];
}

/**
 * The award in large type (R-CERT-1, Decree 98/2023 Art 54): GIẤY KHEN, BẰNG KHEN, or BẰNG CHỨNG NHẬN for a Chiến sĩ
 * thi đua title or Tập thể lao động xuất sắc. Throws for a code with nothing printed (check `checkPrintable` first).
 */
export function headline(code: AwardCode): string {
  const text = printedHeadline(code);
  if (text === null) throw new RangeError(`Nothing is printed for ${code} (R-CERT-1)`);
  return text;
}

const FORM_ACHIEVEMENTS: Readonly<Record<Basis, (year: number) => string>> = {
  REGULAR: (year) => `Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm ${year}`,
  THEMATIC: (year) => `Đã có thành tích xuất sắc trong phong trào thi đua theo chuyên đề năm ${year}`,
  AD_HOC: (year) => `Đã có thành tích xuất sắc đột xuất năm ${year}`,
  CAREER: (year) => `Đã có quá trình cống hiến xuất sắc (khen thưởng năm ${year})`,
  SENIORITY: (year) => `Đã có thành tích theo niên hạn (khen thưởng năm ${year})`,
  FOREIGN: (year) => `Đã có đóng góp xuất sắc trong công tác đối ngoại năm ${year}`,
  RESISTANCE: (year) => `Đã có thành tích trong kháng chiến (khen thưởng năm ${year})`,
};

/** The achievement line: "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2023", or the title reached. */
export function achievementLine(record: Pick<CertificateRecord, 'awardCode' | 'basis' | 'year'>): string {
  const type = awardType(record.awardCode);
  if (type.kind === 'TITLE') return `Đã đạt danh hiệu “${type.nameVi}” năm ${record.year}`;
  return FORM_ACHIEVEMENTS[record.basis](record.year);
}

/** "Quyết định số 05/QĐ-STTTT ngày 23 tháng 01 năm 2024 của Giám đốc Sở Thông tin và Truyền thông". */
export function decisionLine(
  record: Pick<CertificateRecord, 'decisionNumber' | 'issuedOn' | 'issuerKind' | 'issuerName'>,
): string {
  return `Quyết định số ${record.decisionNumber} ${vietnameseDate(record.issuedOn)} của ${issuerHead(record)}`;
}

/**
 * The lines above the signature: the signer's title alone when the head signs, or "KT. <head's title>" then the
 * deputy's title when a deputy signs on the head's behalf (ký thay).
 */
export function signatureTitles(
  record: Pick<CertificateRecord, 'issuerKind' | 'signerTitle' | 'signingMode'>,
): string[] {
  const signer = upper(record.signerTitle);
  if (record.signingMode === 'ON_BEHALF') return [`KT. ${upper(headTitle(record.issuerKind))}`, signer];
  return [signer];
}

/** 2024-03-05T… → "05/03/2024" (the day in Vietnam's time zone, UTC+7). */
export function vietnameseShortDate(at: Date): string {
  const [yyyy, mm, dd] = dateInVietnam(at).split('-');
  return `${dd}/${mm}/${yyyy}`;
}
