import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from 'pg';
import { BOOTSTRAP_TOKEN, bearer, createTestApp, type TestApp } from '../support/test-app.js';

const PROBLEM = /application\/problem\+json/;

/** Runs statements on the server's `postgres` database, outside the app's pool. */
async function withAdmin(
  databaseUrl: string,
  work: (query: (sql: string, params?: unknown[]) => Promise<unknown>) => Promise<unknown>,
): Promise<void> {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await work((sql, params) => client.query(sql, params));
  } finally {
    await client.end();
  }
}

describe('health', () => {
  describe('with the database answering', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(async () => {
      await t.close();
    });

    it('GET /health/live answers 200 { status: ok }, uncached, without a token', async () => {
      const response = await t.http.get('/api/v1/health/live').expect(200);
      expect(response.body).toEqual({ status: 'ok' });
      expect(response.headers['cache-control']).toMatch(/no-store/);
    });

    it('GET /health/ready answers 200 with the database check up', async () => {
      const response = await t.http.get('/api/v1/health/ready').expect(200);
      expect(response.body).toEqual({
        status: 'ok',
        checks: { database: { status: 'up', responseTimeMs: expect.any(Number) } },
      });
      expect(response.headers['cache-control']).toMatch(/no-store/);
    });

    it('accepts a valid token and answers 401 for an invalid one (tokens are checked on public routes too)', async () => {
      await t.http.get('/api/v1/health/ready').set(bearer(BOOTSTRAP_TOKEN)).expect(200);
      const response = await t.http.get('/api/v1/health/live').set(bearer('wrong-token')).expect(401);
      expect(response.headers['content-type']).toMatch(PROBLEM);
    });

    it('answers 404 problems for unknown health paths', async () => {
      const response = await t.http.get('/api/v1/health/deep').expect(404);
      expect(response.headers['content-type']).toMatch(PROBLEM);
    });
  });

  describe('with the database not answering in time', () => {
    let t: TestApp;
    beforeAll(async () => {
      // One pooled connection: while a long statement holds it, the readiness ping cannot get one.
      t = await createTestApp({ DATABASE_POOL_SIZE: '1' });
    });
    afterAll(async () => {
      await t.close();
    });

    it('GET /health/ready answers 503 SERVICE_UNAVAILABLE as problem+json within about a second; live stays 200', async () => {
      const busy = t.db.query('SELECT pg_sleep(2.5)');
      try {
        const started = Date.now();
        const response = await t.http.get('/api/v1/health/ready').expect(503);
        const elapsed = Date.now() - started;
        expect(elapsed).toBeGreaterThanOrEqual(900);
        expect(elapsed).toBeLessThan(2400);
        expect(response.headers['content-type']).toMatch(PROBLEM);
        expect(response.headers['retry-after']).toBe('5');
        expect(response.body).toMatchObject({
          status: 503,
          code: 'SERVICE_UNAVAILABLE',
          instance: '/api/v1/health/ready',
          checks: { database: { status: 'down' } },
        });
        // The reason stays in the logs: a public probe does not learn hosts or driver messages.
        expect(JSON.stringify(response.body)).not.toMatch(/timeout of|ECONN|127\.0\.0\.1/);
        await t.http.get('/api/v1/health/live').expect(200);
      } finally {
        await busy;
      }
      await t.http.get('/api/v1/health/ready').expect(200);
    });
  });

  describe('with the database refusing connections', () => {
    let t: TestApp;
    let name: string;
    beforeAll(async () => {
      t = await createTestApp();
      name = new URL(t.url).pathname.slice(1);
    });
    afterAll(async () => {
      await t.close();
    });

    it('GET /health/ready answers 503 at once, and 200 again when the database is back', async () => {
      await t.http.get('/api/v1/health/ready').expect(200);
      await withAdmin(t.url, async (query) => {
        await query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false`);
        await query(
          'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
          [name],
        );
      });
      try {
        const response = await t.http.get('/api/v1/health/ready').expect(503);
        expect(response.headers['content-type']).toMatch(PROBLEM);
        expect(response.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', checks: { database: { status: 'down' } } });
        expect(JSON.stringify(response.body)).not.toMatch(/allow|terminat|ECONN/i);
        await t.http.get('/api/v1/health/live').expect(200);
      } finally {
        await withAdmin(t.url, (query) => query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS true`));
      }
      await t.http.get('/api/v1/health/ready').expect(200);
    });
  });

  it('documents both probes in the OpenAPI document', async () => {
    const t = await createTestApp();
    try {
      const document = await t.http.get('/docs-json').expect(200);
      expect(Object.keys(document.body.paths['/api/v1/health/live'].get.responses).sort()).toEqual([
        '200',
        '400',
        '401',
        '431',
        '503',
      ]);
      expect(Object.keys(document.body.paths['/api/v1/health/ready'].get.responses).sort()).toEqual([
        '200',
        '400',
        '401',
        '431',
        '503',
      ]);
    } finally {
      await t.close();
    }
  });
});
