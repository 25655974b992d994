import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { PoolClient } from 'pg';
import { obtainPooledClient } from '../../src/database/replica-reads.js';
import { CopyOutStream } from '../../src/exports/copy-out-stream.js';
import { openRepositoryDb, type RepositoryDb } from '../support/repository-db.js';

/** The exports' COPY reader on a real server: what it streams, how it fails, and that the connection survives. */
describe('CopyOutStream on PostgreSQL', () => {
  let r: RepositoryDb;
  let client: PoolClient;
  let release: (error?: Error | boolean) => void;

  beforeAll(async () => {
    r = await openRepositoryDb();
    [client, release] = await obtainPooledClient(r.db, 'master');
  });
  afterAll(async () => {
    release();
    await r.close();
  });

  async function body(statement: string): Promise<{ text: string; stream: CopyOutStream }> {
    const stream = client.query(new CopyOutStream(statement));
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { text: Buffer.concat(chunks).toString('utf8'), stream };
  }

  it('streams the rows as COPY writes them, across many socket reads, and counts them', async () => {
    const { text, stream } = await body(
      `COPY (SELECT g, 'Nguyễn "Văn" ' || g, repeat('x', g % 300) FROM generate_series(1, 20000) g)
         TO STDOUT WITH (FORMAT csv, HEADER true)`,
    );
    const lines = text.split('\n');
    expect(lines).toHaveLength(20_002);
    expect(lines[0]).toBe('g,?column?,repeat');
    expect(lines[1]).toBe('1,"Nguyễn ""Văn"" 1",x');
    expect(lines[20_000]).toBe(`20000,"Nguyễn ""Văn"" 20000",${'x'.repeat(20_000 % 300)}`);
    expect(lines[20_001]).toBe('');
    expect(stream.rowCount).toBe(20_000);
    // The connection is pg's again, ready for the next statement.
    expect((await client.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('fails with the server error when the statement fails half-way, and the connection stays usable', async () => {
    await expect(
      body(`COPY (SELECT CASE WHEN g = 15000 THEN 1 / (g - g) ELSE g END, repeat('y', 200)
                    FROM generate_series(1, 20000) g) TO STDOUT`),
    ).rejects.toThrow('division by zero');
    expect((await client.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('fails with the server error when the statement fails at once', async () => {
    await expect(body('COPY (SELECT 1 / 0) TO STDOUT')).rejects.toThrow('division by zero');
    expect((await client.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });
});
