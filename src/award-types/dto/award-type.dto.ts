import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import {
  AUTHORITIES,
  AWARD_CODES,
  AWARD_KINDS,
  RECIPIENT_KINDS,
  type Authority,
  type AwardKind,
  type RecipientKind,
} from '../../rules/types.js';

/** `GET /award-types/{code}`: the code must look like one (upper-case letters, digits and "_"). */
export class AwardTypeParamsDto {
  /** Award code of the catalogue, e.g. `GIAY_KHEN`. */
  @ApiProperty({ example: 'GIAY_KHEN' })
  @Matches(/^[A-Z][A-Z0-9_]{0,63}$/, {
    message: 'code must be an award code: upper-case letters, digits and "_", e.g. GIAY_KHEN',
  })
  code: string;
}

/** Bonus = multiplier × base salary (mức lương cơ sở) on the decision date, by legal regime (R-MONEY-1). */
export class BonusMultipliersDto {
  /** Law 15/2003 with Decree 91/2017 (decisions until 2023-12-31). */
  @ApiProperty({ example: 0.3 })
  TDKT_2003_ND91: number;
  /** Law 06/2022 with Decree 98/2023 (decisions 2024-01-01 → 2025-06-30). */
  @ApiProperty({ example: 0.3 })
  TDKT_2022_ND98: number;
  /** Law 06/2022 with Decree 152/2025 (decisions from 2025-07-01). */
  @ApiProperty({ example: 0.3 })
  TDKT_2022_ND152: number;
}

/** One emulation title (danh hiệu thi đua) or commendation form (hình thức khen thưởng) of the catalogue. */
export class AwardTypeDto {
  /** Stable code, e.g. `LAO_DONG_TIEN_TIEN`. New codes may be added by later migrations. */
  @ApiProperty({ enum: AWARD_CODES, enumName: 'AwardCode' })
  code: string;
  /** Vietnamese name, e.g. "Lao động tiên tiến". */
  nameVi: string;
  /** English name, e.g. "Advanced Worker". */
  nameEn: string;
  /** `TITLE` (danh hiệu thi đua) or `FORM` (hình thức khen thưởng). */
  @ApiProperty({ enum: AWARD_KINDS, enumName: 'AwardKind' })
  kind: AwardKind;
  /** Who may receive it: individual (cá nhân), collective (tập thể), household (hộ gia đình). */
  @ApiProperty({ enum: RECIPIENT_KINDS, enumName: 'RecipientKind', isArray: true })
  recipientKinds: RecipientKind[];
  /** Authorities that may decide it (thẩm quyền quyết định), on some date (R-AUTH-1..4 narrow this by date). */
  @ApiProperty({ enum: AUTHORITIES, enumName: 'Authority', isArray: true })
  decidingAuthorities: Authority[];
  /** Bonus multiplier of the base salary per legal regime (R-MONEY-1). */
  bonusMultipliers: BonusMultipliersDto;
  /** A collective recipient gets this multiple of the individual bonus: 2 for Giấy khen and Bằng khen, else 1. */
  @ApiProperty({ example: 1 })
  collectiveBonusFactor: number;
  /** A title or form "of the province" (R-AUTH-3), counted in Circular 02/2023/TT-BNV form 0603. */
  provinceLevel: boolean;
  /** A passing council vote (Hội đồng Thi đua – Khen thưởng) is needed before approval by default (R-VOTE-1). */
  voteRequired: boolean;
  /** Default pass mark as a share of all council members (R-VOTE-1): 0.5 means "more than half". */
  @ApiProperty({ example: 0.9, minimum: 0, maximum: 1 })
  votePassRatio: number;
}

export class AwardTypeListDto {
  /** The whole catalogue in its display order. */
  @ApiProperty({ type: AwardTypeDto, isArray: true })
  items: AwardTypeDto[];
}
