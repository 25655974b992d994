import type { Text } from '../../../i18n/index.js';
import { ApiProperty } from '@nestjs/swagger';
import { NOMINATION_STATUSES, type NominationStatus } from '../../../rules/index.js';
import { ProblemDto } from '../../../common/http/problem.dto.js';

/** One nomination of an imported file. */
export class ImportedNominationDto {
  /** The spreadsheet row it came from (header = row 1, first data row = 2). */
  @ApiProperty({ type: 'integer' })
  row: number;
  @ApiProperty({ format: 'uuid' })
  id: string;
  /** Its workflow status now: `DRAFT` when just imported. */
  @ApiProperty({ enum: NOMINATION_STATUSES, enumName: 'NominationStatus' })
  status: NominationStatus;
  /** Whether its latest evaluation found it eligible; `GET /nominations/{id}` shows every check. */
  eligible: boolean;
}

/** The outcome of an import (nhập danh sách đề nghị khen thưởng). */
export class ImportResultDto {
  /** SHA-256 of the file's bytes (hex): uploading the same file again finds these nominations. */
  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' })
  fileHash: string;
  /** Data rows in the file (blank rows not counted). */
  @ApiProperty({ type: 'integer' })
  rows: number;
  /** Nominations this upload created: every row on the first upload, 0 when the file was imported before. */
  @ApiProperty({ type: 'integer' })
  created: number;
  /** One per data row, in file order. */
  @ApiProperty({ type: ImportedNominationDto, isArray: true })
  nominations: ImportedNominationDto[];
}

/** A bad row, column or file. */
export class ImportRowErrorDto {
  /** The spreadsheet row a person sees: header = 1, first data row = 2. */
  @ApiProperty({ type: 'integer' })
  row: number;
  /** The column (a field name of `POST /nominations` or an alternative column), `header`, `file`, or the letter of a column without a header. */
  field: string;
  /** What is wrong, for the HR officer to fix, in the language of the request (`Accept-Language`). */
  @ApiProperty({ type: String })
  message: Text;
}

/** 422 `IMPORT_INVALID` (every bad row) or 403 `OUT_OF_SCOPE` (every row naming an organization or person outside the key's scope). */
export class ImportProblemDto extends ProblemDto {
  /** Every problem found, by row. */
  @ApiProperty({ type: ImportRowErrorDto, isArray: true })
  declare errors: ImportRowErrorDto[];
}
