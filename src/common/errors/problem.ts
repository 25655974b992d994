import { HttpStatus } from '@nestjs/common';

/** One broken domain rule, as listed in a 422 problem (`violations[]`). */
export interface RuleViolation {
  rule: string;
  message: string;
  limit?: number;
  actual?: number;
}

/** One bad input field, as listed in a 400 problem. */
export interface FieldError {
  field: string;
  message: string;
}

/** Stable machine-readable error codes. Clients switch on these, never on `title` or `detail`. */
export const ErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  MALFORMED_REQUEST: 'MALFORMED_REQUEST',
  REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  HEADERS_TOO_LARGE: 'HEADERS_TOO_LARGE',
  URI_TOO_LONG: 'URI_TOO_LONG',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  OUT_OF_SCOPE: 'OUT_OF_SCOPE',
  NOT_ABOVE_ORGANIZATION: 'NOT_ABOVE_ORGANIZATION',
  NOT_FOUND: 'NOT_FOUND',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  CONFLICT: 'CONFLICT',
  RULE_VIOLATION: 'RULE_VIOLATION',
  INVALID_REFERENCE: 'INVALID_REFERENCE',
  STILL_REFERENCED: 'STILL_REFERENCED',
  INVALID_STATE: 'INVALID_STATE',
  /** R-DUP-1: the nomination would reward an achievement twice (409). */
  DUPLICATE_NOMINATION: 'DUPLICATE_NOMINATION',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode] | (string & {});

/** RFC 9457 problem details, with this API's extensions. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: string;
  requestId?: string;
  errors?: FieldError[];
  violations?: RuleViolation[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export function problemType(code: string): string {
  return `urn:awards-registry:problem:${code.toLowerCase().replace(/_/g, '-')}`;
}

/**
 * An error the API means to return: carries the HTTP status, a stable code and, for rule breaches, the
 * violated rules. Services throw these; the global filter renders them.
 */
export class ApiError extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly code: ErrorCodeValue,
    readonly title: string,
    detail: string,
    readonly extensions: Partial<Pick<ProblemDetails, 'errors' | 'violations'>> & Record<string, unknown> = {},
  ) {
    super(detail);
  }

  static notFound(entity: string, id: string): ApiError {
    return new ApiError(HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND, 'Not found', `${entity} ${id} does not exist`);
  }

  static badRequest(field: string, message: string): ApiError {
    return new ApiError(
      HttpStatus.BAD_REQUEST,
      ErrorCode.VALIDATION_FAILED,
      'Invalid request',
      `${field}: ${message}`,
      {
        errors: [{ field, message }],
      },
    );
  }

  static conflict(code: string, detail: string): ApiError {
    return new ApiError(HttpStatus.CONFLICT, code, 'Conflict', detail);
  }

  static ruleViolation(detail: string, violations: RuleViolation[], code: string = ErrorCode.RULE_VIOLATION): ApiError {
    return new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, code, 'A rule forbids this', detail, { violations });
  }

  static forbidden(detail: string, code: string = ErrorCode.FORBIDDEN): ApiError {
    return new ApiError(HttpStatus.FORBIDDEN, code, 'Forbidden', detail);
  }
}
