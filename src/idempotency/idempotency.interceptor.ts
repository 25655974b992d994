import { msg } from '../i18n/index.js';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  type CallHandler,
  type ExecutionContext,
  HttpStatus,
  Injectable,
  Logger,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, Observable, of } from 'rxjs';
import type { Principal } from '../auth/principal.js';
import { toProblem } from '../common/errors/problem-details.filter.js';
import { ApiError } from '../common/errors/problem.js';
import { AppConfig } from '../config/app-config.js';
import { runWithIdempotencyClaim } from './idempotency-context.js';
import { IdempotencyRepository, type IdempotencyRecord } from './idempotency.repository.js';
import { isValidIdempotencyKey, requestFingerprint } from './request-fingerprint.js';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';

/**
 * How long the instance that claimed a key is presumed alive and working on it. Past it, a retry may run the
 * request again — only if none of the first attempt's transactions committed. Well above any request's run time
 * (statements are cancelled after DATABASE_STATEMENT_TIMEOUT_MS).
 */
export const IDEMPOTENCY_LOCK_MS = 120_000;

/** How long a retry waits for a concurrent first request with the same key before answering 409. */
export const IDEMPOTENCY_WAIT_MS = 5_000;

/** Response headers a replay repeats. */
const REPLAYED_HEADERS = ['location', 'content-type'];

type Decision = { kind: 'run' } | { kind: 'replay'; record: IdempotencyRecord };

/**
 * `Idempotency-Key` on POST requests (every POST; the ones that create are what it is for: nominations, imports,
 * decisions, API keys). The first request with a key claims it in PostgreSQL (so every instance sees the claim),
 * runs, and stores its response; a retry with the same key:
 *
 * - same request (method, path, body) and the first one finished → the first response again, status and body,
 *   with `Idempotent-Replayed: true`; nothing runs;
 * - same request still running (on any instance) → waits up to 5 s for it, then 409 `IDEMPOTENCY_IN_PROGRESS`
 *   with `Retry-After`;
 * - another request → 422 `IDEMPOTENCY_KEY_REUSED`.
 *
 * A first request that fails changed nothing, so its key is given back and a retry runs anew. Keys are scoped per
 * API key (the bootstrap token has its own scope; callers without a token are not tracked) and forgotten after
 * `IDEMPOTENCY_TTL_HOURS`. The claim is written before the request runs, its response right after; the request's
 * own transactions mark the key at COMMIT (`IdempotencyCommitSubscriber`), so a crash between the commit and the
 * stored response cannot lead to a second run: such a key answers 409 `IDEMPOTENCY_OUTCOME_UNKNOWN`.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');

  constructor(
    private readonly keys: IdempotencyRepository,
    private readonly config: AppConfig,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers[IDEMPOTENCY_KEY_HEADER];
    if (request.method !== 'POST' || header === undefined) return next.handle();
    if (!isValidIdempotencyKey(header)) {
      throw ApiError.badRequest('Idempotency-Key', msg('idempotency.malformed'));
    }
    const principal = scopeOf(request.principal);
    if (!principal) return next.handle();

    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const claim = { principal, key: header };
    const requestHash = requestFingerprint({
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: request.body,
    });
    const decision = await this.decide({ ...claim, requestHash, method: request.method, path: request.url }, reply);
    if (decision.kind === 'replay') return of(this.replay(reply, decision.record));

    return new Observable((subscriber) =>
      runWithIdempotencyClaim(claim, () => from(this.runClaimed(claim, reply, next)).subscribe(subscriber)),
    );
  }

  /** Runs the request that holds the key, then stores its response (or gives the key back if it failed). */
  private async runClaimed(
    claim: { principal: string; key: string },
    reply: FastifyReply,
    next: CallHandler,
  ): Promise<unknown> {
    let body: unknown;
    try {
      body = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (error) {
      await this.settleFailure(claim, reply, error);
      throw error;
    }
    try {
      const headers = pickHeaders(reply);
      const text = body === undefined ? '' : JSON.stringify(body);
      await this.keys.complete(claim.principal, claim.key, reply.statusCode, text, headers);
    } catch (error) {
      // The change is made and marked committed: retries answer IDEMPOTENCY_OUTCOME_UNKNOWN rather than run again.
      this.logger.error({ err: error, key: claim.key }, 'could not store the response of an idempotent request');
    }
    return body;
  }

  /** A failed first request: give the key back, unless one of its transactions committed (then keep its answer). */
  private async settleFailure(
    claim: { principal: string; key: string },
    reply: FastifyReply,
    error: unknown,
  ): Promise<void> {
    try {
      if (await this.keys.release(claim.principal, claim.key)) return;
      const problem = toProblem(error, undefined, undefined);
      await this.keys.complete(claim.principal, claim.key, problem.status, JSON.stringify(problem), {
        'content-type': 'application/problem+json; charset=utf-8',
      });
    } catch (storeError) {
      this.logger.warn(
        { err: storeError, key: claim.key, status: reply.statusCode },
        'could not settle a failed idempotent request',
      );
    }
  }

  private async decide(
    claim: {
      principal: string;
      key: string;
      requestHash: string;
      method: string;
      path: string;
    },
    reply: FastifyReply,
  ): Promise<Decision> {
    const deadline = Date.now() + IDEMPOTENCY_WAIT_MS;
    for (let poll = 0; ; poll++) {
      const claimed = await this.keys.claim({
        ...claim,
        lockMs: IDEMPOTENCY_LOCK_MS,
        ttlHours: this.config.IDEMPOTENCY_TTL_HOURS,
      });
      if (claimed) return { kind: 'run' };
      const record = await this.keys.find(claim.principal, claim.key);
      if (!record) continue; // released or expired in between: claim again
      if (record.requestHash !== claim.requestHash) {
        throw new ApiError(
          HttpStatus.UNPROCESSABLE_ENTITY,
          'IDEMPOTENCY_KEY_REUSED',
          'A rule forbids this',
          msg('idempotency.reused'),
        );
      }
      if (record.state === 'COMPLETED') return { kind: 'replay', record };
      if (record.committed && record.lockExpired) {
        throw new ApiError(HttpStatus.CONFLICT, 'IDEMPOTENCY_OUTCOME_UNKNOWN', 'Conflict', msg('idempotency.unknown'));
      }
      if (Date.now() >= deadline) {
        void reply.header('retry-after', '1');
        throw new ApiError(HttpStatus.CONFLICT, 'IDEMPOTENCY_IN_PROGRESS', 'Conflict', msg('idempotency.inProgress'), {
          retryAfterSeconds: 1,
        });
      }
      await sleep(Math.min(50 * 2 ** poll, 500));
    }
  }

  private replay(reply: FastifyReply, record: IdempotencyRecord): unknown {
    void reply.status(record.responseStatus ?? HttpStatus.OK);
    for (const [name, value] of Object.entries(record.responseHeaders ?? {})) void reply.header(name, value);
    void reply.header(REPLAYED_HEADER, 'true');
    const body = record.responseBody ?? '';
    return body === '' ? undefined : JSON.parse(body);
  }
}

/** The scope of a caller's keys, or undefined for callers without a token (their keys are not tracked). */
function scopeOf(principal: Principal | undefined): string | undefined {
  if (!principal) return undefined;
  if (principal.kind === 'key' && principal.keyId) return `key:${principal.keyId}`;
  if (principal.kind === 'bootstrap') return 'bootstrap';
  return undefined;
}

function pickHeaders(reply: FastifyReply): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = reply.getHeader(name);
    if (typeof value === 'string') headers[name] = value;
  }
  return headers;
}
