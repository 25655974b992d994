import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  compileOnly,
  limitRegisterReads,
  obtainPooledClient,
  type PooledConnectionSource,
  registerRead,
  replicaQuery,
} from '../../src/database/replica-reads.js';
import { openRepositoryDb, type RepositoryDb } from '../support/repository-db.js';

/**
 * `replica-reads.ts` reaches into TypeORM's PostgreSQL driver for raw pooled `pg` clients (`obtainMasterConnection`,
 * `obtainSlaveConnection`): internals, not public API. These tests fail when a TypeORM upgrade renames or reshapes
 * them, before the register's reads and the exports do.
 */
describe('replica reads on TypeORM driver internals', () => {
  let r: RepositoryDb;

  beforeAll(async () => {
    r = await openRepositoryDb();
  });
  afterAll(async () => {
    await r.close();
  });

  it('finds both pool accessors on the driver', () => {
    const driver = r.db.driver as unknown as Partial<PooledConnectionSource>;
    expect(typeof driver.obtainMasterConnection).toBe('function');
    expect(typeof driver.obtainSlaveConnection).toBe('function');
  });

  it.each(['master', 'slave'] as const)('hands out a working pg client with its release (%s)', async (mode) => {
    const [client, release] = await obtainPooledClient(r.db, mode);
    try {
      const result = await client.query<{ one: number }>('SELECT 1 AS one');
      expect(result.rows).toEqual([{ one: 1 }]);
    } finally {
      release();
    }
  });

  it('runs a compiled Kysely query as a named prepared statement, and joins an open transaction instead', async () => {
    const query = r.queries
      .selectFrom('organizations')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('kind', '=', 'UNIT');
    expect(query.compile().sql).toBe(
      compileOnly
        .selectFrom('organizations')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .where('kind', '=', 'UNIT')
        .compile().sql,
    );
    // Twice: the second run reuses the statement the first one prepared on that connection.
    for (let i = 0; i < 2; i += 1) {
      expect(await registerRead(r.db, query, { prepared: true })).toEqual([{ count: '0' }]);
    }
    // Inside a transaction the read sees the transaction's own (uncommitted) write.
    const seen = await r.transactions.run(async () => {
      await r.queries.insertInto('organizations').values({ code: 'RR-1', name: 'Đơn vị', kind: 'UNIT' }).execute();
      return registerRead(r.db, query, { prepared: true });
    });
    expect(seen).toEqual([{ count: '1' }]);
  });

  describe('the limit of register reads at once (set last: it stays on this data source)', () => {
    it('runs at most `concurrency` reads at once, the others in turn', async () => {
      limitRegisterReads(r.db, 2, 5000);
      const marker = 'register-read-limit';
      // Each read counts the reads running beside it, itself included, while it sleeps.
      const sql = `SELECT (SELECT count(*)::int FROM pg_stat_activity WHERE query LIKE '%${marker}%' AND state = 'active' AND pid <> pg_backend_pid()) + 1 AS running, pg_sleep(0.1) IS NULL AS slept /* ${marker} */`;
      const reads = await Promise.all(Array.from({ length: 6 }, () => replicaQuery<{ running: number }[]>(r.db, sql)));
      const running = reads.map(([row]) => row.running);
      expect(Math.max(...running)).toBeLessThanOrEqual(2);
    });

    it('fails a read that waited longer than its timeout as a pool with no free connection does (503)', async () => {
      limitRegisterReads(r.db, 1, 200);
      const slow = replicaQuery(r.db, 'SELECT pg_sleep(0.6)');
      await expect(replicaQuery(r.db, 'SELECT 1 AS one')).rejects.toMatchObject({
        status: 503,
        code: 'SERVICE_UNAVAILABLE',
      });
      await slow;
      expect(await replicaQuery(r.db, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    });
  });
});
