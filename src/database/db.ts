import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type OperationNode,
  type QueryResult,
  type RootOperationNode,
  type WithNode,
} from 'kysely';
import type { PoolClient } from 'pg';
import { type DataSource, QueryFailedError, type QueryRunner } from 'typeorm';
import type { CompiledTemplate } from './compiled-template.js';
import { isConnectionError } from '../common/errors/database-errors.js';
import { obtainPooledClient, statementName } from './replica-reads.js';
import type { DB } from './schema.js';
import { currentTransactionManager } from './transaction-context.js';

/** Opens the ambient transaction for a write that was sent outside one (see `Transactions`). */
export type RunInTransaction = <T>(work: () => Promise<T>) => Promise<T>;

const WRITE_NODES = new Set<RootOperationNode['kind']>([
  'InsertQueryNode',
  'UpdateQueryNode',
  'DeleteQueryNode',
  'MergeQueryNode',
]);

/** Does the statement write: an INSERT, UPDATE, DELETE or MERGE, or a SELECT over a data-modifying CTE? */
export function writesData(node: OperationNode): boolean {
  if (WRITE_NODES.has(node.kind as RootOperationNode['kind'])) return true;
  const ctes = (node as { with?: WithNode }).with?.expressions ?? [];
  return ctes.some((cte) => writesData(cte.expression));
}

/**
 * The typed query builder of the whole service: `Kysely<DB>`, whose table and column names are checked against
 * `schema.ts` (generated from the migrated schema) at compile time. It owns no connections: every statement runs on
 * the ambient transaction (`transaction-context.ts`: TypeORM's EntityManager on TypeORM's pool), or on the pool
 * outside one, so repositories take no manager argument and a service's unit of work is one transaction
 * (`Transactions.run`).
 *
 * Kysely's own `transaction()` is refused: transactions are opened by `Transactions.run`, which also hands the
 * request's actor to the audit triggers and marks its idempotency key. See docs/architecture.md, "Data access".
 */
export class Db extends Kysely<DB> {}

export function createDb(dataSource: DataSource, runInTransaction: RunInTransaction): Db {
  return new Db({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new AmbientTransactionDriver(dataSource, runInTransaction),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
}

/** A compiled statement to be sent as a named prepared statement (`runTemplate`). */
interface PreparedQuery extends CompiledQuery {
  readonly statementName: string;
}

const WRITE_COMMANDS = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

/**
 * Runs `template` with `values` on the ambient transaction (or the pool outside one), as a named prepared statement:
 * each pooled connection parses and plans it once, then PostgreSQL reuses the plan. For hot statements of one
 * shape whose plan does not hinge on a value (arrays bound whole, no `LIKE` patterns): the approval path's reads and
 * writes, which cost more to plan than to run.
 */
export async function runTemplate<R, K extends string>(
  db: Db,
  template: CompiledTemplate<K>,
  values: Readonly<Partial<Record<K, unknown>>>,
): Promise<R[]> {
  const name = statementName(template.sql);
  const compiled: CompiledQuery<R> = {
    ...CompiledQuery.raw(template.sql, template.bind(values)),
    query: template.query,
  };
  const prepared: PreparedQuery | CompiledQuery<R> =
    name === undefined ? compiled : { ...compiled, statementName: name };
  const result = await db.executeQuery<R>(prepared);
  return result.rows;
}

class AmbientTransactionDriver implements Driver {
  private readonly connection: AmbientConnection;

  constructor(dataSource: DataSource, runInTransaction: RunInTransaction) {
    this.connection = new AmbientConnection(dataSource, runInTransaction);
  }

  async init(): Promise<void> {}

  acquireConnection(): Promise<DatabaseConnection> {
    return Promise.resolve(this.connection);
  }

  beginTransaction(): Promise<void> {
    return Promise.reject(new Error('Open transactions with Transactions.run, not Kysely: they carry the audit actor'));
  }

  commitTransaction(): Promise<void> {
    return this.beginTransaction();
  }

  rollbackTransaction(): Promise<void> {
    return this.beginTransaction();
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {}
}

/** Stateless: each statement looks up the current transaction. */
class AmbientConnection implements DatabaseConnection {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runInTransaction: RunInTransaction,
  ) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    // A write (a data-modifying CTE included) always runs in a transaction, so the audit triggers see who made it and an idempotency key is
    // marked with it; a single statement sent outside one gets its own.
    const transaction = currentTransactionManager()?.queryRunner;
    if (transaction === undefined && writesData(compiled.query)) {
      return this.runInTransaction(() => this.executeQuery<R>(compiled));
    }
    const name = (compiled as Partial<PreparedQuery>).statementName;
    if (name !== undefined) return this.executePrepared<R>(compiled, name, transaction);
    const runner = transaction ?? this.dataSource.createQueryRunner('master');
    try {
      const result = await runner.query(compiled.sql, [...compiled.parameters], true);
      return {
        rows: (result.records ?? []) as R[],
        numAffectedRows:
          result.affected === undefined || result.affected === null ? undefined : BigInt(result.affected),
      };
    } finally {
      if (runner !== transaction) await runner.release();
    }
  }

  /** `runTemplate`'s statements: on the transaction's connection (or a pooled one), named. */
  private async executePrepared<R>(
    compiled: CompiledQuery,
    name: string,
    transaction: QueryRunner | undefined,
  ): Promise<QueryResult<R>> {
    const [client, release] =
      transaction === undefined
        ? await obtainPooledClient(this.dataSource, 'master')
        : [(await transaction.connect()) as PoolClient, () => undefined];
    try {
      const result = await client.query({ name, text: compiled.sql, values: [...compiled.parameters] });
      release();
      return {
        rows: result.rows as R[],
        numAffectedRows:
          WRITE_COMMANDS.has(result.command) && result.rowCount !== null ? BigInt(result.rowCount) : undefined,
      };
    } catch (error) {
      // A connection that failed is ended by the pool rather than handed out again.
      release(isConnectionError(error) ? (error as Error) : undefined);
      throw new QueryFailedError(compiled.sql, [...compiled.parameters], error as Error);
    }
  }

  streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming goes through COPY (src/exports), not Kysely');
  }
}
