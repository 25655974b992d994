import { createHash } from 'node:crypto';
import { HttpStatus, Logger } from '@nestjs/common';
import fastifyRateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import type { AppConfig } from '../../config/app-config.js';
import { ApiError, ErrorCode } from '../errors/problem.js';

const MINUTE_MS = 60_000;
const UNLIMITED_PATHS = /^\/api\/v1\/health\//;

/** Whether the configuration turns rate limiting on: explicitly, or by default outside tests. */
export function rateLimitEnabled(config: Pick<AppConfig, 'RATE_LIMIT_ENABLED' | 'NODE_ENV'>): boolean {
  return config.RATE_LIMIT_ENABLED ?? config.NODE_ENV !== 'test';
}

/** The bearer token of a request, if it sends one (whether the registry knows it is the auth guard's business). */
function bearerToken(request: Pick<FastifyRequest, 'headers'>): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
}

/**
 * The budget a request counts against: its API key's (`key:<hash of the token>`) when it carries a bearer token,
 * else its client address's (`ip:<address>`). `request.ip` honours `X-Forwarded-For` (`trustProxy`): the service
 * is meant to run behind a proxy that sets it.
 */
function budgetOf(request: FastifyRequest): string {
  const token = bearerToken(request);
  return token === undefined
    ? `ip:${request.ip}`
    : `key:${createHash('sha256').update(token).digest('hex').slice(0, 32)}`;
}

/**
 * Rate limiting (`@fastify/rate-limit`), in Fastify's `onRequest` hook: before the body is read and before
 * authentication, so a flood is refused before it costs a database lookup. Each caller has one budget per minute
 * across all routes: `RATE_LIMIT_KEY_PER_MINUTE` per API key, `RATE_LIMIT_PUBLIC_PER_MINUTE` per client address
 * without a token. The health probes are never limited.
 *
 * A refusal is a 429 problem (`TOO_MANY_REQUESTS`) with `Retry-After` in seconds; counted responses carry
 * `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset`.
 *
 * Where the counters live (fixed one-minute windows):
 * - without `RATE_LIMIT_REDIS_URL`, in the memory of each instance: with N instances behind a load balancer a
 *   client may make up to N times the limit. The default, so the service runs with PostgreSQL alone.
 * - with `RATE_LIMIT_REDIS_URL`, in Redis, shared by every instance. While Redis is unreachable requests go
 *   through unlimited (fail open) and the outage is logged: the registry keeps serving without its limiter.
 *
 * Off with `RATE_LIMIT_ENABLED=false` (benchmarks) and, unless set, under NODE_ENV=test.
 */
export function applyRateLimit(app: NestFastifyApplication, config: AppConfig): void {
  if (!rateLimitEnabled(config)) return;
  const logger = new Logger('RateLimit');
  let redis: Redis | undefined;
  if (config.RATE_LIMIT_REDIS_URL) {
    let lastOutageLog = 0;
    redis = new Redis(config.RATE_LIMIT_REDIS_URL, {
      // Commands fail at once while the connection is down instead of queueing: a Redis outage adds no latency.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 2000,
      // Reconnects for ever, at most every 2 s, so counting resumes by itself when Redis returns.
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    });
    redis.on('error', (error: Error) => {
      if (Date.now() - lastOutageLog < 30_000) return;
      lastOutageLog = Date.now();
      logger.warn(`Redis unavailable, requests are not rate limited meanwhile: ${error.message}`);
    });
    const client = redis;
    app
      .getHttpAdapter()
      .getInstance()
      .addHook('onClose', async () => {
        client.disconnect();
        return Promise.resolve();
      });
  }

  void app.register(fastifyRateLimit, {
    global: true,
    hook: 'onRequest',
    timeWindow: MINUTE_MS,
    keyGenerator: budgetOf,
    max: (_request, budget) =>
      budget.startsWith('key:') ? config.RATE_LIMIT_KEY_PER_MINUTE : config.RATE_LIMIT_PUBLIC_PER_MINUTE,
    allowList: (request) => UNLIMITED_PATHS.test(request.url),
    ...(redis ? { redis, nameSpace: config.RATE_LIMIT_REDIS_PREFIX } : {}),
    skipOnError: true,
    errorResponseBuilder: (request, context) => {
      const retryAfter = Math.max(1, Math.ceil(context.ttl / 1000));
      const who = bearerToken(request) === undefined ? 'this client address' : 'this API key';
      return new ApiError(
        HttpStatus.TOO_MANY_REQUESTS,
        ErrorCode.TOO_MANY_REQUESTS,
        'Too many requests',
        `More than ${context.max} requests per minute from ${who}; retry in ${retryAfter} s`,
        { limit: context.max, retryAfterSeconds: retryAfter },
      );
    },
  });
}
