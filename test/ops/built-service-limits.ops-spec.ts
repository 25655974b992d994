import { rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import {
  sharedBuiltService,
  builtServiceWorkDir,
  killServices,
  type Service,
  startService,
} from '../support/built-service.js';
import { createTestDatabase } from '../support/database.js';
import { bearer } from '../support/test-app.js';

// Building the service and starting it take a while on a busy machine.
jest.setTimeout(300_000);

const WORK_DIR = builtServiceWorkDir('built-limits-test');
const PROBLEM = /application\/problem\+json/;

/**
 * Sends `data` on a new connection and never finishes the request; resolves with what the server answered and when
 * it closed the connection (or after `giveUpMs`, with `closed: false`).
 */
function stalledRequest(
  port: number,
  data: string,
  giveUpMs = 20_000,
): Promise<{ response: string; closed: boolean; afterMs: number }> {
  return new Promise((resolve) => {
    const startedAt = Date.now();
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1', () => socket.write(data));
    const done = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ response: Buffer.concat(chunks).toString(), closed, afterMs: Date.now() - startedAt });
    };
    const timer = setTimeout(() => done(false), giveUpMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.once('close', () => done(true));
    socket.once('error', () => undefined);
  });
}

/**
 * The built service (`node dist/src/main.js` with NODE_ENV=production, as the README starts it), not the test
 * harness: what a deployment runs is what is checked.
 */
describe('HTTP limits of the built service', () => {
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

  describe('with the default TRUST_PROXY (off)', () => {
    let service: Service;
    beforeAll(async () => {
      service = await startService(main, {
        DATABASE_URL: database.url,
        MIGRATIONS_RUN: 'false',
        RATE_LIMIT_ENABLED: 'true',
        RATE_LIMIT_PUBLIC_PER_MINUTE: '5',
        RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: '3',
        REQUEST_TIMEOUT_MS: '2000',
        REQUEST_HEADERS_TIMEOUT_MS: '1000',
      });
      services.push(service);
    });

    // First: a stalled request must not be refused by an exhausted rate limit before its body times out. Its token
    // (any) makes it count against a key budget, not the public one of 127.0.0.1 the next tests count down.
    it('answers a request whose body stalls with 408 problem+json after REQUEST_TIMEOUT_MS and closes it', async () => {
      const { response, closed, afterMs } = await stalledRequest(
        service.port,
        'POST /api/v1/organizations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
          'Authorization: Bearer ar_slow-client\r\nContent-Length: 1000\r\n\r\n{"code":"SLOW",',
      );
      expect(closed).toBe(true);
      expect(response).toMatch(/^HTTP\/1\.1 408 /);
      expect(response).toMatch(/content-type: application\/problem\+json/i);
      expect(response).toContain('"code":"REQUEST_TIMEOUT"');
      expect(afterMs).toBeGreaterThanOrEqual(1900);
      expect(afterMs).toBeLessThan(6000);
    });

    it('answers a request whose headers stall with 408 after REQUEST_HEADERS_TIMEOUT_MS', async () => {
      const { response, closed, afterMs } = await stalledRequest(
        service.port,
        'GET /api/v1/award-types HTTP/1.1\r\nHost: localhost\r\n',
      );
      expect(closed).toBe(true);
      expect(response).toMatch(/^HTTP\/1\.1 408 /);
      expect(afterMs).toBeLessThan(5000);
    });

    it('limits public calls per client address (429 problem+json, X-RateLimit-*), whatever X-Forwarded-For says', async () => {
      const statuses: number[] = [];
      for (let i = 1; i <= 8; i++) {
        // A different made-up address each time: not trusted, so all count against 127.0.0.1.
        const response = await service.http.get('/api/v1/award-types').set('x-forwarded-for', `203.0.113.${i}`);
        statuses.push(response.status);
        expect(response.headers['x-ratelimit-limit']).toBe('5');
        if (i <= 5) expect(response.headers['x-ratelimit-remaining']).toBe(String(5 - i));
        if (i > 5) {
          expect(response.headers['content-type']).toMatch(PROBLEM);
          expect(response.body).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS', limit: 5 });
          expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
        }
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
      // The health probes are never limited.
      await service.http.get('/api/v1/health/live').expect(200);
    });

    it('limits failed authentications per client address: made-up tokens get 429 once the budget is spent', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const response = await service.http.get('/api/v1/individuals').set(bearer(`ar_made-up-token-${i}`));
        statuses.push(response.status);
        if (response.status === 429) {
          expect(response.headers['content-type']).toMatch(PROBLEM);
          expect(response.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', limit: 3 });
          expect(response.body.detail).toContain('xác thực thất bại');
          expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
        }
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    });
  });

  describe('behind a trusted proxy (TRUST_PROXY=127.0.0.1)', () => {
    it('counts each forwarded client address on its own budget', async () => {
      const service = await startService(main, {
        DATABASE_URL: database.url,
        MIGRATIONS_RUN: 'false',
        RATE_LIMIT_ENABLED: 'true',
        RATE_LIMIT_PUBLIC_PER_MINUTE: '2',
        TRUST_PROXY: '127.0.0.1',
      });
      services.push(service);
      const get = (address: string) =>
        service.http
          .get('/api/v1/award-types')
          .set('x-forwarded-for', address)
          .then((response) => response.status);
      expect([await get('198.51.100.1'), await get('198.51.100.1'), await get('198.51.100.1')]).toEqual([
        200, 200, 429,
      ]);
      expect(await get('198.51.100.2')).toBe(200);
    });
  });
});
