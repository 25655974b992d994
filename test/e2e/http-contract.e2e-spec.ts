import { describe, expect, it } from '@jest/globals';
import { makeNomination, makeRatedIndividual, makeTree } from '../support/factories.js';
import { useTestApp } from '../support/lifecycle.js';
import { BOOTSTRAP_TOKEN, bearer } from '../support/test-app.js';

const PROBLEM = /^application\/problem\+json/;
const admin = bearer(BOOTSTRAP_TOKEN);

/** What the OpenAPI document promises about methods and bodies, which the router and the body parsers once broke. */
describe('HTTP contract: methods and bodies as docs/http-contract.md describes them', () => {
  const t = useTestApp();

  const countRows = async (table: string) =>
    Number((await t.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number);

  it('answers a known path asked with another method with 405 and Allow, an unknown path with 404', async () => {
    const put = await t.http.put('/api/v1/organizations').set(admin).send({});
    expect(put.status).toBe(405);
    expect(put.headers['content-type']).toMatch(PROBLEM);
    expect(put.headers.allow).toBe('GET, HEAD, POST');
    expect(put.body).toMatchObject({ status: 405, code: 'METHOD_NOT_ALLOWED' });

    const deleteTree = await t.http.delete('/api/v1/organizations/00000000-0000-4000-8000-000000000000').set(admin);
    expect([deleteTree.status, deleteTree.headers.allow]).toEqual([405, 'GET, HEAD, PATCH']);

    const unknown = await t.http.get('/api/v1/no-such-thing').set(admin);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('does not read GET /nominations/check as GET /nominations/{id}: 405, POST allowed', async () => {
    const response = await t.http.get('/api/v1/nominations/check').set(admin);
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('POST');
    expect(response.body.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('refuses a JSON null, an array or a scalar as a body with 400, and writes nothing', async () => {
    const tree = await makeTree(t);
    const person = await makeRatedIndividual(t, tree.unit.id);
    const nomination = await makeNomination(t, {
      year: 2024,
      awardCode: 'GIAY_KHEN',
      individualId: person.id,
      proposingOrganizationId: tree.department.id,
    });
    const events = await countRows('nomination_events');
    const audit = await countRows('audit_events');
    for (const payload of ['null', '[]', '"x"', '1']) {
      const response = await t.http
        .patch(`/api/v1/nominations/${nomination.id}`)
        .set(admin)
        .set('content-type', 'application/json')
        .send(payload);
      expect([payload, response.status, response.body.code, response.body.errors]).toEqual([
        payload,
        400,
        'VALIDATION_FAILED',
        [{ field: 'body', message: 'phải là một đối tượng JSON' }],
      ]);
    }
    const english = await t.http
      .patch(`/api/v1/nominations/${nomination.id}`)
      .set(admin)
      .set('accept-language', 'en')
      .set('content-type', 'application/json')
      .send('null');
    expect([english.body.title, english.body.errors]).toEqual([
      'Invalid request',
      [{ field: 'body', message: 'must be a JSON object' }],
    ]);
    const organization = await t.http
      .patch(`/api/v1/organizations/${tree.unit.id}`)
      .set(admin)
      .set('content-type', 'application/json')
      .send('null');
    expect(organization.status).toBe(400);
    expect(await countRows('nomination_events')).toBe(events);
    expect(await countRows('audit_events')).toBe(audit);
  });

  it('refuses body fields named like Object.prototype members, as it refuses every unknown field', async () => {
    for (const field of ['hasOwnProperty', 'constructor', 'toString', 'valueOf']) {
      const response = await t.http
        .post('/api/v1/organizations')
        .set(admin)
        .set('content-type', 'application/json')
        .send(`{"code":"X-${field}","name":"Tên","kind":"PROVINCE","${field}":1}`);
      expect([field, response.status, response.body.errors]).toEqual([
        field,
        400,
        [{ field, message: `trường ${field} không được phép gửi` }],
      ]);
    }
    expect(await countRows('organizations')).toBe(0);
  });

  it('takes JSON bodies only: text/plain and form bodies are 415', async () => {
    for (const [type, payload] of [
      ['text/plain', 'hello'],
      ['application/x-www-form-urlencoded', 'code=X1&name=T&kind=PROVINCE'],
      ['application/xml', '<a/>'],
    ]) {
      const response = await t.http.post('/api/v1/organizations').set(admin).set('content-type', type).send(payload);
      expect([type, response.status, response.body.code]).toEqual([type, 415, 'UNSUPPORTED_MEDIA_TYPE']);
      expect(response.headers['content-type']).toMatch(PROBLEM);
    }
    expect(await countRows('organizations')).toBe(0);
  });

  it('detaches an organization with PATCH { parentId: null }, and clears its short name with null', async () => {
    const tree = await makeTree(t);
    const response = await t.http
      .patch(`/api/v1/organizations/${tree.department.id}`)
      .set(admin)
      .send({ parentId: null, shortName: null });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ parentId: null, shortName: null });
  });
});
