import { randomUUID } from 'node:crypto';
import fastifyMultipart from '@fastify/multipart';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { clientErrorHandler, frameworkErrorHandler } from './common/errors/client-errors.js';
import { ProblemDetailsFilter } from './common/errors/problem-details.filter.js';
import { API_TAGS } from './common/http/api-tags.js';
import { answerWrongMethods, refuseNonJsonBodies } from './common/http/routing.js';
import { finishOpenApiDocument } from './common/http/openapi-document.js';
import { applyHttpSecurity } from './common/http/security.js';
import { RegisterVersions, registerPublicCache } from './common/http/public-cache.js';
import { registerI18nHooks } from './i18n/i18n-hooks.js';
import { refuseDeeplyNestedBodies } from './common/validation/body-depth.js';
import { refuseNulInQueryStrings } from './common/validation/query-strings.js';
import { createValidationPipe } from './common/validation/validation.pipe.js';
import { AppModule } from './app.module.js';
import { Authenticator } from './auth/auth.guard.js';
import { AwardsService } from './awards/awards.service.js';
import { servePublicAwardReads } from './awards/public-award-routes.js';
import { AppConfig, type TrustProxy } from './config/app-config.js';
import { documentIdempotencyKey } from './idempotency/idempotency-openapi.js';
import openApiMetadata from './openapi-metadata.js';

export const API_PREFIX = 'api/v1';
/**
 * A caller's `X-Request-Id` that is kept (logs correlate across services; the audit trail records it): a UUID or
 * any other short token of letters, digits, `.`, `_` and `-`. Anything else is replaced by a UUID of our own.
 */
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The request id of a request: the caller's `X-Request-Id` when well-formed, else a new UUID. */
export function requestIdOf(request: { headers: Record<string, string | string[] | undefined> }): string {
  const header = request.headers['x-request-id'];
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}

/** How often Node looks for requests past their headers or request timeout (its default is every 30 s). */
const TIMEOUT_CHECK_INTERVAL_MS = 1000;

/**
 * Fastify's `trustProxy` for TRUST_PROXY. A hop count becomes a function trusting that many nearest hops (this
 * Fastify treats a bare number as "trust nothing"): with it, whoever reaches the service directly, past the proxy,
 * can still choose its address, so a list of the proxies' addresses is the safer setting.
 */
export function trustProxyOption(
  setting: TrustProxy,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return setting;
}

type AdapterSettings = Pick<
  AppConfig,
  | 'TRUST_PROXY'
  | 'REQUEST_TIMEOUT_MS'
  | 'REQUEST_HEADERS_TIMEOUT_MS'
  | 'CONNECTION_TIMEOUT_MS'
  | 'KEEP_ALIVE_TIMEOUT_MS'
>;

/**
 * The Fastify adapter with the settings every instance uses:
 * - `trustProxy` from TRUST_PROXY: `request.ip` (rate limits) comes from `X-Forwarded-For` only when the peer is
 *   a trusted proxy; off by default.
 * - Slow clients: the request line and headers must arrive within REQUEST_HEADERS_TIMEOUT_MS and the whole request
 *   within REQUEST_TIMEOUT_MS, else a 408 problem and the connection closes (`clientErrorHandler`); a connection
 *   silent for CONNECTION_TIMEOUT_MS is closed; idle keep-alive connections after KEEP_ALIVE_TIMEOUT_MS.
 */
export function createAdapter(config: AdapterSettings): FastifyAdapter {
  return new FastifyAdapter({
    genReqId: requestIdOf,
    bodyLimit: 1_048_576,
    trustProxy: trustProxyOption(config.TRUST_PROXY),
    requestTimeout: config.REQUEST_TIMEOUT_MS,
    connectionTimeout: config.CONNECTION_TIMEOUT_MS,
    keepAliveTimeout: config.KEEP_ALIVE_TIMEOUT_MS,
    http: {
      requestTimeout: config.REQUEST_TIMEOUT_MS,
      headersTimeout: config.REQUEST_HEADERS_TIMEOUT_MS,
      connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
    },
    return503OnClosing: true,
    // Requests refused by the HTTP parser (malformed, headers too large) or the router (bad URL escapes, a path
    // parameter too long) get a problem document too.
    clientErrorHandler,
    frameworkErrors: frameworkErrorHandler,
  });
}

export async function buildOpenApiDocument(app: NestFastifyApplication): Promise<OpenAPIObject> {
  const config = new DocumentBuilder()
    .setTitle('Awards Registry API')
    .setDescription(
      'System of record for Vietnamese emulation and commendation (thi đua, khen thưởng): organizations, ' +
        'individuals, nominations (đề nghị khen thưởng), decisions (quyết định khen thưởng) and the awards they ' +
        'grant, with the rules of the Law on Emulation and Commendation 2022 and Decree 98/2023/NĐ-CP. ' +
        'Errors are RFC 9457 problem details (`application/problem+json`) with a stable `code`. ' +
        'POST requests accept an `Idempotency-Key` header for safe retries. Requests are rate limited per API key ' +
        'and per client address (429 with `Retry-After`); bodies larger than the configured limit are a 413.',
    )
    .setVersion('1.0.0')
    .addServer('/', 'This server (every path below starts with the base path /api/v1)')
    .addBearerAuth({ type: 'http', scheme: 'bearer' });
  for (const [name, description] of Object.entries(API_TAGS)) config.addTag(name, description);
  await SwaggerModule.loadPluginMetadata(openApiMetadata);
  const document = SwaggerModule.createDocument(app, config.build(), {
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
  return finishOpenApiDocument(documentIdempotencyKey(document));
}

/**
 * The one way an instance is built, shared by `main.ts` and every e2e test (so the tests run exactly what
 * production runs): the module graph, the Fastify adapter, `configureApp`, and initialisation (routes registered,
 * every Fastify plugin loaded). The caller only seeds and listens.
 */
export async function createApp(
  config: AppConfig & { DATABASE_URL: string },
  options: { logger?: false } = {},
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), createAdapter(config), {
    bufferLogs: true,
    abortOnError: false,
    ...(options.logger === false ? { logger: false } : {}),
  });
  try {
    await configureApp(app);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  return app;
}

/**
 * Everything between "the module is built" and "it listens" (called by `createApp`): validation, errors, auth,
 * prefix, HTTP hardening, Swagger. The plugins are registered and loaded in order, before any route exists:
 * `@fastify/rate-limit` only hooks the routes registered after it has loaded.
 */
export async function configureApp(app: NestFastifyApplication): Promise<OpenAPIObject> {
  app.useLogger(app.get(Logger));
  // The public pages live at the root: the QR code of a certificate opens /verify/{code}.
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'verify/:code', method: RequestMethod.GET },
      { path: 'tra-cuu', method: RequestMethod.GET },
    ],
  });
  const validation = createValidationPipe();
  app.useGlobalPipes(validation);
  app.useGlobalFilters(new ProblemDetailsFilter());
  // Uploads (`POST /nominations/import`): one file of at most IMPORT_MAX_BYTES and a few small text fields.
  const { IMPORT_MAX_BYTES } = app.get(AppConfig);
  await app.register(fastifyMultipart, {
    limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 4, fieldSize: 1024, parts: 5 },
  });

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerI18nHooks(fastify, API_PREFIX);
  refuseDeeplyNestedBodies(fastify);
  refuseNulInQueryStrings(fastify);
  refuseNonJsonBodies(fastify, `/${API_PREFIX}/`);
  answerWrongMethods(fastify);

  // Body limits, security headers and CORS; before Swagger UI's routes, so /docs gets the headers too.
  await applyHttpSecurity(app);
  // Public reads: ETag from the register's version, 304 on a match, Cache-Control public (after the rate limit).
  registerPublicCache(fastify, app.get(RegisterVersions));
  // The register's hot reads run as plain Fastify handlers, with the same checks and answers as the controllers.
  servePublicAwardReads(fastify, API_PREFIX, {
    awards: app.get(AwardsService),
    authenticator: app.get(Authenticator),
    validation,
  });

  const document = await buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    customSiteTitle: 'Awards Registry API',
    swaggerOptions: { persistAuthorization: true, displayRequestDuration: true },
  });
  return document;
}
