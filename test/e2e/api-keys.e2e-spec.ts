import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { hashToken } from '../../src/auth/token.js';
import { makeOrganization } from '../support/factories.js';
import { BOOTSTRAP_TOKEN, bearer, createTestApp, type TestApp } from '../support/test-app.js';

const PROBLEM = /application\/problem\+json/;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('api-keys', () => {
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

  const createKey = (body: Record<string, unknown>, token = BOOTSTRAP_TOKEN) =>
    t.http.post('/api/v1/api-keys').set(bearer(token)).set('Accept-Language', 'en').send(body);

  describe('POST /api-keys', () => {
    it('creates a scoped HR_OFFICER key, returns its token once and stores only the hash', async () => {
      const organization = await makeOrganization(t);
      const response = await createKey({
        name: '  HR tool of Sở TT&TT ',
        role: 'HR_OFFICER',
        organizationId: organization.id,
      }).expect(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        name: 'HR tool of Sở TT&TT',
        role: 'HR_OFFICER',
        organizationId: organization.id,
        tokenPrefix: expect.any(String),
        createdAt: expect.any(String),
        revokedAt: null,
        token: expect.stringMatching(/^ar_[A-Za-z0-9_-]{43}$/),
      });
      const { token, tokenPrefix } = response.body as { token: string; tokenPrefix: string };
      expect(token.startsWith(tokenPrefix)).toBe(true);
      expect(tokenPrefix.length).toBeLessThan(token.length);

      const rows: { token_hash: string; row: string }[] = await t.db.query(
        'SELECT token_hash, row_to_json(k)::text AS row FROM api_keys k WHERE id = $1',
        [response.body.id],
      );
      expect(rows[0].token_hash).toBe(hashToken(token));
      expect(rows[0].row).not.toContain(token);

      // The token works at once: authenticated (so not 401), but an HR officer may not manage keys.
      await t.http.get('/api/v1/api-keys').set(bearer(token)).expect(403);
      // And it is never shown again.
      const read = await t.http.get(`/api/v1/api-keys/${response.body.id}`).set(bearer(BOOTSTRAP_TOKEN)).expect(200);
      expect(read.body).not.toHaveProperty('token');
      expect(read.body).not.toHaveProperty('tokenHash');
    });

    it('creates unscoped ADMIN and AUDITOR keys, and an APPROVER key with a scope; a created ADMIN key can create keys', async () => {
      const admin = await createKey({ name: 'second admin', role: 'ADMIN' }).expect(201);
      expect(admin.body.organizationId).toBeNull();
      const auditor = await createKey({ name: 'auditor', role: 'AUDITOR' }, admin.body.token).expect(201);
      expect(auditor.body).toMatchObject({ role: 'AUDITOR', organizationId: null });
      const organization = await makeOrganization(t);
      const approver = await createKey(
        { name: 'council', role: 'APPROVER', organizationId: organization.id },
        admin.body.token,
      ).expect(201);
      expect(approver.body).toMatchObject({ role: 'APPROVER', organizationId: organization.id });
      expect(new Set([admin.body.token, auditor.body.token, approver.body.token]).size).toBe(3);
    });

    it('answers 400 naming each bad field: missing name, unknown role, unknown field, malformed organizationId', async () => {
      const response = await createKey({ role: 'SUPERUSER', organizationId: 'org-1', color: 'red' }).expect(400);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      const fields = response.body.errors.map((error: { field: string }) => error.field);
      expect(fields).toEqual(expect.arrayContaining(['name', 'role', 'organizationId', 'color']));
      await createKey({ name: '', role: 'ADMIN' }).expect(400);
      await createKey({ name: 'x'.repeat(201), role: 'ADMIN' }).expect(400);
    });

    it.each(['HR_OFFICER', 'APPROVER'])('answers 400 on organizationId when a %s key names no scope', async (role) => {
      const response = await createKey({ name: 'k', role }).expect(400);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body.errors).toEqual([{ field: 'organizationId', message: expect.stringContaining('required') }]);
    });

    it.each(['ADMIN', 'AUDITOR'])('answers 400 on organizationId when a %s key names a scope', async (role) => {
      const organization = await makeOrganization(t);
      const response = await createKey({ name: 'k', role, organizationId: organization.id }).expect(400);
      expect(response.body.errors).toEqual([{ field: 'organizationId', message: expect.stringContaining('omitted') }]);
    });

    it('answers 422 INVALID_REFERENCE for an organization that does not exist, and stores nothing', async () => {
      const response = await createKey({ name: 'k', role: 'HR_OFFICER', organizationId: UNKNOWN_ID }).expect(422);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body).toMatchObject({ code: 'INVALID_REFERENCE', errors: [{ field: 'organizationId' }] });
      const [{ count }] = await t.db.query<{ count: string }[]>('SELECT count(*) FROM api_keys');
      expect(count).toBe('0');
    });

    it('answers 401 without a token and 403 for every role but ADMIN', async () => {
      const unauthenticated = await t.http.post('/api/v1/api-keys').send({ name: 'k', role: 'ADMIN' }).expect(401);
      expect(unauthenticated.headers['content-type']).toMatch(PROBLEM);
      const organization = await makeOrganization(t);
      for (const role of ['HR_OFFICER', 'APPROVER'] as const) {
        const token = await t.token(role, organization.id);
        const response = await createKey({ name: 'k', role: 'ADMIN' }, token).expect(403);
        expect(response.body.code).toBe('FORBIDDEN');
      }
      const auditor = await t.token('AUDITOR');
      const forbidden = await createKey({ name: 'k', role: 'AUDITOR' }, auditor).expect(403);
      expect(forbidden.headers['content-type']).toMatch(PROBLEM);
    });
  });

  describe('GET /api-keys', () => {
    it('lists keys newest first without tokens or hashes, paging with a keyset cursor', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++)
        ids.push((await createKey({ name: `key ${i}`, role: 'AUDITOR' }).expect(201)).body.id);
      const first = await t.http.get('/api/v1/api-keys?limit=2').set(bearer(BOOTSTRAP_TOKEN)).expect(200);
      expect(first.body.items.map((k: { id: string }) => k.id)).toEqual([ids[4], ids[3]]);
      for (const item of first.body.items) {
        expect(Object.keys(item).sort()).toEqual([
          'createdAt',
          'id',
          'name',
          'organizationId',
          'revokedAt',
          'role',
          'tokenPrefix',
        ]);
      }
      const second = await t.http
        .get(`/api/v1/api-keys?limit=2&cursor=${first.body.nextCursor}`)
        .set(bearer(BOOTSTRAP_TOKEN))
        .expect(200);
      expect(second.body.items.map((k: { id: string }) => k.id)).toEqual([ids[2], ids[1]]);
      const third = await t.http
        .get(`/api/v1/api-keys?limit=2&cursor=${second.body.nextCursor}`)
        .set(bearer(BOOTSTRAP_TOKEN))
        .expect(200);
      expect(third.body).toEqual({ items: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
    });

    it('keeps keys created in the same instant apart by id', async () => {
      // Same created_at for all: the id breaks the tie, and no key is served twice or skipped.
      await t.db.query(
        `INSERT INTO api_keys (name, role, token_hash, token_prefix, created_at)
         SELECT 'k' || i, 'AUDITOR', md5(i::text), 'ar_x', '2026-01-01T00:00:00.123456Z' FROM generate_series(1, 7) AS i`,
      );
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await t.http
          .get(`/api/v1/api-keys?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
          .set(bearer(BOOTSTRAP_TOKEN))
          .expect(200);
        seen.push(...page.body.items.map((k) => k.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(7);
      expect(new Set(seen).size).toBe(7);
    });

    it('hides revoked keys unless includeRevoked=true, and filters by role and organization', async () => {
      const organization = await makeOrganization(t);
      const hr = await createKey({ name: 'hr', role: 'HR_OFFICER', organizationId: organization.id }).expect(201);
      const auditor = await createKey({ name: 'auditor', role: 'AUDITOR' }).expect(201);
      await t.http.delete(`/api/v1/api-keys/${auditor.body.id}`).set(bearer(BOOTSTRAP_TOKEN)).expect(204);

      const active = await t.http.get('/api/v1/api-keys').set(bearer(BOOTSTRAP_TOKEN)).expect(200);
      expect(active.body.items.map((k: { id: string }) => k.id)).toEqual([hr.body.id]);
      const all = await t.http.get('/api/v1/api-keys?includeRevoked=true').set(bearer(BOOTSTRAP_TOKEN)).expect(200);
      expect(all.body.items.map((k: { id: string }) => k.id)).toEqual([auditor.body.id, hr.body.id]);
      expect(all.body.items[0].revokedAt).toEqual(expect.any(String));

      const byRole = await t.http
        .get('/api/v1/api-keys?role=HR_OFFICER&includeRevoked=true')
        .set(bearer(BOOTSTRAP_TOKEN))
        .expect(200);
      expect(byRole.body.items.map((k: { id: string }) => k.id)).toEqual([hr.body.id]);
      const byOrganization = await t.http
        .get(`/api/v1/api-keys?organizationId=${organization.id}`)
        .set(bearer(BOOTSTRAP_TOKEN))
        .expect(200);
      expect(byOrganization.body.items.map((k: { id: string }) => k.id)).toEqual([hr.body.id]);
    });

    it('answers 400 for bad filters, limits and forged cursors', async () => {
      for (const query of [
        'limit=0',
        'limit=201',
        'role=ROOT',
        'includeRevoked=maybe',
        'organizationId=x',
        'cursor=bm9wZQ',
        'cursor=WyJub3QtYS11dWlkIl0',
        'color=red',
      ]) {
        const response = await t.http.get(`/api/v1/api-keys?${query}`).set(bearer(BOOTSTRAP_TOKEN));
        expect([query, response.status]).toEqual([query, 400]);
        expect(response.headers['content-type']).toMatch(PROBLEM);
      }
    });

    it('answers 401 without a token and 403 for HR_OFFICER and APPROVER; an AUDITOR reads the list', async () => {
      await t.http.get('/api/v1/api-keys').expect(401);
      const organization = await makeOrganization(t);
      for (const token of [await t.token('HR_OFFICER', organization.id), await t.token('APPROVER', organization.id)]) {
        const response = await t.http.get('/api/v1/api-keys').set(bearer(token)).expect(403);
        expect(response.headers['content-type']).toMatch(PROBLEM);
      }
      const read = await t.http
        .get('/api/v1/api-keys')
        .set(bearer(await t.token('AUDITOR')))
        .expect(200);
      expect(read.body.items.every((key: Record<string, unknown>) => !('token' in key) && !('tokenHash' in key))).toBe(
        true,
      );
    });
  });

  describe('GET /api-keys/{id}', () => {
    it('returns one key, 404 for an unknown id, 400 for a malformed one', async () => {
      const created = await createKey({ name: 'auditor', role: 'AUDITOR' }).expect(201);
      const read = await t.http.get(`/api/v1/api-keys/${created.body.id}`).set(bearer(BOOTSTRAP_TOKEN)).expect(200);
      const { token: _token, ...withoutToken } = created.body;
      expect(read.body).toEqual(withoutToken);
      const missing = await t.http.get(`/api/v1/api-keys/${UNKNOWN_ID}`).set(bearer(BOOTSTRAP_TOKEN)).expect(404);
      expect(missing.headers['content-type']).toMatch(PROBLEM);
      expect(missing.body.code).toBe('NOT_FOUND');
      const malformed = await t.http.get('/api/v1/api-keys/not-a-uuid').set(bearer(BOOTSTRAP_TOKEN)).expect(400);
      expect(malformed.body.errors).toEqual([{ field: 'id', message: 'phải là một UUID' }]);
    });

    it('answers 401 without a token and 403 for an HR_OFFICER; an AUDITOR reads a key, never its token', async () => {
      const created = await createKey({ name: 'auditor', role: 'AUDITOR' }).expect(201);
      await t.http.get(`/api/v1/api-keys/${created.body.id}`).expect(401);
      const hr = await t.token('HR_OFFICER', (await makeOrganization(t)).id);
      await t.http.get(`/api/v1/api-keys/${created.body.id}`).set(bearer(hr)).expect(403);
      const read = await t.http.get(`/api/v1/api-keys/${created.body.id}`).set(bearer(created.body.token)).expect(200);
      expect(read.body).not.toHaveProperty('token');
    });
  });

  describe('DELETE /api-keys/{id}', () => {
    it('revokes a key: 204, the key gets 401 on its next request, and revokedAt is set', async () => {
      const admin = await createKey({ name: 'admin 2', role: 'ADMIN' }).expect(201);
      await t.http.get('/api/v1/api-keys').set(bearer(admin.body.token)).expect(200);
      const revoked = await t.http.delete(`/api/v1/api-keys/${admin.body.id}`).set(bearer(BOOTSTRAP_TOKEN)).expect(204);
      expect(revoked.text).toBe('');
      const rejected = await t.http.get('/api/v1/api-keys').set(bearer(admin.body.token)).expect(401);
      expect(rejected.headers['content-type']).toMatch(PROBLEM);
      const read = await t.http.get(`/api/v1/api-keys/${admin.body.id}`).set(bearer(BOOTSTRAP_TOKEN)).expect(200);
      expect(Date.parse(read.body.revokedAt)).toBeGreaterThanOrEqual(Date.parse(read.body.createdAt));
    });

    it('is idempotent: revoking twice answers 204 and keeps the first revokedAt', async () => {
      const key = await createKey({ name: 'auditor', role: 'AUDITOR' }).expect(201);
      await t.http.delete(`/api/v1/api-keys/${key.body.id}`).set(bearer(BOOTSTRAP_TOKEN)).expect(204);
      const first = await t.http.get(`/api/v1/api-keys/${key.body.id}`).set(bearer(BOOTSTRAP_TOKEN)).expect(200);
      await t.http.delete(`/api/v1/api-keys/${key.body.id}`).set(bearer(BOOTSTRAP_TOKEN)).expect(204);
      const second = await t.http.get(`/api/v1/api-keys/${key.body.id}`).set(bearer(BOOTSTRAP_TOKEN)).expect(200);
      expect(second.body.revokedAt).toBe(first.body.revokedAt);
    });

    it('lets a key revoke itself (rotation): the request succeeds, the next one gets 401', async () => {
      const admin = await createKey({ name: 'rotating admin', role: 'ADMIN' }).expect(201);
      await t.http.delete(`/api/v1/api-keys/${admin.body.id}`).set(bearer(admin.body.token)).expect(204);
      await t.http.get(`/api/v1/api-keys/${admin.body.id}`).set(bearer(admin.body.token)).expect(401);
    });

    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      const missing = await t.http.delete(`/api/v1/api-keys/${UNKNOWN_ID}`).set(bearer(BOOTSTRAP_TOKEN)).expect(404);
      expect(missing.headers['content-type']).toMatch(PROBLEM);
      const malformed = await t.http.delete('/api/v1/api-keys/123').set(bearer(BOOTSTRAP_TOKEN)).expect(400);
      expect(malformed.headers['content-type']).toMatch(PROBLEM);
    });

    it('answers 401 without a token and 403 for an HR_OFFICER, which cannot revoke even its own key', async () => {
      const organization = await makeOrganization(t);
      const hr = await createKey({ name: 'hr', role: 'HR_OFFICER', organizationId: organization.id }).expect(201);
      await t.http.delete(`/api/v1/api-keys/${hr.body.id}`).expect(401);
      const forbidden = await t.http.delete(`/api/v1/api-keys/${hr.body.id}`).set(bearer(hr.body.token)).expect(403);
      expect(forbidden.headers['content-type']).toMatch(PROBLEM);
      const read = await t.http.get(`/api/v1/api-keys/${hr.body.id}`).set(bearer(BOOTSTRAP_TOKEN)).expect(200);
      expect(read.body.revokedAt).toBeNull();
    });
  });

  it('documents every operation in the OpenAPI document', async () => {
    const document = await t.http.get('/docs-json').expect(200);
    const paths = document.body.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;
    expect(Object.keys(paths['/api/v1/api-keys']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(paths['/api/v1/api-keys/{id}']).sort()).toEqual(['delete', 'get']);
    expect(Object.keys(paths['/api/v1/api-keys'].post.responses)).toEqual(
      expect.arrayContaining(['201', '400', '401', '403', '422']),
    );
    expect(Object.keys(paths['/api/v1/api-keys/{id}'].delete.responses)).toEqual(
      expect.arrayContaining(['204', '400', '401', '403', '404']),
    );
    const schemas = document.body.components.schemas;
    expect(
      Object.keys(schemas.CreatedApiKeyDto.properties ?? {}).concat(schemas.CreatedApiKeyDto.allOf ? ['token'] : []),
    ).toContain('token');
    expect(schemas.ApiKeyDto.properties).not.toHaveProperty('token');
  });
});
