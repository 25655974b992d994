import type { Basis } from '../rules/index.js';

/** Recipient kinds an award can have: a person, a collective, or a household (Giấy khen and Bằng khen only, R-KIND-1). */
export const AWARD_RECIPIENT_KINDS = ['INDIVIDUAL', 'COLLECTIVE', 'HOUSEHOLD'] as const;
export type AwardRecipientKind = (typeof AWARD_RECIPIENT_KINDS)[number];

/** Vietnamese labels of the recipient kinds, as printed in reports. */
export const RECIPIENT_KIND_LABELS: Readonly<Record<AwardRecipientKind, string>> = {
  INDIVIDUAL: 'Cá nhân',
  COLLECTIVE: 'Tập thể',
  HOUSEHOLD: 'Hộ gia đình',
};

/** Vietnamese labels of the bases (phương thức khen thưởng). */
export const BASIS_LABELS: Readonly<Record<Basis, string>> = {
  REGULAR: 'Thường xuyên',
  THEMATIC: 'Chuyên đề',
  AD_HOC: 'Đột xuất',
  CAREER: 'Cống hiến',
  SENIORITY: 'Niên hạn',
  FOREIGN: 'Đối ngoại',
  RESISTANCE: 'Kháng chiến',
};
