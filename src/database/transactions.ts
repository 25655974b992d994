import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DataSource, type EntityManager } from 'typeorm';
import { currentAuditActor } from '../audit/audit-context.js';
import { withTransactionRetry } from '../common/database/transaction-retry.js';
import { currentIdempotencyClaim } from '../idempotency/idempotency-context.js';
import { compileTemplate, slot, type CompiledTemplate } from './compiled-template.js';
import { createDb, runTemplate, type Db } from './db.js';
import { currentTransactionManager, runWithTransactionManager } from './transaction-context.js';

export interface TransactionOptions {
  /** PostgreSQL's default, READ COMMITTED, unless a unit of work needs more (or says so explicitly). */
  isolationLevel?: 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';
  /**
   * Whether committing marks the request's `Idempotency-Key` (default true). Only the idempotency store's own
   * statements turn it off: they are the claim, not the change it protects.
   */
  markIdempotencyKey?: boolean;
}

type AuditActorSlot = 'keyId' | 'role' | 'requestId';

/** The first statement of every transaction: the actor as transaction-local settings (a named prepared statement). */
export function auditActorTemplate(db: Db): CompiledTemplate<AuditActorSlot> {
  const statement = sql`SELECT set_config('app.actor_key_id', ${slot('keyId')}, true),
                               set_config('app.actor_role', ${slot('role')}, true),
                               set_config('app.request_id', ${slot('requestId')}, true)`;
  return compileTemplate({ compile: () => statement.compile(db) }, ['keyId', 'role', 'requestId']);
}

/**
 * The one way to open a transaction. Inside `run`, every statement of every repository (through `Db`) joins the
 * ambient transaction (`transaction-context.ts`); nested `run` calls join the outer one.
 *
 * At its start the request's actor is set as transaction-local settings (`app.actor_key_id`, `app.actor_role`,
 * `app.request_id`) that the audit triggers read; just before COMMIT the request's idempotency key is marked
 * committed, so the mark exists if and only if the change does. The outermost `run` is retried as a whole on a
 * serialization failure or deadlock.
 */
@Injectable()
export class Transactions {
  /** The query builder on the ambient transaction (provided to repositories as `Db`). */
  readonly db: Db;
  private auditActor: CompiledTemplate<AuditActorSlot> | undefined;

  constructor(private readonly dataSource: DataSource) {
    this.db = createDb(dataSource, (work) => this.run(work));
  }

  /** True inside `run`. */
  get active(): boolean {
    return currentTransactionManager() !== undefined;
  }

  /** Runs `work` in the ambient transaction, opening it when none is open. */
  run<T>(work: () => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    if (this.active) return work();
    const unitOfWork = (manager: EntityManager) =>
      runWithTransactionManager(manager, async () => {
        await this.setAuditActor();
        const result = await work();
        if (options.markIdempotencyKey !== false) await this.markIdempotencyKey();
        return result;
      });
    // PostgreSQL's default level needs no SET TRANSACTION (a round trip per transaction saved).
    return withTransactionRetry(() =>
      options.isolationLevel === undefined
        ? this.dataSource.transaction(unitOfWork)
        : this.dataSource.transaction(options.isolationLevel, unitOfWork),
    );
  }

  private async setAuditActor(): Promise<void> {
    const actor = currentAuditActor();
    this.auditActor ??= auditActorTemplate(this.db);
    await runTemplate(this.db, this.auditActor, {
      keyId: actor?.actorKeyId ?? '',
      role: actor?.actorRole ?? '',
      requestId: actor?.requestId ?? '',
    });
  }

  private async markIdempotencyKey(): Promise<void> {
    const claim = currentIdempotencyClaim();
    if (!claim) return;
    await this.db
      .updateTable('idempotency_keys')
      .set({ committed_at: sql`now()` })
      .where('principal', '=', claim.principal)
      .where('idempotency_key', '=', claim.key)
      .execute();
  }
}
