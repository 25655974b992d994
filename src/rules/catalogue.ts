/**
 * The catalogue of titles and forms as data: the single source the API (`GET /award-types`),
 * the rule engine and the seeding migration use.
 *
 * Sources: Law 06/2022/QH15 Art 21–27 (titles), Art 74–80 (forms, competence); Decree 98/2023 and
 * Decree 152/2025 (bonus multipliers); Decree 91/2017 (regime TDKT_2003_ND91); Decree 129/2025 (commune chairs
 * decide CSTĐ cơ sở and TT lao động tiên tiến from 2025-07-01, district level abolished).
 * Confidence (docs/rules.md): the ND98 multipliers of the three forms are [C], Cờ thi đua tỉnh is [S].
 */
import type { Authority, AwardCode, AwardKind, RecipientKind, Regime } from './types.js';

/** An authority that may decide an award, optionally only for decisions dated within [from, until]. */
export interface AuthorityGrant {
  authority: Authority;
  /** First decision date allowed (inclusive, YYYY-MM-DD). */
  from?: string;
  /** Last decision date allowed (inclusive, YYYY-MM-DD). */
  until?: string;
}

export interface AwardType {
  code: AwardCode;
  nameVi: string;
  nameEn: string;
  kind: AwardKind;
  recipientKinds: readonly RecipientKind[];
  /** Who may sign it locally ("Decided locally by"); used by R-AUTH-1..4. */
  decidingAuthorities: readonly AuthorityGrant[];
  /** Bonus = multiplier × base salary (R-MONEY-1), per regime. */
  bonusMultipliers: Readonly<Record<Regime, number>>;
  /** R-MONEY-2: where the issuer's authority changes the multiplier, per regime (else `bonusMultipliers`). */
  authorityBonusMultipliers?: Readonly<Partial<Record<Authority, Readonly<Record<Regime, number>>>>>;
  /** Extra factor for a collective recipient: ×2 for Giấy khen and the two Bằng khen, else 1. */
  collectiveFactor: number;
  /** A title or form "of the province" (R-AUTH-3); counted in Circular 02/2023/TT-BNV form 0603. */
  isProvinceLevel: boolean;
  /** Council vote required before approval unless a unit configures otherwise (R-VOTE-1). */
  voteRequiredByDefault: boolean;
  /** Default pass mark as a share of all council members (R-VOTE-1 [C]). 0.5 means "more than half". */
  defaultPassRatio: number;
  /** Caveats on the data (confidence of the multipliers etc.). */
  notes?: string;
}

const same = (m: number): Record<Regime, number> => ({
  TDKT_2003_ND91: m,
  TDKT_2022_ND98: m,
  TDKT_2022_ND152: m,
});

/** Commune chairs gained these titles with the two-tier local government (Decree 129/2025). */
const TWO_TIER_FROM = '2025-07-01';
/** District people's committees ceased to exist with the two-tier local government. */
const LAST_DISTRICT_DAY = '2025-06-30';

const LOCAL_HEADS: readonly AuthorityGrant[] = [
  { authority: 'DEPARTMENT_HEAD' },
  { authority: 'DISTRICT_CHAIR', until: LAST_DISTRICT_DAY },
  { authority: 'COMMUNE_CHAIR' },
  { authority: 'ENTERPRISE_HEAD' },
];
/** Law 2022 Art 80.4 (R-AUTH-5): an enterprise's director also decides CSTĐ cơ sở and TT lao động tiên tiến. */
const DEPARTMENT_OR_DISTRICT_THEN_COMMUNE: readonly AuthorityGrant[] = [
  { authority: 'DEPARTMENT_HEAD' },
  { authority: 'DISTRICT_CHAIR', until: LAST_DISTRICT_DAY },
  { authority: 'COMMUNE_CHAIR', from: TWO_TIER_FROM },
  { authority: 'ENTERPRISE_HEAD' },
];
const PROVINCE: readonly AuthorityGrant[] = [{ authority: 'PROVINCE_CHAIR' }, { authority: 'MINISTER' }];
const PRIME_MINISTER: readonly AuthorityGrant[] = [{ authority: 'PRIME_MINISTER' }];

/**
 * Pass marks of R-VOTE-1: 90 % for CSTĐ tỉnh and CSTĐ toàn quốc only (Decree 91 Art 45.8 names these titles), Bằng
 * khen tỉnh 80 %, others — the Cờ thi đua and the Bằng khen của Thủ tướng included — more than half [C].
 */
const PASS_HIGH = 0.9;
const PASS_BANG_KHEN_TINH = 0.8;
const PASS_MAJORITY = 0.5;

export const AWARD_CATALOGUE: Readonly<Record<AwardCode, AwardType>> = {
  LAO_DONG_TIEN_TIEN: {
    code: 'LAO_DONG_TIEN_TIEN',
    nameVi: 'Lao động tiên tiến',
    nameEn: 'Advanced Worker',
    kind: 'TITLE',
    recipientKinds: ['INDIVIDUAL'],
    decidingAuthorities: LOCAL_HEADS,
    bonusMultipliers: same(0.3),
    collectiveFactor: 1,
    isProvinceLevel: false,
    voteRequiredByDefault: false,
    defaultPassRatio: PASS_MAJORITY,
  },
  CHIEN_SI_THI_DUA_CO_SO: {
    code: 'CHIEN_SI_THI_DUA_CO_SO',
    nameVi: 'Chiến sĩ thi đua cơ sở',
    nameEn: 'Grassroots Emulation Fighter',
    kind: 'TITLE',
    recipientKinds: ['INDIVIDUAL'],
    decidingAuthorities: DEPARTMENT_OR_DISTRICT_THEN_COMMUNE,
    bonusMultipliers: same(1.0),
    collectiveFactor: 1,
    isProvinceLevel: false,
    voteRequiredByDefault: true,
    defaultPassRatio: PASS_MAJORITY,
  },
  CHIEN_SI_THI_DUA_TINH: {
    code: 'CHIEN_SI_THI_DUA_TINH',
    nameVi: 'Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh',
    nameEn: 'Provincial/Ministerial Emulation Fighter',
    kind: 'TITLE',
    recipientKinds: ['INDIVIDUAL'],
    decidingAuthorities: PROVINCE,
    bonusMultipliers: same(3.0),
    collectiveFactor: 1,
    isProvinceLevel: true,
    voteRequiredByDefault: true,
    defaultPassRatio: PASS_HIGH,
  },
  CHIEN_SI_THI_DUA_TOAN_QUOC: {
    code: 'CHIEN_SI_THI_DUA_TOAN_QUOC',
    nameVi: 'Chiến sĩ thi đua toàn quốc',
    nameEn: 'National Emulation Fighter',
    kind: 'TITLE',
    recipientKinds: ['INDIVIDUAL'],
    decidingAuthorities: PRIME_MINISTER,
    bonusMultipliers: same(4.5),
    collectiveFactor: 1,
    isProvinceLevel: false,
    voteRequiredByDefault: true,
    defaultPassRatio: PASS_HIGH,
    notes: 'Decided by the Prime Minister; a province only proposes it.',
  },
  TAP_THE_LAO_DONG_TIEN_TIEN: {
    code: 'TAP_THE_LAO_DONG_TIEN_TIEN',
    nameVi: 'Tập thể lao động tiên tiến',
    nameEn: 'Advanced Labour Collective',
    kind: 'TITLE',
    recipientKinds: ['COLLECTIVE'],
    decidingAuthorities: DEPARTMENT_OR_DISTRICT_THEN_COMMUNE,
    bonusMultipliers: same(0.8),
    collectiveFactor: 1,
    isProvinceLevel: false,
    voteRequiredByDefault: false,
    defaultPassRatio: PASS_MAJORITY,
  },
  TAP_THE_LAO_DONG_XUAT_SAC: {
    code: 'TAP_THE_LAO_DONG_XUAT_SAC',
    nameVi: 'Tập thể lao động xuất sắc',
    nameEn: 'Excellent Labour Collective',
    kind: 'TITLE',
    recipientKinds: ['COLLECTIVE'],
    decidingAuthorities: PROVINCE,
    bonusMultipliers: same(1.5),
    collectiveFactor: 1,
    isProvinceLevel: true,
    voteRequiredByDefault: false,
    defaultPassRatio: PASS_MAJORITY,
  },
  CO_THI_DUA_TINH: {
    code: 'CO_THI_DUA_TINH',
    nameVi: 'Cờ thi đua của UBND tỉnh / bộ',
    nameEn: 'Emulation Flag of the Province / Ministry',
    kind: 'TITLE',
    recipientKinds: ['COLLECTIVE'],
    decidingAuthorities: PROVINCE,
    bonusMultipliers: same(8.0),
    collectiveFactor: 1,
    isProvinceLevel: true,
    voteRequiredByDefault: true,
    defaultPassRatio: PASS_MAJORITY,
    notes: 'Multiplier 8.0 is from a secondary source [S].',
  },
  CO_THI_DUA_CHINH_PHU: {
    code: 'CO_THI_DUA_CHINH_PHU',
    nameVi: 'Cờ thi đua của Chính phủ',
    nameEn: 'Emulation Flag of the Government',
    kind: 'TITLE',
    recipientKinds: ['COLLECTIVE'],
    decidingAuthorities: PRIME_MINISTER,
    bonusMultipliers: same(12.0),
    collectiveFactor: 1,
    isProvinceLevel: false,
    voteRequiredByDefault: true,
    defaultPassRatio: PASS_MAJORITY,
    notes: 'Decided by the Prime Minister; a province only proposes it.',
  },
  GIAY_KHEN: {
    code: 'GIAY_KHEN',
    nameVi: 'Giấy khen',
    nameEn: 'Certificate of Merit',
    kind: 'FORM',
    recipientKinds: ['INDIVIDUAL', 'COLLECTIVE', 'HOUSEHOLD'],
    decidingAuthorities: LOCAL_HEADS,
    bonusMultipliers: same(0.3),
    // R-MONEY-2: a commune chair's Giấy khen is 0.15 (Decree 91 Art 73.1.d; Decree 98 Art 58.1.g), 0.3 from
    // Decree 152/2025 Art 54.1.
    authorityBonusMultipliers: {
      COMMUNE_CHAIR: { TDKT_2003_ND91: 0.15, TDKT_2022_ND98: 0.15, TDKT_2022_ND152: 0.3 },
    },
    collectiveFactor: 2,
    isProvinceLevel: false,
    voteRequiredByDefault: false,
    defaultPassRatio: PASS_MAJORITY,
    notes: 'The TDKT_2022_ND98 multiplier is configurable [C].',
  },
  BANG_KHEN_TINH: {
    code: 'BANG_KHEN_TINH',
    nameVi: 'Bằng khen của Chủ tịch UBND tỉnh / Bộ trưởng',
    nameEn: 'Certificate of Merit of the Provincial Chairman / Minister',
    kind: 'FORM',
    recipientKinds: ['INDIVIDUAL', 'COLLECTIVE', 'HOUSEHOLD'],
    decidingAuthorities: PROVINCE,
    bonusMultipliers: { TDKT_2003_ND91: 1.0, TDKT_2022_ND98: 1.0, TDKT_2022_ND152: 1.5 },
    collectiveFactor: 2,
    isProvinceLevel: true,
    voteRequiredByDefault: true,
    defaultPassRatio: PASS_BANG_KHEN_TINH,
    notes: 'The TDKT_2022_ND98 multiplier is configurable [C].',
  },
  BANG_KHEN_THU_TUONG: {
    code: 'BANG_KHEN_THU_TUONG',
    nameVi: 'Bằng khen của Thủ tướng Chính phủ',
    nameEn: 'Certificate of Merit of the Prime Minister',
    kind: 'FORM',
    recipientKinds: ['INDIVIDUAL', 'COLLECTIVE'],
    decidingAuthorities: PRIME_MINISTER,
    bonusMultipliers: same(3.5),
    collectiveFactor: 2,
    isProvinceLevel: false,
    voteRequiredByDefault: true,
    defaultPassRatio: PASS_MAJORITY,
    notes:
      'Decided by the Prime Minister; a province only proposes it. The TDKT_2022_ND98 multiplier is configurable [C].',
  },
  KY_NIEM_CHUONG: {
    code: 'KY_NIEM_CHUONG',
    nameVi: 'Kỷ niệm chương',
    nameEn: 'Commemorative Medal',
    kind: 'FORM',
    recipientKinds: ['INDIVIDUAL'],
    decidingAuthorities: [{ authority: 'MINISTER' }, { authority: 'PROVINCE_CHAIR' }],
    bonusMultipliers: same(0),
    collectiveFactor: 1,
    isProvinceLevel: false,
    voteRequiredByDefault: false,
    defaultPassRatio: PASS_MAJORITY,
    notes:
      'A ministry’s or sector’s commemorative medal (Huy hiệu / Kỷ niệm chương, column 5 of form 0603 of Circular ' +
      '02/2023/TT-BNV), granted under the ministry’s own regulation; it carries no bonus under Decree 98/2023.',
  },
};

/** The catalogue as a list, in display order (highest individual title first, forms last). */
export const AWARD_TYPES: readonly AwardType[] = Object.values(AWARD_CATALOGUE);

export function awardType(code: AwardCode): AwardType {
  const found = AWARD_CATALOGUE[code];
  if (!found) throw new RangeError(`Unknown award code ${String(code)}`);
  return found;
}

export function isTitle(code: AwardCode): boolean {
  return awardType(code).kind === 'TITLE';
}

/** Vietnamese name for messages, e.g. "Lao động tiên tiến". */
export function awardName(code: AwardCode): string {
  return awardType(code).nameVi;
}

/** R-MONEY-1/2: the multiplier of `code` under `regime`, for a decision of `authority` when given. */
export function bonusMultiplier(code: AwardCode, regime: Regime, authority?: Authority): number {
  const type = awardType(code);
  const byAuthority = authority === undefined ? undefined : type.authorityBonusMultipliers?.[authority];
  return byAuthority?.[regime] ?? type.bonusMultipliers[regime];
}

/** The authorities that may decide `code` on some date (the flat list the award_types table stores). */
export function decidingAuthorityCodes(code: AwardCode): Authority[] {
  return [...new Set(awardType(code).decidingAuthorities.map((g) => g.authority))];
}

/** Codes "of the province" (R-AUTH-3; Circular 02/2023 form 0603). */
export const PROVINCE_LEVEL_CODES: readonly AwardCode[] = AWARD_TYPES.filter((t) => t.isProvinceLevel).map(
  (t) => t.code,
);
