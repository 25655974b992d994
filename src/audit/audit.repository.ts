import { Injectable } from '@nestjs/common';
import { expressionBuilder, sql } from 'kysely';
import { Db } from '../database/db.js';
import type { AuditEvents, DB } from '../database/schema.js';
import type { StoredChainedEvent } from './audit-chain.js';

export interface AuditEventFilter {
  entityType?: string;
  entityId?: string;
  actorKeyId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  /** Keyset: events with a smaller id than this one (pages go newest first). */
  beforeId?: string | null;
  limit: number;
}

/** A stored event with its chain fields in their hashed text form and the row snapshots as JSON. */
export interface AuditEventRow extends StoredChainedEvent {
  beforeJson: Record<string, unknown> | null;
  afterJson: Record<string, unknown> | null;
}

export interface ChainHead {
  seq: string;
  hash: string;
}

export interface Seal {
  id: string;
  seq: string;
  hash: string;
  prevHash: string;
}

/**
 * The select list that yields a `StoredChainedEvent` from `audit_events e`: every field in the exact text PostgreSQL
 * gives for it (`at` in UTC with microseconds, the snapshots as jsonb's canonical text). Shared by the sealer and the
 * verifier: both must read the fields through the same text conversions, or they would hash different bytes.
 */
function chainColumns(eb = expressionBuilder<DB & { e: AuditEvents }, 'e'>()) {
  return [
    eb.cast<string>('e.id', 'text').as('id'),
    eb.cast<string | null>('e.seq', 'text').as('seq'),
    eb
      .fn<string>('to_char', [sql`${eb.ref('e.at')} AT TIME ZONE 'UTC'`, sql.lit('YYYY-MM-DD"T"HH24:MI:SS.US"Z"')])
      .as('at'),
    eb.cast<string | null>('e.actor_key_id', 'text').as('actorKeyId'),
    'e.actor_role as actorRole',
    'e.action as action',
    'e.entity_type as entityType',
    'e.entity_id as entityId',
    'e.request_id as requestId',
    'e.db_user as dbUser',
    eb.cast<string | null>('e.before', 'text').as('before'),
    eb.cast<string | null>('e.after', 'text').as('after'),
    'e.hash as hash',
    'e.prev_hash as prevHash',
  ] as const;
}

/** Namespace key of the sealer's advisory lock: one instance seals at a time. */
const SEALER_LOCK = 'audit_events:sealer';

/** Every query on `audit_events` and `audit_chain_head`. Rows get there only through the audit triggers. */
@Injectable()
export class AuditRepository {
  constructor(private readonly db: Db) {}

  private selectEvents() {
    return this.db.selectFrom('audit_events as e').select(chainColumns());
  }

  /** Newest first, keyset on id; every filter is one indexed predicate. */
  async list(filter: AuditEventFilter): Promise<AuditEventRow[]> {
    let query = this.selectEvents().select([
      (eb) => eb.ref('e.before').$castTo<Record<string, unknown> | null>().as('beforeJson'),
      (eb) => eb.ref('e.after').$castTo<Record<string, unknown> | null>().as('afterJson'),
    ]);
    if (filter.entityType !== undefined) query = query.where('e.entity_type', '=', filter.entityType);
    if (filter.entityId !== undefined) query = query.where('e.entity_id', '=', filter.entityId);
    if (filter.actorKeyId !== undefined) query = query.where('e.actor_key_id', '=', filter.actorKeyId);
    if (filter.action !== undefined) query = query.where('e.action', '=', filter.action);
    if (filter.from !== undefined) query = query.where('e.at', '>=', filter.from);
    if (filter.to !== undefined) query = query.where('e.at', '<', filter.to);
    if (filter.beforeId) query = query.where('e.id', '<', sql<string>`${filter.beforeId}::bigint`);
    return query.orderBy('e.id', 'desc').limit(filter.limit).execute();
  }

  /** Sealed events with `afterSeq < seq <= uptoSeq` (no upper bound when null), ascending. */
  sealedPage(afterSeq: string, uptoSeq: string | null, limit: number): Promise<StoredChainedEvent[]> {
    let query = this.selectEvents().where('e.seq', '>', sql<string>`${afterSeq}::bigint`);
    if (uptoSeq !== null) query = query.where('e.seq', '<=', sql<string>`${uptoSeq}::bigint`);
    return query.orderBy('e.seq').limit(limit).execute();
  }

  async countUnsealed(): Promise<number> {
    const row = await this.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('seq', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async head(): Promise<ChainHead | null> {
    const row = await this.db
      .selectFrom('audit_chain_head')
      .select((eb) => [eb.cast<string>('seq', 'text').as('seq'), 'hash'])
      .where('id', '=', 1)
      .executeTakeFirst();
    return row ?? null;
  }

  // --- sealing: only inside the sealer's transaction, under its advisory lock -------------------------------------

  /** Takes the sealer's lock for the current transaction: waits for it, or gives up at once when `wait` is false. */
  async lockSealer(wait: boolean): Promise<boolean> {
    if (wait) {
      await sql`SELECT pg_advisory_xact_lock(hashtextextended(${SEALER_LOCK}, 0))`.execute(this.db);
      return true;
    }
    const result = await sql<{
      locked: boolean;
    }>`SELECT pg_try_advisory_xact_lock(hashtextextended(${SEALER_LOCK}, 0)) AS locked`.execute(this.db);
    return result.rows[0].locked;
  }

  /** How long a statement of the current transaction waits for a lock before it fails (55P03). */
  async setLockTimeout(ms: number): Promise<void> {
    await sql`SELECT set_config('lock_timeout', ${`${ms}ms`}, true)`.execute(this.db);
  }

  /** The oldest committed events not yet in the chain, in id order. */
  unsealed(limit: number): Promise<StoredChainedEvent[]> {
    return this.selectEvents().where('e.seq', 'is', null).orderBy('e.id').limit(limit).execute();
  }

  /** Writes the seals of one batch and moves the head; fails (rolling the batch back) if any event was sealed meanwhile. */
  async seal(seals: Seal[]): Promise<void> {
    if (seals.length === 0) return;
    const result = await this.db
      .updateTable('audit_events as e')
      .from(
        sql<{
          id: string;
          seq: string;
          hash: string;
          prev_hash: string;
        }>`unnest(${seals.map((s) => s.id)}::bigint[], ${seals.map((s) => s.seq)}::bigint[], ${seals.map((s) => s.hash)}::text[], ${seals.map((s) => s.prevHash)}::text[])`.as(
          sql`s(id, seq, hash, prev_hash)`,
        ),
      )
      .set((eb) => ({ seq: eb.ref('s.seq'), hash: eb.ref('s.hash'), prev_hash: eb.ref('s.prev_hash') }))
      .whereRef('e.id', '=', 's.id')
      .where('e.seq', 'is', null)
      .executeTakeFirst();
    const sealed = Number(result.numUpdatedRows);
    if (sealed !== seals.length)
      throw new Error(`sealed ${sealed} audit events of ${seals.length}: another sealer interfered`);
    const last = seals[seals.length - 1];
    await this.db
      .insertInto('audit_chain_head')
      .values({ id: 1, seq: last.seq, hash: last.hash, sealed_at: sql`now()` })
      .onConflict((conflict) =>
        conflict.constraint('pk_audit_chain_head').doUpdateSet((eb) => ({
          seq: eb.ref('excluded.seq'),
          hash: eb.ref('excluded.hash'),
          sealed_at: eb.ref('excluded.sealed_at'),
        })),
      )
      .execute();
  }
}
