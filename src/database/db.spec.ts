import { describe, expect, it } from '@jest/globals';
import { Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, DummyDriver, sql } from 'kysely';
import { writesData } from './db.js';
import type { DB } from './schema.js';

/** Compiles only: no connection. */
const db = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

describe('writesData: which statements the ambient driver wraps in a transaction', () => {
  it.each([
    ['a plain SELECT', db.selectFrom('awards').select('id'), false],
    [
      'a SELECT over a read-only CTE',
      db
        .with('a', (q) => q.selectFrom('awards').select('id'))
        .selectFrom('a')
        .selectAll(),
      false,
    ],
    [
      'an INSERT',
      db.insertInto('api_keys').values({ name: 'x', role: 'ADMIN', token_hash: 'h', token_prefix: 'p' }),
      true,
    ],
    ['an UPDATE', db.updateTable('nominations').set({ status: 'DECIDED' }), true],
    ['a DELETE', db.deleteFrom('unit_quotas'), true],
    [
      'a SELECT over an UPDATE in a CTE',
      db
        .with('changed', (q) => q.updateTable('nominations').set({ status: 'DECIDED' }).returning('id'))
        .selectFrom('changed')
        .select('id'),
      true,
    ],
    [
      'a SELECT whose CTE reads a CTE that inserts',
      db
        .with('added', (q) =>
          q
            .insertInto('api_keys')
            .values({ name: 'x', role: 'ADMIN', token_hash: 'h', token_prefix: 'p' })
            .returning('id'),
        )
        .with('ids', (q) => q.selectFrom('added').select('id'))
        .selectFrom('ids')
        .select(sql<number>`count(*)`.as('n')),
      true,
    ],
  ])('%s', (_label, query, expected) => {
    expect(writesData(query.toOperationNode())).toBe(expected);
  });
});
