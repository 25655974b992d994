import { HttpStatus } from '@nestjs/common';
import { msg, type MessageKey, type Text } from '../../i18n/index.js';

/** One broken domain rule, as listed in a 422 problem (`violations[]`). */
export interface RuleViolation {
  rule: string;
  message: Text;
  limit?: number;
  actual?: number;
  /** The decision line (nomination) it concerns, when a decision re-checks its lines. */
  nominationId?: string;
  /** The award it concerns, when a revocation checks the awards it names (R-REVOKE-1). */
  awardId?: string;
}

/** One bad input field, as listed in a 400 problem. */
export interface FieldError {
  field: string;
  message: Text;
}

/**
 * Every problem `code` this API answers with, the HTTP statuses it comes with, and what it means. The one place the
 * codes are defined: `ErrorCode` below, the type `ErrorCodeValue` and the OpenAPI document (the closed `ProblemCode`
 * enum, and per status of every operation the codes that status carries) are all derived from it.
 */
export const ERROR_CATALOGUE = {
  VALIDATION_FAILED: { statuses: [400], meaning: 'A field or parameter is invalid: `errors` lists each one' },
  MALFORMED_REQUEST: { statuses: [400], meaning: 'The request is not valid HTTP, JSON or URL encoding' },
  UNAUTHENTICATED: { statuses: [401], meaning: 'No token where one is needed, or a token that is unknown or revoked' },
  FORBIDDEN: { statuses: [403], meaning: "The key's role or scope does not allow this" },
  OUT_OF_SCOPE: { statuses: [403], meaning: "The record lies outside the key's organization and its subtree" },
  NOT_ABOVE_ORGANIZATION: {
    statuses: [403],
    meaning: 'The decision authority is not above the organization of the nominee',
  },
  NOT_FOUND: { statuses: [404], meaning: 'No such record (or route)' },
  METHOD_NOT_ALLOWED: { statuses: [405], meaning: 'The path exists, not with this method: see `Allow`' },
  REQUEST_TIMEOUT: { statuses: [408], meaning: 'The request did not arrive in time' },
  CONFLICT: { statuses: [409], meaning: 'The record already exists' },
  INVALID_STATE: { statuses: [409], meaning: 'The record is not in a state that allows this' },
  DUPLICATE_NOMINATION: { statuses: [409], meaning: 'R-DUP-1: the nomination would reward an achievement twice' },
  STILL_REFERENCED: { statuses: [409], meaning: 'Other records still refer to this one' },
  CONCURRENT_UPDATE: { statuses: [409], meaning: 'A concurrent change got in the way; retry' },
  ORGANIZATION_CODE_TAKEN: { statuses: [409], meaning: 'An organization with this code (ignoring case) exists' },
  ORGANIZATION_DISSOLVED: { statuses: [409], meaning: 'R-ORG-1: the organization has already ceased to exist' },
  NATIONAL_ID_TAKEN: { statuses: [409], meaning: 'This national id is already registered' },
  DECISION_NUMBER_TAKEN: { statuses: [409], meaning: 'A decision with this number already exists' },
  NOMINATION_ALREADY_DECIDED: { statuses: [409], meaning: 'A decision already grants this nomination' },
  NOMINATION_NOT_APPROVED: { statuses: [409], meaning: 'A decision grants APPROVED nominations only' },
  AWARD_ALREADY_REVOKED: { statuses: [409], meaning: 'The award is already revoked' },
  CASE_ALREADY_CLOSED: { statuses: [409], meaning: 'The disciplinary case is already closed' },
  DUPLICATE_IMPORT_ROW: { statuses: [409], meaning: 'This row of this file was already imported' },
  TOKEN_COLLISION: { statuses: [409], meaning: 'Token collision, retry' },
  VERIFICATION_CODE_COLLISION: { statuses: [409], meaning: 'Verification code collision, retry' },
  IDEMPOTENCY_IN_PROGRESS: { statuses: [409], meaning: 'A request with this Idempotency-Key is still running' },
  IDEMPOTENCY_OUTCOME_UNKNOWN: {
    statuses: [409],
    meaning: 'The first request with this Idempotency-Key ended without a stored response',
  },
  URI_TOO_LONG: { statuses: [414], meaning: 'A path parameter of the URL is too long' },
  PAYLOAD_TOO_LARGE: { statuses: [413], meaning: 'The body is larger than the server accepts' },
  UNSUPPORTED_MEDIA_TYPE: { statuses: [415], meaning: 'The body is not of a media type the operation accepts' },
  RULE_VIOLATION: { statuses: [422], meaning: 'Breaks a domain rule: `violations` lists the rules' },
  INVALID_REFERENCE: { statuses: [422], meaning: 'Names a record that does not exist' },
  ORGANIZATION_CYCLE: { statuses: [422], meaning: 'An organization cannot be moved under itself or a descendant' },
  CLOSED_BEFORE_OPENED: { statuses: [422], meaning: 'A case cannot close before it opened' },
  IMPORT_INVALID: { statuses: [422], meaning: 'Rows of the imported file are bad: `errors` lists every one' },
  IDEMPOTENCY_KEY_REUSED: { statuses: [422], meaning: 'This Idempotency-Key was used for another request' },
  TOO_MANY_REQUESTS: { statuses: [429], meaning: 'Rate limited: retry after `Retry-After` seconds' },
  HEADERS_TOO_LARGE: { statuses: [431], meaning: 'The request line and headers are too large' },
  INTERNAL: { statuses: [500], meaning: 'An unexpected error; the request id finds it in the logs' },
  SERVICE_UNAVAILABLE: { statuses: [503], meaning: 'The database is unreachable or the query timed out; retry' },
} as const satisfies Record<string, { statuses: readonly number[]; meaning: string }>;

export type ErrorCodeValue = keyof typeof ERROR_CATALOGUE;

/** Stable machine-readable error codes. Clients switch on these, never on `title` or `detail`. */
export const ErrorCode = Object.fromEntries(Object.keys(ERROR_CATALOGUE).map((code) => [code, code])) as {
  readonly [Code in ErrorCodeValue]: Code;
};

/** Every code, in catalogue order. */
export const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as ErrorCodeValue[];

/** The codes a problem of this HTTP status may carry. */
export function errorCodesOf(status: number): ErrorCodeValue[] {
  return ERROR_CODES.filter((code) => (ERROR_CATALOGUE[code].statuses as readonly number[]).includes(status));
}

export function isErrorCode(value: unknown): value is ErrorCodeValue {
  return typeof value === 'string' && Object.hasOwn(ERROR_CATALOGUE, value);
}

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
  code: ErrorCodeValue;
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
  Household: 'entity.household',
  Nomination: 'entity.nomination',
  Decision: 'entity.decision',
  Award: 'entity.award',
  Revocation: 'entity.revocation',
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

  /** 422 `INVALID_REFERENCE`: the request's `field` names a record that does not exist. */
  static invalidReference(field: string, message: Text): ApiError {
    return new ApiError(
      HttpStatus.UNPROCESSABLE_ENTITY,
      ErrorCode.INVALID_REFERENCE,
      msg('problem.title.422'),
      msg('problem.fieldList', { field, text: message }),
      { errors: [{ field, message }] },
    );
  }

  static conflict(code: ErrorCodeValue, detail: Text): ApiError {
    return new ApiError(HttpStatus.CONFLICT, code, msg('problem.title.409'), detail);
  }

  static ruleViolation(
    detail: Text,
    violations: RuleViolation[],
    code: ErrorCodeValue = ErrorCode.RULE_VIOLATION,
  ): ApiError {
    return new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, code, msg('problem.title.422'), detail, { violations });
  }

  static forbidden(detail: Text, code: ErrorCodeValue = ErrorCode.FORBIDDEN): ApiError {
    return new ApiError(HttpStatus.FORBIDDEN, code, msg('problem.title.403'), detail);
  }
}
