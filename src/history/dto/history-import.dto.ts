import { ApiProperty } from '@nestjs/swagger';

/** What a history import stored (or, for the same file again, what its first upload stored). */
export class HistoryImportResultDto {
  /** SHA-256 of the file: the identity of the import. */
  fileHash: string;
  /** Data rows read: one award each. */
  @ApiProperty({ type: 'integer' })
  rows: number;
  /** Decisions recorded (rows of one decision share its number, date and issuer). */
  @ApiProperty({ type: 'integer' })
  decisions: number;
  /** Awards recorded, each marked `source: HISTORY`. */
  @ApiProperty({ type: 'integer' })
  awards: number;
}
