import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsNumber, Max, Min } from 'class-validator';
import { MaxDecimalPlaces } from '../../common/validation/decimal-places.js';
import { VotePolicyDto } from '../../award-types/dto/vote-policy.dto.js';

/** The configurable quota rules (confidence C: R-QUOTA-CSCS, R-QUOTA-CSTINH). PUT replaces all four values. */
export class QuotaSettingsDto {
  /** R-QUOTA-CSCS on/off (default on). */
  @IsBoolean()
  cscsEnabled: boolean;

  /** R-QUOTA-CSCS: CSTĐ cơ sở ≤ floor(ratio × approved Lao động tiên tiến); default 0.15. */
  @ApiProperty({ minimum: 0, maximum: 1, example: 0.15 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimalPlaces(4)
  @Min(0)
  @Max(1)
  cscsRatio: number;

  /** R-QUOTA-CSTINH on/off (default off; a province switches it on). */
  @IsBoolean()
  cstinhEnabled: boolean;

  /** R-QUOTA-CSTINH: CSTĐ tỉnh ≤ floor(ratio × CSTĐ cơ sở); default 0.1. */
  @ApiProperty({ minimum: 0, maximum: 1, example: 0.1 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimalPlaces(4)
  @Min(0)
  @Max(1)
  cstinhRatio: number;
}

/** Every configurable rule setting. */
export class RuleSettingsDto {
  quotas: QuotaSettingsDto;
  /** One per award code, in catalogue order. */
  @ApiProperty({ type: VotePolicyDto, isArray: true })
  votePolicies: VotePolicyDto[];
}
