import { HttpStatus } from '@nestjs/common';
import { msg, type MessageKey, type Text } from '../../i18n/index.js';

/** One broken domain rule, as listed in a 422 problem (`violations[]`). */
export interface RuleViolation {
  rule: string;
  message: Text;
  limit?: number;
  actual?: number;
}

/** One bad input field, as listed in a 400 problem. */
export interface FieldError {
  field: string;
  message: Text;
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

/**
 * RFC 9457 problem details, with this API's extensions. `title`, `detail` and the messages inside are catalogue
 * messages until the filter renders them in the request's language.
 */
export interface ProblemDetails {
  type: string;
  title: Text;
  status: number;
  detail: Text;
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

/** The catalogue name of the entities `ApiError.notFound` names. */
const ENTITY_KEYS: Readonly<Record<string, MessageKey>> = {
  Organization: 'entity.organization',
  'Parent organization': 'entity.organization',
  Individual: 'entity.individual',
  Nomination: 'entity.nomination',
  Decision: 'entity.decision',
  Award: 'entity.award',
  'Award type': 'entity.awardType',
  Certificate: 'entity.certificate',
  'API key': 'entity.apiKey',
  Import: 'entity.import',
  'Council size': 'entity.councilSize',
  'Disciplinary case': 'entity.disciplinaryCase',
  Initiative: 'entity.initiative',
  Rating: 'entity.rating',
  Quota: 'entity.quota',
};

/**
 * An error the API means to return: carries the HTTP status, a stable code and, for rule breaches, the
 * violated rules. Services throw these; the global filter renders them in the request's language.
 */
export class ApiError extends Error {
  readonly detail: Text;

  constructor(
    readonly status: HttpStatus,
    readonly code: ErrorCodeValue,
    readonly title: Text,
    detail: Text,
    readonly extensions: Partial<Pick<ProblemDetails, 'errors' | 'violations'>> & Record<string, unknown> = {},
  ) {
    super(typeof detail === 'string' ? detail : detail.$t);
    this.detail = detail;
  }

  static notFound(entity: string, id: string): ApiError {
    const key = ENTITY_KEYS[entity];
    return new ApiError(
      HttpStatus.NOT_FOUND,
      ErrorCode.NOT_FOUND,
      msg('problem.title.404'),
      msg('problem.notFound', { entity: key ? msg(key as 'entity.organization') : entity, id }),
    );
  }

  static badRequest(field: string, message: Text): ApiError {
    return new ApiError(
      HttpStatus.BAD_REQUEST,
      ErrorCode.VALIDATION_FAILED,
      msg('problem.title.400'),
      msg('problem.fieldList', { field, text: message }),
      { errors: [{ field, message }] },
    );
  }

  static conflict(code: string, detail: Text): ApiError {
    return new ApiError(HttpStatus.CONFLICT, code, msg('problem.title.409'), detail);
  }

  static ruleViolation(detail: Text, violations: RuleViolation[], code: string = ErrorCode.RULE_VIOLATION): ApiError {
    return new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, code, msg('problem.title.422'), detail, { violations });
  }

  static forbidden(detail: Text, code: string = ErrorCode.FORBIDDEN): ApiError {
    return new ApiError(HttpStatus.FORBIDDEN, code, msg('problem.title.403'), detail);
  }
}
