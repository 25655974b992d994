import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';
import { IsCalendarDate, WORKFLOW_DATES } from '../../common/validation/dates.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/**
 * The size of an organization's emulation council (Hội đồng Thi đua – Khen thưởng) from a date: the "all members"
 * every council vote of the organization (and of the organizations under it without a council of their own) is
 * counted against (R-VOTE-1).
 */
export class RecordCouncilSizeDto {
  /** All members of the council (tổng số thành viên Hội đồng). */
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1000, example: 15 })
  @IsInt()
  @Min(1)
  @Max(1000)
  members: number;

  /** The first day this size holds; votes of meetings held from that day count against it. */
  @ApiProperty({ format: 'date', example: '2023-01-01' })
  @IsCalendarDate(WORKFLOW_DATES)
  effectiveFrom: string;

  /** The document that set the council up or changed it (quyết định thành lập, kiện toàn Hội đồng). */
  @ApiProperty({ example: '15/QĐ-UBND' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  reference: string;
}

/** One recorded council size; a change is a new record, the history is kept. */
export class CouncilSizeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  organizationId: string;
  @ApiProperty({ type: 'integer' })
  members: number;
  @ApiProperty({ format: 'date' })
  effectiveFrom: string;
  reference: string;
  /** The API key that recorded it; null for the bootstrap token. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  recordedByKeyId: string | null;
  @ApiProperty({ format: 'date-time' })
  recordedAt: string;
}

export class CouncilSizeListDto {
  /** Every size recorded for the organization, newest `effectiveFrom` first, the latest recorded first within a date. */
  @ApiProperty({ type: CouncilSizeDto, isArray: true })
  items: CouncilSizeDto[];
}
