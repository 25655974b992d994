import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SqlConditions } from '../common/database/sql.js';
import { CHAIN_COLUMNS, type StoredChainedEvent } from './audit-chain.js';

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

/** Every query on `audit_events` and `audit_chain_head`. Rows get there only through the audit triggers. */
@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** Newest first, keyset on id; every filter is one indexed predicate. */
  async list(filter: AuditEventFilter): Promise<AuditEventRow[]> {
    const where = new SqlConditions();
    if (filter.entityType !== undefined) where.add(`e.entity_type = ${where.param(filter.entityType)}`);
    if (filter.entityId !== undefined) where.add(`e.entity_id = ${where.param(filter.entityId)}`);
    if (filter.actorKeyId !== undefined) where.add(`e.actor_key_id = ${where.param(filter.actorKeyId)}`);
    if (filter.action !== undefined) where.add(`e.action = ${where.param(filter.action)}`);
    if (filter.from !== undefined) where.add(`e.at >= ${where.param(filter.from)}`);
    if (filter.to !== undefined) where.add(`e.at < ${where.param(filter.to)}`);
    if (filter.beforeId) where.add(`e.id < ${where.param(filter.beforeId)}::bigint`);
    const limit = where.param(filter.limit);
    return this.dataSource.query<AuditEventRow[]>(
      `SELECT ${CHAIN_COLUMNS}, e.before AS "beforeJson", e.after AS "afterJson"
         FROM audit_events e
        ${where.where()}
        ORDER BY e.id DESC
        LIMIT ${limit}`,
      where.params,
    );
  }

  /** Sealed events with `afterSeq < seq <= uptoSeq` (no upper bound when null), ascending. */
  sealedPage(afterSeq: string, uptoSeq: string | null, limit: number): Promise<StoredChainedEvent[]> {
    return this.dataSource.query<StoredChainedEvent[]>(
      `SELECT ${CHAIN_COLUMNS} FROM audit_events e
        WHERE e.seq > $1::bigint AND ($2::bigint IS NULL OR e.seq <= $2::bigint)
        ORDER BY e.seq
        LIMIT $3`,
      [afterSeq, uptoSeq, limit],
    );
  }

  async countUnsealed(): Promise<number> {
    const [row] = await this.dataSource.query<{ count: string }[]>(
      `SELECT count(*) AS count FROM audit_events WHERE seq IS NULL`,
    );
    return Number(row.count);
  }

  async head(manager?: EntityManager): Promise<ChainHead | null> {
    const rows = await this.m(manager).query<ChainHead[]>(
      `SELECT seq::text AS seq, hash FROM audit_chain_head WHERE id = 1`,
    );
    return rows[0] ?? null;
  }

  // --- sealing: only inside the sealer's transaction, under its advisory lock -------------------------------------

  /** Takes the sealer's lock for the current transaction: waits for it, or gives up at once when `wait` is false. */
  async lockSealer(manager: EntityManager, wait: boolean): Promise<boolean> {
    if (wait) {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('audit_events:sealer', 0))`);
      return true;
    }
    const [row] = await manager.query<{ locked: boolean }[]>(
      `SELECT pg_try_advisory_xact_lock(hashtextextended('audit_events:sealer', 0)) AS locked`,
    );
    return row.locked;
  }

  /** The oldest committed events not yet in the chain, in id order. */
  unsealed(manager: EntityManager, limit: number): Promise<StoredChainedEvent[]> {
    return manager.query<StoredChainedEvent[]>(
      `SELECT ${CHAIN_COLUMNS} FROM audit_events e WHERE e.seq IS NULL ORDER BY e.id LIMIT $1`,
      [limit],
    );
  }

  /** Writes the seals of one batch and moves the head; fails (rolling the batch back) if any event was sealed meanwhile. */
  async seal(manager: EntityManager, seals: Seal[]): Promise<void> {
    if (seals.length === 0) return;
    const result = await manager.query<[unknown[], number]>(
      `UPDATE audit_events e SET seq = s.seq, hash = s.hash, prev_hash = s.prev_hash
         FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS s(id, seq, hash, prev_hash)
        WHERE e.id = s.id AND e.seq IS NULL`,
      [seals.map((s) => s.id), seals.map((s) => s.seq), seals.map((s) => s.hash), seals.map((s) => s.prevHash)],
    );
    if (result[1] !== seals.length)
      throw new Error(`sealed ${result[1]} audit events of ${seals.length}: another sealer interfered`);
    const last = seals[seals.length - 1];
    await manager.query(
      `INSERT INTO audit_chain_head (id, seq, hash, sealed_at) VALUES (1, $1, $2, now())
       ON CONFLICT ON CONSTRAINT pk_audit_chain_head DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash, sealed_at = EXCLUDED.sealed_at`,
      [last.seq, last.hash],
    );
  }
}
