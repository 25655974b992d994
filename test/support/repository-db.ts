import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source-options.js';
import type { Db } from '../../src/database/db.js';
import { Transactions } from '../../src/database/transactions.js';
import { createTestDatabase, tableEmptier } from './database.js';

/** A migrated database of one test file and the TypeORM data source the service would open on it: no app, no HTTP. */
export interface RepositoryDb {
  db: DataSource;
  /** The service's own `Transactions` on that data source, and its typed query builder, to build repositories with. */
  transactions: Transactions;
  queries: Db;
  /** Empties every data table: each test starts on clean data. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** Opens a fresh database (cloned from the migrated template) with the service's own data source options. */
export async function openRepositoryDb(): Promise<RepositoryDb> {
  const database = await createTestDatabase();
  const db = new DataSource({ ...buildDataSourceOptions({ url: database.url, poolSize: 4 }), logging: false });
  try {
    await db.initialize();
  } catch (error) {
    await database.drop();
    throw error;
  }
  const reset = await tableEmptier(db);
  const transactions = new Transactions(db);
  return {
    db,
    transactions,
    queries: transactions.db,
    reset,
    async close() {
      await db.destroy();
      await database.drop();
    },
  };
}

let sequence = 0;

/** An organization straight in the database (the closure triggers fill `organization_closure`); returns its id. */
export async function insertOrganization(
  db: DataSource,
  values: { code?: string; name?: string; kind?: string; parentId?: string | null } = {},
): Promise<string> {
  sequence += 1;
  const [row] = await db.query<{ id: string }[]>(
    `INSERT INTO organizations (code, name, kind, parent_id) VALUES ($1, $2, $3, $4) RETURNING id`,
    [
      values.code ?? `ORG-${sequence}`,
      values.name ?? `Đơn vị ${sequence}`,
      values.kind ?? 'UNIT',
      values.parentId ?? null,
    ],
  );
  return row.id;
}

/** A person of `organizationId` straight in the database; returns the id. */
export async function insertIndividual(db: DataSource, organizationId: string, fullName?: string): Promise<string> {
  sequence += 1;
  const [row] = await db.query<{ id: string }[]>(
    `INSERT INTO individuals (full_name, organization_id) VALUES ($1, $2) RETURNING id`,
    [fullName ?? `Nguyễn Văn ${sequence}`, organizationId],
  );
  return row.id;
}
