import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type supertest from 'supertest';
import { requestFingerprint } from '../../src/idempotency/request-fingerprint.js';
import { listenOnLoopback, startAppInstance, type AppInstance } from '../support/app-instance.js';
import { makeApprovedNomination, makeIndividual, makeTree } from '../support/factories.js';
import { BOOTSTRAP_TOKEN, bearer, createTestApp, type TestApp } from '../support/test-app.js';

const PROBLEM = /application\/problem\+json/;
type Client = ReturnType<typeof supertest>;

describe('Idempotency-Key on POST', () => {
  let t: TestApp;
  let tree: Awaited<ReturnType<typeof makeTree>>;
  let hr: string;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    await t.reset();
    tree = await makeTree(t);
    hr = await t.token('HR_OFFICER', tree.department.id);
  });

  const count = async (table: string) =>
    Number((await t.db.query<{ n: string }[]>(`SELECT count(*) AS n FROM ${table}`))[0].n);

  /** A Giấy khen for the department's unit, as a collective: eligible without any history. */
  const nominationBody = () => ({
    year: 2024,
    awardCode: 'GIAY_KHEN',
    basis: 'REGULAR',
    organizationId: tree.unit.id,
    proposingOrganizationId: tree.department.id,
    achievements: 'Hoàn thành xuất sắc nhiệm vụ năm 2024',
  });

  const postNomination = (key: string, body: object, token = hr, client: Client = t.http) =>
    client.post('/api/v1/nominations').set(bearer(token)).set('idempotency-key', key).send(body);

  it('replays the first response to a retry with the same key and body, and creates nothing more', async () => {
    const key = randomUUID();
    const first = await postNomination(key, nominationBody()).expect(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    // The same request, its fields in another order: still the same request.
    const reordered = Object.fromEntries(Object.entries(nominationBody()).reverse());
    const retry = await postNomination(key, reordered).expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.headers['content-type']).toMatch(/application\/json/);
    expect(retry.text).toBe(first.text);
    expect(await count('nominations')).toBe(1);

    const row = (
      await t.db.query<{ state: string; committed_at: Date | null; response_status: number }[]>(
        `SELECT state, committed_at, response_status FROM idempotency_keys WHERE idempotency_key = $1`,
        [key],
      )
    )[0];
    // Marked committed inside the transaction that created the nomination, then completed with its response.
    expect(row).toMatchObject({ state: 'COMPLETED', response_status: 201 });
    expect(row.committed_at).not.toBeNull();
  });

  it('answers 422 IDEMPOTENCY_KEY_REUSED for the same key with another body, creating nothing', async () => {
    const key = randomUUID();
    await postNomination(key, nominationBody()).expect(201);
    const other = await postNomination(key, { ...nominationBody(), achievements: 'Một thành tích khác' }).expect(422);
    expect(other.headers['content-type']).toMatch(PROBLEM);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // Another path with the same key is another request too.
    const elsewhere = await t.http
      .post('/api/v1/nominations/check')
      .set(bearer(hr))
      .set('idempotency-key', key)
      .send(nominationBody())
      .expect(422);
    expect(elsewhere.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await count('nominations')).toBe(1);
  });

  it('scopes keys per API key: another caller with the same key runs its own request', async () => {
    const key = 'create-key-2024-01';
    const firstAdmin = await t.token('ADMIN');
    const secondAdmin = await t.token('ADMIN');
    const body = { name: 'Cán bộ thi đua Sở TT&TT', role: 'AUDITOR' };
    const create = (token: string) =>
      t.http.post('/api/v1/api-keys').set(bearer(token)).set('idempotency-key', key).send(body);
    const a = await create(firstAdmin).expect(201);
    const b = await create(secondAdmin).expect(201);
    expect(b.headers['idempotent-replayed']).toBeUndefined();
    expect(b.body.id).not.toBe(a.body.id);
    // Each caller's retry gets its own first response back, token included (shown once, replayed to the same caller).
    const aAgain = await create(firstAdmin).expect(201);
    expect(aAgain.headers['idempotent-replayed']).toBe('true');
    expect(aAgain.body).toEqual(a.body);
    const [{ n }] = await t.db.query<{ n: string }[]>(`SELECT count(*) AS n FROM api_keys WHERE name = $1`, [
      body.name,
    ]);
    expect(Number(n)).toBe(2);
  });

  it('gives the key back when the first request fails, so a corrected retry runs', async () => {
    const key = randomUUID();
    const invalid = await postNomination(key, { ...nominationBody(), awardCode: 'NO_SUCH_AWARD' });
    expect([400, 422]).toContain(invalid.status);
    expect(invalid.headers['idempotent-replayed']).toBeUndefined();
    const again = await postNomination(key, { ...nominationBody(), awardCode: 'NO_SUCH_AWARD' });
    expect(again.status).toBe(invalid.status);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    await postNomination(key, nominationBody()).expect(201);
    expect(await count('nominations')).toBe(1);
  });

  it('refuses a malformed key with 400 and ignores the header on other methods', async () => {
    for (const key of ['has space', 'x'.repeat(256), 'cl\u00e9']) {
      const response = await postNomination(key, nominationBody()).expect(400);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body.errors).toEqual([{ field: 'Idempotency-Key', message: expect.any(String) }]);
    }
    await t.http.get('/api/v1/nominations').set(bearer(hr)).set('idempotency-key', 'has space').expect(200);
    expect(await count('idempotency_keys')).toBe(0);
  });

  it('signs a decision once: a retry replays it and uses no second number', async () => {
    const approver = await t.token('APPROVER', tree.department.id);
    const person = await makeIndividual(t, tree.unit.id);
    const nomination = await makeApprovedNomination(t, {
      awardCode: 'GIAY_KHEN',
      year: 2023,
      individualId: person.id,
      proposingOrganizationId: tree.department.id,
    });
    const body = {
      issuerOrganizationId: tree.department.id,
      authority: 'DEPARTMENT_HEAD',
      issuedOn: '2024-01-23',
      signerName: 'Vũ Anh Dũng',
      signerTitle: 'Giám đốc',
      signingMode: 'DIRECT',
      nominationIds: [nomination.id],
    };
    const key = randomUUID();
    const sign = () => t.http.post('/api/v1/decisions').set(bearer(approver)).set('idempotency-key', key).send(body);
    const first = await sign().expect(201);
    expect(first.body.number).toBe('01/QĐ-STTTT');
    const retry = await sign().expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await count('decisions')).toBe(1);
    expect(await count('awards')).toBe(1);
  });

  it('replays an import of a file to a retry of the same upload', async () => {
    const csv = Buffer.from(
      'year,awardCode,basis,individualId,organizationId,proposingOrganizationId,achievements\n' +
        `2024,GIAY_KHEN,REGULAR,,${tree.unit.id},${tree.department.id},Hoàn thành xuất sắc nhiệm vụ\n`,
    );
    const key = randomUUID();
    const upload = (file: Buffer) =>
      t.http
        .post('/api/v1/nominations/import')
        .set(bearer(hr))
        .set('idempotency-key', key)
        .attach('file', file, { filename: 'de-nghi.csv', contentType: 'text/csv' });
    const first = await upload(csv).expect(201);
    const retry = await upload(csv).expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await count('nominations')).toBe(1);
    const otherFile = Buffer.concat([
      csv,
      Buffer.from(`2024,GIAY_KHEN,REGULAR,,${tree.department.id},${tree.department.id},Tập thể lao động xuất sắc\n`),
    ]);
    const reused = await upload(otherFile).expect(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('forgets a key once it expires: the same key then starts a new request', async () => {
    const key = randomUUID();
    const body = { name: 'Khóa của Văn phòng Sở', role: 'AUDITOR' };
    const first = await t.http
      .post('/api/v1/api-keys')
      .set(bearer(BOOTSTRAP_TOKEN))
      .set('idempotency-key', key)
      .send(body)
      .expect(201);
    await t.db.query(
      `UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE idempotency_key = $1`,
      [key],
    );
    const later = await t.http
      .post('/api/v1/api-keys')
      .set(bearer(BOOTSTRAP_TOKEN))
      .set('idempotency-key', key)
      .send(body)
      .expect(201);
    expect(later.headers['idempotent-replayed']).toBeUndefined();
    expect(later.body.id).not.toBe(first.body.id);
    const [{ expires }] = await t.db.query<{ expires: string }[]>(
      `SELECT round(extract(epoch FROM expires_at - created_at) / 3600) AS expires FROM idempotency_keys WHERE idempotency_key = $1`,
      [key],
    );
    expect(Number(expires)).toBe(24);
  });

  describe('a first request that died on its instance', () => {
    const key = 'died-mid-request';
    const body = { name: 'Khóa tạo lại', role: 'AUDITOR' };
    const path = '/api/v1/api-keys';
    /** The row a claimed request leaves behind when its process dies. */
    const leftBehind = async (lockedUntil: string, committed: boolean) =>
      t.db.query(
        `INSERT INTO idempotency_keys (principal, idempotency_key, request_hash, method, path, state, locked_until, committed_at, expires_at)
         VALUES ('bootstrap', $1, $2, 'POST', $3, 'PROCESSING', ${lockedUntil}, ${committed ? 'now()' : 'NULL'}, now() + interval '1 day')`,
        [
          key,
          requestFingerprint({ method: 'POST', url: path, headers: { 'content-type': 'application/json' }, body }),
          path,
        ],
      );
    const retry = () => t.http.post(path).set(bearer(BOOTSTRAP_TOKEN)).set('idempotency-key', key).send(body);

    it('runs the request again once its lock ran out, if none of its changes committed', async () => {
      await leftBehind(`now() - interval '1 second'`, false);
      const response = await retry().expect(201);
      expect(response.headers['idempotent-replayed']).toBeUndefined();
      await retry().expect(201).expect('idempotent-replayed', 'true');
    });

    it('never runs it twice if its change committed but its response was lost: 409 IDEMPOTENCY_OUTCOME_UNKNOWN', async () => {
      await leftBehind(`now() - interval '1 second'`, true);
      const response = await retry().expect(409);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body.code).toBe('IDEMPOTENCY_OUTCOME_UNKNOWN');
      expect(await count('api_keys')).toBe(1); // the HR officer's key of beforeEach
    });

    it('waits for a request still running elsewhere, then answers 409 IDEMPOTENCY_IN_PROGRESS with Retry-After', async () => {
      await leftBehind(`now() + interval '1 minute'`, false);
      const started = Date.now();
      const response = await retry().expect(409);
      expect(Date.now() - started).toBeGreaterThanOrEqual(4_000);
      expect(response.body.code).toBe('IDEMPOTENCY_IN_PROGRESS');
      expect(response.headers['retry-after']).toBeDefined();
    });
  });
});

describe('Idempotency-Key across two API instances', () => {
  let t: TestApp;
  let first: Client;
  let second: AppInstance;

  beforeAll(async () => {
    t = await createTestApp();
    first = (await listenOnLoopback(t.app)).http;
    second = await startAppInstance(t.url);
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });
  beforeEach(async () => {
    await t.reset();
  });

  it('concurrent retries on both instances create one nomination and all get its response (or 409 while it runs)', async () => {
    const tree = await makeTree(t);
    const hr = await t.token('HR_OFFICER', tree.department.id);
    for (let round = 0; round < 3; round++) {
      const key = randomUUID();
      const body = {
        year: 2024,
        awardCode: 'GIAY_KHEN',
        basis: 'THEMATIC',
        organizationId: tree.unit.id,
        proposingOrganizationId: tree.department.id,
        achievements: `Thành tích chuyên đề, lần ${round}`,
      };
      const responses = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          (i % 2 === 0 ? first : second.http)
            .post('/api/v1/nominations')
            .set(bearer(hr))
            .set('idempotency-key', key)
            .send(body),
        ),
      );
      const created = responses.filter((r) => r.status === 201);
      const inProgress = responses.filter((r) => r.status === 409);
      expect(created.length + inProgress.length).toBe(8);
      for (const r of inProgress) expect(r.body.code).toBe('IDEMPOTENCY_IN_PROGRESS');
      expect(created.filter((r) => r.headers['idempotent-replayed'] === undefined)).toHaveLength(1);
      expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
      const [{ n }] = await t.db.query<{ n: string }[]>(
        `SELECT count(*) AS n FROM nominations WHERE achievements = $1`,
        [body.achievements],
      );
      expect(Number(n)).toBe(1);
      // Afterwards, a retry on either instance gets the same nomination.
      const later = await second.http
        .post('/api/v1/nominations')
        .set(bearer(hr))
        .set('idempotency-key', key)
        .send(body)
        .expect(201);
      expect(later.headers['idempotent-replayed']).toBe('true');
      expect(later.body.id).toBe(created[0].body.id);
    }
  });
});
