import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Client } from 'pg';
import { HARD_STOP_GRACE_MS } from '../../src/common/lifecycle/graceful-shutdown.js';
import { findFreePort } from '../../src/database/embedded-postgres.js';
import {
  sharedBuiltService,
  builtServiceWorkDir,
  killServices,
  refusesConnections,
  type Service,
  startService,
  waitFor,
} from '../support/built-service.js';
import { createTestDatabase } from '../support/database.js';
import { BOOTSTRAP_TOKEN, bearer } from '../support/test-app.js';

// Building the service and starting it (with an embedded PostgreSQL, for the last case) take minutes on a busy machine.
jest.setTimeout(300_000);

const WORK_DIR = builtServiceWorkDir('shutdown-test');

/**
 * Graceful shutdown of the built service (`node dist/src/main.js`): a request held in flight by a row lock the test
 * owns, then SIGTERM. The request must complete, new connections must be refused meanwhile, and the process must
 * exit 0 once it is done — or, past SHUTDOWN_TIMEOUT_MS, cut the request off and still exit within a bound.
 */
describe('graceful shutdown of the built service', () => {
  let main: string;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const services: Service[] = [];

  beforeAll(async () => {
    [main, database] = await Promise.all([sharedBuiltService(), createTestDatabase()]);
  });
  afterAll(async () => {
    killServices(services);
    await database?.drop();
    await rm(WORK_DIR, { recursive: true, force: true });
  });

  /** An organization, and a transaction of the test that holds a lock on its row until `release()`. */
  async function lockedOrganization(service: Service, code: string) {
    const created = await service.http
      .post('/api/v1/organizations')
      .set(bearer(BOOTSTRAP_TOKEN))
      .send({ code, name: 'Sở Văn hóa, Thể thao và Du lịch', kind: 'DEPARTMENT' })
      .expect(201);
    const client = new Client({ connectionString: database.url });
    client.on('error', () => undefined);
    await client.connect();
    await client.query('BEGIN');
    await client.query('SELECT id FROM organizations WHERE id = $1 FOR UPDATE', [created.body.id]);
    const waitingOnLock = async () => {
      const { rows } = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
      );
      return Number(rows[0].n) > 0;
    };
    return {
      id: created.body.id as string,
      waitingOnLock,
      release: async () => {
        await client.query('COMMIT').catch(() => undefined);
        await client.end().catch(() => undefined);
      },
    };
  }

  it('finishes the request in flight, refuses new connections meanwhile, closes and exits 0', async () => {
    const service = await startService(main, {
      DATABASE_URL: database.url,
      MIGRATIONS_RUN: 'false',
      SHUTDOWN_TIMEOUT_MS: '10000',
    });
    services.push(service);
    const organization = await lockedOrganization(service, 'SVHTTDL');

    let settled = false;
    const inFlight = service.http
      .patch(`/api/v1/organizations/${organization.id}`)
      .set(bearer(BOOTSTRAP_TOKEN))
      .send({ name: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Điện Biên' })
      .then((response) => {
        settled = true;
        return response;
      });
    expect(await waitFor(organization.waitingOnLock, 10_000)).toBe(true);

    const signalledAt = Date.now();
    service.child.kill('SIGTERM');
    expect(await waitFor(() => refusesConnections(service.port), 5_000)).toBe(true);
    expect(settled).toBe(false);
    expect(service.child.exitCode).toBeNull();

    await new Promise((resolve) => setTimeout(resolve, 1000));
    await organization.release();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(response.body.name).toBe('Sở Văn hóa, Thể thao và Du lịch tỉnh Điện Biên');

    const { code, at } = await service.exited;
    expect(code).toBe(0);
    expect(at - signalledAt).toBeLessThan(10_000);
    const log = service.output.join('');
    expect(log).toContain('SIGTERM received');
    expect(log).toContain('every request in flight finished');
    // The pool is closed: no session of the service is left on the database.
    const client = new Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'awards-registry'`,
    );
    await client.end();
    expect(Number(rows[0].n)).toBe(0);
  });

  it('cuts off a request still running after SHUTDOWN_TIMEOUT_MS and still exits within the bound, writing nothing', async () => {
    const timeoutMs = 1500;
    const service = await startService(main, {
      DATABASE_URL: database.url,
      MIGRATIONS_RUN: 'false',
      SHUTDOWN_TIMEOUT_MS: String(timeoutMs),
    });
    services.push(service);
    const organization = await lockedOrganization(service, 'SYT');
    const inFlight = service.http
      .patch(`/api/v1/organizations/${organization.id}`)
      .set(bearer(BOOTSTRAP_TOKEN))
      .send({ name: 'Không được ghi' })
      .then(
        (response) => ({ status: response.status, error: undefined as unknown }),
        (error: unknown) => ({ status: 0, error }),
      );
    expect(await waitFor(organization.waitingOnLock, 10_000)).toBe(true);

    const signalledAt = Date.now();
    service.child.kill('SIGTERM');
    const outcome = await inFlight;
    expect(outcome.status).toBe(0); // the connection was closed under it
    expect(Date.now() - signalledAt).toBeGreaterThanOrEqual(timeoutMs - 100);

    const { code, at } = await service.exited;
    expect(code).toBe(1);
    expect(at - signalledAt).toBeLessThan(timeoutMs + HARD_STOP_GRACE_MS + 3_000);
    expect(service.output.join('')).toContain('still in flight');

    await organization.release();
    const client = new Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query<{ name: string }>('SELECT name FROM organizations WHERE id = $1', [
      organization.id,
    ]);
    await client.end();
    expect(rows[0].name).toBe('Sở Văn hóa, Thể thao và Du lịch');
  });

  it('stops its embedded PostgreSQL on SIGTERM', async () => {
    const pgPort = await findFreePort();
    const dataDir = path.join(WORK_DIR, 'embedded-postgres');
    const service = await startService(main, { EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort) });
    services.push(service);
    expect(await refusesConnections(pgPort)).toBe(false);

    service.child.kill('SIGTERM');
    const { code } = await service.exited;
    expect(code).toBe(0);
    expect(service.output.join('')).toContain('Embedded PostgreSQL stopped');
    expect(await refusesConnections(pgPort)).toBe(true);
    expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
  });
});
