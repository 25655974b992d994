import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateIf } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/pagination.js';
import {
  AWARD_CODES,
  BASES,
  NOMINATION_STATUSES,
  REGIME_CODES,
  type AwardCode,
  type Basis,
  type NominationStatus,
  type Regime,
} from '../../rules/index.js';
import { NOMINATION_ACTIONS, type NominationAction } from '../workflow.js';
import { EligibilityDto } from './eligibility.dto.js';
import { CouncilVoteDto } from './vote.dto.js';
import { FIRST_YEAR, IsCalendarDate, LAST_YEAR, WORKFLOW_DATES } from '../../common/validation/dates.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

const RECIPIENT_KINDS = ['INDIVIDUAL', 'COLLECTIVE', 'HOUSEHOLD'] as const;

/**
 * A nomination (đề nghị khen thưởng). Name exactly one nominee: `individualId` (cá nhân) or `organizationId`
 * (tập thể, a collective).
 */
export class CreateNominationDto {
  /** The year the achievements belong to (năm thi đua). */
  @ApiProperty({ type: 'integer', minimum: FIRST_YEAR, maximum: LAST_YEAR, example: 2023 })
  @IsInt()
  @Min(FIRST_YEAR)
  @Max(LAST_YEAR)
  year: number;

  /** Award code of the catalogue (`GET /award-types`). */
  @ApiProperty({ enum: AWARD_CODES, enumName: 'AwardCode' })
  @IsIn(AWARD_CODES)
  awardCode: AwardCode;

  /** Basis (phương thức khen thưởng). Titles take `REGULAR` only (R-BASIS-2). */
  @ApiProperty({ enum: BASES, enumName: 'Basis' })
  @IsIn(BASES)
  basis: Basis;

  /** The nominated person (cá nhân); give this or `organizationId`, not both. */
  @ValidateIf((_, value) => value !== undefined) // omitted, or a UUID: `null` names nobody (400)
  @IsUUID('all')
  individualId?: string;

  /** The nominated collective (tập thể); give this or `individualId`, not both. */
  @ValidateIf((_, value) => value !== undefined) // omitted, or a UUID: `null` names nobody (400)
  @IsUUID('all')
  organizationId?: string;

  /**
   * The nominated household (hộ gia đình, `POST /households`); give this, `individualId` or `organizationId`. Households
   * take Giấy khen and Bằng khen only (R-KIND-1).
   */
  @ValidateIf((_, value) => value !== undefined) // omitted, or a UUID: `null` names nobody (400)
  @IsUUID('all')
  householdId?: string;

  /** The organization that proposes (đơn vị đề nghị): quotas count per proposing organization, year and code. */
  @IsUUID('all')
  proposingOrganizationId: string;

  /** Achievement summary (tóm tắt thành tích). */
  @Transform(trim)
  @IsString()
  @Length(1, 20000)
  achievements: string;

  /**
   * The expected date of the decision (ngày dự kiến quyết định): chooses the legal regime the rules are judged
   * under; without it, today's date does. Not before 1 January of `year`.
   */
  @ApiPropertyOptional({ format: 'date', example: '2024-01-23' })
  @IsOptional()
  @IsCalendarDate(WORKFLOW_DATES)
  expectedDecisionOn?: string;

  /**
   * First year of the achievement period (thời gian lập thành tích, Decree 98/2023 Art 30.9). Default: the span of
   * the award code ending with `periodTo` (CSTĐ tỉnh 3 years, Bằng khen tỉnh 2, Bằng khen Thủ tướng 5, titles 1).
   */
  @ApiPropertyOptional({ type: 'integer', minimum: FIRST_YEAR, maximum: LAST_YEAR, example: 2021 })
  @IsOptional()
  @IsInt()
  @Min(FIRST_YEAR)
  @Max(LAST_YEAR)
  periodFrom?: number;

  /** Last year of the achievement period; default `year`, never after it. */
  @ApiPropertyOptional({ type: 'integer', minimum: FIRST_YEAR, maximum: LAST_YEAR, example: 2023 })
  @IsOptional()
  @IsInt()
  @Min(FIRST_YEAR)
  @Max(LAST_YEAR)
  periodTo?: number;

  /**
   * The criterion claimed (tiêu chuẩn), for a form with alternative criteria, individual, REGULAR basis:
   * Bằng khen tỉnh `74.1.a`…`74.1.d` (Law 2022 Art 74.1; d is counted by the registry, the default), Bằng khen Thủ
   * tướng `73.1.a`…`73.1.c` (73.1.b counted, the default). The others are attested and need `justification`.
   */
  @ApiPropertyOptional({ example: '74.1.a' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 20)
  criterion?: string;

  /** Written justification (thuyết minh) of an attested criterion, by the proposing officer. */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 20000)
  justification?: string;
}

/** Changes to a nomination in DRAFT or RETURNED; omitted fields stay, `expectedDecisionOn: null` clears the date. */
export class UpdateNominationDto {
  /** Achievement summary (tóm tắt thành tích). */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 20000)
  achievements?: string;

  /** Basis (phương thức khen thưởng). Titles take `REGULAR` only (R-BASIS-2). */
  @ApiPropertyOptional({ enum: BASES, enumName: 'Basis' })
  @IsOptional()
  @IsIn(BASES)
  basis?: Basis;

  /** Expected decision date (chooses the regime); `null` clears it. */
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @IsOptional()
  @IsCalendarDate(WORKFLOW_DATES)
  expectedDecisionOn?: string | null;
}

/** `return` and `reject` need a reason the HR officer will read. */
export class ReasonDto {
  /** Why (lý do), shown to the HR officer and kept in the history. */
  @Transform(trim)
  @IsString()
  @Length(1, 2000)
  reason: string;
}

/** `withdraw` takes an optional reason. */
export class OptionalReasonDto {
  /** Why (lý do), kept in the history. */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

export class ListNominationsQueryDto extends PageQueryDto {
  /** Year of the achievements. */
  @ApiPropertyOptional({ type: 'integer', minimum: FIRST_YEAR, maximum: LAST_YEAR })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(FIRST_YEAR)
  @Max(LAST_YEAR)
  year?: number;

  @ApiPropertyOptional({ enum: NOMINATION_STATUSES, enumName: 'NominationStatus' })
  @IsOptional()
  @IsIn(NOMINATION_STATUSES)
  status?: NominationStatus;

  @ApiPropertyOptional({ enum: AWARD_CODES, enumName: 'AwardCode' })
  @IsOptional()
  @IsIn(AWARD_CODES)
  awardCode?: AwardCode;

  /** Nominations proposed by this organization or any organization under it (whole subtree). */
  @IsOptional()
  @IsUUID('all')
  organizationId?: string;

  /** Nominations proposed by exactly this organization. */
  @IsOptional()
  @IsUUID('all')
  proposingOrganizationId?: string;
}

/** One row of the status history (lịch sử xử lý hồ sơ). */
export class NominationEventDto {
  /** Null for the creation. */
  @ApiProperty({ enum: NOMINATION_STATUSES, enumName: 'NominationStatus', nullable: true })
  fromStatus: NominationStatus | null;
  @ApiProperty({ enum: NOMINATION_STATUSES, enumName: 'NominationStatus' })
  toStatus: NominationStatus;
  /**
   * What happened; `EDIT` and `VOTE` leave the status as it was. `DECIDE` (APPROVED → DECIDED) is appended when a
   * signed decision grants the nomination; `reason` then names the decision number.
   */
  @ApiProperty({ enum: NOMINATION_ACTIONS, enumName: 'NominationAction' })
  action: NominationAction;
  @ApiProperty({ type: String, nullable: true })
  reason: string | null;
  /** When (ISO 8601 UTC). */
  @ApiProperty({ format: 'date-time' })
  at: string;
  /** The API key that acted; null for the bootstrap token. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  actorKeyId: string | null;
  @ApiProperty({ type: String, nullable: true })
  actorRole: string | null;
  /** What the rules said at that moment (for an approval: with the council vote and quota checks). */
  @ApiProperty({ type: EligibilityDto, nullable: true })
  eligibility: EligibilityDto | null;
}

/** A nomination (đề nghị khen thưởng) as listed. */
export class NominationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ type: 'integer' })
  year: number;
  @ApiProperty({ enum: AWARD_CODES, enumName: 'AwardCode' })
  awardCode: AwardCode;
  @ApiProperty({ enum: BASES, enumName: 'Basis' })
  basis: Basis;
  /** INDIVIDUAL (cá nhân), COLLECTIVE (tập thể) or HOUSEHOLD (hộ gia đình). */
  @ApiProperty({ enum: RECIPIENT_KINDS, enumName: 'NomineeKind' })
  recipientKind: 'INDIVIDUAL' | 'COLLECTIVE' | 'HOUSEHOLD';
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  individualId: string | null;
  /** The nominated collective. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  organizationId: string | null;
  /** The nominated household. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  householdId: string | null;
  @ApiProperty({ format: 'uuid' })
  proposingOrganizationId: string;
  /** Achievement summary (tóm tắt thành tích). */
  achievements: string;
  /** First year of the achievement period (Decree 98/2023 Art 30.9). */
  @ApiProperty({ type: 'integer', example: 2021 })
  periodFrom: number;
  /** Last year of the achievement period. */
  @ApiProperty({ type: 'integer', example: 2023 })
  periodTo: number;
  /** The criterion claimed (Law 2022 Art 73.1, 74.1), null: the one the registry counts. */
  @ApiProperty({ type: String, nullable: true, example: '74.1.a' })
  criterion: string | null;
  /** Written justification of an attested criterion. */
  @ApiProperty({ type: String, nullable: true })
  justification: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true })
  expectedDecisionOn: string | null;
  /** Workflow status (trạng thái hồ sơ). */
  @ApiProperty({ enum: NOMINATION_STATUSES, enumName: 'NominationStatus' })
  status: NominationStatus;
  /** Why it was last returned, withdrawn or rejected. */
  @ApiProperty({ type: String, nullable: true })
  statusReason: string | null;
  /** The regime of the latest evaluation. */
  @ApiProperty({ enum: REGIME_CODES, enumName: 'Regime' })
  regime: Regime;
  /** The latest evaluation: at creation, at each transition and edit. */
  eligibility: EligibilityDto;
  /** The decision that granted it, once DECIDED. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  decisionId: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

/** A nomination with its status history and council votes (`GET /nominations/{id}`). */
export class NominationDetailDto extends NominationDto {
  /** Every transition, oldest first. */
  @ApiProperty({ type: NominationEventDto, isArray: true })
  history: NominationEventDto[];
  /** Council votes, one per meeting, oldest meeting first; the latest meeting counts for approval (R-VOTE-1). */
  @ApiProperty({ type: CouncilVoteDto, isArray: true })
  votes: CouncilVoteDto[];
}
