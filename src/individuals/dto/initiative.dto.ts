import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Length, Max, Min } from 'class-validator';
import { INITIATIVE_LEVELS, type InitiativeLevel } from '../../rules/index.js';
import { FIRST_YEAR, IsCalendarDate, IsNotInFuture, LAST_YEAR } from '../../common/validation/dates.js';
import { HumanName } from '../../common/validation/human-name.js';

export class CreateInitiativeDto {
  /** The year the initiative counts for (năm công nhận), 1945–2100; not after the year of `recognizedOn`. */
  @ApiProperty({ type: 'integer', minimum: FIRST_YEAR, maximum: LAST_YEAR, example: 2024 })
  @IsInt()
  @Min(FIRST_YEAR)
  @Max(LAST_YEAR)
  year: number;

  /** Title of the initiative or research project (tên sáng kiến, đề tài khoa học). */
  @ApiProperty({ example: 'Số hoá hồ sơ thi đua, khen thưởng' })
  @HumanName()
  @IsString()
  @Length(1, 500)
  title: string;

  /** Level at which it was recognised (cấp công nhận): unit (cơ sở), province (cấp tỉnh), national (toàn quốc). */
  @ApiProperty({ enum: INITIATIVE_LEVELS, enumName: 'InitiativeLevel' })
  @IsIn(INITIATIVE_LEVELS)
  level: InitiativeLevel;

  /** Date of the recognition (ngày công nhận), `YYYY-MM-DD`, not in the future. */
  @ApiProperty({ type: String, format: 'date', example: '2024-12-15' })
  @IsCalendarDate()
  @IsNotInFuture()
  recognizedOn: string;
}

/** An initiative or research project (sáng kiến, đề tài khoa học) recognised for a person. */
export class InitiativeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  individualId: string;
  /** The year it counts for. */
  @ApiProperty({ type: 'integer' })
  year: number;
  /** Title (tên sáng kiến, đề tài). */
  title: string;
  /** Level of recognition (cấp công nhận). */
  @ApiProperty({ enum: INITIATIVE_LEVELS, enumName: 'InitiativeLevel' })
  level: InitiativeLevel;
  /** Date of recognition (ngày công nhận). */
  @ApiProperty({ type: String, format: 'date' })
  recognizedOn: string;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}
