import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, IsUUID, Length } from 'class-validator';
import { ProblemDto } from '../../common/http/problem.dto.js';
import { MAX_BATCH_NOMINATIONS } from '../batch.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A council's list of nominations, judged one by one in this order. */
export class NominationIdsDto {
  /**
   * The nominations, in the order they are judged (1–500; a repeated id is judged again where it repeats, as a
   * second single request would be).
   */
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: MAX_BATCH_NOMINATIONS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_NOMINATIONS)
  @IsUUID('all', { each: true })
  nominationIds: string[];
}

/** A list of nominations to reject, with the reason every one of them gets. */
export class RejectNominationsDto extends NominationIdsDto {
  /** Why (lý do), shown to the HR officer and kept in each nomination's history. */
  @Transform(trim)
  @IsString()
  @Length(1, 2000)
  reason: string;
}

const ITEM_STATUSES = ['APPROVED', 'REJECTED', 'REFUSED'] as const;

/** What became of one nomination of the list. */
export class BatchItemDto {
  /** The nomination, as named in the request. */
  @ApiProperty({ format: 'uuid' })
  id: string;
  /** APPROVED or REJECTED: it moved; REFUSED: it did not move, and `problem` says why. */
  @ApiProperty({ enum: ITEM_STATUSES, enumName: 'BatchItemStatus' })
  status: (typeof ITEM_STATUSES)[number];
  /**
   * Why it was refused: the problem the single request (`POST /nominations/{id}/approve` or `…/reject`) would have
   * answered at this point of the list, with its `status` and `code` (404 `NOT_FOUND`, 403 `OUT_OF_SCOPE`, 409
   * `INVALID_STATE`, 422 `RULE_VIOLATION` with `violations`).
   */
  @ApiPropertyOptional({ type: ProblemDto })
  problem?: ProblemDto;
}

/** The outcome of a list, item by item, in the order of the request. */
export class BatchResultDto {
  /** One item per id of the request, in its order. */
  @ApiProperty({ type: [BatchItemDto] })
  items: BatchItemDto[];
  /** How many moved (approved or rejected). */
  @ApiProperty({ type: 'integer', minimum: 0 })
  moved: number;
  /** How many were refused. */
  @ApiProperty({ type: 'integer', minimum: 0 })
  refused: number;
}
