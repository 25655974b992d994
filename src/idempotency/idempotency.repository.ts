import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { IdempotencyState } from './idempotency-key.entity.js';

/** What a request learns about its key when it could not claim it. */
export interface IdempotencyRecord {
  requestHash: string;
  state: IdempotencyState;
  committed: boolean;
  lockExpired: boolean;
  responseStatus: number | null;
  responseBody: string | null;
  responseHeaders: Record<string, string> | null;
}

export interface ClaimRequest {
  principal: string;
  key: string;
  requestHash: string;
  method: string;
  path: string;
  lockMs: number;
  ttlHours: number;
}

/**
 * Every statement on `idempotency_keys`. Each one runs on its own (autocommit), so the claim is visible to every
 * instance at once; the mark of a committed change is the exception, run by `IdempotencyCommitSubscriber` inside
 * the request's own transaction.
 */
@Injectable()
export class IdempotencyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Claims the key for this request: a new key, an expired one, or one whose first request was abandoned (its
   * lock ran out and none of its transactions committed) and that names the same request. True when claimed.
   */
  async claim(request: ClaimRequest): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_keys AS k (principal, idempotency_key, request_hash, method, path, state, locked_until, expires_at)
       VALUES ($1, $2, $3, $4, $5, 'PROCESSING', now() + make_interval(secs => $6::double precision / 1000),
               now() + make_interval(hours => $7::integer))
       ON CONFLICT ON CONSTRAINT pk_idempotency_keys DO UPDATE
         SET request_hash = EXCLUDED.request_hash, method = EXCLUDED.method, path = EXCLUDED.path, state = 'PROCESSING',
             locked_until = EXCLUDED.locked_until, expires_at = EXCLUDED.expires_at, created_at = now(),
             committed_at = NULL, response_status = NULL, response_body = NULL, response_headers = NULL
         WHERE k.expires_at <= now()
            OR (k.state = 'PROCESSING' AND k.locked_until <= now() AND k.committed_at IS NULL
                AND k.request_hash = EXCLUDED.request_hash)
       RETURNING 1`,
      [
        request.principal,
        request.key,
        request.requestHash,
        request.method,
        request.path,
        request.lockMs,
        request.ttlHours,
      ],
    );
    return rows.length === 1;
  }

  async find(principal: string, key: string): Promise<IdempotencyRecord | undefined> {
    const rows: {
      request_hash: string;
      state: IdempotencyState;
      committed: boolean;
      lock_expired: boolean;
      response_status: number | null;
      response_body: string | null;
      response_headers: Record<string, string> | null;
    }[] = await this.dataSource.query(
      `SELECT request_hash, state, committed_at IS NOT NULL AS committed, locked_until <= now() AS lock_expired,
              response_status, response_body, response_headers
         FROM idempotency_keys
        WHERE principal = $1 AND idempotency_key = $2 AND expires_at > now()`,
      [principal, key],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      requestHash: row.request_hash,
      state: row.state,
      committed: row.committed,
      lockExpired: row.lock_expired,
      responseStatus: row.response_status,
      responseBody: row.response_body,
      responseHeaders: row.response_headers,
    };
  }

  /** Records the response of the claimed request: from now on every retry gets it. */
  async complete(
    principal: string,
    key: string,
    status: number,
    body: string,
    headers: Record<string, string>,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys
          SET state = 'COMPLETED', response_status = $3, response_body = $4, response_headers = $5
        WHERE principal = $1 AND idempotency_key = $2 AND state = 'PROCESSING'`,
      [principal, key, status, body, JSON.stringify(headers)],
    );
  }

  /** Gives the key back after a failure that changed nothing, so a retry runs the request. False if it committed. */
  async release(principal: string, key: string): Promise<boolean> {
    // TypeORM answers an UPDATE or DELETE with [rows, affected].
    const [, deleted]: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM idempotency_keys
        WHERE principal = $1 AND idempotency_key = $2 AND state = 'PROCESSING' AND committed_at IS NULL`,
      [principal, key],
    );
    return deleted === 1;
  }

  /** Deletes expired keys, at most `limit` at a time; returns how many. */
  async deleteExpired(limit: number): Promise<number> {
    const [, deleted]: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM idempotency_keys
        WHERE ctid = ANY (ARRAY(SELECT ctid FROM idempotency_keys WHERE expires_at <= now() LIMIT $1))`,
      [limit],
    );
    return deleted;
  }
}

/** Run inside the request's transaction just before COMMIT: its changes and this mark commit together. */
export const MARK_COMMITTED_SQL = `UPDATE idempotency_keys SET committed_at = now() WHERE principal = $1 AND idempotency_key = $2`;
