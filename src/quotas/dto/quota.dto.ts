import type { Text } from '../../i18n/index.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { FIRST_YEAR, LAST_YEAR } from '../../common/validation/dates.js';
import { MaxDecimalPlaces } from '../../common/validation/decimal-places.js';
import { AWARD_CODES, type AwardCode } from '../../rules/index.js';

/** What a unit quota's ratio is a share of: another award code's counted awards, or the headcount. */
export const RATIO_BASES = [...AWARD_CODES, 'HEADCOUNT'] as const;
export type RatioBase = (typeof RATIO_BASES)[number];

/**
 * A unit's own quota (chỉ tiêu) for one year and award code (R-QUOTA-UNIT): a maximum count, a maximum ratio of a
 * base, or both — the tightest wins. PUT replaces the whole quota of that organization, year and code.
 */
export class PutQuotaDto {
  /** The proposing organization (đơn vị) the quota applies to. */
  @IsUUID('all')
  organizationId: string;

  @ApiProperty({ type: 'integer', minimum: FIRST_YEAR, maximum: LAST_YEAR, example: 2023 })
  @IsInt()
  @Min(FIRST_YEAR)
  @Max(LAST_YEAR)
  year: number;

  @ApiProperty({ enum: AWARD_CODES, enumName: 'AwardCode' })
  @IsIn(AWARD_CODES)
  awardCode: AwardCode;

  /** At most this many counted awards (awards not revoked + APPROVED nominations). */
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 100000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  maxCount?: number;

  /** At most floor(maxRatio × base); 0–1 with at most 4 decimals, e.g. 0.15. */
  @ApiPropertyOptional({ minimum: 0, maximum: 1, example: 0.15 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimalPlaces(4)
  @Min(0)
  @Max(1)
  maxRatio?: number;

  /** The base of `maxRatio`: an award code of the same organization and year, or HEADCOUNT (default). */
  @ApiPropertyOptional({ enum: RATIO_BASES, enumName: 'QuotaRatioBase' })
  @IsOptional()
  @IsIn(RATIO_BASES)
  ratioOf?: RatioBase;
}

/** A stored unit quota. */
export class UnitQuotaDto {
  @ApiProperty({ format: 'uuid' })
  organizationId: string;
  @ApiProperty({ type: 'integer' })
  year: number;
  @ApiProperty({ enum: AWARD_CODES, enumName: 'AwardCode' })
  awardCode: AwardCode;
  @ApiProperty({ type: 'integer', nullable: true })
  maxCount: number | null;
  @ApiProperty({ type: Number, nullable: true })
  maxRatio: number | null;
  @ApiProperty({ enum: RATIO_BASES, enumName: 'QuotaRatioBase', nullable: true })
  ratioOf: RatioBase | null;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class QuotaQueryDto {
  /** The proposing organization. */
  @IsUUID('all')
  organizationId: string;

  @ApiProperty({ type: 'integer', minimum: FIRST_YEAR, maximum: LAST_YEAR })
  @Type(() => Number)
  @IsInt()
  @Min(FIRST_YEAR)
  @Max(LAST_YEAR)
  year: number;
}

export class DeleteQuotaQueryDto extends QuotaQueryDto {
  @ApiProperty({ enum: AWARD_CODES, enumName: 'AwardCode' })
  @IsIn(AWARD_CODES)
  awardCode: AwardCode;
}

const QUOTA_RULES = ['R-QUOTA-CSCS', 'R-QUOTA-CSTINH', 'R-QUOTA-UNIT'] as const;

/** One limit in force for an organization, year and code, with what is already counted against it. */
export class QuotaLimitDto {
  @ApiProperty({ format: 'uuid' })
  organizationId: string;
  @ApiProperty({ type: 'integer' })
  year: number;
  @ApiProperty({ enum: AWARD_CODES, enumName: 'AwardCode' })
  awardCode: AwardCode;
  /**
   * The quota rule: R-QUOTA-CSCS (Decree 91/2017 Art 9.3), R-QUOTA-CSTINH (provincial practice) or R-QUOTA-UNIT (the
   * unit's own cap).
   */
  @ApiProperty({ enum: QUOTA_RULES, enumName: 'QuotaRule' })
  rule: (typeof QUOTA_RULES)[number];
  /** The cap: at most this many counted awards (floored). */
  @ApiProperty({ type: 'integer' })
  limit: number;
  /** Counted now: awards not revoked + APPROVED nominations of the organization, year and code. */
  @ApiProperty({ type: 'integer' })
  used: number;
  /** max(0, limit − used). */
  @ApiProperty({ type: 'integer' })
  remaining: number;
  /**
   * LEGAL (fixed by law: R-QUOTA-CSCS under TDKT_2003_ND91, Decree 91/2017 Art 9.3), SETTING (the province's
   * configurable rule: R-QUOTA-CSCS under later regimes, R-QUOTA-CSTINH) or UNIT (the unit's own quota).
   */
  @ApiProperty({ enum: ['LEGAL', 'SETTING', 'UNIT'], enumName: 'QuotaSource' })
  source: 'LEGAL' | 'SETTING' | 'UNIT';
  /** How the limit was computed, e.g. "floor(15% × 20 Lao động tiên tiến)", in the language of the request. */
  @ApiProperty({ type: String })
  basis: Text;
  /** Where the limit comes from, in the language of the request. */
  @ApiProperty({ type: String })
  article: Text;
}

export class QuotaLimitListDto {
  /** Legal limits first (R-QUOTA-CSCS when enabled, R-QUOTA-CSTINH when switched on), then the unit's own. */
  @ApiProperty({ type: QuotaLimitDto, isArray: true })
  items: QuotaLimitDto[];
}
