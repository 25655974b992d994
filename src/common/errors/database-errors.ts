import { msg } from '../../i18n/index.js';
import { HttpStatus } from '@nestjs/common';
import { ApiError, ErrorCode } from './problem.js';

interface PgErrorLike {
  code?: string;
  constraint?: string;
  detail?: string;
  column?: string;
}

/**
 * What each named constraint means to a client. Unique keys → 409, checks and foreign keys → 422 (the
 * request was well-formed but names something impossible), a delete blocked by a reference → 409.
 */
const CONSTRAINTS: Record<string, { status: HttpStatus; code: string; detail: string; field?: string; rule?: string }> =
  {
    uq_organizations_code_ci: {
      status: HttpStatus.CONFLICT,
      code: 'ORGANIZATION_CODE_TAKEN',
      detail: 'An organization with this code (ignoring case) already exists',
      field: 'code',
    },
    ck_organizations_document_symbol: {
      status: HttpStatus.UNPROCESSABLE_ENTITY,
      code: ErrorCode.RULE_VIOLATION,
      detail: 'A document symbol may contain Latin letters, Đ, digits and "-" only',
      field: 'documentSymbol',
    },
    // One national id, one person, registry-wide: the refusal cannot help telling that the id is registered, so it
    // tells nothing more. The same body whether the holder is in the caller's scope or not: no person, no
    // organization, nothing that says which (POST and PATCH /individuals; the import looks ids up in scope only).
    uq_individuals_national_id: {
      status: HttpStatus.CONFLICT,
      code: 'NATIONAL_ID_TAKEN',
      detail:
        'This national id is already registered: a person is registered once. If they moved to another unit, a key ' +
        'whose scope covers both units moves the existing record',
      field: 'nationalId',
    },
    uq_api_keys_token_hash: { status: HttpStatus.CONFLICT, code: 'TOKEN_COLLISION', detail: 'Token collision, retry' },
    ck_organizations_no_cycle: {
      status: HttpStatus.UNPROCESSABLE_ENTITY,
      code: 'ORGANIZATION_CYCLE',
      detail: 'An organization cannot be moved under itself or one of its descendants',
      field: 'parentId',
    },
    ck_organizations_not_own_parent: {
      status: HttpStatus.UNPROCESSABLE_ENTITY,
      code: 'ORGANIZATION_CYCLE',
      detail: 'An organization cannot be its own parent',
      field: 'parentId',
    },
    ck_disciplinary_cases_closed_after_opened: {
      status: HttpStatus.UNPROCESSABLE_ENTITY,
      code: 'CLOSED_BEFORE_OPENED',
      detail: 'A case cannot close before it opened',
      field: 'closedOn',
    },
    fk_organizations_parent: {
      status: HttpStatus.UNPROCESSABLE_ENTITY,
      code: ErrorCode.INVALID_REFERENCE,
      detail: 'The parent organization does not exist',
      field: 'parentId',
    },
    fk_individuals_organization: {
      status: HttpStatus.UNPROCESSABLE_ENTITY,
      code: ErrorCode.INVALID_REFERENCE,
      detail: 'The organization does not exist',
      field: 'organizationId',
    },
    fk_api_keys_organization: {
      status: HttpStatus.UNPROCESSABLE_ENTITY,
      code: ErrorCode.INVALID_REFERENCE,
      detail: 'The organization does not exist',
      field: 'organizationId',
    },
    uq_nominations_import_row: {
      status: HttpStatus.CONFLICT,
      code: 'DUPLICATE_IMPORT_ROW',
      detail: 'This row of this file was already imported',
    },
    fk_nominations_individual: {
      status: HttpStatus.UNPROCESSABLE_ENTITY,
      code: ErrorCode.INVALID_REFERENCE,
      detail: 'The individual does not exist',
      field: 'individualId',
    },
    fk_nominations_organization: {
      status: HttpStatus.UNPROCESSABLE_ENTITY,
      code: ErrorCode.INVALID_REFERENCE,
      detail: 'The organization does not exist',
      field: 'organizationId',
    },
    fk_nominations_proposing_organization: {
      status: HttpStatus.UNPROCESSABLE_ENTITY,
      code: ErrorCode.INVALID_REFERENCE,
      detail: 'The proposing organization does not exist',
      field: 'proposingOrganizationId',
    },
    fk_nominations_award_type: {
      status: HttpStatus.UNPROCESSABLE_ENTITY,
      code: ErrorCode.INVALID_REFERENCE,
      detail: 'The award code does not exist',
      field: 'awardCode',
    },
    fk_unit_quotas_organization: {
      status: HttpStatus.UNPROCESSABLE_ENTITY,
      code: ErrorCode.INVALID_REFERENCE,
      detail: 'The organization does not exist',
      field: 'organizationId',
    },
    // Council sizes and votes (R-VOTE-1): the service validates first; these answer a request that slips past it.
    fk_council_sizes_organization: {
      status: HttpStatus.UNPROCESSABLE_ENTITY,
      code: ErrorCode.INVALID_REFERENCE,
      detail: 'The organization does not exist',
      field: 'id',
    },
    ck_council_sizes_members: {
      status: HttpStatus.UNPROCESSABLE_ENTITY,
      code: ErrorCode.RULE_VIOLATION,
      detail: 'A council has 1 to 1000 members',
      field: 'members',
    },
    ck_council_sizes_reference: {
      status: HttpStatus.UNPROCESSABLE_ENTITY,
      code: ErrorCode.RULE_VIOLATION,
      detail: 'The reference of the council size takes 1 to 200 characters',
      field: 'reference',
    },
    ck_council_votes_counts: {
      status: HttpStatus.UNPROCESSABLE_ENTITY,
      code: ErrorCode.RULE_VIOLATION,
      detail: 'A vote needs present + writtenVotes ≤ members and yes ≤ present + writtenVotes',
      rule: 'R-VOTE-1',
    },
    ck_council_votes_minutes_reference: {
      status: HttpStatus.UNPROCESSABLE_ENTITY,
      code: ErrorCode.RULE_VIOLATION,
      detail: 'The minutes reference takes 1 to 100 characters',
      field: 'minutesReference',
    },
    fk_unit_quotas_award_type: {
      status: HttpStatus.UNPROCESSABLE_ENTITY,
      code: ErrorCode.INVALID_REFERENCE,
      detail: 'The award code does not exist',
      field: 'awardCode',
    },
  };

/** Registers the meaning of constraints declared by later migrations (each module adds its own). */
export function registerConstraint(name: string, meaning: (typeof CONSTRAINTS)[string]): void {
  CONSTRAINTS[name] = meaning;
}

const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
  '53300',
]);

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

export function isConnectionError(error: unknown): boolean {
  if (!isErrorLike(error)) return false;
  const code = (error as PgErrorLike).code ?? (error as { driverError?: PgErrorLike }).driverError?.code;
  if (code && CONNECTION_ERROR_CODES.has(code)) return true;
  return /timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED|Client has encountered a connection error/i.test(
    error.message,
  );
}

/** Turns a PostgreSQL error (raw or wrapped by TypeORM) into the API error it stands for, or undefined. */
export function translateDatabaseError(error: unknown): ApiError | undefined {
  if (!isErrorLike(error)) return undefined;
  const pg: PgErrorLike = (error as { driverError?: PgErrorLike }).driverError ?? (error as PgErrorLike);
  if (isConnectionError(error)) {
    return new ApiError(
      HttpStatus.SERVICE_UNAVAILABLE,
      ErrorCode.SERVICE_UNAVAILABLE,
      'Service unavailable',
      msg('db.unavailable'),
    );
  }
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
