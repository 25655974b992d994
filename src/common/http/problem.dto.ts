import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Text } from '../../i18n/index.js';
import { ERROR_CODES, type ErrorCodeValue } from '../errors/problem.js';

export class FieldErrorDto {
  /** The bad field, dotted for nested fields (`items.0.year`), or a column name for imports. */
  field: string;
  /** What is wrong, in the language of the request. */
  @ApiProperty({ type: String })
  message: Text;
}

export class RuleViolationDto {
  /** Rule id, e.g. `R-QUOTA-CSCS` (every rule with its article: docs/rules.md). */
  rule: string;
  /** What an HR officer needs to know, with the article, in the language of the request. */
  @ApiProperty({ type: String })
  message: Text;
  limit?: number;
  actual?: number;
  /** The line it concerns, when a decision re-checks its nominations (`POST /decisions`). */
  @ApiPropertyOptional({ format: 'uuid' })
  nominationId?: string;
  /** The award it concerns, when a revocation checks the awards it names (`POST /revocations`). */
  @ApiPropertyOptional({ format: 'uuid' })
  awardId?: string;
}

/** RFC 9457 problem details (`application/problem+json`). */
export class ProblemDto {
  /** A URI naming the kind of problem. */
  @ApiProperty({ example: 'urn:awards-registry:problem:validation-failed' })
  type: string;
  /** The kind of problem, in the language of the request (`Content-Language`). */
  @ApiProperty({ type: String })
  title: Text;
  /** The HTTP status, repeated. */
  @ApiProperty({ type: 'integer', minimum: 400, maximum: 599 })
  status: number;
  /** What went wrong with this request, in the language of the request. */
  @ApiProperty({ type: String })
  detail: Text;
  /** The request path. */
  instance?: string;
  /** Stable machine-readable code: switch on this, never on `title`. */
  @ApiProperty({ enum: ERROR_CODES, enumName: 'ProblemCode', example: 'VALIDATION_FAILED' })
  code: ErrorCodeValue;
  /** Correlates the response with the server logs (`x-request-id`). */
  requestId?: string;
  /** 400: the fields that failed validation. */
  errors?: FieldErrorDto[];
  /** 400: how many more field errors there were than the 20 listed in `errors`. */
  @ApiPropertyOptional({ type: 'integer', minimum: 1 })
  errorsOmitted?: number;
  /** 422: the domain rules that the request breaks. */
  violations?: RuleViolationDto[];
  /** 409 and 422 from a database constraint: its name. */
  constraint?: string;
  /** 409 `IDEMPOTENCY_IN_PROGRESS`: seconds to wait before retrying (as `Retry-After`). */
  @ApiPropertyOptional({ type: 'integer', minimum: 0 })
  retryAfterSeconds?: number;
}
