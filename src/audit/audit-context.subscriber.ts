import {
  type BeforeQueryEvent,
  type EntitySubscriberInterface,
  EventSubscriber,
  type QueryRunner,
  type TransactionStartEvent,
} from 'typeorm';
import { currentAuditActor } from './audit-context.js';

/** Statements that may change rows (and so fire the audit triggers); reads never need the context. */
const WRITE = /^\s*(insert|update|delete|merge|with|call)\b/i;

const SET_ACTOR =
  "SELECT set_config('app.actor_key_id', $1, $4), set_config('app.actor_role', $2, $4), set_config('app.request_id', $3, $4)";

/**
 * Hands the request's actor to PostgreSQL, where the audit triggers read it (`current_setting('app.…')`).
 *
 * - At the start of every transaction (TypeORM's implicit ones in `save()`, `dataSource.transaction()`, query
 *   runners): transaction-local settings, gone at COMMIT/ROLLBACK.
 * - Before a write outside a transaction (a raw `query('UPDATE …')` in autocommit): session settings, which
 *   live on in the pooled connection — harmless, because every later transaction and every later autocommit
 *   write on it sets them again first. Without an actor (start-up, seeding, sealing) they are set to '' so
 *   nothing stale is ever read; the triggers store '' as null.
 *
 * Registered in `buildDataSourceOptions`, so the app, the migration runner and the tests all carry it
 * (TypeORM instantiates only listed classes that also carry `@EventSubscriber()`).
 */
@EventSubscriber()
export class AuditContextSubscriber implements EntitySubscriberInterface {
  afterTransactionStart(event: TransactionStartEvent): Promise<void> {
    return applyActor(event.queryRunner, true);
  }

  beforeQuery(event: BeforeQueryEvent): Promise<void> | void {
    if (event.queryRunner.isTransactionActive || !WRITE.test(event.query)) return;
    return applyActor(event.queryRunner, false);
  }
}

async function applyActor(queryRunner: QueryRunner, local: boolean): Promise<void> {
  const actor = currentAuditActor();
  await queryRunner.query(SET_ACTOR, [actor?.actorKeyId ?? '', actor?.actorRole ?? '', actor?.requestId ?? '', local]);
}
