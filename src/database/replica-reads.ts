import { E_TIMEOUT, Semaphore, withTimeout, type SemaphoreInterface } from 'async-mutex';
import { createHash } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { databaseUnavailable, isConnectionError } from '../common/errors/database-errors.js';
import {
  type Compilable,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
} from 'kysely';
import type { PoolClient } from 'pg';
import { type DataSource, QueryFailedError } from 'typeorm';
import type { DB } from './schema.js';
import { currentTransactionManager } from './transaction-context.js';

/** How long a replica that failed is left alone before reads try it again. */
export const REPLICA_RETRY_AFTER_MS = 5000;

const logger = new Logger('ReadReplicas');
let replicaDownUntil = 0;

/**
 * What TypeORM's PostgreSQL driver offers for a raw pooled `pg` client: a replica's when there is one. These are
 * internals of TypeORM's `PostgresDriver`, not its public API, used here and nowhere else;
 * `test/repository/replica-reads.repo-spec.ts` fails when an upgrade changes them.
 */
export interface PooledConnectionSource {
  obtainMasterConnection(): Promise<[PoolClient, (error?: Error | boolean) => void]>;
  obtainSlaveConnection(): Promise<[PoolClient, (error?: Error | boolean) => void]>;
}

/**
 * A raw `pg` client from TypeORM's pool: the primary's, or a read replica's (`slave`; the primary's when none is
 * configured). The caller releases it exactly once, with an error when the connection must not be reused.
 */
export function obtainPooledClient(
  dataSource: DataSource,
  mode: 'master' | 'slave',
): Promise<[PoolClient, (error?: Error | boolean) => void]> {
  const driver = dataSource.driver as unknown as PooledConnectionSource;
  return mode === 'slave' ? driver.obtainSlaveConnection() : driver.obtainMasterConnection();
}

/** How a register read is sent. */
export interface RegisterReadOptions {
  /**
   * Send it as a named prepared statement: each pooled connection parses and plans the statement once, then
   * PostgreSQL reuses the plan (its generic plan, once five custom plans showed it is no worse). For the hot reads
   * of the register planning costs as much as executing. Only for statements whose plan does not hinge on a value
   * (no `LIKE` patterns): a generic plan cannot see the pattern.
   */
  prepared?: boolean;
}

/** Statement names by SQL text; texts come from a bounded set of query shapes, the cap is a safety net. */
const statementNames = new Map<string, string>();
export const MAX_NAMED_STATEMENTS = 512;

/** A stable name for `sql` (the same on every connection and instance), or none once the cap is reached. */
export function statementName(sql: string): string | undefined {
  let name = statementNames.get(sql);
  if (name === undefined && statementNames.size < MAX_NAMED_STATEMENTS) {
    name = `register_${createHash('sha256').update(sql).digest('base64url').slice(0, 22)}`;
    statementNames.set(sql, name);
  }
  return name;
}

/**
 * A read that may lag the primary by a little — the public register, histories, statistics — on a read replica
 * when `DATABASE_REPLICA_URLS` names any (TypeORM `replication`), otherwise on the primary. When the replica cannot
 * be reached the read goes to the primary, and the replica is left alone for `REPLICA_RETRY_AFTER_MS`.
 *
 * Never for a read that must see the caller's own writes: workflow steps, quota counts and the audit chain read
 * inside their transaction (`registerRead` joins it), which stays on the primary.
 */
export async function replicaQuery<T>(
  dataSource: DataSource,
  sql: string,
  parameters: unknown[] = [],
  options: RegisterReadOptions = {},
): Promise<T> {
  const limit = readLimits.get(dataSource);
  if (limit === undefined) return routedQuery<T>(dataSource, sql, parameters, options);
  let release: () => void;
  try {
    // A free slot is taken as it is; only a read that must wait arms the timeout's timer.
    [, release] = await (limit.slots.isLocked() ? limit.timed.acquire() : limit.slots.acquire());
  } catch (error) {
    // Waited as long as for a pooled connection: answered as when the pool has none to give.
    throw error === E_TIMEOUT ? databaseUnavailable() : error;
  }
  try {
    return await routedQuery<T>(dataSource, sql, parameters, options);
  } finally {
    release();
  }
}

/**
 * At most `concurrency` register reads of this data source's instance run at once; the others wait here, in order,
 * for up to `timeoutMs` (then they fail as a pool with no free connection does: 503). A read holds a pooled
 * connection only while it runs, so the rest of the pool stays free for the workflow — a burst of public reads never
 * takes the connections of officers and approvers — and the database server runs only as many of these statements
 * at once as it has cores for, instead of sharing them with the service's own thread (docs/scaling.md, "Public reads
 * at the hand-tuned limit").
 */
export function limitRegisterReads(dataSource: DataSource, concurrency: number, timeoutMs: number): void {
  const slots = new Semaphore(concurrency);
  readLimits.set(dataSource, { slots, timed: withTimeout(slots, timeoutMs) });
}

/** The register reads' slots of one data source, and the same slots taken with the timeout. */
interface ReadLimit {
  slots: Semaphore;
  timed: SemaphoreInterface;
}
const readLimits = new WeakMap<DataSource, ReadLimit>();

async function routedQuery<T>(
  dataSource: DataSource,
  sql: string,
  parameters: unknown[],
  options: RegisterReadOptions,
): Promise<T> {
  const replicated = 'replication' in dataSource.options && dataSource.options.replication !== undefined;
  if (!replicated || Date.now() < replicaDownUntil)
    return pooledQuery<T>(dataSource, 'master', sql, parameters, options);
  try {
    return await pooledQuery<T>(dataSource, 'slave', sql, parameters, options);
  } catch (error) {
    if (!isConnectionError(error)) throw error;
    replicaDownUntil = Date.now() + REPLICA_RETRY_AFTER_MS;
    logger.warn(`read replica unavailable (${(error as Error).message}); reading from the primary`);
    return pooledQuery<T>(dataSource, 'master', sql, parameters, options);
  }
}

/**
 * Builds and compiles queries without running them (no connection): the SQL text of a register read that runs
 * through `replicaQuery`, or that the benchmark's floor sends itself.
 */
export const compileOnly = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/**
 * A register read built with Kysely: inside a transaction it joins it (it must see the transaction's own writes),
 * otherwise its compiled SQL goes through `replicaQuery` (a replica, and a named prepared statement when asked).
 */
export function registerRead<R>(
  dataSource: DataSource,
  query: Compilable<R> & { execute(): Promise<R[]> },
  options: RegisterReadOptions = {},
): Promise<R[]> {
  if (currentTransactionManager() !== undefined) return query.execute();
  const compiled = query.compile();
  return replicaQuery<R[]>(dataSource, compiled.sql, [...compiled.parameters], options);
}

/**
 * One statement on a pooled `pg` client of TypeORM's pool, rows returned as `DataSource.query` returns them and
 * failures wrapped as TypeORM wraps them (`QueryFailedError`), so error mapping is the same either way.
 */
async function pooledQuery<T>(
  dataSource: DataSource,
  mode: 'master' | 'slave',
  sql: string,
  parameters: unknown[],
  options: RegisterReadOptions,
): Promise<T> {
  const [client, release] = await obtainPooledClient(dataSource, mode);
  // While the client is out of the pool nobody else listens: a server that goes away mid-read must not become an
  // unhandled 'error' event (the read itself fails with the same error and is answered).
  const onError = (error: Error) => logger.warn(`register read connection failed: ${error.message}`);
  client.on('error', onError);
  try {
    const name = options.prepared ? statementName(sql) : undefined;
    const result = await client.query({ text: sql, values: parameters, ...(name ? { name } : {}) });
    release();
    return result.rows as T;
  } catch (error) {
    // A connection that failed is ended by the pool rather than handed out again.
    release(isConnectionError(error) ? (error as Error) : undefined);
    throw isConnectionError(error) ? error : new QueryFailedError(sql, parameters, error as Error);
  } finally {
    client.removeListener('error', onError);
  }
}
