import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { type AppInstance, listenOnLoopback, startAppInstance } from '../support/app-instance.js';
import { makeApprovedNomination, makeIndividual, makeTree } from '../support/factories.js';
import { BOOTSTRAP_TOKEN, bearer, createTestApp, type TestApp } from '../support/test-app.js';

// Real databases (two app instances in the concurrency spec) on a shared machine: generous, but bounded.

type Client = AppInstance['http'];

/**
 * R-NUM-1 under concurrency: two instances of the service (each its own port and connection pool) on the same
 * database sign decisions for the same issuer and year at the same time. Numbers must come out 1..N with no gap
 * and no duplicate, and refused decisions must consume no number.
 */
describe('decision numbers across two instances', () => {
  let t: TestApp;
  let second: AppInstance;
  let clients: [Client, Client];
  let tree: Awaited<ReturnType<typeof makeTree>>;

  beforeAll(async () => {
    t = await createTestApp();
    const first = await listenOnLoopback(t.app);
    second = await startAppInstance(t.url);
    clients = [first.http, second.http];
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });
  beforeEach(async () => {
    await t.reset();
    tree = await makeTree(t);
  });

  const body = (issuerOrganizationId: string, nominationIds: string[], extra: Record<string, unknown> = {}) => ({
    issuerOrganizationId,
    authority: 'DEPARTMENT_HEAD',
    issuedOn: '2024-01-23',
    signerName: 'Vũ Anh Dũng',
    signerTitle: 'Giám đốc',
    signingMode: 'DIRECT',
    nominationIds,
    ...extra,
  });

  /** `count` APPROVED nominations of individuals of `organizationId`, proposed by it. */
  async function nominations(organizationId: string, count: number, awardCode = 'GIAY_KHEN', status = 'APPROVED') {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const person = await makeIndividual(t, organizationId);
      ids.push(
        (
          await makeApprovedNomination(t, {
            awardCode,
            year: 2023,
            individualId: person.id,
            proposingOrganizationId: organizationId,
            status,
          })
        ).id,
      );
    }
    return ids;
  }

  const numbersOf = async (issuerId: string, year: number) =>
    (
      await t.db.query<{ number: number }[]>(
        'SELECT number FROM decisions WHERE issuer_organization_id = $1 AND year = $2 ORDER BY number',
        [issuerId, year],
      )
    ).map((row) => row.number);

  const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

  it('assigns 1..N without gaps or duplicates to concurrent decisions split across both instances; refusals use no number', async () => {
    const good = await nominations(tree.department.id, 20);
    const submitted = await nominations(tree.department.id, 2, 'GIAY_KHEN', 'SUBMITTED');
    const bangKhen = await nominations(tree.department.id, 2, 'BANG_KHEN_TINH');
    const otherIssuer = await nominations(tree.otherDepartment.id, 5);

    const requests: { kind: 'ok' | 'other' | 'not-approved' | 'authority' | 'unknown'; payload: object }[] = [
      ...good.map((id) => ({ kind: 'ok' as const, payload: body(tree.department.id, [id]) })),
      ...otherIssuer.map((id) => ({ kind: 'other' as const, payload: body(tree.otherDepartment.id, [id]) })),
      // Refused inside the transaction, after locking: SUBMITTED nominations (409), codes a Giám đốc Sở may not
      // grant (422 R-AUTH-1), an unknown nomination (422).
      ...submitted.map((id) => ({ kind: 'not-approved' as const, payload: body(tree.department.id, [id]) })),
      ...bangKhen.map((id) => ({ kind: 'authority' as const, payload: body(tree.department.id, [id]) })),
      { kind: 'unknown' as const, payload: body(tree.department.id, ['00000000-0000-4000-8000-000000000000']) },
    ];
    // Interleave the refusals among the good ones, deterministically.
    const order = requests.map((request, index) => ({ request, key: (index * 7919) % requests.length }));
    order.sort((a, b) => a.key - b.key);

    const responses = await Promise.all(
      order.map(({ request }, index) =>
        clients[index % 2]
          .post('/api/v1/decisions')
          .set(bearer(BOOTSTRAP_TOKEN))
          .send(request.payload)
          .then((response) => ({ kind: request.kind, response })),
      ),
    );

    const expectedStatus = { ok: 201, other: 201, 'not-approved': 409, authority: 422, unknown: 422 } as const;
    for (const { kind, response } of responses) {
      expect({ kind, status: response.status }).toEqual({ kind, status: expectedStatus[kind] });
    }
    const granted = responses
      .filter((r) => r.kind === 'ok')
      .map((r) => r.response.body as { numberValue: number; number: string });
    expect(granted.map((d) => d.numberValue).sort((a, b) => a - b)).toEqual(range(20));
    expect(new Set(granted.map((d) => d.number)).size).toBe(20);
    expect(granted.map((d) => d.number)).toContain('05/QĐ-STTTT');
    expect(await numbersOf(tree.department.id, 2024)).toEqual(range(20));
    expect(await numbersOf(tree.otherDepartment.id, 2024)).toEqual(range(5));

    // Refused decisions left their nominations as they were and no award behind.
    const [{ count }] = await t.db.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM nominations WHERE id = ANY($1::uuid[]) AND (status = 'DECIDED' OR decision_id IS NOT NULL)`,
      [[...submitted, ...bangKhen]],
    );
    expect(count).toBe(0);
    expect((await t.db.query<{ count: number }[]>('SELECT count(*)::int AS count FROM awards'))[0].count).toBe(25);

    // The series goes on from 20: nothing was skipped by the refusals.
    const [last] = await nominations(tree.department.id, 1);
    const next = await clients[1]
      .post('/api/v1/decisions')
      .set(bearer(BOOTSTRAP_TOKEN))
      .send(body(tree.department.id, [last]))
      .expect(201);
    expect(next.body.number).toBe('21/QĐ-STTTT');
  });

  it('lets exactly one of two concurrent decisions take the same nomination or the same manual number', async () => {
    const contested = await nominations(tree.department.id, 4);
    const races = await Promise.all(
      contested.map((id, index) =>
        Promise.all(
          clients.map((client) =>
            client
              .post('/api/v1/decisions')
              .set(bearer(BOOTSTRAP_TOKEN))
              .send(body(tree.department.id, [id], { issuedOn: `2024-0${index + 1}-15` })),
          ),
        ),
      ),
    );
    for (const pair of races) {
      expect(pair.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(pair.find((r) => r.status === 409)?.body.code).toBe('NOMINATION_NOT_APPROVED');
    }
    expect(await numbersOf(tree.department.id, 2024)).toEqual(range(4));

    const [a, b] = await nominations(tree.department.id, 2);
    const manual = await Promise.all([
      clients[0]
        .post('/api/v1/decisions')
        .set(bearer(BOOTSTRAP_TOKEN))
        .send(body(tree.department.id, [a], { number: 50 })),
      clients[1]
        .post('/api/v1/decisions')
        .set(bearer(BOOTSTRAP_TOKEN))
        .send(body(tree.department.id, [b], { number: 50 })),
    ]);
    expect(manual.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(manual.find((r) => r.status === 409)?.body.code).toBe('DECISION_NUMBER_TAKEN');
    expect(await numbersOf(tree.department.id, 2024)).toEqual([...range(4), 50]);
  });
});
