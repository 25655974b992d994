import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { Db } from '../database/db.js';
import { Transactions } from '../database/transactions.js';

/** A key's row: claimed and running, or done with its response stored. */
export type IdempotencyState = 'PROCESSING' | 'COMPLETED';

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
 * Every statement on `idempotency_keys`. Each one commits on its own, so the claim is visible to every instance at
 * once; the mark of a committed change is the exception, made by `Transactions.run` inside the request's own
 * transaction.
 */
@Injectable()
export class IdempotencyRepository {
  constructor(
    private readonly db: Db,
    private readonly transactions: Transactions,
  ) {}

  /** A statement of the store itself: never marks the request's key (it is the claim, not the change). */
  private own<T>(work: () => Promise<T>): Promise<T> {
    return this.transactions.run(work, { markIdempotencyKey: false });
  }

  /**
   * Claims the key for this request: a new key, an expired one, or one whose first request was abandoned (its
   * lock ran out and none of its transactions committed) and that names the same request. True when claimed.
   */
  async claim(request: ClaimRequest): Promise<boolean> {
    const lockedUntil = sql<Date>`now() + make_interval(secs => ${request.lockMs}::double precision / 1000)`;
    const expiresAt = sql<Date>`now() + make_interval(hours => ${request.ttlHours}::integer)`;
    const rows = await this.own(() =>
      this.db
        .insertInto('idempotency_keys')
        .values({
          principal: request.principal,
          idempotency_key: request.key,
          request_hash: request.requestHash,
          method: request.method,
          path: request.path,
          state: 'PROCESSING',
          locked_until: lockedUntil,
          expires_at: expiresAt,
        })
        .onConflict((conflict) =>
          conflict
            .constraint('pk_idempotency_keys')
            .doUpdateSet((eb) => ({
              request_hash: eb.ref('excluded.request_hash'),
              method: eb.ref('excluded.method'),
              path: eb.ref('excluded.path'),
              state: 'PROCESSING',
              locked_until: eb.ref('excluded.locked_until'),
              expires_at: eb.ref('excluded.expires_at'),
              created_at: sql`now()`,
              committed_at: null,
              response_status: null,
              response_body: null,
              response_headers: null,
            }))
            .where((eb) =>
              eb.or([
                eb('idempotency_keys.expires_at', '<=', sql<Date>`now()`),
                eb.and([
                  eb('idempotency_keys.state', '=', 'PROCESSING'),
                  eb('idempotency_keys.locked_until', '<=', sql<Date>`now()`),
                  eb('idempotency_keys.committed_at', 'is', null),
                  eb('idempotency_keys.request_hash', '=', eb.ref('excluded.request_hash')),
                ]),
              ]),
            ),
        )
        .returning(sql<number>`1`.as('claimed'))
        .execute(),
    );
    return rows.length === 1;
  }

  async find(principal: string, key: string): Promise<IdempotencyRecord | undefined> {
    const row = await this.db
      .selectFrom('idempotency_keys')
      .select((eb) => [
        'request_hash',
        'state',
        eb('committed_at', 'is not', null).$castTo<boolean>().as('committed'),
        eb('locked_until', '<=', sql<Date>`now()`)
          .$castTo<boolean>()
          .as('lock_expired'),
        'response_status',
        'response_body',
        'response_headers',
      ])
      .where('principal', '=', principal)
      .where('idempotency_key', '=', key)
      .where('expires_at', '>', sql<Date>`now()`)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      requestHash: row.request_hash,
      state: row.state as IdempotencyState,
      committed: row.committed,
      lockExpired: row.lock_expired,
      responseStatus: row.response_status,
      responseBody: row.response_body,
      responseHeaders: row.response_headers as Record<string, string> | null,
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
    await this.own(() =>
      this.db
        .updateTable('idempotency_keys')
        .set({
          state: 'COMPLETED',
          response_status: status,
          response_body: body,
          response_headers: JSON.stringify(headers),
        })
        .where('principal', '=', principal)
        .where('idempotency_key', '=', key)
        .where('state', '=', 'PROCESSING')
        .execute(),
    );
  }

  /** Gives the key back after a failure that changed nothing, so a retry runs the request. False if it committed. */
  async release(principal: string, key: string): Promise<boolean> {
    const result = await this.own(() =>
      this.db
        .deleteFrom('idempotency_keys')
        .where('principal', '=', principal)
        .where('idempotency_key', '=', key)
        .where('state', '=', 'PROCESSING')
        .where('committed_at', 'is', null)
        .executeTakeFirst(),
    );
    return result.numDeletedRows === 1n;
  }

  /** Deletes expired keys, at most `limit` at a time; returns how many. */
  async deleteExpired(limit: number): Promise<number> {
    const result = await this.own(() =>
      this.db
        .deleteFrom('idempotency_keys')
        .where(
          sql<boolean>`ctid = ANY (ARRAY(${this.db
            .selectFrom('idempotency_keys')
            .select(sql<string>`ctid`.as('ctid'))
            .where('expires_at', '<=', sql<Date>`now()`)
            .limit(limit)}))`,
        )
        .executeTakeFirst(),
    );
    return Number(result.numDeletedRows);
  }
}
