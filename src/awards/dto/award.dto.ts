import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { FIRST_YEAR, LAST_YEAR } from '../../common/validation/dates.js';
import { PageQueryDto } from '../../common/pagination/pagination.js';
import {
  AWARD_CODES,
  BASES,
  REGIME_CODES,
  REVOCATION_GROUNDS,
  type AwardCode,
  type Basis,
  type Regime,
  type RevocationGround,
} from '../../rules/index.js';
import { AWARD_RECIPIENT_KINDS, type AwardRecipientKind } from '../labels.js';

/** `true` / `false` in a query string (anything else fails validation). */
export const toBooleanQuery = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

/** Year filters shared by the award list and the statistics. */
export class YearRangeQueryDto {
  /** Award year (năm khen thưởng): the year the achievement is recognised for. */
  @ApiPropertyOptional({ type: 'integer', minimum: FIRST_YEAR, maximum: LAST_YEAR })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(FIRST_YEAR)
  @Max(LAST_YEAR)
  year?: number;

  /** First award year of a range (inclusive). */
  @ApiPropertyOptional({ type: 'integer', minimum: FIRST_YEAR, maximum: LAST_YEAR })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(FIRST_YEAR)
  @Max(LAST_YEAR)
  fromYear?: number;

  /** Last award year of a range (inclusive); must not be before `fromYear`. */
  @ApiPropertyOptional({ type: 'integer', minimum: FIRST_YEAR, maximum: LAST_YEAR })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(FIRST_YEAR)
  @Max(LAST_YEAR)
  toYear?: number;
}

/** Filters of `GET /awards`. */
export class ListAwardsQueryDto extends IntersectionType(PageQueryDto, YearRangeQueryDto) {
  @ApiPropertyOptional({ enum: AWARD_CODES, enumName: 'AwardCode' })
  @IsOptional()
  @IsIn(AWARD_CODES)
  awardCode?: AwardCode;

  /**
   * Awards of this organization's whole subtree: collectives in it, and individuals whose unit (at the time of
   * the award) is in it.
   */
  @IsOptional()
  @IsUUID('all')
  organizationId?: string;

  @ApiPropertyOptional({ enum: AWARD_RECIPIENT_KINDS, enumName: 'AwardRecipientKind' })
  @IsOptional()
  @IsIn(AWARD_RECIPIENT_KINDS)
  recipientKind?: AwardRecipientKind;

  @ApiPropertyOptional({ enum: BASES, enumName: 'Basis' })
  @IsOptional()
  @IsIn(BASES)
  basis?: Basis;

  /** Recipient name contains this, ignoring diacritics and case ("nguyen van a" finds "Nguyễn Văn A"). */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  /** Also list revoked awards (thu hồi), marked `revoked: true`. Default false. */
  @ApiPropertyOptional({ type: Boolean, default: false })
  @IsOptional()
  @Transform(toBooleanQuery)
  @IsBoolean()
  includeRevoked?: boolean;
}

/** Filters of an award history (`GET /individuals/{id}/awards`, `GET /organizations/{id}/awards`). */
export class AwardHistoryQueryDto extends PageQueryDto {
  /** Only awards to individuals, or only the collective's own awards. */
  @ApiPropertyOptional({ enum: AWARD_RECIPIENT_KINDS, enumName: 'AwardRecipientKind' })
  @IsOptional()
  @IsIn(AWARD_RECIPIENT_KINDS)
  recipientKind?: AwardRecipientKind;
}

/** The revocation decision of an award (R-REVOKE-1, Law 2022 Art 93): public, as the decision itself is. */
export class AwardRevocationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  /** Number of the revocation decision as printed, e.g. `12/QĐ-STTTT` (the issuer's register, R-NUM-1). */
  number: string;
  /** Date of the revocation decision, YYYY-MM-DD. */
  @ApiProperty({ format: 'date' })
  issuedOn: string;
  /** The point of Law 2022 Art 93.2 it rests on: A–D for points a–d. */
  @ApiProperty({ enum: REVOCATION_GROUNDS, enumName: 'RevocationGround' })
  ground: RevocationGround;
}

/** R-REVOKE-1: the bonus of a revoked award is to be recovered (thu hồi tiền thưởng, Law 2022 Art 93.2). */
export class BonusRecoveryDto {
  /** The bonus paid with the award, integer VND. */
  amount: number;
  /** Since when: the date of the revocation decision (or of the revocation, for one recorded before they were decisions). */
  @ApiProperty({ format: 'date' })
  dueSince: string;
}

/** One granted award (a line of a decision). Public: carries no personal data beyond the recipient's name. */
export class AwardDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  /** Award year (năm khen thưởng): the year of the achievement. */
  @ApiProperty({ type: 'integer' })
  year: number;

  @ApiProperty({ enum: AWARD_CODES, enumName: 'AwardCode' })
  awardCode: AwardCode;

  /** Vietnamese name of the title or form, e.g. "Giấy khen". */
  awardName: string;

  /** Basis (phương thức khen thưởng). */
  @ApiProperty({ enum: BASES, enumName: 'Basis' })
  basis: Basis;

  @ApiProperty({ enum: AWARD_RECIPIENT_KINDS, enumName: 'AwardRecipientKind' })
  recipientKind: AwardRecipientKind;

  /** Name of the individual or collective, as granted. */
  recipientName: string;

  /** First year of the achievement period (thời gian lập thành tích, Decree 98/2023 Art 30.9). */
  @ApiProperty({ type: 'integer', example: 2021 })
  periodFrom: number;

  /** Last year of the achievement period. */
  @ApiProperty({ type: 'integer', example: 2023 })
  periodTo: number;

  /** The individual, for an individual award. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  individualId: string | null;

  /** The collective itself, or the individual's unit when the award was granted. */
  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  /** Name of that organization, as granted. */
  organizationName: string;

  /** The unit that proposed the award (đơn vị đề nghị). */
  @ApiProperty({ format: 'uuid' })
  proposingOrganizationId: string;

  @ApiProperty({ format: 'uuid' })
  decisionId: string;

  /** Number of the decision as printed (số quyết định), e.g. `05/QĐ-STTTT`. */
  decisionNumber: string;

  /** Date of the decision (ngày ký), YYYY-MM-DD. */
  @ApiProperty({ format: 'date' })
  issuedOn: string;

  /**
   * Legal regime the award was granted under: TDKT_2003_ND91 (Law 15/2003, Decree 91/2017) until 2023-12-31,
   * TDKT_2022_ND98 (Law 06/2022, Decree 98/2023) until 2025-06-30, TDKT_2022_ND152 (Law 06/2022, Decree 152/2025)
   * from 2025-07-01.
   */
  @ApiProperty({ enum: REGIME_CODES, enumName: 'Regime' })
  regime: Regime;

  /** Certificate number in the issuer's register (số vào sổ), when one is kept. */
  @ApiProperty({ type: String, nullable: true })
  certificateNumber: string | null;

  /** Code printed on the certificate for `GET /certificates/{verificationCode}`. */
  verificationCode: string;

  /** Bonus due (tiền thưởng) in integer VND: R-MONEY-1, the issuer’s multiplier (R-MONEY-2), one title a period (R-MONEY-3). */
  bonusAmount: number;

  /**
   * R-MONEY-3 (Decree 91/2017 Art 66.2.c; Decree 98/2023 Art 53): when the recipient holds a higher emulation title
   * for the same achievement period, that award's id: its bonus covers this one, whose `bonusAmount` is then 0.
   */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  bonusPaidWithAwardId: string | null;

  /** Revoked (thu hồi, R-REVOKE-1): kept in history, counts for nothing. */
  revoked: boolean;

  /** When it was revoked (ISO 8601 UTC). */
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt: string | null;

  /**
   * Why it was revoked (the officer's words): shown to ADMIN, APPROVER and AUDITOR callers only; null for the
   * public and HR officers, who see that the award is revoked and when.
   */
  @ApiProperty({ type: String, nullable: true })
  revokedReason: string | null;

  /** R-REVOKE-1: the bonus paid for a revoked award must be recovered (truy thu). */
  bonusRecoveryDue: boolean;

  /** The revocation decision (number, date, ground; never its reason); null when not revoked or revoked before revocations were decisions. */
  @ApiProperty({ type: AwardRevocationDto, nullable: true })
  revocation: AwardRevocationDto | null;

  /** What is to be recovered, when `bonusRecoveryDue`: the amount and since when. */
  @ApiProperty({ type: BonusRecoveryDto, nullable: true })
  bonusRecovery: BonusRecoveryDto | null;

  /**
   * R-REVOKE-1: an award whose eligibility counted an award since revoked (CSTĐ cơ sở years of a CSTĐ tỉnh…) is
   * flagged for review, never revoked with it; `POST /awards/{id}/review` clears the flag.
   */
  needsReview: boolean;
}
