import { msg, type Message, type Text } from '../../i18n/index.js';
import { HttpStatus } from '@nestjs/common';
import { ApiError, ErrorCode, type ErrorCodeValue } from './problem.js';

interface PgErrorLike {
  code?: string;
  constraint?: string;
  detail?: string;
  column?: string;
}

interface ConstraintMeaning {
  status: HttpStatus;
  code: ErrorCodeValue;
  detail: Message;
  field?: string;
  rule?: string;
}

/**
 * What each named constraint means to a client. Unique keys → 409, checks and foreign keys → 422 (the
 * request was well-formed but names something impossible), a delete blocked by a reference → 409.
 */
const CONSTRAINTS: Record<string, ConstraintMeaning> = {
  uq_organizations_code_ci: {
    status: HttpStatus.CONFLICT,
    code: 'ORGANIZATION_CODE_TAKEN',
    detail: msg('db.constraint1'),
    field: 'code',
  },
  ck_organizations_document_symbol: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    code: ErrorCode.RULE_VIOLATION,
    detail: msg('db.constraint2'),
    field: 'documentSymbol',
  },
  // One national id, one person, registry-wide: the refusal cannot help telling that the id is registered, so it
  // tells nothing more. The same body whether the holder is in the caller's scope or not: no person, no
  // organization, nothing that says which (POST and PATCH /individuals; the import looks ids up in scope only).
  uq_individuals_national_id: {
    status: HttpStatus.CONFLICT,
    code: 'NATIONAL_ID_TAKEN',
    detail: msg('db.constraint3'),
    field: 'nationalId',
  },
  uq_api_keys_token_hash: { status: HttpStatus.CONFLICT, code: 'TOKEN_COLLISION', detail: msg('db.constraint4') },
  ck_organizations_no_cycle: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    code: 'ORGANIZATION_CYCLE',
    detail: msg('db.constraint5'),
    field: 'parentId',
  },
  ck_organizations_not_own_parent: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    code: 'ORGANIZATION_CYCLE',
    detail: msg('db.constraint6'),
    field: 'parentId',
  },
  ck_disciplinary_cases_closed_after_opened: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    code: 'CLOSED_BEFORE_OPENED',
    detail: msg('db.constraint7'),
    field: 'closedOn',
  },
  fk_organizations_parent: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    code: ErrorCode.INVALID_REFERENCE,
    detail: msg('db.constraint8'),
    field: 'parentId',
  },
  fk_individuals_organization: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    code: ErrorCode.INVALID_REFERENCE,
    detail: msg('db.constraint9'),
    field: 'organizationId',
  },
  fk_api_keys_organization: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    code: ErrorCode.INVALID_REFERENCE,
    detail: msg('db.constraint9'),
    field: 'organizationId',
  },
  uq_nominations_import_row: {
    status: HttpStatus.CONFLICT,
    code: 'DUPLICATE_IMPORT_ROW',
    detail: msg('db.constraint10'),
  },
  fk_nominations_individual: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    code: ErrorCode.INVALID_REFERENCE,
    detail: msg('db.constraint11'),
    field: 'individualId',
  },
  fk_nominations_organization: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    code: ErrorCode.INVALID_REFERENCE,
    detail: msg('db.constraint9'),
    field: 'organizationId',
  },
  fk_nominations_proposing_organization: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    code: ErrorCode.INVALID_REFERENCE,
    detail: msg('db.constraint12'),
    field: 'proposingOrganizationId',
  },
  fk_nominations_award_type: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    code: ErrorCode.INVALID_REFERENCE,
    detail: msg('db.constraint13'),
    field: 'awardCode',
  },
  fk_unit_quotas_organization: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    code: ErrorCode.INVALID_REFERENCE,
    detail: msg('db.constraint9'),
    field: 'organizationId',
  },
  // Council sizes and votes (R-VOTE-1): the service validates first; these answer a request that slips past it.
  fk_council_sizes_organization: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    code: ErrorCode.INVALID_REFERENCE,
    detail: msg('db.constraint9'),
    field: 'id',
  },
  ck_council_sizes_members: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    code: ErrorCode.RULE_VIOLATION,
    detail: msg('db.constraint14'),
    field: 'members',
  },
  ck_council_sizes_reference: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    code: ErrorCode.RULE_VIOLATION,
    detail: msg('db.constraint15'),
    field: 'reference',
  },
  ck_council_votes_counts: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    code: ErrorCode.RULE_VIOLATION,
    detail: msg('db.constraint16'),
    rule: 'R-VOTE-1',
  },
  ck_council_votes_minutes_reference: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    code: ErrorCode.RULE_VIOLATION,
    detail: msg('db.constraint17'),
    field: 'minutesReference',
  },
  fk_unit_quotas_award_type: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    code: ErrorCode.INVALID_REFERENCE,
    detail: msg('db.constraint13'),
    field: 'awardCode',
  },
};

/** The catalogue messages of the details the modules register in English (`registerConstraint`). */
const REGISTERED_DETAILS: Readonly<Record<string, Message>> = {
  'Two awards drew the same verification code; retry the request': msg('db.registered.verificationCode'),
  'A nomination of this decision has already been granted by another decision': msg('db.registered.nominationDecided'),
  'The issuer already used this decision number this year (R-NUM-1)': msg('db.registered.numberTaken'),
};

/** Registers the meaning of constraints declared by later migrations (each module adds its own). */
export function registerConstraint(name: string, meaning: Omit<ConstraintMeaning, 'detail'> & { detail: Text }): void {
  const detail =
    typeof meaning.detail === 'string'
      ? (REGISTERED_DETAILS[meaning.detail] ?? msg('text.raw', { text: meaning.detail }))
      : meaning.detail;
  CONSTRAINTS[name] = { ...meaning, detail };
}

/**
 * Connection-level failures: the server cannot take a statement now (refused, unreachable, reset, shutting down,
 * starting up, out of connections). One list for both of its uses: the 503 a request gets, and a read replica left
 * for the primary (`replicaQuery`).
 */
const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '53300', // too_many_connections
]);
const CONNECTION_ERROR_MESSAGES =
  /timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED|Client has encountered a connection error/i;

/**
 * Whether `error` looks like an Error. `instanceof Error` alone is not enough: errors raised by Node's own modules
 * (a refused TCP connection) may come from another realm (a vm context, as under Jest) and fail that test.
 */
function isErrorLike(error: unknown): error is Error {
  return (
    error instanceof Error ||
    (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string')
  );
}

/** Is `error` (raw from `pg`, or wrapped by TypeORM) a failure to reach the database, not a fault of the statement? */
export function isConnectionError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const codes = [(error as PgErrorLike).code, (error as { driverError?: PgErrorLike }).driverError?.code];
  if (codes.some((code) => typeof code === 'string' && CONNECTION_ERROR_CODES.has(code))) return true;
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' && CONNECTION_ERROR_MESSAGES.test(message);
}

/** The 503 of a database that cannot take the statement now: unreachable, or no connection free in time. */
export function databaseUnavailable(): ApiError {
  return new ApiError(
    HttpStatus.SERVICE_UNAVAILABLE,
    ErrorCode.SERVICE_UNAVAILABLE,
    'Service unavailable',
    msg('db.unavailable'),
  );
}

/** Turns a PostgreSQL error (raw or wrapped by TypeORM) into the API error it stands for, or undefined. */
export function translateDatabaseError(error: unknown): ApiError | undefined {
  if (!isErrorLike(error)) return undefined;
  const pg: PgErrorLike = (error as { driverError?: PgErrorLike }).driverError ?? (error as PgErrorLike);
  if (isConnectionError(error)) return databaseUnavailable();
  if (!pg.code) return undefined;
  const known = pg.constraint ? CONSTRAINTS[pg.constraint] : undefined;
  if (known) {
    return new ApiError(
      known.status,
      known.code,
      known.status === HttpStatus.CONFLICT ? 'Conflict' : 'A rule forbids this',
      known.detail,
      {
        constraint: pg.constraint,
        ...(known.field ? { errors: [{ field: known.field, message: known.detail }] } : {}),
        ...(known.rule ? { violations: [{ rule: known.rule, message: known.detail }] } : {}),
      },
    );
  }
  switch (pg.code) {
    case '23505':
      return new ApiError(HttpStatus.CONFLICT, ErrorCode.CONFLICT, 'Conflict', msg('db.exists'), {
        constraint: pg.constraint,
      });
    case '23503':
      return pg.detail?.includes('is still referenced')
        ? new ApiError(HttpStatus.CONFLICT, ErrorCode.STILL_REFERENCED, 'Conflict', msg('db.stillReferenced'), {
            constraint: pg.constraint,
          })
        : new ApiError(
            HttpStatus.UNPROCESSABLE_ENTITY,
            ErrorCode.INVALID_REFERENCE,
            'A rule forbids this',
            msg('db.missingReference'),
            { constraint: pg.constraint },
          );
    case '23514':
    case '23502':
      return new ApiError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        ErrorCode.RULE_VIOLATION,
        'A rule forbids this',
        msg('db.checkViolation'),
        { constraint: pg.constraint },
      );
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
    case '22023':
    case '2201X':
    case '22021': // a character PostgreSQL text cannot hold: NUL (\u0000)
    case '22P05': // a character the database encoding cannot represent
      return new ApiError(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, 'Invalid request', msg('db.badValue'));
    case '57014':
      return new ApiError(
        HttpStatus.SERVICE_UNAVAILABLE,
        ErrorCode.SERVICE_UNAVAILABLE,
        'Service unavailable',
        msg('db.timeout'),
      );
    case '40001':
    case '40P01':
      return new ApiError(HttpStatus.CONFLICT, 'CONCURRENT_UPDATE', 'Conflict', msg('db.concurrent'));
    default:
      return undefined;
  }
}
