import { AsyncLocalStorage } from 'node:async_hooks';
import type { AfterQueryEvent, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import { MARK_COMMITTED_SQL } from './idempotency.repository.js';

/** The idempotency key the current request claimed. */
export interface IdempotencyClaim {
  principal: string;
  key: string;
}

const storage = new AsyncLocalStorage<IdempotencyClaim>();

/** Runs `work` (and everything it starts asynchronously) as the request that holds `claim`. */
export function runWithIdempotencyClaim<T>(claim: IdempotencyClaim, work: () => T): T {
  return storage.run(claim, work);
}

const WRITE = /^\s*(insert|update|delete|merge|with|call)\b/i;
const OWN_TABLE = /\bidempotency_keys\b/;

/**
 * Marks the claimed key "committed" as part of the request's own change, so that an instance dying mid-request
 * never leaves the outcome ambiguous:
 *
 * - every transaction a request with a claimed key commits sets `committed_at` on the key's row just before its
 *   COMMIT, in the same transaction: the mark exists if and only if a change of that request is in the database;
 * - a write outside any transaction (autocommit) sets it right after the write (the one case where the two are
 *   not atomic; the services write inside transactions).
 *
 * A key whose request died unmarked can be run again safely once its lock runs out; a marked one never runs
 * twice. Registered on the DataSource by `IdempotencyModule`.
 */
export class IdempotencyCommitSubscriber implements EntitySubscriberInterface {
  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const claim = storage.getStore();
    if (!claim) return;
    await event.queryRunner.query(MARK_COMMITTED_SQL, [claim.principal, claim.key]);
  }

  async afterQuery(event: AfterQueryEvent): Promise<void> {
    const claim = storage.getStore();
    if (!claim || !event.success || event.queryRunner.isTransactionActive) return;
    if (!WRITE.test(event.query) || OWN_TABLE.test(event.query)) return;
    await event.queryRunner.query(MARK_COMMITTED_SQL, [claim.principal, claim.key]);
  }
}
