import { msg } from '../../i18n/index.js';
import { createHash } from 'node:crypto';
import { HttpStatus, Logger } from '@nestjs/common';
import fastifyRateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import type { AppConfig } from '../../config/app-config.js';
import { sendProblem, toProblem } from '../errors/problem-details.filter.js';
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
 * else its client address's (`ip:<address>`). `request.ip` is the peer's address, or the one a trusted proxy
 * (TRUST_PROXY) puts in `X-Forwarded-For`.
 */
function budgetOf(request: FastifyRequest): string {
  const token = bearerToken(request);
  return token === undefined
    ? `ip:${request.ip}`
    : `key:${createHash('sha256').update(token).digest('hex').slice(0, 32)}`;
}

/** Failed authentications per client address in fixed one-minute windows. */
interface FailureCounter {
  /** Failures counted for `address` in its current window, and the milliseconds until that window ends. */
  read(address: string): Promise<{ count: number; resetInMs: number }>;
  add(address: string): Promise<void>;
}

/** Counts in the memory of this instance. */
function memoryFailureCounter(): FailureCounter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  return {
    read(address) {
      const window = windows.get(address);
      const now = Date.now();
      return Promise.resolve(
        window && window.resetAt > now
          ? { count: window.count, resetInMs: window.resetAt - now }
          : { count: 0, resetInMs: 0 },
      );
    },
    add(address) {
      const now = Date.now();
      if (windows.size >= 100_000) for (const [key, w] of windows) if (w.resetAt <= now) windows.delete(key);
      const window = windows.get(address);
      if (window && window.resetAt > now) window.count += 1;
      else windows.set(address, { count: 1, resetAt: now + MINUTE_MS });
      return Promise.resolve();
    },
  };
}

/** Counts in Redis, shared by every instance; while Redis is unreachable nothing is counted (fail open). */
function redisFailureCounter(redis: Redis, prefix: string): FailureCounter {
  const keyOf = (address: string) => `${prefix}auth-failures:${address}`;
  return {
    async read(address) {
      const replies = await redis
        .multi()
        .get(keyOf(address))
        .pttl(keyOf(address))
        .exec()
        .catch(() => null);
      const count = Number(replies?.[0]?.[1] ?? 0);
      const ttl = Number(replies?.[1]?.[1] ?? 0);
      return { count: Number.isFinite(count) ? count : 0, resetInMs: ttl > 0 ? ttl : 0 };
    },
    async add(address) {
      // The window starts with the first failure; INCR keeps the expiry SET gave the key.
      await redis
        .multi()
        .set(keyOf(address), '0', 'PX', MINUTE_MS, 'NX')
        .incr(keyOf(address))
        .exec()
        .catch(() => null);
    },
  };
}

function tooManyRequests(request: FastifyRequest, reply: FastifyReply, error: ApiError, retryAfter: number): void {
  reply.header('retry-after', String(retryAfter));
  sendProblem(reply, toProblem(error, request.url, request.id));
}

/**
 * A budget of failed authentications per client address (RATE_LIMIT_AUTH_FAILURES_PER_MINUTE): a 401 to a request
 * that sent an `Authorization` header counts against its address (`onSend`, before the 401 is sent); once the
 * address has used its budget, every request from it that carries a token is refused with 429 before the token is
 * looked up, until the minute is over. Without it each made-up token would get a fresh per-key budget, so tokens
 * could be guessed at any rate. Requests in flight together may each still fail once before the refusals start.
 */
function limitFailedAuthentications(app: NestFastifyApplication, config: AppConfig, counter: FailureCounter): void {
  const fastify = app.getHttpAdapter().getInstance();
  const max = config.RATE_LIMIT_AUTH_FAILURES_PER_MINUTE;
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.headers.authorization === undefined || UNLIMITED_PATHS.test(request.url)) return;
    const { count, resetInMs } = await counter.read(request.ip);
    if (count < max) return;
    const retryAfter = Math.max(1, Math.ceil(resetInMs / 1000));
    const error = new ApiError(
      HttpStatus.TOO_MANY_REQUESTS,
      ErrorCode.TOO_MANY_REQUESTS,
      'Too many requests',
      msg('rate.auth', { max, seconds: retryAfter }),
      { limit: max, retryAfterSeconds: retryAfter },
    );
    tooManyRequests(request, reply, error, retryAfter);
    return reply;
  });
  // Counted before the 401 goes out, so the caller's next request already sees it (on any instance, with Redis).
  fastify.addHook('onSend', async (request, reply) => {
    if (reply.statusCode === 401 && request.headers.authorization !== undefined) await counter.add(request.ip);
  });
}

/**
 * Rate limiting (`@fastify/rate-limit`), in Fastify's `onRequest` hook: before the body is read and before
 * authentication, so a flood is refused before it costs a database lookup. Each caller has one budget per minute
 * across all routes: `RATE_LIMIT_KEY_PER_MINUTE` per API key, `RATE_LIMIT_PUBLIC_PER_MINUTE` per client address
 * without a token, and `RATE_LIMIT_AUTH_FAILURES_PER_MINUTE` failed authentications per client address
 * (`limitFailedAuthentications`). The health probes are never limited.
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
 *
 * The plugin hooks each route as it is registered (`onRoute`), so it must be loaded before the first route: the
 * registration is awaited, and `configureApp` runs before the application initialises its routes.
 */
export async function applyRateLimit(app: NestFastifyApplication, config: AppConfig): Promise<void> {
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
      lazyConnect: true,
    });
    redis.on('error', (error: Error) => {
      if (Date.now() - lastOutageLog < 30_000) return;
      lastOutageLog = Date.now();
      logger.warn(`Redis unavailable, requests are not rate limited meanwhile: ${error.message}`);
    });
    // Counting starts with the first request: the routes open once Redis answers (or its connect timeout passed;
    // it then keeps reconnecting while requests go through uncounted).
    await redis.connect().catch(() => undefined);
    const client = redis;
    app
      .getHttpAdapter()
      .getInstance()
      .addHook('onClose', async () => {
        client.disconnect();
        return Promise.resolve();
      });
  }

  limitFailedAuthentications(
    app,
    config,
    redis ? redisFailureCounter(redis, config.RATE_LIMIT_REDIS_PREFIX) : memoryFailureCounter(),
  );

  await app.register(fastifyRateLimit, {
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
      const who = bearerToken(request) === undefined ? msg('rate.who.address') : msg('rate.who.key');
      return new ApiError(
        HttpStatus.TOO_MANY_REQUESTS,
        ErrorCode.TOO_MANY_REQUESTS,
        msg('problem.title.429'),
        msg('rate.requests', { max: context.max, who, seconds: retryAfter }),
        { limit: context.max, retryAfterSeconds: retryAfter },
      );
    },
  });
}
