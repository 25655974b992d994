import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '../../config/app-config.js';
import { applyRateLimit } from '../rate-limit/rate-limit.js';

/** Request headers a browser front end may send (CORS preflight). */
const CORS_ALLOWED_HEADERS = ['authorization', 'content-type', 'idempotency-key', 'x-request-id'];

/** Response headers a browser front end may read besides the CORS-safelisted ones. */
const CORS_EXPOSED_HEADERS = [
  'content-disposition',
  'location',
  'retry-after',
  'x-request-id',
  'idempotent-replayed',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
];

/**
 * The HTTP hardening every instance applies, called from `configureApp` before any route is registered:
 *
 * - **Body size**: JSON and form bodies larger than `BODY_LIMIT_BYTES` are refused with 413 `PAYLOAD_TOO_LARGE`
 *   before they are parsed (uploads have their own limit, `IMPORT_MAX_BYTES`). Under `/api/v1` a body is JSON (or
 *   the import's multipart) only: others are a 415 (`refuseNonJsonBodies`).
 * - **Security headers** (helmet's): `Content-Security-Policy`, `X-Content-Type-Options: nosniff`,
 *   `X-Frame-Options`, `Strict-Transport-Security`, `Referrer-Policy`, … on every response. The policy is helmet's
 *   default, which Swagger UI at `/docs` works under: its scripts are files served by this origin (`script-src
 *   'self'`), its styles are partly inline (`style-src 'self' 'unsafe-inline'`, helmet's default) and its icons are
 *   `data:` images. `upgrade-insecure-requests` is left out because the service is often reached over plain HTTP
 *   (locally, or behind a proxy that terminates TLS); a browser would otherwise rewrite Swagger UI's asset URLs to
 *   https and fail to load them. The headers are the same for every response (no nonces), so helmet computes them
 *   once at start (`securityHeaders`) and each request only copies them: `@fastify/helmet` built helmet's whole
 *   middleware again for every request.
 * - **CORS**: off unless `CORS_ORIGINS` lists the origins of browser front ends. Tokens travel in the
 *   `Authorization` header, never in cookies, so credentials are not allowed. With origins configured, resources
 *   may also be embedded cross-origin (`Cross-Origin-Resource-Policy: cross-origin`), e.g. certificate images.
 * - **No caching of what a token opened**: every response to a request that carries an `Authorization` header (or
 *   that a principal other than the public made) gets `Cache-Control: no-store`, so personal data (individuals,
 *   nominations, the audit trail, exports, API keys…) is never kept by a browser or a shared cache. Public reads
 *   keep their own caching headers.
 * - **Rate limits** per API key and per client address: see `applyRateLimit`.
 */
export async function applyHttpSecurity(app: NestFastifyApplication): Promise<void> {
  const config = app.get(AppConfig);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply) => {
      const authenticated =
        request.headers.authorization !== undefined || (request.principal?.kind ?? 'public') !== 'public';
      if (authenticated) reply.header('cache-control', 'no-store');
    });
  app.useBodyParser('application/json', { bodyLimit: config.BODY_LIMIT_BYTES });
  app.useBodyParser('application/x-www-form-urlencoded', { bodyLimit: config.BODY_LIMIT_BYTES });

  const cors = config.CORS_ORIGINS.length > 0;
  const headers = Object.fromEntries(
    securityHeaders({
      contentSecurityPolicy: { useDefaults: true, directives: { 'upgrade-insecure-requests': null } },
      crossOriginResourcePolicy: { policy: cors ? 'cross-origin' : 'same-origin' },
    }),
  );
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      // Set on Fastify's reply, not the raw response: a response no header was set on is written by Node from
      // Fastify's header object as it is, without storing each header first.
      reply.headers(headers);
      done();
    });

  await applyRateLimit(app, config);

  if (cors) {
    app.enableCors({
      origin: config.CORS_ORIGINS,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: CORS_ALLOWED_HEADERS,
      exposedHeaders: CORS_EXPOSED_HEADERS,
      credentials: false,
      maxAge: 600,
    });
  }
}

/** The headers helmet sets for `options`, computed once (they depend on nothing in the request). */
export function securityHeaders(options: HelmetOptions): [string, string][] {
  const headers: [string, string][] = [];
  const recorder = {
    setHeader: (name: string, value: string) => headers.push([name, value]),
    removeHeader: () => undefined,
  } as unknown as ServerResponse;
  helmet(options)({} as IncomingMessage, recorder, () => undefined);
  return headers;
}
