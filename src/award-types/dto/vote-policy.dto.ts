import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsNumber, Max, Min } from 'class-validator';
import { MaxDecimalPlaces } from '../../common/validation/decimal-places.js';
import { AWARD_CODES, type AwardCode } from '../../rules/index.js';

/** The council vote policy of one award code (R-VOTE-1). */
export class PutVotePolicyDto {
  /** Whether a passing council vote is needed before approval. */
  @IsBoolean()
  required: boolean;

  /** Share of ALL council members who must vote yes; 0.5 means "more than half"; at most 3 decimals. */
  @ApiProperty({ minimum: 0.001, maximum: 1, example: 0.8 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimalPlaces(3)
  @Min(0.001)
  @Max(1)
  passRatio: number;
}

export class VotePolicyDto {
  @ApiProperty({ enum: AWARD_CODES, enumName: 'AwardCode' })
  awardCode: AwardCode;
  required: boolean;
  /** Share of all council members who must vote yes. */
  passRatio: number;
  /** Share of all members who must be present (quorum): 2/3, fixed. */
  quorumRatio: number;
}
