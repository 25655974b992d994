import { randomUUID } from 'node:crypto';
import { createConnection } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { listenOnLoopback, startAppInstance, type AppInstance } from '../support/app-instance.js';
import { makeOrganization } from '../support/factories.js';
import { BOOTSTRAP_TOKEN, bearer, createTestApp, type TestApp } from '../support/test-app.js';

const PROBLEM = /application\/problem\+json/;
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Whether a Redis answers at `url` (the shared rate-limit store is tested only where one runs). */
async function redisReachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
    socket.once('connect', () => socket.write('PING\r\n'));
  });
}

describe('body size, page size, security headers and CORS (defaults)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ BODY_LIMIT_BYTES: '4096' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses a JSON body over BODY_LIMIT_BYTES with 413 problem+json, before parsing it', async () => {
    const response = await t.http
      .post('/api/v1/organizations')
      .set(bearer(BOOTSTRAP_TOKEN))
      .set('content-type', 'application/json')
      .send(JSON.stringify({ code: 'BIG', name: 'Đơn vị '.repeat(1000), kind: 'UNIT' }))
      .expect(413);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.body).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    const [{ count }] = await t.db.query<{ count: string }[]>(`SELECT count(*) FROM organizations WHERE code = 'BIG'`);
    expect(Number(count)).toBe(0);
  });

  it('accepts a body under the limit', async () => {
    await t.http
      .post('/api/v1/organizations')
      .set(bearer(BOOTSTRAP_TOKEN))
      .send({ code: 'SMALL', name: 'Sở Nội vụ', kind: 'DEPARTMENT' })
      .expect(201);
  });

  it('caps list pages at 200 items: limit=200 is served, limit=201 is a 400 naming the field', async () => {
    await t.http.get('/api/v1/organizations?limit=200').expect(200);
    const response = await t.http.get('/api/v1/organizations?limit=201').expect(400);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain('limit');
  });

  it('sends security headers on API responses, errors included', async () => {
    for (const path of [
      '/api/v1/award-types',
      '/api/v1/awards?limit=1',
      '/api/v1/organizations/not-a-uuid',
      '/api/v1/nowhere',
    ]) {
      const response = await t.http.get(path);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['strict-transport-security']).toBeDefined();
      expect(response.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('keeps Swagger UI working under its Content-Security-Policy', async () => {
    const page = await t.http.get('/docs').redirects(1).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const csp = String(page.headers['content-security-policy']);
    const directives = new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    // Every script of the page is a file of this origin, none inline: script-src 'self' admits them.
    const scripts = [...page.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, inline] of scripts) {
      expect(attributes).toMatch(/src=/);
      expect(inline.trim()).toBe('');
    }
    expect(directives.get('script-src')).toEqual(["'self'"]);
    // Inline <style> and style attributes of Swagger UI, its data: icons, and fetch calls to this origin.
    expect(directives.get('style-src')).toEqual(expect.arrayContaining(["'self'", "'unsafe-inline'"]));
    expect(directives.get('img-src')).toEqual(expect.arrayContaining(["'self'", 'data:']));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.has('upgrade-insecure-requests')).toBe(false);
    // The scripts and styles the page names are served.
    const assets = [...page.text.matchAll(/(?:src|href)=["']([^"']+\.(?:js|css))["']/g)].map((m) => m[1]);
    expect(assets).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/swagger-ui-init\.js$/),
        expect.stringMatching(/swagger-ui-bundle\.js$/),
      ]),
    );
    for (const asset of assets) {
      // Resolved against the page's address, as a browser does.
      const response = await t.http.get(new URL(asset, 'http://registry.test/docs').pathname).expect(200);
      expect(response.headers['content-type']).toMatch(/javascript|css/);
    }
    const init = await t.http.get('/docs/swagger-ui-init.js').expect(200);
    expect(init.text).toContain('SwaggerUIBundle');
    await t.http.get('/docs-json').expect(200);
  });

  it('sends no CORS headers when CORS_ORIGINS is empty', async () => {
    const response = await t.http
      .get('/api/v1/award-types')
      .set('origin', 'https://thiduakhenthuong.example.vn')
      .expect(200);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('is not rate limited under NODE_ENV=test', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 30 }, () => t.http.get('/api/v1/award-types').then((r) => r.status)),
    );
    expect(new Set(statuses)).toEqual(new Set([200]));
  });
});

describe('CORS for configured front ends', () => {
  const FRONTEND = 'https://thiduakhenthuong.example.vn';
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ CORS_ORIGINS: `${FRONTEND}, https://admin.example.vn` });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers a preflight from a listed origin, allowing the Authorization and Idempotency-Key headers', async () => {
    const response = await t.http
      .options('/api/v1/nominations')
      .set('origin', FRONTEND)
      .set('access-control-request-method', 'POST')
      .set('access-control-request-headers', 'authorization, content-type, idempotency-key');
    expect(response.status).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe(FRONTEND);
    expect(response.headers['access-control-allow-methods']).toContain('POST');
    expect(response.headers['access-control-allow-headers']).toEqual(expect.stringContaining('idempotency-key'));
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('lets a listed origin read responses and their headers; other origins get no grant', async () => {
    const allowed = await t.http.get('/api/v1/award-types').set('origin', FRONTEND).expect(200);
    expect(allowed.headers['access-control-allow-origin']).toBe(FRONTEND);
    expect(allowed.headers['access-control-expose-headers']).toEqual(expect.stringContaining('x-request-id'));
    expect(allowed.headers['cross-origin-resource-policy']).toBe('cross-origin');
    const other = await t.http.get('/api/v1/award-types').set('origin', 'https://evil.example.com').expect(200);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('rate limits (in-memory store, per instance)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      RATE_LIMIT_ENABLED: 'true',
      RATE_LIMIT_PUBLIC_PER_MINUTE: '5',
      RATE_LIMIT_KEY_PER_MINUTE: '8',
      // The test client plays a proxy on loopback that tells the client's address.
      TRUST_PROXY: 'loopback',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('limits public callers per client address with 429 problem+json and Retry-After', async () => {
    const address = { 'x-forwarded-for': '203.0.113.7' };
    for (let i = 1; i <= 5; i++) {
      const ok = await t.http.get('/api/v1/award-types').set(address).expect(200);
      expect(ok.headers['x-ratelimit-limit']).toBe('5');
      expect(ok.headers['x-ratelimit-remaining']).toBe(String(5 - i));
    }
    const refused = await t.http.get('/api/v1/organizations').set(address).expect(429);
    expect(refused.headers['content-type']).toMatch(PROBLEM);
    expect(refused.body).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS', limit: 5 });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another address has its own budget; the health probes are never limited.
    await t.http.get('/api/v1/award-types').set({ 'x-forwarded-for': '203.0.113.8' }).expect(200);
    await t.http.get('/api/v1/health/live').set(address).expect(200);
  });

  it('limits each API key on its own budget, whatever its address', async () => {
    const organization = await makeOrganization(t);
    const first = await t.token('AUDITOR');
    const second = await t.token('HR_OFFICER', organization.id);
    for (let i = 0; i < 8; i++) {
      await t.http
        .get('/api/v1/award-types')
        .set(bearer(first))
        .set({ 'x-forwarded-for': `198.51.100.${i}` })
        .expect(200);
    }
    const refused = await t.http.get('/api/v1/award-types').set(bearer(first)).expect(429);
    expect(refused.body.code).toBe('TOO_MANY_REQUESTS');
    expect(refused.body.detail).toContain('khóa API này');
    await t.http.get('/api/v1/award-types').set(bearer(second)).expect(200);
  });
});

describe('rate limits shared by two instances through Redis', () => {
  let available = false;
  let t: TestApp;
  let second: AppInstance;
  let firstUrl: ReturnType<typeof listenOnLoopback> extends Promise<infer R> ? R : never;

  beforeAll(async () => {
    available = await redisReachable(REDIS_URL);
    if (!available) return;
    const env = {
      RATE_LIMIT_ENABLED: 'true',
      RATE_LIMIT_PUBLIC_PER_MINUTE: '6',
      RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: '3',
      TRUST_PROXY: 'loopback',
      RATE_LIMIT_REDIS_URL: REDIS_URL,
      // A prefix of its own: test runs sharing the Redis never count each other's requests.
      RATE_LIMIT_REDIS_PREFIX: `awards-registry-test:${randomUUID()}:`,
    };
    t = await createTestApp(env);
    firstUrl = await listenOnLoopback(t.app);
    second = await startAppInstance(t.url, env);
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  it('counts one client address across both instances', async () => {
    if (!available) {
      console.warn(`No Redis at ${REDIS_URL}: the shared rate-limit store is not tested`);
      return;
    }
    const address = { 'x-forwarded-for': '192.0.2.44' };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const client = i % 2 === 0 ? firstUrl.http : second.http;
      statuses.push((await client.get('/api/v1/award-types').set(address)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    const refusedOnFirst = await firstUrl.http.get('/api/v1/award-types').set(address).expect(429);
    expect(refusedOnFirst.headers['retry-after']).toBeDefined();
    await second.http.get('/api/v1/award-types').set(address).expect(429);
  });

  it('counts failed authentications of one client address across both instances', async () => {
    if (!available) {
      console.warn(`No Redis at ${REDIS_URL}: the shared failed-authentication budget is not tested`);
      return;
    }
    const address = { 'x-forwarded-for': '192.0.2.45' };
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const client = i % 2 === 0 ? firstUrl.http : second.http;
      statuses.push(
        (
          await client
            .get('/api/v1/individuals')
            .set(address)
            .set(bearer(`ar_guess-${i}`))
        ).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });
});
