import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { ROLES, type Role } from '../../api-keys/api-key.js';
import { PageQueryDto } from '../../common/pagination/pagination.js';
import { AUDITED_ENTITY_TYPES, type AuditEntityType } from '../audited-tables.js';

/** An instant: a date, a time and its offset (`Z` or `±hh:mm`), as OpenAPI's `date-time` (RFC 3339). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

export class ListAuditEventsQueryDto extends PageQueryDto {
  /** Only changes of this table (loại đối tượng), e.g. `nominations`. */
  @ApiPropertyOptional({ enum: AUDITED_ENTITY_TYPES, enumName: 'AuditEntityType' })
  @IsOptional()
  @IsIn(AUDITED_ENTITY_TYPES)
  entityType?: AuditEntityType;

  /** Only changes of this record: its id, or for a composite key the key parts joined with "/" (e.g. `<individualId>/2024`). */
  @IsOptional()
  @IsString()
  @Length(1, 200)
  entityId?: string;

  /** Only changes made with this API key. */
  @IsOptional()
  @IsUUID('all')
  actorKeyId?: string;

  /** Only this action, e.g. `nominations.approve`. */
  @IsOptional()
  @IsString()
  @Matches(/^[a-z_]{1,64}\.[a-z_]{1,32}$/, { message: 'action looks like "nominations.approve"' })
  action?: string;

  /** Changes at or after this instant (RFC 3339 date-time with an offset), inclusive. */
  @ApiPropertyOptional({ format: 'date-time', example: '2025-01-01T00:00:00+07:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(INSTANT, { message: 'from must be a date and time with its offset, e.g. 2025-01-01T00:00:00+07:00' })
  from?: string;

  /** Changes before this instant (RFC 3339 date-time with an offset), exclusive. */
  @ApiPropertyOptional({ format: 'date-time', example: '2025-01-01T00:00:00+07:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(INSTANT, { message: 'to must be a date and time with its offset, e.g. 2025-01-01T00:00:00+07:00' })
  to?: string;
}

/** The filters of `GET /audit-events`, for the whole trail rather than a page. */
export class ExportAuditEventsQueryDto extends OmitType(ListAuditEventsQueryDto, ['limit', 'cursor'] as const) {}

/** One change of one record (nhật ký kiểm toán): who, what, when, the row before and after. */
export class AuditEventDto {
  /** Number of the event, as a string: events are numbered in the order they were written. */
  @ApiProperty({ example: '1042' })
  id: string;

  /** Position in the tamper-evident chain; null for the fraction of a second until the event is sealed. */
  @ApiProperty({ type: 'integer', nullable: true, example: 1042 })
  seq: number | null;

  /** When the change was made (the time its transaction started), UTC with microseconds. */
  @ApiProperty({ example: '2026-01-03T08:15:30.123456Z' })
  at: string;

  /** API key that made the change; `00000000-0000-0000-0000-000000000000` for the bootstrap token; null for changes made outside the API. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  actorKeyId: string | null;

  /** Role of that key; null for changes made outside the API (migrations, direct SQL). */
  @ApiProperty({ enum: ROLES, enumName: 'Role', nullable: true })
  actorRole: Role | null;

  /** `<entityType>.<verb>`: `create`, `update`, `delete`, or for a status change `submit`, `approve`, `reject`, `decide`, `return`, `withdraw`, `reopen`; `revoke`, `close`. */
  @ApiProperty({ example: 'nominations.approve' })
  action: string;

  /** Table of the changed record. */
  @ApiProperty({ enum: AUDITED_ENTITY_TYPES, enumName: 'AuditEntityType' })
  entityType: AuditEntityType;

  /** Id of the changed record; composite keys are joined with "/". */
  entityId: string;

  /** The row before the change (null for a creation). National id and birth date show as "[redacted]". */
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  before: Record<string, unknown> | null;

  /** The row after the change (null for a deletion); "[redacted, changed]" marks a redacted value that changed. */
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  after: Record<string, unknown> | null;

  /** The `x-request-id` of the request that made the change. */
  @ApiProperty({ type: String, nullable: true })
  requestId: string | null;

  /** The PostgreSQL role that was connected: tells who changed data without going through the API. */
  dbUser: string;

  /** sha256 of the previous event's hash and this event's content (hex); null until sealed. */
  @ApiProperty({ type: String, nullable: true })
  hash: string | null;

  /** Hash of the previous event in the chain (64 zeros for the first); null until sealed. */
  @ApiProperty({ type: String, nullable: true })
  prevHash: string | null;
}

export const BREAK_REASONS = ['sequence gap', 'broken link', 'hash mismatch', 'truncated', 'head mismatch'] as const;

/** Where the chain breaks. */
export class ChainBreakDto {
  /** The first event that does not verify; null when the newest events are missing altogether. */
  @ApiProperty({ type: String, nullable: true })
  id: string | null;

  /** Its position in the chain (or the first missing position). */
  @ApiProperty({ type: 'integer', nullable: true })
  seq: number | null;

  /** `hash mismatch`: the event was edited; `broken link` / `sequence gap`: an event before it was edited or deleted; `truncated`: the newest events were deleted; `head mismatch`: the recorded head was changed. */
  @ApiProperty({ enum: BREAK_REASONS, enumName: 'AuditChainBreakReason' })
  reason: (typeof BREAK_REASONS)[number];

  /** A sentence for people. */
  detail: string;
}

/** The last sealed event, to record outside the database: a later verification must reach the same hash. */
export class ChainHeadDto {
  @ApiProperty({ type: 'integer' })
  seq: number;
  hash: string;
}

/** The result of recomputing the whole chain. */
export class AuditVerificationDto {
  /** True when every sealed event verifies and the chain ends at its recorded head. */
  ok: boolean;

  /** Sealed events checked (up to and including the first broken one). */
  @ApiProperty({ type: 'integer' })
  checked: number;

  /** Events written but not sealed yet: verified by a later call. */
  @ApiProperty({ type: 'integer' })
  pending: number;

  @ApiProperty({ type: ChainHeadDto, nullable: true })
  head: ChainHeadDto | null;

  /** Present when `ok` is false. */
  @ApiPropertyOptional({ type: ChainBreakDto })
  brokenAt?: ChainBreakDto;
}
