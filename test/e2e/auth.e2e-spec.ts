import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { BOOTSTRAP_KEY_ID } from '../../src/auth/principal.js';
import { startAppInstance, type AppInstance } from '../support/app-instance.js';
import { makeOrganization } from '../support/factories.js';
import { BOOTSTRAP_TOKEN, bearer, createTestApp, type TestApp } from '../support/test-app.js';

const PROBLEM = /application\/problem\+json/;
/** ADMIN-only routes: a write and a read. */
const ADMIN_ONLY = [
  { method: 'post', path: '/api/v1/organizations', body: { code: 'A', name: 'A', kind: 'UNIT' } },
  { method: 'post', path: '/api/v1/api-keys', body: { name: 'k', role: 'AUDITOR' } },
  { method: 'get', path: '/api/v1/api-keys' },
] as const;

describe('auth: the global guard', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    await t.reset();
  });

  const expectUnauthenticated = (response: {
    status: number;
    headers: Record<string, string>;
    body: Record<string, unknown>;
  }) => {
    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.body).toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
      type: 'urn:awards-registry:problem:unauthenticated',
    });
  };

  it('answers 401 problem+json without a token on a protected route', async () => {
    const response = await t.http.get('/api/v1/api-keys');
    expectUnauthenticated(response);
    expect(response.body.detail).toMatch(/Bearer/);
  });

  it.each([
    ['Basic scheme', 'Basic dXNlcjpwYXNz'],
    ['Bearer with nothing', 'Bearer'],
    ['Bearer with blanks only', 'Bearer    '],
    ['two tokens', `Bearer ${BOOTSTRAP_TOKEN} extra`],
    ['a bare token', BOOTSTRAP_TOKEN],
  ])('answers 401 for a malformed Authorization header (%s)', async (_label, header) => {
    expectUnauthenticated(await t.http.get('/api/v1/api-keys').set('Authorization', header));
  });

  it('answers 401 for an unknown token', async () => {
    expectUnauthenticated(
      await t.http.get('/api/v1/api-keys').set(bearer('ar_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')),
    );
  });

  it('answers 401 for a revoked key, from the request after the revocation on', async () => {
    const created = await t.http
      .post('/api/v1/api-keys')
      .set(bearer(BOOTSTRAP_TOKEN))
      .send({ name: 'admin', role: 'ADMIN' })
      .expect(201);
    const token = created.body.token as string;
    await t.http.get('/api/v1/api-keys').set(bearer(token)).expect(200);
    await t.http.delete(`/api/v1/api-keys/${created.body.id}`).set(bearer(BOOTSTRAP_TOKEN)).expect(204);
    expectUnauthenticated(await t.http.get('/api/v1/api-keys').set(bearer(token)));
    // Revoked keys are refused on public routes too: a token, once sent, must be valid.
    expectUnauthenticated(await t.http.get('/api/v1/award-types').set(bearer(token)));
  });

  it('accepts the bootstrap token as ADMIN, with the scheme in any case', async () => {
    await t.http
      .post('/api/v1/organizations')
      .set(bearer(BOOTSTRAP_TOKEN))
      .send({ code: 'ROOT', name: 'Root', kind: 'PROVINCE' })
      .expect(201);
    await t.http.get('/api/v1/api-keys').set('Authorization', `bearer ${BOOTSTRAP_TOKEN}`).expect(200);
    // A near miss of the bootstrap token is just an unknown token.
    expectUnauthenticated(await t.http.get('/api/v1/api-keys').set(bearer(`${BOOTSTRAP_TOKEN}x`)));
  });

  it('accepts an ADMIN key like the bootstrap token', async () => {
    const admin = await t.token('ADMIN');
    for (const route of ADMIN_ONLY) {
      const request = t.http[route.method](route.path).set(bearer(admin));
      const response = 'body' in route ? await request.send(route.body) : await request;
      expect([route.path, response.status]).toEqual([route.path, route.method === 'post' ? 201 : 200]);
    }
  });

  it('validates a token sent to a public route: no token → 200, valid → 200, invalid → 401', async () => {
    await t.http.get('/api/v1/organizations').expect(200);
    await t.http
      .get('/api/v1/organizations')
      .set(bearer(await t.token('AUDITOR')))
      .expect(200);
    expectUnauthenticated(await t.http.get('/api/v1/organizations').set(bearer('nope')));
    expectUnauthenticated(await t.http.get('/api/v1/award-types').set('Authorization', 'Basic x'));
  });

  it.each(['HR_OFFICER', 'APPROVER'] as const)(
    'answers 403 problem+json to a scoped %s key on ADMIN-only routes',
    async (role) => {
      const organization = await makeOrganization(t);
      const token = await t.token(role, organization.id);
      for (const route of ADMIN_ONLY) {
        const request = t.http[route.method](route.path).set(bearer(token));
        const response = 'body' in route ? await request.send(route.body) : await request;
        expect([route.path, response.status]).toEqual([route.path, 403]);
        expect(response.headers['content-type']).toMatch(PROBLEM);
        expect(response.body).toMatchObject({ code: 'FORBIDDEN', detail: expect.stringContaining(role) });
      }
    },
  );

  it('answers 403 to an AUDITOR on writes, while it reads public routes', async () => {
    const auditor = await t.token('AUDITOR');
    const organization = await makeOrganization(t);
    const writes = [
      t.http.post('/api/v1/organizations').set(bearer(auditor)).send({ code: 'A', name: 'A', kind: 'UNIT' }),
      t.http.patch(`/api/v1/organizations/${organization.id}`).set(bearer(auditor)).send({ name: 'B' }),
      t.http.post('/api/v1/api-keys').set(bearer(auditor)).send({ name: 'k', role: 'AUDITOR' }),
      t.http.delete(`/api/v1/api-keys/00000000-0000-4000-8000-000000000000`).set(bearer(auditor)),
    ];
    for (const response of await Promise.all(writes)) {
      expect(response.status).toBe(403);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body.code).toBe('FORBIDDEN');
    }
    await t.http.get(`/api/v1/organizations/${organization.id}`).set(bearer(auditor)).expect(200);
    await t.http.get('/api/v1/award-types').set(bearer(auditor)).expect(200);
  });

  it('authenticates before validating: a bad body without a token is 401, not 400', async () => {
    expectUnauthenticated(await t.http.post('/api/v1/api-keys').send({ role: 'NOPE' }));
  });
});

describe('auth without a bootstrap token configured', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ AUTH_BOOTSTRAP_ADMIN_TOKEN: '' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('treats the would-be bootstrap value as an unknown token, and real keys still work', async () => {
    const response = await t.http.get('/api/v1/api-keys').set(bearer(BOOTSTRAP_TOKEN)).expect(401);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    await t.http
      .get('/api/v1/api-keys')
      .set(bearer(await t.token('ADMIN')))
      .expect(200);
  });
});

describe('the bootstrap token once ADMIN keys exist', () => {
  let t: TestApp;
  let second: AppInstance;
  beforeAll(async () => {
    t = await createTestApp({ AUTH_BOOTSTRAP_ALWAYS: 'false' });
    second = await startAppInstance(t.url, { AUTH_BOOTSTRAP_ALWAYS: 'false' });
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });
  beforeEach(async () => {
    await t.reset();
  });

  it('works until an ADMIN key exists, then gets 401 on every instance; revoking every ADMIN key brings it back', async () => {
    // An AUDITOR key does not retire it.
    await t.http
      .post('/api/v1/api-keys')
      .set(bearer(BOOTSTRAP_TOKEN))
      .send({ name: 'kt', role: 'AUDITOR' })
      .expect(201);
    await second.http.get('/api/v1/api-keys').set(bearer(BOOTSTRAP_TOKEN)).expect(200);

    const admin = await t.http
      .post('/api/v1/api-keys')
      .set(bearer(BOOTSTRAP_TOKEN))
      .send({ name: 'Quản trị', role: 'ADMIN' })
      .expect(201);
    for (const http of [t.http, second.http]) {
      const refused = await http.get('/api/v1/api-keys').set(bearer(BOOTSTRAP_TOKEN)).expect(401);
      expect(refused.headers['content-type']).toMatch(PROBLEM);
      expect(refused.body).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(refused.body.detail).toContain('đã có khóa API vai trò ADMIN');
    }
    await second.http
      .get('/api/v1/api-keys')
      .set(bearer(admin.body.token as string))
      .expect(200);

    await second.http
      .delete(`/api/v1/api-keys/${admin.body.id as string}`)
      .set(bearer(admin.body.token as string))
      .expect(204);
    await t.http.get('/api/v1/api-keys').set(bearer(BOOTSTRAP_TOKEN)).expect(200);
  });

  it('records its changes under the fixed bootstrap actor', async () => {
    const created = await t.http
      .post('/api/v1/organizations')
      .set(bearer(BOOTSTRAP_TOKEN))
      .send({ code: 'STTTT', name: 'Sở Thông tin và Truyền thông', kind: 'DEPARTMENT' })
      .expect(201);
    const rows = await t.db.query<{ actor_key_id: string | null; actor_role: string | null }[]>(
      `SELECT actor_key_id, actor_role FROM audit_events WHERE entity_type = 'organizations' AND entity_id = $1`,
      [created.body.id],
    );
    expect(rows).toEqual([{ actor_key_id: BOOTSTRAP_KEY_ID, actor_role: 'ADMIN' }]);
  });
});

describe('the bootstrap token with AUTH_BOOTSTRAP_ALWAYS=true', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ AUTH_BOOTSTRAP_ALWAYS: 'true' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('keeps working after an ADMIN key exists', async () => {
    await t.token('ADMIN');
    await t.http.get('/api/v1/api-keys').set(bearer(BOOTSTRAP_TOKEN)).expect(200);
  });
});
