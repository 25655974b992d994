import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsCalendarDate, IsNotInFuture, WORKFLOW_DATES } from '../../common/validation/dates.js';
import { RuleCheckDto } from './eligibility.dto.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/**
 * The council's vote at one meeting (biểu quyết của Hội đồng Thi đua – Khen thưởng), as its minutes record it:
 * `present + writtenVotes ≤ members`, `yes ≤ present + writtenVotes`. `members` must be the council size on file
 * for the meeting date (R-VOTE-1).
 */
export class RecordVoteDto {
  /** The date of the meeting (ngày họp); not in the future. */
  @ApiProperty({ format: 'date', example: '2024-01-10' })
  @IsCalendarDate(WORKFLOW_DATES)
  @IsNotInFuture()
  heldOn: string;

  /** The reference of the meeting's minutes (số biên bản họp), e.g. "BB-12/2024". */
  @ApiProperty({ example: 'BB-12/2024' })
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  minutesReference: string;

  /** All members of the council (tổng số thành viên), present or not: the council size on file. */
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1000 })
  @IsInt()
  @Min(1)
  @Max(1000)
  members: number;

  /** Members present at the meeting (số thành viên có mặt). */
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 1000 })
  @IsInt()
  @Min(0)
  @Max(1000)
  present: number;

  /**
   * Votes in writing of members absent from the meeting (phiếu bằng văn bản, Decree 91/2017 Art 45.8): they count
   * toward the yes votes and the share of all members, not toward the quorum. Default 0.
   */
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 1000, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  writtenVotes?: number;

  /** Yes votes, present and in writing (số phiếu đồng ý). */
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 1000 })
  @IsInt()
  @Min(0)
  @Max(1000)
  yes: number;
}

/** A recorded meeting of the council on a nomination, with its R-VOTE-1 evaluation; never replaced. */
export class CouncilVoteDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  nominationId: string;
  /** The date of the meeting. */
  @ApiProperty({ format: 'date' })
  heldOn: string;
  /** The reference of the meeting's minutes; legacy votes recorded before minutes were required say so. */
  minutesReference: string;
  @ApiProperty({ type: 'integer' })
  members: number;
  @ApiProperty({ type: 'integer' })
  present: number;
  /** Votes in writing of absent members. */
  @ApiProperty({ type: 'integer' })
  writtenVotes: number;
  @ApiProperty({ type: 'integer' })
  yes: number;
  /** Quorum met and pass mark reached under the policy in force when recorded. */
  passed: boolean;
  /** The R-VOTE-1 check: quorum and pass mark with the numbers used. */
  check: RuleCheckDto;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  recordedByKeyId: string | null;
  @ApiProperty({ format: 'date-time' })
  recordedAt: string;
}
