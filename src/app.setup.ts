import { randomUUID } from 'node:crypto';
import fastifyMultipart from '@fastify/multipart';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { clientErrorHandler, frameworkErrorHandler } from './common/errors/client-errors.js';
import { ProblemDetailsFilter } from './common/errors/problem-details.filter.js';
import { documentErrorsAsProblems } from './common/http/api-responses.js';
import { API_TAGS } from './common/http/api-tags.js';
import { applyHttpSecurity } from './common/http/security.js';
import { refuseDeeplyNestedBodies } from './common/validation/body-depth.js';
import { refuseNulInQueryStrings } from './common/validation/query-strings.js';
import { createValidationPipe } from './common/validation/validation.pipe.js';
import { AppConfig } from './config/app-config.js';
import { documentIdempotencyKey } from './idempotency/idempotency-openapi.js';

export const API_PREFIX = 'api/v1';
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The Fastify adapter with the settings every instance (and every test) uses. */
export function createAdapter(): FastifyAdapter {
  return new FastifyAdapter({
    // A caller's x-request-id is kept when it looks sane, so logs correlate across services.
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
      const header = request.headers['x-request-id'];
      return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
    },
    bodyLimit: 1_048_576,
    trustProxy: true,
    return503OnClosing: true,
    // Requests refused by the HTTP parser (malformed, headers too large) or the router (bad URL escapes, a path
    // parameter too long) get a problem document too.
    clientErrorHandler,
    frameworkErrors: frameworkErrorHandler,
  });
}

export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
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
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key: `Authorization: Bearer <token>`' });
  for (const [name, description] of Object.entries(API_TAGS)) config.addTag(name, description);
  const document = SwaggerModule.createDocument(app, config.build(), {
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
  return documentIdempotencyKey(documentErrorsAsProblems(document));
}

/**
 * Everything between "the module is built" and "it listens": shared by `main.ts` and the e2e tests so the
 * tests exercise the real pipeline (validation, errors, auth, prefix, Swagger).
 */
export function configureApp(app: NestFastifyApplication): OpenAPIObject {
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  // Uploads (`POST /nominations/import`): one file of at most IMPORT_MAX_BYTES and a few small text fields.
  const { IMPORT_MAX_BYTES } = app.get(AppConfig);
  void app.register(fastifyMultipart, {
    limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 4, fieldSize: 1024, parts: 5 },
  });

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  refuseDeeplyNestedBodies(fastify);
  refuseNulInQueryStrings(fastify);

  // Body limits, security headers and CORS; before Swagger UI's routes, so /docs gets the headers too.
  applyHttpSecurity(app);

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    customSiteTitle: 'Awards Registry API',
    swaggerOptions: { persistAuthorization: true, displayRequestDuration: true },
  });
  return document;
}
