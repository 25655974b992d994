import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { FIRST_YEAR, LAST_YEAR } from '../../common/validation/dates.js';
import { RATINGS, type Rating } from '../../rules/index.js';

export class PutRatingDto {
  /** Annual rating (xếp loại): HTXS excellent (hoàn thành xuất sắc), HTT good (hoàn thành tốt), HT complete (hoàn thành), KHT not complete (không hoàn thành). */
  @ApiProperty({ enum: RATINGS, enumName: 'Rating' })
  @IsIn(RATINGS)
  rating: Rating;
}

/** A person's rating for one year (xếp loại hằng năm). Personal data. */
export class RatingDto {
  @ApiProperty({ format: 'uuid' })
  individualId: string;
  /** The year rated, 1945–2100. */
  @ApiProperty({ type: 'integer', minimum: FIRST_YEAR, maximum: LAST_YEAR })
  year: number;
  /** Annual rating (xếp loại). */
  @ApiProperty({ enum: RATINGS, enumName: 'Rating' })
  rating: Rating;
  /** When the rating was last set. */
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}
