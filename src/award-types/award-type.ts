export type AwardKind = 'TITLE' | 'FORM';

/** Bonus multiplier of the base salary by legal regime (R-MONEY-1), e.g. `{ "TDKT_2022_ND98": 0.3 }`. */
export type BonusMultipliers = Record<string, number>;

/**
 * A row of the catalogue of emulation titles and commendation forms (`award_types`). Seeded by migration; over the
 * API only the vote policy columns change (`PUT /award-types/{code}/vote-policy`, through `AwardTypesRepository`);
 * other tables reference `code`. `numeric` columns arrive from pg as text.
 */
export interface AwardType {
  code: string;
  nameVi: string;
  nameEn: string;
  kind: AwardKind;
  recipientKinds: string[];
  decidingAuthorities: string[];
  bonusMultipliers: BonusMultipliers;
  /** Collectives receive this multiple of the individual bonus (×2 for Giấy khen and Bằng khen). */
  collectiveBonusFactor: string;
  /** Counted in Circular 02/2023/TT-BNV form 0603 (province-level awards). */
  provinceLevel: boolean;
  /** R-VOTE-1: a passing council vote is needed before approval. */
  voteRequired: boolean;
  /** R-VOTE-1: share of all council members who must vote yes. */
  votePassRatio: string;
  sortOrder: number;
}
