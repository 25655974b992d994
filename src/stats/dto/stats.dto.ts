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

/** `GET /stats/form-0603`: the reporting year and the reporting province or ministry. */
export class Form0603QueryDto {
  /** Reporting year: awards whose decision is dated in this calendar year. */
  @ApiProperty({ type: 'integer', minimum: FIRST_YEAR, maximum: LAST_YEAR })
  @Type(() => Number)
  @IsInt()
  @Min(FIRST_YEAR)
  @Max(LAST_YEAR)
  year: number;

  /** The reporting province (kind PROVINCE) or ministry: only the decisions of its own head count. */
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  organizationId: string;
}

export class Form0603OrganizationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  name: string;
}

/** One row of the form: its code, label and unit as printed, and columns 1–5. */
export class Form0603RowDto {
  /** `01`…`17`. */
  @ApiProperty({ example: '01' })
  code: string;
  /** The row's name as printed on the form (Vietnamese). */
  label: string;
  /** Unit of count (đơn vị tính): Lượt, Tập thể, Hộ, Người. */
  unit: string;
  /** Columns 1–5: total, Bằng khen, Chiến sĩ thi đua cấp bộ/tỉnh, Cờ thi đua, Huy hiệu / Kỷ niệm chương. */
  @ApiProperty({ type: 'integer', isArray: true, minItems: 5, maxItems: 5, example: [12, 9, 2, 1, 0] })
  values: number[];
}

/**
 * Form 0603.N/BNV-TĐKT of Circular 02/2023/TT-BNV ("Số lượng khen thưởng cấp bộ, ban, ngành, đoàn thể Trung ương và
 * tỉnh"), due to the Ministry of Home Affairs on 15 December: the awards decided by the reporting organization's own
 * head in the year, 17 rows × 5 columns. Revoked awards do not count.
 */
export class Form0603Dto {
  @ApiProperty({ type: 'integer' })
  year: number;
  organization: Form0603OrganizationDto;
  @ApiProperty({ type: [Form0603RowDto] })
  rows: Form0603RowDto[];
}
