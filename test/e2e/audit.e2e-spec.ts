import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import type supertest from 'supertest';
import { chainHash } from '../../src/audit/audit-chain.js';
import { AuditSealer } from '../../src/audit/audit-sealer.service.js';
import { BOOTSTRAP_KEY_ID } from '../../src/auth/principal.js';
import { startAppInstance, type AppInstance } from '../support/app-instance.js';
import { makeTree, revocationFields } from '../support/factories.js';
import { BOOTSTRAP_TOKEN, bearer, createTestApp, type TestApp } from '../support/test-app.js';

// Booting two applications and running whole workloads take longer than Jest's default 5 s on a busy machine.

const PROBLEM = /application\/problem\+json/;
const NATIONAL_ID = '079085001234';
const NEW_NATIONAL_ID = '079085009999';
const BIRTH_DATE = '1985-05-20';
const Y = 2024;

type Client = ReturnType<typeof supertest>;
type Created = { id: string; token: string; awards: { id: string }[] };
type Headers = Record<string, string>;
interface AuditEvent {
  id: string;
  seq: number | null;
  at: string;
  actorKeyId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
  dbUser: string;
  hash: string | null;
  prevHash: string | null;
}

/**
 * The audit trail: every change through the API leaves an event in the same transaction, with its actor and
 * request id; the events form one hash chain that detects any edit or deletion made behind the API's back, also
 * when several API instances write at once.
 */
describe('audit trail', () => {
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

  const seal = (app = t.app) => app.get(AuditSealer).sealPending({ wait: true });
  const eventCount = async () =>
    Number((await t.db.query<{ n: string }[]>('SELECT count(*) AS n FROM audit_events'))[0].n);
  const auditor = async () => bearer(await t.token('AUDITOR'));

  /** Every event matching `query`, following the cursor to the end. */
  async function allEvents(
    auth: Headers,
    query: Record<string, string> = {},
    http: Client = t.http,
  ): Promise<AuditEvent[]> {
    const items: AuditEvent[] = [];
    let cursor: string | null = null;
    do {
      const response = await http
        .get('/api/v1/audit-events')
        .query({ ...query, limit: '200', ...(cursor ? { cursor } : {}) })
        .set(auth)
        .expect(200);
      items.push(...(response.body.items as AuditEvent[]));
      cursor = response.body.nextCursor as string | null;
    } while (cursor);
    return items;
  }

  /**
   * Changes the audit table the way someone with database access could, past the append-only trigger (a
   * superuser switching triggers off for the transaction).
   */
  async function tamper(sql: string, params: unknown[] = []): Promise<void> {
    await t.db.transaction(async (manager) => {
      await manager.query('SET LOCAL session_replication_role = replica');
      await manager.query(sql, params);
    });
  }

  /** The body of a response that must have `status`; the fields the workload reads back. */
  function ok(response: supertest.Response, status: number, what: string): Created {
    if (response.status !== status) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as Created;
  }

  /**
   * A working day through the API: keys created by an ADMIN key, organizations, people with personal data,
   * ratings, an initiative, a disciplinary case opened and closed, a unit quota set and removed, rule settings,
   * a nomination drafted, submitted and approved, a decision signed, its award revoked, a key revoked.
   */
  async function workload() {
    const tree = await makeTree(t);
    const adminKey = ok(
      await t.http
        .post('/api/v1/api-keys')
        .set(bearer(BOOTSTRAP_TOKEN))
        .set('x-request-id', 'audit-e2e-admin-key')
        .send({ name: 'Quản trị viên', role: 'ADMIN' }),
      201,
      'admin key',
    );
    const admin = bearer(adminKey.token);
    const mint = async (role: string, organizationId?: string) =>
      ok(
        await t.http
          .post('/api/v1/api-keys')
          .set(admin)
          .send({ name: `Khóa ${role}`, role, organizationId }),
        201,
        `${role} key`,
      );
    const hrKey = await mint('HR_OFFICER', tree.department.id);
    const approverKey = await mint('APPROVER', tree.department.id);
    const auditorKey = await mint('AUDITOR');
    const hr = bearer(hrKey.token);
    const approver = bearer(approverKey.token);

    const organization = ok(
      await t.http
        .post('/api/v1/organizations')
        .set(admin)
        .set('x-request-id', 'audit-e2e-org')
        .send({ code: 'DB-TTCNTT', name: 'Trung tâm CNTT', kind: 'UNIT', parentId: tree.department.id }),
      201,
      'organization',
    );
    ok(
      await t.http.patch(`/api/v1/organizations/${organization.id}`).set(admin).send({ shortName: 'TT CNTT' }),
      200,
      'patch organization',
    );

    const person = ok(
      await t.http.post('/api/v1/individuals').set(hr).set('x-request-id', 'audit-e2e-person').send({
        fullName: 'Lò Thị Mai',
        gender: 'FEMALE',
        birthDate: BIRTH_DATE,
        nationalId: NATIONAL_ID,
        position: 'Chuyên viên',
        organizationId: tree.unit.id,
      }),
      201,
      'individual',
    );
    ok(
      await t.http
        .patch(`/api/v1/individuals/${person.id}`)
        .set(hr)
        .send({ nationalId: NEW_NATIONAL_ID, position: 'Phó phòng' }),
      200,
      'patch individual',
    );
    ok(
      await t.http.put(`/api/v1/individuals/${person.id}/ratings/${Y}`).set(hr).send({ rating: 'HTXS' }),
      200,
      'rating',
    );
    ok(
      await t.http
        .post(`/api/v1/individuals/${person.id}/initiatives`)
        .set(hr)
        .send({ year: Y, title: 'Số hóa hồ sơ thi đua', level: 'UNIT', recognizedOn: `${Y}-11-15` }),
      201,
      'initiative',
    );
    const colleague = ok(
      await t.http
        .post('/api/v1/individuals')
        .set(hr)
        .send({ fullName: 'Quàng Văn Sơn', organizationId: tree.unit.id }),
      201,
      'colleague',
    );
    const hold = ok(
      await t.http
        .post(`/api/v1/individuals/${colleague.id}/disciplinary-cases`)
        .set(hr)
        .send({ kind: 'INSPECTION', openedOn: `${Y}-03-01` }),
      201,
      'open case',
    );
    ok(
      await t.http
        .post(`/api/v1/disciplinary-cases/${hold.id}/close`)
        .set(hr)
        .send({ closedOn: `${Y}-04-01`, outcome: 'Không vi phạm' }),
      200,
      'close case',
    );

    // The unit's quota and council size are set from above it: by the department's approver.
    const quota = { organizationId: tree.unit.id, year: Y, awardCode: 'GIAY_KHEN' };
    ok(
      await t.http
        .put('/api/v1/quotas')
        .set(approver)
        .send({ ...quota, maxCount: 5 }),
      200,
      'quota',
    );
    const removed = await t.http.delete('/api/v1/quotas').query(quota).set(approver);
    if (removed.status >= 300) throw new Error(`delete quota: ${removed.status} ${JSON.stringify(removed.body)}`);
    ok(
      await t.http
        .post(`/api/v1/organizations/${tree.unit.id}/council-sizes`)
        .set(approver)
        .set('x-request-id', 'audit-e2e-council')
        .send({ members: 9, effectiveFrom: `${Y}-01-01`, reference: '07/QĐ-STTTT' }),
      201,
      'council size',
    );

    const nomination = ok(
      await t.http.post('/api/v1/nominations').set(hr).send({
        year: Y,
        awardCode: 'LAO_DONG_TIEN_TIEN',
        basis: 'REGULAR',
        individualId: person.id,
        proposingOrganizationId: tree.department.id,
        achievements: 'Hoàn thành xuất sắc nhiệm vụ năm 2024',
        expectedDecisionOn: '2025-01-10',
      }),
      201,
      'nomination',
    );
    ok(await t.http.post(`/api/v1/nominations/${nomination.id}/submit`).set(hr), 200, 'submit');
    ok(
      await t.http
        .post(`/api/v1/nominations/${nomination.id}/approve`)
        .set(approver)
        .set('x-request-id', 'audit-e2e-approve'),
      200,
      'approve',
    );
    const decision = ok(
      await t.http
        .post('/api/v1/decisions')
        .set(approver)
        .send({
          issuerOrganizationId: tree.department.id,
          authority: 'DEPARTMENT_HEAD',
          issuedOn: '2025-01-10',
          signerName: 'Vũ Anh Dũng',
          signerTitle: 'Giám đốc',
          signingMode: 'DIRECT',
          nominationIds: [nomination.id],
        }),
      201,
      'decision',
    );
    const award = decision.awards[0];
    ok(
      await t.http
        .post(`/api/v1/decisions/${decision.id}/awards/${award.id}/revoke`)
        .set(approver)
        .send(await revocationFields(t, decision.id, 'Khai không đúng thành tích')),
      201,
      'revoke award',
    );
    const revoked = await t.http
      .delete(`/api/v1/api-keys/${auditorKey.id}`)
      .set(admin)
      .set('x-request-id', 'audit-e2e-revoke-key');
    if (revoked.status >= 300) throw new Error(`revoke key: ${revoked.status}`);

    return { tree, admin, adminKey, hrKey, approverKey, auditorKey, organization, person, nomination, decision, award };
  }

  describe('capture', () => {
    it('records every change of a realistic workload with its actor and request id, and the chain verifies', async () => {
      const w = await workload();
      await seal();
      // Read with the workload's own ADMIN key: minting an auditor key now would be one more event.
      const audit = w.admin;
      const events = await allEvents(audit);
      expect(events).toHaveLength(await eventCount());

      // Everything above went through the API: each event names its role and request.
      expect(events.filter((e) => e.actorRole === null || e.requestId === null)).toEqual([]);
      expect(events.every((e) => e.seq !== null && e.hash !== null && e.prevHash !== null)).toBe(true);
      expect([...new Set(events.map((e) => e.entityType))]).toEqual(
        expect.arrayContaining([
          'organizations',
          'api_keys',
          'individuals',
          'individual_ratings',
          'initiatives',
          'disciplinary_cases',
          'unit_quotas',
          'council_sizes',
          'nominations',
          'decisions',
          'awards',
        ]),
      );

      const byRequest = (id: string) => events.filter((e) => e.requestId === id);
      expect(byRequest('audit-e2e-council')).toEqual([
        expect.objectContaining({
          action: 'council_sizes.create',
          entityType: 'council_sizes',
          actorKeyId: w.approverKey.id,
          actorRole: 'APPROVER',
          after: expect.objectContaining({ organizationId: w.tree.unit.id, members: 9 }),
        }),
      ]);
      expect(byRequest('audit-e2e-org')).toEqual([
        expect.objectContaining({
          action: 'organizations.create',
          entityType: 'organizations',
          entityId: w.organization.id,
          actorKeyId: w.adminKey.id,
          actorRole: 'ADMIN',
          before: null,
          after: expect.objectContaining({ code: 'DB-TTCNTT', parentId: w.tree.department.id }),
        }),
      ]);
      // The bootstrap token is the fixed bootstrap actor, an ADMIN.
      expect(byRequest('audit-e2e-admin-key')).toEqual([
        expect.objectContaining({
          action: 'api_keys.create',
          entityId: w.adminKey.id,
          actorKeyId: BOOTSTRAP_KEY_ID,
          actorRole: 'ADMIN',
        }),
      ]);
      expect(byRequest('audit-e2e-approve')).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            action: 'nominations.approve',
            entityId: w.nomination.id,
            actorKeyId: w.approverKey.id,
            actorRole: 'APPROVER',
            before: expect.objectContaining({ status: 'SUBMITTED' }),
            after: expect.objectContaining({ status: 'APPROVED' }),
          }),
        ]),
      );
      // A revocation through a plain UPDATE outside a transaction is attributed too.
      expect(byRequest('audit-e2e-revoke-key')).toEqual([
        expect.objectContaining({
          action: 'api_keys.revoke',
          entityId: w.auditorKey.id,
          actorKeyId: w.adminKey.id,
          after: expect.objectContaining({ revokedAt: expect.any(String) }),
        }),
      ]);
      const actions = new Set(events.map((e) => e.action));
      for (const action of [
        'organizations.update',
        'individuals.update',
        'individual_ratings.create',
        'initiatives.create',
        'disciplinary_cases.create',
        'disciplinary_cases.close',
        'unit_quotas.create',
        'unit_quotas.delete',
        'nominations.create',
        'nominations.submit',
        'nominations.decide',
        'decisions.create',
        'awards.create',
        'awards.revoke',
      ]) {
        expect(actions).toContain(action);
      }
      expect(events.filter((e) => e.actorKeyId === w.hrKey.id).every((e) => e.actorRole === 'HR_OFFICER')).toBe(true);
      expect(events.find((e) => e.action === 'individual_ratings.create')?.entityId).toBe(`${w.person.id}/${Y}`);

      const verify = await t.http.get('/api/v1/audit-events/verify').set(audit).expect(200);
      expect(verify.body).toEqual({
        ok: true,
        checked: events.length,
        pending: 0,
        head: { seq: events.length, hash: events[0].hash },
      });
    });

    it('redacts national id and birth date, and never stores a key token hash', async () => {
      const w = await workload();
      const events = await allEvents(await auditor(), { entityType: 'individuals', entityId: w.person.id });
      expect(events.map((e) => e.action)).toEqual(['individuals.update', 'individuals.create']);
      const [update, create] = events;
      expect(create.after).toMatchObject({
        fullName: 'Lò Thị Mai',
        nationalId: '[redacted]',
        birthDate: '[redacted]',
        position: 'Chuyên viên',
      });
      expect(update.before).toMatchObject({
        nationalId: '[redacted]',
        birthDate: '[redacted]',
        position: 'Chuyên viên',
      });
      expect(update.after).toMatchObject({
        nationalId: '[redacted, changed]',
        birthDate: '[redacted]',
        position: 'Phó phòng',
      });
      const colleague = (await allEvents(await auditor(), { entityType: 'individuals' })).find(
        (e) => e.after?.fullName === 'Quàng Văn Sơn',
      );
      expect(colleague?.after).toMatchObject({ nationalId: null, birthDate: null });

      const [stored] = await t.db.query<{ leaks: string }[]>(
        `SELECT count(*) AS leaks FROM audit_events
          WHERE concat(before::text, after::text) LIKE ANY ($1)
             OR before ? 'token_hash' OR after ? 'token_hash'`,
        [[`%${NATIONAL_ID}%`, `%${NEW_NATIONAL_ID}%`, `%${BIRTH_DATE}%`]],
      );
      expect(Number(stored.leaks)).toBe(0);
      const keys = await allEvents(await auditor(), { entityType: 'api_keys' });
      expect(keys.length).toBeGreaterThan(0);
      for (const event of keys) expect(event.after).not.toHaveProperty('tokenHash');
    });

    it('writes nothing for a change that is refused or rolled back', async () => {
      await makeTree(t);
      const before = await eventCount();
      await t.http
        .post('/api/v1/organizations')
        .set(bearer(BOOTSTRAP_TOKEN))
        .send({ code: 'DUP', name: 'A', kind: 'UNIT' })
        .expect(201);
      await t.http
        .post('/api/v1/organizations')
        .set(bearer(BOOTSTRAP_TOKEN))
        .send({ code: 'DUP', name: 'B', kind: 'UNIT' })
        .expect(409);
      expect(await eventCount()).toBe(before + 1);
    });

    it('records changes made outside the API too, without an actor but with the database user', async () => {
      await t.db.query(`INSERT INTO organizations (code, name, kind) VALUES ('SQL-1', 'Nhập tay', 'OTHER')`);
      const [event] = await allEvents(await auditor(), { entityType: 'organizations' });
      expect(event).toMatchObject({
        action: 'organizations.create',
        actorKeyId: null,
        actorRole: null,
        requestId: null,
        dbUser: expect.any(String),
      });
    });
  });

  describe('the chain', () => {
    it('is sealed in the background within moments, without being asked', async () => {
      await makeTree(t);
      const audit = await auditor();
      let body: { pending: number; checked: number } = { pending: 1, checked: 0 };
      for (let i = 0; i < 50 && (body.pending > 0 || body.checked === 0); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        body = (await t.http.get('/api/v1/audit-events/verify').set(audit).expect(200)).body;
      }
      expect(body).toMatchObject({ ok: true, pending: 0, checked: await eventCount() });
    });

    it('refuses UPDATE and DELETE of audit events through the database', async () => {
      await makeTree(t);
      await seal();
      await expect(t.db.query(`UPDATE audit_events SET action = 'organizations.delete' WHERE seq = 1`)).rejects.toThrow(
        /cannot change/,
      );
      await expect(t.db.query(`DELETE FROM audit_events WHERE seq = 1`)).rejects.toThrow(/cannot be deleted/);
      await expect(t.db.query(`UPDATE audit_chain_head SET seq = 0`)).rejects.toThrow(/only moves forward/);
    });

    it('detects an event edited in the database: verify names its id and seq', async () => {
      await makeTree(t);
      await seal();
      const [target] = await t.db.query<{ id: string }[]>(`SELECT id::text AS id FROM audit_events WHERE seq = 2`);
      await tamper(`UPDATE audit_events SET after = jsonb_set(after, '{name}', '"Sở Giả mạo"') WHERE seq = 2`);
      const response = await t.http
        .get('/api/v1/audit-events/verify')
        .set(await auditor())
        .expect(200);
      expect(response.body).toMatchObject({
        ok: false,
        checked: 2,
        brokenAt: { id: target.id, seq: 2, reason: 'hash mismatch' },
      });
    });

    it('detects an edit whose hash was recomputed by the next link', async () => {
      await makeTree(t);
      await seal();
      const [row] = await t.db.query<{ id: string; prev_hash: string }[]>(
        `SELECT id::text AS id, prev_hash FROM audit_events WHERE seq = 2`,
      );
      // Forge event 2 consistently (content and its own hash): event 3 still points at the old hash.
      await tamper(`UPDATE audit_events SET actor_role = 'AUDITOR' WHERE seq = 2`);
      const [forged] = await t.db.query<Record<string, string | null>[]>(
        `SELECT e.id::text AS "id", e.seq::text AS "seq", to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "at",
                e.actor_key_id::text AS "actorKeyId", e.actor_role AS "actorRole", e.action AS "action", e.entity_type AS "entityType",
                e.entity_id AS "entityId", e.request_id AS "requestId", e.db_user AS "dbUser", e.before::text AS "before", e.after::text AS "after"
           FROM audit_events e WHERE e.id = $1`,
        [row.id],
      );
      const hash = chainHash(row.prev_hash, forged as never);
      await tamper(`UPDATE audit_events SET hash = $1 WHERE id = $2`, [hash, row.id]);
      const response = await t.http
        .get('/api/v1/audit-events/verify')
        .set(await auditor())
        .expect(200);
      expect(response.body).toMatchObject({ ok: false, brokenAt: { seq: 3, reason: 'broken link' } });
    });

    it('detects an event deleted in the database', async () => {
      await makeTree(t);
      await seal();
      await tamper(`DELETE FROM audit_events WHERE seq = 2`);
      const [next] = await t.db.query<{ id: string }[]>(`SELECT id::text AS id FROM audit_events WHERE seq = 3`);
      const response = await t.http
        .get('/api/v1/audit-events/verify')
        .set(await auditor())
        .expect(200);
      expect(response.body).toMatchObject({
        ok: false,
        checked: 2,
        brokenAt: { id: next.id, seq: 3, reason: 'sequence gap' },
      });
    });

    it('detects the newest events deleted', async () => {
      await makeTree(t);
      await seal();
      const total = await eventCount();
      await tamper(`DELETE FROM audit_events WHERE seq >= $1`, [total - 1]);
      const response = await t.http
        .get('/api/v1/audit-events/verify')
        .set(await auditor())
        .expect(200);
      expect(response.body).toMatchObject({
        ok: false,
        checked: total - 2,
        brokenAt: { id: null, seq: total - 1, reason: 'truncated' },
      });
    });

    it('keeps detecting a break after later events are sealed on top of it', async () => {
      await makeTree(t);
      await seal();
      await tamper(`UPDATE audit_events SET entity_id = 'x' WHERE seq = 1`);
      await t.http
        .post('/api/v1/organizations')
        .set(bearer(BOOTSTRAP_TOKEN))
        .send({ code: 'LATER', name: 'Sau', kind: 'UNIT' })
        .expect(201);
      await seal();
      const response = await t.http
        .get('/api/v1/audit-events/verify')
        .set(await auditor())
        .expect(200);
      expect(response.body).toMatchObject({ ok: false, checked: 1, brokenAt: { seq: 1, reason: 'hash mismatch' } });
    });
  });

  describe('the sealer and maintenance', () => {
    it('never deadlocks with a TRUNCATE of the tables while it seals (what t.reset() does between tests)', async () => {
      const busy = await startAppInstance(t.url, { AUDIT_SEAL_INTERVAL_MS: '1' });
      try {
        for (let round = 0; round < 10; round++) {
          await t.db.query(
            `INSERT INTO organizations (code, name, kind) SELECT 'T' || $1 || '-' || i, 'Đơn vị', 'UNIT' FROM generate_series(1, 300) i`,
            [round],
          );
          await new Promise((resolve) => setTimeout(resolve, round * 3));
          await t.reset();
        }
      } finally {
        await busy.close();
      }
      expect(await eventCount()).toBe(0);
    });
  });

  describe('two API instances on one database', () => {
    let second: AppInstance;
    beforeAll(async () => {
      second = await startAppInstance(t.url, { AUDIT_SEAL_INTERVAL_MS: '25' });
    });
    afterAll(async () => {
      await second.close();
    });

    it('interleaved concurrent writes on both instances still form one valid chain', async () => {
      const audit = await auditor();
      const tree = await makeTree(t);
      const hr = bearer(await t.token('HR_OFFICER', tree.department.id));
      const clients = [t.http, second.http];
      const created = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          clients[i % 2]
            .post('/api/v1/organizations')
            .set(bearer(BOOTSTRAP_TOKEN))
            .set('x-request-id', `multi-org-${i}`)
            .send({ code: `MULTI-${i}`, name: `Đơn vị ${i}`, kind: 'UNIT', parentId: tree.unit.id })
            .expect(201),
        ),
      );
      await Promise.all(
        created.flatMap((response, i) => [
          clients[(i + 1) % 2]
            .patch(`/api/v1/organizations/${response.body.id}`)
            .set(bearer(BOOTSTRAP_TOKEN))
            .send({ shortName: `ĐV ${i}` })
            .expect(200),
          clients[i % 2]
            .post('/api/v1/individuals')
            .set(hr)
            .set('x-request-id', `multi-person-${i}`)
            .send({ fullName: `Người ${i}`, organizationId: tree.unit.id })
            .expect(201),
        ]),
      );
      await Promise.all([seal(t.app), seal(second.app)]);

      const total = await eventCount();
      const [chain] = await t.db.query<{ min: string; max: string; n: string; unsealed: string }[]>(
        `SELECT min(seq) AS min, max(seq) AS max, count(seq) AS n, count(*) FILTER (WHERE seq IS NULL) AS unsealed FROM audit_events`,
      );
      expect({
        min: Number(chain.min),
        max: Number(chain.max),
        n: Number(chain.n),
        unsealed: Number(chain.unsealed),
      }).toEqual({ min: 1, max: total, n: total, unsealed: 0 });
      for (const http of clients) {
        const verify = await http.get('/api/v1/audit-events/verify').set(audit).expect(200);
        expect(verify.body).toMatchObject({ ok: true, pending: 0, checked: total });
      }
      const events = await allEvents(audit, {}, second.http);
      for (let i = 0; i < 40; i++) {
        expect(events.filter((e) => e.requestId === `multi-org-${i}`).map((e) => e.action)).toEqual([
          'organizations.create',
        ]);
        expect(events.filter((e) => e.requestId === `multi-person-${i}`)).toEqual([
          expect.objectContaining({ action: 'individuals.create', actorRole: 'HR_OFFICER' }),
        ]);
      }
    });
  });

  describe('GET /audit-events', () => {
    it('filters by entity, actor, action and time, newest first, in keyset pages', async () => {
      const w = await workload();
      const audit = await auditor();
      const all = await allEvents(audit);
      const ids = all.map((e) => BigInt(e.id));
      expect(ids).toEqual([...ids].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));

      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const page: supertest.Response = await t.http
          .get('/api/v1/audit-events')
          .query({ limit: '7', ...(cursor ? { cursor } : {}) })
          .set(audit)
          .expect(200);
        expect(page.body.items.length).toBeLessThanOrEqual(7);
        paged.push(...page.body.items.map((e: AuditEvent) => e.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(paged).toEqual(all.map((e) => e.id));

      const hrEvents = await allEvents(audit, { actorKeyId: w.hrKey.id });
      expect(hrEvents.length).toBeGreaterThan(0);
      expect(hrEvents.every((e) => e.actorKeyId === w.hrKey.id)).toBe(true);
      expect(hrEvents).toHaveLength(all.filter((e) => e.actorKeyId === w.hrKey.id).length);

      const nomination = await allEvents(audit, { entityType: 'nominations', entityId: w.nomination.id });
      expect(nomination.map((e) => e.action)).toEqual([
        'nominations.decide',
        'nominations.approve',
        'nominations.submit',
        'nominations.create',
      ]);
      expect(await allEvents(audit, { action: 'awards.revoke' })).toEqual([
        expect.objectContaining({ entityId: w.award.id }),
      ]);

      const middle = all[Math.floor(all.length / 2)].at;
      const since = await allEvents(audit, { from: middle });
      const until = await allEvents(audit, { to: middle });
      expect(since.length + until.length).toBe(all.length);
      expect(since.every((e) => e.at >= middle) && until.every((e) => e.at < middle)).toBe(true);
      expect(await allEvents(audit, { from: '2100-01-01T00:00:00Z' })).toEqual([]);
    });

    it('answers 400 for bad filters and cursors', async () => {
      const audit = await auditor();
      for (const query of [
        { entityType: 'passwords' },
        { actorKeyId: 'not-a-uuid' },
        { from: 'yesterday' },
        { from: '2025-02-01T00:00:00Z', to: '2025-01-01T00:00:00Z' },
        { action: 'DROP TABLE' },
        { limit: '0' },
        { cursor: 'bm90LWEtY3Vyc29y' },
        { color: 'red' },
      ]) {
        const response = await t.http.get('/api/v1/audit-events').query(query).set(audit);
        expect({ query, status: response.status }).toEqual({ query, status: 400 });
        expect(response.headers['content-type']).toMatch(PROBLEM);
      }
    });

    it('answers 401 without a token and 403 for roles other than AUDITOR and ADMIN, on every audit endpoint', async () => {
      const tree = await makeTree(t);
      const paths = ['/api/v1/audit-events', '/api/v1/audit-events/verify', '/api/v1/exports/audit-events.csv'];
      const hr = bearer(await t.token('HR_OFFICER', tree.department.id));
      const approver = bearer(await t.token('APPROVER', tree.department.id));
      const admin = bearer(await t.token('ADMIN'));
      const audit = await auditor();
      for (const path of paths) {
        const anonymous = await t.http.get(path).expect(401);
        expect(anonymous.headers['content-type']).toMatch(PROBLEM);
        expect((await t.http.get(path).set(hr).expect(403)).body.code).toBe('FORBIDDEN');
        await t.http.get(path).set(approver).expect(403);
        await t.http.get(path).set(audit).expect(200);
        await t.http.get(path).set(admin).expect(200);
      }
    });
  });

  describe('GET /exports/audit-events.csv', () => {
    it('streams the filtered trail as UTF-8 CSV with a BOM, named after the filter, each row verifiable on its own', async () => {
      const w = await workload();
      await seal();
      const response = await t.http
        .get('/api/v1/exports/audit-events.csv')
        .query({ entityType: 'individuals' })
        .set(await auditor())
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(response.headers['content-disposition']).toMatch(
        /^attachment; filename="audit-events_entityType-individuals_\d{8}T\d{6}Z\.csv"$/,
      );
      const body = response.body as Buffer;
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = body.toString('utf8').slice(1);
      expect(text).not.toContain(NATIONAL_ID);

      const rows = parse<Record<string, string>>(text, { columns: true });
      const expected = await allEvents(await auditor(), { entityType: 'individuals' });
      expect(rows.map((r) => r.id)).toEqual(expected.map((e) => e.id));
      expect(rows.find((r) => r.entityId === w.person.id && r.action === 'individuals.create')?.after).toContain(
        'Lò Thị Mai',
      );
      const orNull = (value: string) => (value === '' ? null : value);
      for (const row of rows) {
        const content = {
          id: row.id,
          seq: row.seq,
          at: row.at,
          actorKeyId: orNull(row.actorKeyId),
          actorRole: orNull(row.actorRole),
          action: row.action,
          entityType: row.entityType,
          entityId: row.entityId,
          requestId: orNull(row.requestId),
          dbUser: row.dbUser,
          before: orNull(row.before),
          after: orNull(row.after),
        };
        expect(chainHash(row.prevHash, content)).toBe(row.hash);
      }
    });

    it('answers 400 for bad filters', async () => {
      const response = await t.http
        .get('/api/v1/exports/audit-events.csv')
        .query({ actorKeyId: 'x' })
        .set(await auditor())
        .expect(400);
      expect(response.headers['content-type']).toMatch(PROBLEM);
    });
  });
});
