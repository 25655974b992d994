import { beforeEach, describe, expect, it } from '@jest/globals';
import { PUBLIC_CACHE_CONTROL } from '../../src/common/http/public-cache.js';
import {
  makeApprovedNomination,
  makeDecision,
  makeEligible,
  makeIndividual,
  makeTree,
  revokeAward,
  revocationFields,
} from '../support/factories.js';
import { type AppInstance, startAppInstance } from '../support/app-instance.js';
import { useTwoInstances } from '../support/lifecycle.js';
import { BOOTSTRAP_TOKEN, bearer } from '../support/test-app.js';

/** A strong validator: a quoted opaque tag, no `W/`. */
const STRONG_ETAG = /^"[^"]+"$/;

describe('public reads: Cache-Control public, a strong ETag of the register, 304 on If-None-Match', () => {
  const instances = useTwoInstances();
  let fixture: {
    personId: string;
    decision: Awaited<ReturnType<typeof makeDecision>>;
    departmentId: string;
    paths: string[];
  };

  beforeEach(async () => {
    const { t } = instances;
    const tree = await makeTree(t);
    const person = await makeIndividual(t, tree.unit.id, { fullName: 'Nguyễn Văn An' });
    const other = await makeIndividual(t, tree.unit.id, { fullName: 'Trần Thị Bình' });
    const nominationIds = [
      (
        await makeApprovedNomination(t, {
          awardCode: 'GIAY_KHEN',
          year: 2023,
          individualId: person.id,
          proposingOrganizationId: tree.department.id,
        })
      ).id,
      (
        await makeApprovedNomination(t, {
          awardCode: 'GIAY_KHEN',
          year: 2023,
          individualId: other.id,
          proposingOrganizationId: tree.department.id,
        })
      ).id,
    ];
    const decision = await makeDecision(t, {
      issuerOrganizationId: tree.department.id,
      issuedOn: '2023-12-15',
      nominationIds,
    });
    const code = decision.awards[0].verificationCode;
    fixture = {
      personId: person.id,
      decision,
      departmentId: tree.department.id,
      paths: [
        `/api/v1/awards?year=2023&awardCode=GIAY_KHEN&organizationId=${tree.department.id}&limit=50`,
        `/api/v1/individuals/${person.id}/awards`,
        `/api/v1/organizations/${tree.unit.id}/awards`,
        '/api/v1/decisions',
        `/api/v1/decisions/${decision.id}`,
        `/api/v1/certificates/${code}`,
        '/api/v1/award-types',
        '/api/v1/award-types/GIAY_KHEN',
        `/verify/${code}`,
        '/tra-cuu?q=nguyen',
      ],
    };
  });

  it('tags every public read; the same tag answers 304 with no body, on either instance', async () => {
    const { first } = instances;
    const second = instances.second.http;
    for (const path of fixture.paths) {
      const full = await first.get(path).expect(200);
      expect(full.headers['etag']).toMatch(STRONG_ETAG);
      expect(full.headers['cache-control']).toBe(PUBLIC_CACHE_CONTROL);
      expect(full.headers['vary']).toMatch(/Accept-Language/);
      expect(full.headers['vary']).toMatch(/Authorization/);
      for (const instance of [first, second]) {
        const cached = await instance.get(path).set('If-None-Match', full.headers['etag']).expect(304);
        expect(cached.text ?? '').toBe('');
        expect(cached.headers['etag']).toBe(full.headers['etag']);
        expect(cached.headers['cache-control']).toBe(PUBLIC_CACHE_CONTROL);
        expect(cached.headers['vary']).toMatch(/Accept-Language/);
      }
      // The tag is that of the register, not of one instance.
      expect((await second.get(path).expect(200)).headers['etag']).toBe(full.headers['etag']);
      // Another tag, a list with the current one, `*`, and a weak form of it.
      await first.get(path).set('If-None-Match', '"0-vi-0"').expect(200);
      await first.get(path).set('If-None-Match', `"0-vi-0", ${full.headers['etag']}`).expect(304);
      await first.get(path).set('If-None-Match', '*').expect(304);
      await first.get(path).set('If-None-Match', `W/${full.headers['etag']}`).expect(304);
    }
  });

  it('answers 304 without running the read: the register version alone decides', async () => {
    // An instance of its own without the audit sealer's timer, whose statements would otherwise land in the capture.
    const quiet = await startAppInstance(instances.t.url, { AUDIT_SEAL_INTERVAL_MS: '0' });
    try {
      await expectConditionalGetReadsOnlyTheVersion(quiet);
    } finally {
      await quiet.close();
    }
  });

  async function expectConditionalGetReadsOnlyTheVersion(instance: AppInstance): Promise<void> {
    const first = instance.http;
    const path = `/api/v1/individuals/${fixture.personId}/awards`;
    const etag = (await first.get(path).expect(200)).headers['etag'];
    const statements: string[] = [];
    const pool = (instance.db.driver as unknown as { master: { on(e: string, f: (c: unknown) => void): void } }).master;
    expect(pool).toBeDefined();
    // Every statement the instance sends from here on, through its pool's clients.
    const clients = (pool as unknown as { _clients: { query: (...a: unknown[]) => unknown }[] })._clients;
    const originals = clients.map((client) => client.query);
    clients.forEach((client, i) => {
      client.query = function (this: unknown, ...args: unknown[]) {
        const config = args[0] as string | { text: string };
        statements.push(typeof config === 'string' ? config : config.text);
        return originals[i].apply(this, args);
      };
    });
    try {
      await first.get(path).set('If-None-Match', etag).expect(304);
    } finally {
      clients.forEach((client, i) => (client.query = originals[i]));
    }
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/from "register_version"/);
    expect(statements[0]).not.toMatch(/awards/);
  }

  it('changes the tag when a decision is signed or an award revoked, whichever instance wrote it', async () => {
    const { first, t } = instances;
    const second = instances.second.http;
    const path = `/api/v1/individuals/${fixture.personId}/awards`;
    const before = (await first.get(path).expect(200)).headers['etag'];

    // A revocation through the second instance: the first stops answering 304 for the old tag.
    const award = fixture.decision.awards.find((a) => a.recipientName === 'Nguyễn Văn An');
    const response = await second
      .post(`/api/v1/decisions/${fixture.decision.id}/awards/${award?.id}/revoke`)
      .set(bearer(BOOTSTRAP_TOKEN))
      .send(await revocationFields(t, fixture.decision.id, 'Hồ sơ khai sai thành tích'))
      .expect(201);
    expect(response.headers['cache-control']).toBe('no-store');
    const afterRevocation = await first.get(path).set('If-None-Match', before).expect(200);
    expect(afterRevocation.headers['etag']).not.toBe(before);
    expect(afterRevocation.body.items[0].revoked).toBe(true);

    // A new decision: every public read gets a new tag.
    const tags = new Map<string, string>();
    for (const p of fixture.paths) tags.set(p, (await first.get(p).expect(200)).headers['etag']);
    const nominee = await makeIndividual(t, fixture.departmentId, { fullName: 'Lò Văn Cường' });
    await makeEligible(t, nominee.id, 'LAO_DONG_TIEN_TIEN', 2023);
    const nomination = await makeApprovedNomination(t, {
      awardCode: 'LAO_DONG_TIEN_TIEN',
      year: 2023,
      individualId: nominee.id,
      proposingOrganizationId: fixture.departmentId,
    });
    await makeDecision(t, {
      issuerOrganizationId: fixture.departmentId,
      issuedOn: '2024-01-23',
      nominationIds: [nomination.id],
    });
    for (const p of fixture.paths) {
      const next = await second
        .get(p)
        .set('If-None-Match', tags.get(p) ?? '')
        .expect(200);
      expect(next.headers['etag']).not.toBe(tags.get(p));
    }
    await revokeAward(t, fixture.decision.id, fixture.decision.awards[1].id, 'Trùng thành tích đã khen');
    const last = await first.get(path).expect(200);
    expect(last.headers['etag']).not.toBe(afterRevocation.headers['etag']);
  });

  it('tags each language apart and varies on Accept-Language', async () => {
    const { first } = instances;
    for (const path of [`/verify/${fixture.decision.awards[0].verificationCode}`, '/api/v1/award-types']) {
      const vi = await first.get(path).expect(200);
      const en = await first.get(path).set('Accept-Language', 'en').expect(200);
      expect(vi.headers['content-language']).toBe('vi');
      expect(en.headers['content-language']).toBe('en');
      expect(en.headers['etag']).not.toBe(vi.headers['etag']);
      expect(en.headers['vary']).toMatch(/Accept-Language/);
      // Vietnamese's tag does not validate the English copy.
      await first.get(path).set('Accept-Language', 'en').set('If-None-Match', vi.headers['etag']).expect(200);
      await first.get(path).set('Accept-Language', 'en').set('If-None-Match', en.headers['etag']).expect(304);
    }
  });

  it('never marks what a token opened as public, nor answers it 304', async () => {
    const { first, t } = instances;
    const auditor = await t.token('AUDITOR');
    for (const path of fixture.paths.slice(0, 6)) {
      const etag = (await first.get(path).expect(200)).headers['etag'];
      const withToken = await first.get(path).set(bearer(auditor)).set('If-None-Match', etag).expect(200);
      expect(withToken.headers['cache-control']).toBe('no-store');
      expect(withToken.headers['etag']).toBeUndefined();
    }
  });

  it('leaves errors uncached: a 404 and a 400 carry no tag', async () => {
    const { first } = instances;
    const missing = await first.get('/api/v1/individuals/00000000-0000-4000-8000-000000000000/awards').expect(404);
    expect(missing.headers['etag']).toBeUndefined();
    expect(missing.headers['cache-control']).toBeUndefined();
    const bad = await first.get('/api/v1/awards?year=abc').expect(400);
    expect(bad.headers['etag']).toBeUndefined();
  });
});
