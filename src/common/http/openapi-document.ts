import type { OpenAPIObject } from '@nestjs/swagger';
import { ERROR_CATALOGUE, ERROR_CODES, errorCodesOf } from '../errors/problem.js';

/**
 * The finishing pass over the document `SwaggerModule` builds (see docs/http-contract.md): what the decorators cannot say
 * once per operation, said here once for all of them, so that the document is what the service does.
 *
 * - Every response declares the headers the service sends; every error response is a problem whose `code` is the
 *   closed enum of the codes of its status (`ERROR_CATALOGUE`).
 * - Every operation lists the statuses any request can get before the controller runs: 400 (a malformed URL),
 *   401 (a token that is unknown or revoked, public operations included), 408, 413 and 415 (a body), 414 (a path
 *   parameter), 429 (rate limits), 431 (headers), 503; POSTs the idempotency refusals.
 * - Request bodies refuse unknown fields (`additionalProperties: false`), as the validation pipe does, and their
 *   optional fields accept `null` (as `@IsOptional()` does; a service may still refuse it with a 400).
 * - OpenAPI 3.1: `nullable` becomes a type array (or `oneOf` with `null`), and `$ref` keeps its siblings.
 */
export function finishOpenApiDocument(document: OpenAPIObject): OpenAPIObject {
  const doc = document as unknown as Json;
  const components = (doc.components ??= {}) as Json;
  const schemas = (components.schemas ??= {}) as Record<string, Schema>;
  const securitySchemes = (components.securitySchemes ?? {}) as Record<string, Json>;
  for (const scheme of Object.values(securitySchemes)) {
    delete scheme.bearerFormat;
    scheme.description =
      'An API key: `Authorization: Bearer ar_…`. Keys are opaque (not JWTs): ask an administrator for one.';
  }
  components.headers = HEADERS;
  describeProblemCodes(schemas);

  const usedStatuses = new Set<number>();
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Operation>>)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!HTTP_METHODS.has(method)) continue;
      addCommonResponses(path, method, operation);
      for (const [status, response] of Object.entries(operation.responses)) {
        declareHeaders(path, method, Number(status), response);
        if (/^[45]\d\d$/.test(status)) {
          usedStatuses.add(Number(status));
          // A problem of its own shape (the import's row errors) is also a problem of its status.
          const own = Object.values(response.content ?? {}).find((media) => media.schema)?.schema;
          const problem = { $ref: `#/components/schemas/Problem${status}` };
          const extended = own?.$ref && own.$ref !== '#/components/schemas/ProblemDto';
          response.content = { [PROBLEM_MEDIA_TYPE]: { schema: extended ? { allOf: [own, problem] } : problem } };
        }
      }
    }
  }
  for (const status of [...usedStatuses].sort()) schemas[`Problem${status}`] = problemOf(status);

  refuseUnknownFields(doc, schemas);
  convertTo31(doc);
  return document;
}

type Json = Record<string, unknown>;
type Schema = Json & {
  $ref?: string;
  type?: string | string[];
  nullable?: boolean;
  enum?: unknown[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
};
interface Response {
  description: string;
  headers?: Record<string, unknown>;
  content?: Record<string, { schema?: Schema }>;
}
interface Operation {
  parameters?: { in: string; name: string }[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
  responses: Record<string, Response>;
  security?: unknown[];
}

const PROBLEM_MEDIA_TYPE = 'application/problem+json';
const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch']);
const WITH_BODY = new Set(['put', 'post', 'delete', 'patch']);
/** The paths the rate limits leave alone (see `applyRateLimit`). */
const UNLIMITED = /^\/api\/v1\/health\//;

const header = (description: string, schema: Json) => ({ description, schema });
const HEADERS: Record<string, unknown> = {
  RequestId: header(
    "The request id: the caller's `X-Request-Id` when it is 1 to 64 letters, digits, `.`, `_` or `-`, else a UUID.",
    { type: 'string' },
  ),
  ContentLanguage: header('The language of the messages in the body (`vi` or `en`).', { type: 'string' }),
  RetryAfter: header('Seconds to wait before retrying.', { type: 'integer', minimum: 0 }),
  RateLimitLimit: header('Requests allowed in the current window (when rate limits are on).', {
    type: 'integer',
    minimum: 0,
  }),
  RateLimitRemaining: header('Requests left in the current window.', { type: 'integer', minimum: 0 }),
  RateLimitReset: header('Seconds until the window resets.', { type: 'integer', minimum: 0 }),
  IdempotentReplayed: header('`true` when this is the stored response to an earlier request with the same key.', {
    type: 'string',
    enum: ['true'],
  }),
  ContentDisposition: header('`attachment` (or `inline`) with the file name.', { type: 'string' }),
};
const ref = (name: string) => ({ $ref: `#/components/headers/${name}` });

const COMMON_RESPONSES: Record<string, string> = {
  '400': 'Invalid input (`errors` lists each field), or a malformed URL or body',
  '401': 'No token where one is needed, or a token that is unknown or revoked (public operations too)',
  '408': 'The request did not arrive in time',
  '409': 'Conflicts with the current state of a record, or the Idempotency-Key is in use',
  '413': 'The body is larger than the server accepts',
  '414': 'A path parameter is too long',
  '415': 'The body is not `application/json`',
  '422': 'Breaks a domain rule (`violations` lists the rules), or the Idempotency-Key was used for another request',
  '429': 'Rate limited: retry after `Retry-After` seconds',
  '431': 'The request line and headers are too large',
  '503': 'The database is unreachable, or the service is shutting down; retry after `Retry-After` seconds',
};

function addCommonResponses(path: string, method: string, operation: Operation): void {
  const statuses = ['400', '401', '431', '503'];
  if (WITH_BODY.has(method)) statuses.push('408', '413', '415');
  if (method === 'post') statuses.push('409', '422');
  if (operation.parameters?.some((parameter) => parameter.in === 'path')) statuses.push('414');
  if (!UNLIMITED.test(path)) statuses.push('429');
  for (const status of statuses) operation.responses[status] ??= { description: COMMON_RESPONSES[status] };
}

function declareHeaders(path: string, method: string, status: number, response: Response): void {
  const headers: Record<string, unknown> = {
    'X-Request-Id': ref('RequestId'),
    'Content-Language': ref('ContentLanguage'),
  };
  if (!UNLIMITED.test(path)) {
    headers['X-RateLimit-Limit'] = ref('RateLimitLimit');
    headers['X-RateLimit-Remaining'] = ref('RateLimitRemaining');
    headers['X-RateLimit-Reset'] = ref('RateLimitReset');
  }
  if (status === 429 || status === 503 || (status === 409 && method === 'post'))
    headers['Retry-After'] = ref('RetryAfter');
  if (status < 300 && method === 'post') headers['Idempotent-Replayed'] = ref('IdempotentReplayed');
  const media = Object.keys(response.content ?? {});
  if (status < 300 && media.some((type) => !type.startsWith('application/json')))
    headers['Content-Disposition'] = ref('ContentDisposition');
  response.headers = { ...headers, ...response.headers };
}

/** `ProblemDto.code` is the enum of every code; its description lists what each means. */
function describeProblemCodes(schemas: Record<string, Schema>): void {
  const codes = schemas.ProblemCode;
  if (!codes) throw new Error('ProblemDto.code must be documented as the ProblemCode enum');
  codes.enum = ERROR_CODES;
  codes.description =
    'Stable machine-readable code of a problem: switch on this, never on `title`.\n\n' +
    ERROR_CODES.map(
      (code) => `- \`${code}\` (${ERROR_CATALOGUE[code].statuses.join(', ')}): ${ERROR_CATALOGUE[code].meaning}`,
    ).join('\n');
}

/** A problem of one status: `status` is that status, `code` one of the codes it comes with. */
function problemOf(status: number): Schema {
  const codes = errorCodesOf(status);
  if (codes.length === 0) throw new Error(`no problem code is catalogued for status ${status}`);
  return {
    description: `A problem with status ${status}.`,
    allOf: [
      { $ref: '#/components/schemas/ProblemDto' },
      {
        type: 'object',
        properties: { status: { type: 'integer', enum: [status] }, code: { type: 'string', enum: codes } },
      },
    ],
  };
}

/** Every schema a JSON request body reaches refuses unknown fields, like the validation pipe (`forbidNonWhitelisted`). */
function refuseUnknownFields(doc: Json, schemas: Record<string, Schema>): void {
  const seen = new Set<Schema>();
  const visit = (schema: Schema | undefined): void => {
    if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
    seen.add(schema);
    if (schema.$ref) return visit(schemas[schema.$ref.split('/').pop()!]);
    if (schema.properties) {
      schema.additionalProperties = false;
      // `@IsOptional()` lets `null` through as well as an absent field: a field that may be left out may be null.
      const required = new Set((schema.required as string[] | undefined) ?? []);
      for (const [name, property] of Object.entries(schema.properties))
        if (!required.has(name)) property.nullable = true;
      Object.values(schema.properties).forEach(visit);
    }
    visit(schema.items);
    [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])].forEach(visit);
  };
  for (const item of Object.values(doc.paths as Record<string, Record<string, Operation>>))
    for (const operation of Object.values(item)) visit(operation.requestBody?.content['application/json']?.schema);
}

/** OpenAPI 3.0 → 3.1: `nullable` into JSON Schema, single `allOf: [$ref]` into `$ref` with siblings. */
function convertTo31(doc: Json): void {
  doc.openapi = '3.1.0';
  const seen = new Set<unknown>();
  const walk = (node: unknown, isSchema: boolean): void => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) return node.forEach((value) => walk(value, isSchema));
    const object = node as Schema;
    if (isSchema) convertSchema(object);
    for (const [key, value] of Object.entries(object)) {
      if (key === 'example' || key === 'examples' || key === 'enum') continue;
      // Below a schema, every keyword holding schemas; `properties` maps names to schemas.
      const childIsSchema =
        key === 'schema' ||
        (isSchema && ['items', 'allOf', 'oneOf', 'anyOf', 'not', 'additionalProperties'].includes(key));
      if (isSchema && key === 'properties') {
        Object.values(value as Record<string, unknown>).forEach((property) => walk(property, true));
      } else if (key === 'schemas' && !isSchema) {
        Object.values(value as Record<string, unknown>).forEach((schema) => walk(schema, true));
      } else {
        walk(value, childIsSchema);
      }
    }
  };
  walk(doc, false);
}

function convertSchema(schema: Schema): void {
  const single = schema.allOf?.length === 1 && schema.allOf[0].$ref ? schema.allOf[0].$ref : undefined;
  if (single) delete schema.allOf;
  if (schema.nullable) {
    delete schema.nullable;
    const target = single ?? schema.$ref;
    if (target) {
      delete schema.$ref;
      delete schema.type;
      schema.oneOf = [{ $ref: target }, { type: 'null' }];
    } else if (typeof schema.type === 'string') {
      schema.type = [schema.type, 'null'];
      if (schema.enum && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
    }
  } else if (single) {
    schema.$ref = single;
  }
}
