import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { makeOrganization, makeTree } from '../support/factories.js';
import { BOOTSTRAP_TOKEN, bearer, createTestApp, type TestApp } from '../support/test-app.js';

const PROBLEM = /application\/problem\+json/;

describe('organizations', () => {
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

  it('creates an organization as ADMIN and reads it publicly', async () => {
    const created = await t.http
      .post('/api/v1/organizations')
      .set(bearer(BOOTSTRAP_TOKEN))
      .send({
        code: 'DB-STTTT',
        name: 'Sở Thông tin và Truyền thông tỉnh Điện Biên',
        kind: 'DEPARTMENT',
        documentSymbol: 'STTTT',
      })
      .expect(201);
    expect(created.body).toMatchObject({
      code: 'DB-STTTT',
      kind: 'DEPARTMENT',
      documentSymbol: 'STTTT',
      parentId: null,
    });
    const read = await t.http.get(`/api/v1/organizations/${created.body.id}`).expect(200);
    expect(read.body.name).toBe('Sở Thông tin và Truyền thông tỉnh Điện Biên');
  });

  it('rejects unknown fields, bad kinds and missing names with 400 naming each field', async () => {
    const response = await t.http
      .post('/api/v1/organizations')
      .set(bearer(BOOTSTRAP_TOKEN))
      .send({ code: 'X', kind: 'CITY', color: 'red' })
      .expect(400);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    const fields = response.body.errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'kind', 'color']));
  });

  it('answers 401 without a token and 403 for a role that may not write', async () => {
    await t.http.post('/api/v1/organizations').send({ code: 'A', name: 'A', kind: 'UNIT' }).expect(401);
    const hr = await t.token('HR_OFFICER', (await makeOrganization(t)).id);
    const response = await t.http
      .post('/api/v1/organizations')
      .set(bearer(hr))
      .send({ code: 'A', name: 'A', kind: 'UNIT' })
      .expect(403);
    expect(response.body.code).toBe('FORBIDDEN');
  });

  it('answers 409 for a duplicate code and 404 for an unknown id', async () => {
    await makeOrganization(t, { code: 'DUP' });
    const duplicate = await t.http
      .post('/api/v1/organizations')
      .set(bearer(BOOTSTRAP_TOKEN))
      .send({ code: 'DUP', name: 'B', kind: 'UNIT' })
      .expect(409);
    expect(duplicate.body.code).toBe('ORGANIZATION_CODE_TAKEN');
    await t.http.get('/api/v1/organizations/00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('returns a whole subtree with ancestorId, and children with parentId', async () => {
    const tree = await makeTree(t);
    const subtree = await t.http.get(`/api/v1/organizations?ancestorId=${tree.province.id}`).expect(200);
    expect(subtree.body.items.map((o: { id: string }) => o.id).sort()).toEqual(
      [tree.province.id, tree.department.id, tree.unit.id, tree.otherDepartment.id].sort(),
    );
    const children = await t.http.get(`/api/v1/organizations?parentId=${tree.department.id}`).expect(200);
    expect(children.body.items.map((o: { id: string }) => o.id)).toEqual([tree.unit.id]);
  });

  it('moves a subtree with PATCH parentId and refuses a cycle with 422', async () => {
    const tree = await makeTree(t);
    await t.http
      .patch(`/api/v1/organizations/${tree.department.id}`)
      .set(bearer(BOOTSTRAP_TOKEN))
      .send({ parentId: tree.otherDepartment.id })
      .expect(200);
    const under = await t.http.get(`/api/v1/organizations?ancestorId=${tree.otherDepartment.id}`).expect(200);
    expect(under.body.items.map((o: { id: string }) => o.id)).toEqual(
      expect.arrayContaining([tree.department.id, tree.unit.id]),
    );
    const cycle = await t.http
      .patch(`/api/v1/organizations/${tree.otherDepartment.id}`)
      .set(bearer(BOOTSTRAP_TOKEN))
      .send({ parentId: tree.unit.id })
      .expect(422);
    expect(cycle.body.code).toBe('ORGANIZATION_CYCLE');
  });

  it('finds organizations by name without diacritics', async () => {
    await makeTree(t);
    const found = await t.http.get('/api/v1/organizations?q=SO THONG TIN').expect(200);
    expect(found.body.items).toHaveLength(1);
    expect(found.body.items[0].name).toBe('Sở Thông tin và Truyền thông');
  });

  it('pages with a keyset cursor and rejects a forged cursor', async () => {
    for (let i = 0; i < 5; i++) await makeOrganization(t, { code: `P-${i}` });
    const first = await t.http.get('/api/v1/organizations?limit=2').expect(200);
    expect(first.body.items).toHaveLength(2);
    const second = await t.http.get(`/api/v1/organizations?limit=2&cursor=${first.body.nextCursor}`).expect(200);
    expect(second.body.items[0].code > first.body.items[1].code).toBe(true);
    const third = await t.http.get(`/api/v1/organizations?limit=2&cursor=${second.body.nextCursor}`).expect(200);
    expect(third.body.nextCursor).toBeNull();
    await t.http.get('/api/v1/organizations?cursor=bm9wZQ').expect(400);
    await t.http.get('/api/v1/organizations?limit=201').expect(400);
  });

  it('answers malformed JSON and malformed ids with 400 problems, never 500', async () => {
    const malformed = await t.http
      .post('/api/v1/organizations')
      .set(bearer(BOOTSTRAP_TOKEN))
      .set('content-type', 'application/json')
      .send('{"code":')
      .expect(400);
    expect(malformed.headers['content-type']).toMatch(PROBLEM);
    const badId = await t.http.get('/api/v1/organizations/not-a-uuid').expect(400);
    expect(badId.body.errors).toEqual([{ field: 'id', message: 'phải là một UUID' }]);
  });
});
