import { describe, expect, it } from '@jest/globals';
import { makeIndividual, makeOrganization } from '../support/factories.js';
import { useTestApp } from '../support/lifecycle.js';
import { BOOTSTRAP_TOKEN, bearer } from '../support/test-app.js';
import { PUBLIC_CACHE_CONTROL } from '../../src/common/http/public-cache.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('X-Request-Id of the caller', () => {
  const t = useTestApp();

  /** The request id the audit trail recorded for the organization a request created. */
  async function auditedRequestId(organizationId: string): Promise<string | null> {
    const rows = await t.db.query<{ request_id: string | null }[]>(
      `SELECT request_id FROM audit_events WHERE entity_type = 'organizations' AND entity_id = $1`,
      [organizationId],
    );
    expect(rows).toHaveLength(1);
    return rows[0].request_id;
  }

  it('keeps a well-formed id (a UUID, or up to 64 of A-Z a-z 0-9 . _ -): echoed and written into the audit trail', async () => {
    for (const id of ['0f8fad5b-d9cb-469f-a165-70867728950e', 'import_2024-01.batch-7', 'x'.repeat(64)]) {
      const response = await t.http
        .post('/api/v1/organizations')
        .set(bearer(BOOTSTRAP_TOKEN))
        .set('x-request-id', id)
        .send({ code: `REQ-${id.length}-${id.slice(0, 4)}`, name: 'Phòng Văn hóa', kind: 'UNIT' })
        .expect(201);
      expect(response.headers['x-request-id']).toBe(id);
      expect(await auditedRequestId(response.body.id as string)).toBe(id);
    }
  });

  it.each([
    ['too long (65 characters)', 'x'.repeat(65)],
    ['with a colon', 'evil:forged'],
    ['with spaces and markup', '<script> alert(1)'],
    ['with a line break of a forged log line', 'a\tb'],
  ])('replaces an id %s by a UUID of its own, in the response and the audit trail', async (_what, id) => {
    const response = await t.http
      .post('/api/v1/organizations')
      .set(bearer(BOOTSTRAP_TOKEN))
      .set('x-request-id', id)
      .send({ code: `REQ-BAD-${id.length}`, name: 'Phòng Văn hóa', kind: 'UNIT' })
      .expect(201);
    expect(response.headers['x-request-id']).toMatch(UUID);
    expect(await auditedRequestId(response.body.id as string)).toBe(response.headers['x-request-id']);
  });
});

describe('Cache-Control of authenticated responses', () => {
  const t = useTestApp();

  it('sends no-store on every response to a request with a token: reads, writes, lists and errors', async () => {
    const organization = await makeOrganization(t);
    const person = await makeIndividual(t, organization.id);
    const auditor = await t.token('AUDITOR');
    const responses = [
      await t.http.get(`/api/v1/individuals/${person.id}`).set(bearer(auditor)).expect(200),
      await t.http.get('/api/v1/individuals').set(bearer(auditor)).expect(200),
      await t.http.get('/api/v1/audit-events').set(bearer(auditor)).expect(200),
      await t.http.get('/api/v1/api-keys').set(bearer(BOOTSTRAP_TOKEN)).expect(200),
      await t.http
        .post('/api/v1/organizations')
        .set(bearer(BOOTSTRAP_TOKEN))
        .send({ code: 'NS', name: 'Sở Nội vụ', kind: 'DEPARTMENT' })
        .expect(201),
      // A public route read with a token, and a refused token.
      await t.http.get('/api/v1/award-types').set(bearer(auditor)).expect(200),
      await t.http.get('/api/v1/individuals').set(bearer('ar_made-up-token')).expect(401),
      await t.http.get('/api/v1/individuals/00000000-0000-4000-8000-000000000000').set(bearer(auditor)).expect(404),
    ];
    for (const response of responses) expect(response.headers['cache-control']).toBe('no-store');
  });

  it('lets any cache keep public reads without a token (public-cache.e2e-spec.ts has the validators)', async () => {
    const catalogue = await t.http.get('/api/v1/award-types').expect(200);
    expect(catalogue.headers['cache-control']).toBe(PUBLIC_CACHE_CONTROL);
    const template = await t.http.get('/api/v1/nominations/import/template.csv').expect(200);
    expect(template.headers['cache-control']).toBe('public, max-age=3600');
  });
});
