import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { DISCIPLINARY_CASE_KINDS, type DisciplinaryCaseKind } from '../disciplinary-case.js';
import { IsCalendarDate, IsNotInFuture } from '../../common/validation/dates.js';
import { normalizeText } from './individual.dto.js';

export class OpenDisciplinaryCaseDto {
  /** Kind of case: discipline (kỷ luật), investigation (điều tra), inspection (thanh tra, kiểm tra). */
  @ApiProperty({ enum: DISCIPLINARY_CASE_KINDS, enumName: 'DisciplinaryCaseKind' })
  @IsIn(DISCIPLINARY_CASE_KINDS)
  kind: DisciplinaryCaseKind;

  /** Date the case was opened (ngày bắt đầu), `YYYY-MM-DD`, not in the future. */
  @ApiProperty({ type: String, format: 'date', example: '2025-03-01' })
  @IsCalendarDate()
  @IsNotInFuture()
  openedOn: string;

  /** Free-text note (ghi chú), e.g. the document that opened the case. */
  @IsOptional()
  @Transform(normalizeText)
  @IsString()
  @Length(1, 2000)
  note?: string;
}

export class CloseDisciplinaryCaseDto {
  /** Date the case was closed (ngày kết thúc), `YYYY-MM-DD`: not before `openedOn` (422), not in the future. */
  @ApiProperty({ type: String, format: 'date', example: '2025-06-30' })
  @IsCalendarDate()
  @IsNotInFuture()
  closedOn: string;

  /** How the case ended (kết quả), e.g. "Không kỷ luật". */
  @IsOptional()
  @Transform(normalizeText)
  @IsString()
  @Length(1, 2000)
  outcome?: string;
}

/**
 * A disciplinary case, investigation or inspection (kỷ luật, điều tra, thanh tra). While open it holds every
 * nomination of the person (R-HOLD-1, Decree 98 Art 4). Personal data.
 */
export class DisciplinaryCaseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  individualId: string;
  @ApiProperty({ enum: DISCIPLINARY_CASE_KINDS, enumName: 'DisciplinaryCaseKind' })
  kind: DisciplinaryCaseKind;
  @ApiProperty({ type: String, format: 'date' })
  openedOn: string;
  @ApiProperty({ type: String, nullable: true })
  note: string | null;
  /** Null while the case is open. */
  @ApiProperty({ type: String, format: 'date', nullable: true })
  closedOn: string | null;
  @ApiProperty({ type: String, nullable: true })
  outcome: string | null;
  /** True while the case is open: the person's nominations are held (R-HOLD-1). */
  open: boolean;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}
