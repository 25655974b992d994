import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { RuleCheckDto } from './eligibility.dto.js';

/** A council vote (biểu quyết của Hội đồng Thi đua – Khen thưởng): `yes ≤ present ≤ members`. */
export class RecordVoteDto {
  /** All members of the council (tổng số thành viên), present or not. */
  @ApiProperty({ minimum: 1, maximum: 1000 })
  @IsInt()
  @Min(1)
  @Max(1000)
  members: number;

  /** Members present (số thành viên có mặt). */
  @ApiProperty({ minimum: 0, maximum: 1000 })
  @IsInt()
  @Min(0)
  @Max(1000)
  present: number;

  /** Members who voted yes (số phiếu đồng ý). */
  @ApiProperty({ minimum: 0, maximum: 1000 })
  @IsInt()
  @Min(0)
  @Max(1000)
  yes: number;
}

/** A recorded council vote with its R-VOTE-1 evaluation. */
export class CouncilVoteDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  nominationId: string;
  members: number;
  present: number;
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
