import {
  type CompiledQuery,
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
import type { DataSource } from 'typeorm';
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

  streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming goes through COPY (src/exports), not Kysely');
  }
}
