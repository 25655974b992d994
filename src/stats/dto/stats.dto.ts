import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { FIRST_YEAR, LAST_YEAR } from '../../common/validation/dates.js';
import { YearRangeQueryDto } from '../../awards/dto/award.dto.js';
import { AWARD_RECIPIENT_KINDS, type AwardRecipientKind } from '../../awards/labels.js';
import { AWARD_CODES, BASES, type AwardCode, type Basis } from '../../rules/index.js';

export const STATS_GROUP_BY = ['awardCode', 'organization', 'recipientKind', 'basis'] as const;
export type StatsGroupBy = (typeof STATS_GROUP_BY)[number];

/** Filters of `GET /stats/awards`: the same meaning as in `GET /awards`; revoked awards never count. */
export class AwardStatsQueryDto extends YearRangeQueryDto {
  /** The whole subtree of this organization (collectives in it, individuals whose unit was in it). */
  @IsOptional()
  @IsUUID('all')
  organizationId?: string;

  /** What to count by. `organization` groups by the award's organization (the collective, or the individual's unit). */
  @ApiPropertyOptional({ enum: STATS_GROUP_BY, enumName: 'StatsGroupBy', default: 'awardCode' })
  @IsOptional()
  @IsIn(STATS_GROUP_BY)
  groupBy?: StatsGroupBy;

  @ApiPropertyOptional({ enum: AWARD_CODES, enumName: 'AwardCode' })
  @IsOptional()
  @IsIn(AWARD_CODES)
  awardCode?: AwardCode;

  @ApiPropertyOptional({ enum: AWARD_RECIPIENT_KINDS, enumName: 'AwardRecipientKind' })
  @IsOptional()
  @IsIn(AWARD_RECIPIENT_KINDS)
  recipientKind?: AwardRecipientKind;

  @ApiPropertyOptional({ enum: BASES, enumName: 'Basis' })
  @IsOptional()
  @IsIn(BASES)
  basis?: Basis;
}

export class StatsGroupDto {
  /** The award code, organization id, recipient kind or basis. */
  key: string;
  /** What a person reads: the Vietnamese name of the code, kind or basis, or the organization's name. */
  label: string;
  /** Awards not revoked. */
  @ApiProperty({ type: 'integer' })
  count: number;
  /** Sum of their bonuses, integer VND. */
  bonusTotal: number;
}

export class StatsTotalDto {
  @ApiProperty({ type: 'integer' })
  count: number;
  bonusTotal: number;
}

export class AwardStatsDto {
  @ApiProperty({ enum: STATS_GROUP_BY, enumName: 'StatsGroupBy' })
  groupBy: StatsGroupBy;
  /**
   * Award codes and bases in catalogue order, recipient kinds individuals first, organizations by count
   * (highest first) then name. Groups without awards are left out.
   */
  @ApiProperty({ type: [StatsGroupDto] })
  groups: StatsGroupDto[];
  total: StatsTotalDto;
}

/** Filters of the Circular 02/2023/TT-BNV form 0603 report. */
export class Form0603QueryDto {
  /** Reporting year: awards whose decision is dated in this calendar year. */
  @ApiProperty({ type: 'integer', minimum: FIRST_YEAR, maximum: LAST_YEAR })
  @Type(() => Number)
  @IsInt()
  @Min(FIRST_YEAR)
  @Max(LAST_YEAR)
  year: number;

  /** Only the subtree of this organization (e.g. one department); omit for the whole registry. */
  @IsOptional()
  @IsUUID('all')
  organizationId?: string;
}

/** Counts per basis (phương thức khen thưởng); every basis is present, 0 when none. */
export class BasisCountsDto {
  /** Thường xuyên. */
  @ApiProperty({ type: 'integer' })
  REGULAR: number;
  /** Chuyên đề. */
  @ApiProperty({ type: 'integer' })
  THEMATIC: number;
  /** Đột xuất. */
  @ApiProperty({ type: 'integer' })
  AD_HOC: number;
  /** Cống hiến. */
  @ApiProperty({ type: 'integer' })
  CAREER: number;
  /** Niên hạn. */
  @ApiProperty({ type: 'integer' })
  SENIORITY: number;
  /** Đối ngoại. */
  @ApiProperty({ type: 'integer' })
  FOREIGN: number;
  /** Kháng chiến. */
  @ApiProperty({ type: 'integer' })
  RESISTANCE: number;
}

export class Form0603CountsDto {
  /** Awards to collectives (tập thể). */
  @ApiProperty({ type: 'integer' })
  collectives: number;
  /** Awards to individuals (cá nhân). */
  @ApiProperty({ type: 'integer' })
  individuals: number;
  /** collectives + individuals. */
  @ApiProperty({ type: 'integer' })
  total: number;
  /** Sum of the bonuses, integer VND. */
  bonusTotal: number;
  byBasis: BasisCountsDto;
}

export class Form0603RowDto extends Form0603CountsDto {
  @ApiProperty({ enum: AWARD_CODES, enumName: 'AwardCode' })
  awardCode: AwardCode;
  awardName: string;
}

/**
 * Form 0603 of Circular 02/2023/TT-BNV (statistics of the Home Affairs sector): province-level titles and forms
 * granted in the reporting year, by recipient group (collectives, individuals) and by basis. Revoked awards do
 * not count.
 */
export class Form0603Dto {
  @ApiProperty({ example: '0603' })
  form: string;
  @ApiProperty({ example: '02/2023/TT-BNV' })
  circular: string;
  @ApiProperty({ type: 'integer' })
  year: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  organizationId: string | null;
  /** One row per province-level code (R-AUTH-3), in catalogue order, zero rows included. */
  @ApiProperty({ type: [Form0603RowDto] })
  rows: Form0603RowDto[];
  total: Form0603CountsDto;
}
