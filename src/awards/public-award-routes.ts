import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { ValidationPipe } from '@nestjs/common';
import { Authenticator } from '../auth/auth.guard.js';
import type { Principal } from '../auth/principal.js';
import { answerWithProblem } from '../common/errors/problem-details.filter.js';
import { logRequest } from '../common/http/request-log.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import { MAX_PAGE_SIZE } from '../common/pagination/pagination.js';
import { FIRST_YEAR, LAST_YEAR } from '../common/validation/dates.js';
import { AWARD_CODES, BASES } from '../rules/index.js';
import { AwardsService } from './awards.service.js';
import { AwardHistoryQueryDto, ListAwardsQueryDto } from './dto/award.dto.js';
import { AWARD_RECIPIENT_KINDS } from './labels.js';

/**
 * The register's hot public reads (`GET /awards`, `GET /individuals/{id}/awards`, `GET /organizations/{id}/awards`)
 * served by plain Fastify handlers instead of Nest's router, guard, pipes and interceptors, which cost more CPU
 * per request than the whole read (docs/scaling.md). The controller methods stay: they declare the routes, their
 * OpenAPI operations, `@PublicRead` and the page's response schema; only the handler Fastify runs is swapped when
 * the route is registered. What the Nest pipeline did is done here in the same order:
 *
 * 1. authentication (`Authenticator`, as the global guard; the routes are `@Public`, a bad token is still a 401);
 * 2. the path id (`UuidPipe`), then the query string: a JSON schema (ajv, compiled by Fastify) admits the plain
 *    well-formed queries, which are converted here; anything else goes through the class-validator pipe, so a
 *    refused query gets exactly the problem (fields, messages in vi/en) it always got;
 * 3. the service; its page is serialized by the route's schema, errors become the same RFC 9457 problems.
 *
 * Not run for these routes: the audit context (a read writes nothing) and the idempotency interceptor (POST only).
 */

const string = { type: 'string' } as const;
const enumOf = (values: readonly string[]) => ({ type: 'string', enum: [...values] }) as const;
const fourDigits = { type: 'string', pattern: '^[0-9]{4}$' } as const;
/** The UUIDs `IsUUID('all')` admits, less the nil and max ones (left to class-validator). */
const uuid = {
  type: 'string',
  pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$',
} as const;

const PAGE_PROPERTIES = {
  limit: { type: 'string', pattern: '^[1-9][0-9]{0,2}$' },
  cursor: { ...string, maxLength: 512 },
} as const;

/** The query schema of a route: these parameters only, each as the schema says. */
const queryOf = <P extends Record<string, object>>(properties: P) =>
  ({ type: 'object', propertyNames: { enum: Object.keys(properties) }, properties }) as const;

/** The plain queries of `GET /awards` (a subset of what `ListAwardsQueryDto` admits). */
export const LIST_QUERY_SCHEMA = queryOf({
  ...PAGE_PROPERTIES,
  year: fourDigits,
  fromYear: fourDigits,
  toYear: fourDigits,
  awardCode: enumOf(AWARD_CODES),
  organizationId: uuid,
  recipientKind: enumOf(AWARD_RECIPIENT_KINDS),
  basis: enumOf(BASES),
  q: { ...string, maxLength: 200 },
  includeRevoked: enumOf(['true', 'false']),
});

/** The plain queries of an award history (`AwardHistoryQueryDto`). */
export const HISTORY_QUERY_SCHEMA = queryOf({ ...PAGE_PROPERTIES, recipientKind: enumOf(AWARD_RECIPIENT_KINDS) });

type Query = Record<string, string | undefined>;

/** A year the schema let through, or NaN when out of the DTO's range (class-validator then says so). */
const yearOf = (value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const year = Number(value);
  return year >= FIRST_YEAR && year <= LAST_YEAR ? year : NaN;
};
const limitOf = (value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const limit = Number(value);
  return limit <= MAX_PAGE_SIZE ? limit : NaN;
};

/** The DTO's values for a query the schema admitted, or undefined when a range check is left to class-validator. */
export function plainListQuery(query: Query): ListAwardsQueryDto | undefined {
  const dto: ListAwardsQueryDto = {
    limit: limitOf(query.limit),
    cursor: query.cursor,
    year: yearOf(query.year),
    fromYear: yearOf(query.fromYear),
    toYear: yearOf(query.toYear),
    awardCode: query.awardCode as ListAwardsQueryDto['awardCode'],
    organizationId: query.organizationId,
    recipientKind: query.recipientKind as ListAwardsQueryDto['recipientKind'],
    basis: query.basis as ListAwardsQueryDto['basis'],
    q: query.q,
    includeRevoked: query.includeRevoked === undefined ? undefined : query.includeRevoked === 'true',
  };
  if (Number.isNaN(dto.limit) || Number.isNaN(dto.year) || Number.isNaN(dto.fromYear) || Number.isNaN(dto.toYear))
    return undefined;
  // ajv counts code points; class-validator's length may count fewer, never more than UTF-16 units.
  if (dto.q !== undefined && dto.q.length > 200) return undefined;
  if (dto.cursor !== undefined && dto.cursor.length > 512) return undefined;
  return dto;
}

export function plainHistoryQuery(query: Query): AwardHistoryQueryDto | undefined {
  const dto: AwardHistoryQueryDto = {
    limit: limitOf(query.limit),
    cursor: query.cursor,
    recipientKind: query.recipientKind as AwardHistoryQueryDto['recipientKind'],
  };
  if (Number.isNaN(dto.limit) || (dto.cursor !== undefined && dto.cursor.length > 512)) return undefined;
  return dto;
}

/**
 * The paths served here (without the global prefix): the one list `LoggerModule` also takes, to leave their request
 * line to `logRequest`.
 */
export const PUBLIC_AWARD_READ_PATHS = ['awards', 'individuals/:id/awards', 'organizations/:id/awards'] as const;
type PublicAwardReadPath = (typeof PUBLIC_AWARD_READ_PATHS)[number];

interface Dependencies {
  awards: AwardsService;
  authenticator: Authenticator;
  /** The application's validation pipe: the reference for every query the schema does not admit. */
  validation: ValidationPipe;
}

const logRequestHook = (request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
  logRequest(request, reply);
  done();
};

/**
 * Serves the three routes from plain handlers (see above). Call before the routes are registered (`configureApp`):
 * the swap happens in Fastify's `onRoute`, for GET and the HEAD route Fastify adds beside it.
 */
export function servePublicAwardReads(fastify: FastifyInstance, prefix: string, dependencies: Dependencies): void {
  const { awards, authenticator, validation } = dependencies;
  const uuidPipe = new UuidPipe();

  const principalOf = (request: FastifyRequest): Principal | Promise<Principal> =>
    authenticator.authenticate(request.headers.authorization);

  async function validated<T>(
    request: FastifyRequest,
    plain: (query: Query) => T | undefined,
    metatype: new () => T,
  ): Promise<T> {
    const fast = request.validationError === undefined ? plain(request.query as Query) : undefined;
    if (fast !== undefined) return fast;
    return (await validation.transform(request.query, { type: 'query', metatype })) as T;
  }

  const pathId = (request: FastifyRequest): string =>
    uuidPipe.transform((request.params as { id: string }).id, { type: 'param', data: 'id' });

  type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
  const guarded =
    (serve: (request: FastifyRequest, viewer: Principal) => Promise<unknown>): Handler =>
    async (request, reply) => {
      try {
        const principal = await principalOf(request);
        request.principal = principal;
        return await serve(request, principal);
      } catch (error) {
        answerWithProblem(request, reply, error);
        return reply;
      }
    };

  const served: Record<PublicAwardReadPath, { handler: Handler; querystring: object }> = {
    awards: {
      querystring: LIST_QUERY_SCHEMA,
      handler: guarded(async (request, viewer) =>
        awards.list(await validated(request, plainListQuery, ListAwardsQueryDto), viewer),
      ),
    },
    'individuals/:id/awards': {
      querystring: HISTORY_QUERY_SCHEMA,
      handler: guarded(async (request, viewer) => {
        const id = pathId(request);
        return awards.forIndividual(id, await validated(request, plainHistoryQuery, AwardHistoryQueryDto), viewer);
      }),
    },
    'organizations/:id/awards': {
      querystring: HISTORY_QUERY_SCHEMA,
      handler: guarded(async (request, viewer) => {
        const id = pathId(request);
        return awards.forOrganization(id, await validated(request, plainHistoryQuery, AwardHistoryQueryDto), viewer);
      }),
    },
  };
  const routes = new Map(PUBLIC_AWARD_READ_PATHS.map((path) => [`/${prefix}/${path}`, served[path]]));

  const swapped = new Set<string>();
  fastify.addHook('onRoute', (options: RouteOptions) => {
    const route = routes.get(options.url ?? '');
    const methods = [options.method].flat();
    if (route === undefined || !methods.every((method) => method === 'GET' || method === 'HEAD')) return;
    swapped.add(options.url);
    options.handler = route.handler;
    options.schema = { ...options.schema, querystring: route.querystring };
    // A query the schema does not admit is not refused by Fastify: the handler asks class-validator.
    options.attachValidation = true;
    // pino-http skips these routes (`LoggerModule`'s `exclude`); their request line is written here.
    options.onResponse = [options.onResponse ?? []].flat().concat(logRequestHook);
  });
  // A controller path renamed without this table would silently fall back to the slow pipeline.
  fastify.addHook('onReady', (done) => {
    const missing = [...routes.keys()].filter((url) => !swapped.has(url));
    done(missing.length > 0 ? new Error(`Public award reads not registered: ${missing.join(', ')}`) : undefined);
  });
}
