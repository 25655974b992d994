import type { Basis } from '../rules/index.js';

/**
 * Recipient kinds an award can have in the registry (households are out of scope for now: R-KIND-1, a registry
 * convention).
 */
export const AWARD_RECIPIENT_KINDS = ['INDIVIDUAL', 'COLLECTIVE'] as const;
export type AwardRecipientKind = (typeof AWARD_RECIPIENT_KINDS)[number];

/** Vietnamese labels of the recipient kinds, as printed in reports. */
export const RECIPIENT_KIND_LABELS: Readonly<Record<AwardRecipientKind, string>> = {
  INDIVIDUAL: 'Cá nhân',
  COLLECTIVE: 'Tập thể',
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
