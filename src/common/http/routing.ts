import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpStatus } from '@nestjs/common';
import { sendProblem, toProblem } from '../errors/problem-details.filter.js';
import { ApiError, ErrorCode } from '../errors/problem.js';

interface Route {
  pattern: string;
  matcher: RegExp;
  isStatic: boolean;
  methods: Set<string>;
}

/** `/a/:id/b` → `^/a/[^/]+/b$`; a trailing `*` matches the rest. */
function matcherOf(pattern: string): RegExp {
  const source = pattern
    .split(/(:\w+|\*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

const pathOf = (request: FastifyRequest) => request.url.split('?')[0];

function refuse(request: FastifyRequest, reply: FastifyReply, allowed: string[]): FastifyReply {
  const allow = allowed.join(', ');
  void reply.header('allow', allow);
  const error = new ApiError(
    HttpStatus.METHOD_NOT_ALLOWED,
    ErrorCode.METHOD_NOT_ALLOWED,
    'Method not allowed',
    `${request.method} is not allowed here: use ${allow}`,
  );
  sendProblem(reply, toProblem(error, request.url, request.id));
  return reply;
}

/**
 * Answers a known path asked with a method it does not take with 405 and `Allow` (RFC 9110 §15.5.6), where the
 * router alone would say 404; and keeps a static path from falling into a parameter route of another method
 * (`GET /nominations/check` is 405, not `GET /nominations/{id}` with the id `check`). Called before any route is
 * registered: it learns the routes as they are added.
 */
export function answerWrongMethods(fastify: FastifyInstance): void {
  const routes = new Map<string, Route>();
  fastify.addHook('onRoute', (options) => {
    const pattern = options.url;
    // A catch-all (`*`, CORS preflight) says nothing about which paths exist.
    if (!pattern || pattern === '*' || pattern === '/*') return;
    const methods = [options.method].flat().map((method) => method.toUpperCase());
    const route = routes.get(pattern) ?? {
      pattern,
      matcher: matcherOf(pattern),
      isStatic: !/[:*]/.test(pattern),
      methods: new Set<string>(),
    };
    for (const method of methods) route.methods.add(method);
    if (route.methods.has('GET')) route.methods.add('HEAD');
    routes.set(pattern, route);
  });

  fastify.addHook('onRequest', async (request, reply) => {
    const path = pathOf(request);
    const matched = request.routeOptions.url;
    const staticRoute = routes.get(path);
    if (matched !== undefined) {
      // Found a route: only a static path taken by a parameter route of another method is wrong (a catch-all,
      // such as the CORS preflight's, answers every path by design).
      if (!matched.includes(':') || !staticRoute || staticRoute.methods.has(request.method)) return;
      return refuse(request, reply, [...staticRoute.methods].sort());
    }
    const allowed = new Set<string>();
    for (const route of staticRoute ? [staticRoute] : routes.values())
      if (route.matcher.test(path)) route.methods.forEach((method) => allowed.add(method));
    if (allowed.size === 0 || allowed.has(request.method)) return;
    return refuse(request, reply, [...allowed].sort());
  });
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The media types a request body of the API may have: JSON everywhere, multipart on the spreadsheet imports only. */
const JSON_BODY = /^application\/json\s*(;|$)/i;
const MULTIPART_BODY = /^multipart\/form-data\s*(;|$)/i;
/** The upload routes (`POST …/import`): the only ones the document gives a multipart body. */
const acceptsMultipart = (routeUrl: string | undefined): boolean => routeUrl?.endsWith('/import') === true;

/**
 * Refuses with 415 a request body under the API prefix that is not JSON (or multipart): Fastify would otherwise
 * parse `text/plain` and form bodies too, and a DTO would read them as `{}` or as strings the document never
 * describes.
 */
export function refuseNonJsonBodies(fastify: FastifyInstance, prefix: string): void {
  fastify.addHook('onRequest', async (request, reply) => {
    if (!BODY_METHODS.has(request.method) || !pathOf(request).startsWith(prefix)) return;
    const contentType = request.headers['content-type'];
    const hasBody =
      Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
    if (!hasBody || contentType === undefined || JSON_BODY.test(contentType)) return;
    if (MULTIPART_BODY.test(contentType) && acceptsMultipart(request.routeOptions.url)) return;
    const error = new ApiError(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      ErrorCode.UNSUPPORTED_MEDIA_TYPE,
      'Unsupported media type',
      `A body of type ${contentType.split(';')[0]} is not accepted: send application/json`,
    );
    sendProblem(reply, toProblem(error, request.url, request.id));
    return reply;
  });
}
