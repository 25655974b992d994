import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { DISCIPLINARY_CASE_KINDS, type DisciplinaryCaseKind } from '../disciplinary-case.js';
import { DISCIPLINARY_MEASURES, type DisciplinaryMeasure } from '../../rules/index.js';
import { IsCalendarDate, IsNotInFuture } from '../../common/validation/dates.js';
import { normalizeText } from './individual.dto.js';

export class OpenDisciplinaryCaseDto {
  /**
   * Kind of case: discipline (kỷ luật), investigation (điều tra), inspection (thanh tra, kiểm tra), complaint (khiếu
   * nại), denunciation (tố cáo), press report (phản ánh của báo chí). Each holds the nominations of its subject
   * while open (R-HOLD-1, Decree 98/2023 Art 4; Decree 152/2025).
   */
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

  /**
   * The disciplinary measure imposed on the person (hình thức kỷ luật), if any: its years do not count for titles
   * (R-DISC-1, Decree 98/2023 Art 4; Decree 152/2025). Needs `measureFrom` and `measureTo`; not for a collective.
   */
  @ApiPropertyOptional({ enum: DISCIPLINARY_MEASURES, enumName: 'DisciplinaryMeasure' })
  @IsOptional()
  @IsIn(DISCIPLINARY_MEASURES)
  measure?: DisciplinaryMeasure;

  /** First day the measure is in force (`YYYY-MM-DD`). */
  @ApiPropertyOptional({ type: String, format: 'date', example: '2025-07-01' })
  @IsOptional()
  @IsCalendarDate()
  measureFrom?: string;

  /** Last day the measure is in force (`YYYY-MM-DD`), not before `measureFrom`; may lie in the future. */
  @ApiPropertyOptional({ type: String, format: 'date', example: '2026-06-30' })
  @IsOptional()
  @IsCalendarDate()
  measureTo?: string;
}

/**
 * A case on a person or a collective: discipline, investigation, inspection, complaint, denunciation, press report.
 * While open it holds every nomination of its subject (R-HOLD-1, Decree 98 Art 4; Decree 152/2025). Personal data.
 */
export class DisciplinaryCaseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  /** The person, for a case on a person. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  individualId: string | null;
  /** The collective, for a case on an organization. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  organizationId: string | null;
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
  /** The disciplinary measure imposed at closing, if any (R-DISC-1). */
  @ApiProperty({ enum: DISCIPLINARY_MEASURES, enumName: 'DisciplinaryMeasure', nullable: true })
  measure: DisciplinaryMeasure | null;
  @ApiProperty({ type: String, format: 'date', nullable: true })
  measureFrom: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true })
  measureTo: string | null;
  /** True while the case is open: the person's nominations are held (R-HOLD-1). */
  open: boolean;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}
