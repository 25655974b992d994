import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { chainHash, ChainVerifier, GENESIS_HASH } from '../../src/audit/audit-chain.js';
import { AuditRepository, type Seal } from '../../src/audit/audit.repository.js';
import { insertOrganization, openRepositoryDb, type RepositoryDb } from '../support/repository-db.js';

/**
 * `AuditRepository` on real PostgreSQL: the events the triggers write, read newest first by id; the sealer's lock,
 * its batch of unsealed events, the seals and the chain head; sealed pages that verify.
 */
describe('AuditRepository', () => {
  let r: RepositoryDb;
  let audit: AuditRepository;

  beforeAll(async () => {
    r = await openRepositoryDb();
    audit = new AuditRepository(r.queries);
  });
  afterAll(async () => {
    await r.close();
  });
  beforeEach(async () => {
    await r.reset(); // audit_events and audit_chain_head included
  });

  /** Seals the unsealed events as the sealer does; returns how many. */
  const sealAll = () =>
    r.transactions.run(
      async () => {
        expect(await audit.lockSealer(false)).toBe(true);
        const events = await audit.unsealed(100);
        const head = await audit.head();
        let seq = BigInt(head?.seq ?? '0');
        let prevHash = head?.hash ?? GENESIS_HASH;
        const seals: Seal[] = events.map((event) => {
          seq += 1n;
          const hash = chainHash(prevHash, { ...event, seq: seq.toString() });
          const seal = { id: event.id, seq: seq.toString(), hash, prevHash };
          prevHash = hash;
          return seal;
        });
        await audit.seal(seals);
        return seals;
      },
      { isolationLevel: 'READ COMMITTED', markIdempotencyKey: false },
    );

  it('seals the trigger-written events in id order, moves the head, and the sealed pages verify', async () => {
    const first = await insertOrganization(r.db, { kind: 'PROVINCE' });
    await insertOrganization(r.db, { parentId: first });
    expect(await audit.countUnsealed()).toBe(2);
    expect(await audit.head()).toBeNull();

    const seals = await sealAll();
    expect(seals.map((seal) => seal.seq)).toEqual(['1', '2']);
    expect(await audit.countUnsealed()).toBe(0);
    expect(await audit.head()).toEqual({ seq: '2', hash: seals[1].hash });

    await insertOrganization(r.db, { parentId: first });
    expect((await sealAll()).map((seal) => seal.prevHash)).toEqual([seals[1].hash]);

    const verifier = new ChainVerifier();
    verifier.feed(await audit.sealedPage('0', '2', 10));
    verifier.feed(await audit.sealedPage('2', null, 10));
    expect(verifier.checked).toBe(3);
    expect(verifier.finish(await audit.head())).toBeNull();
    const [event] = await audit.sealedPage('0', null, 1);
    expect(event).toMatchObject({
      seq: '1',
      action: 'organizations.create',
      entityType: 'organizations',
      entityId: first,
    });
    expect(event.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  });

  it('refuses a seal of events another sealer already sealed, and leaves the chain as it was', async () => {
    await insertOrganization(r.db, { kind: 'PROVINCE' });
    const [seal] = await sealAll();
    await expect(r.transactions.run(() => audit.seal([{ ...seal, seq: '9', hash: 'x'.repeat(64) }]))).rejects.toThrow(
      /another sealer interfered/,
    );
    expect(await audit.head()).toEqual({ seq: '1', hash: seal.hash });
  });

  it('lets only one sealer hold the lock', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = r.transactions.run(async () => {
      await audit.lockSealer(true);
      locked();
      await held;
    });
    await isLocked;
    expect(await r.transactions.run(() => audit.lockSealer(false))).toBe(false);
    release();
    await holder;
    expect(await r.transactions.run(() => audit.lockSealer(false))).toBe(true);
  });

  it('lists events newest first, filtered, with the snapshots as JSON and a keyset on id', async () => {
    const province = await insertOrganization(r.db, { kind: 'PROVINCE', name: 'UBND tỉnh' });
    await insertOrganization(r.db, { parentId: province });
    await insertOrganization(r.db, { parentId: province });
    const all = await audit.list({ limit: 10 });
    expect(all).toHaveLength(3);
    expect(all.map((event) => BigInt(event.id))).toEqual(
      [...all.map((event) => BigInt(event.id))].sort((a, b) => (a > b ? -1 : 1)),
    );
    const [oldest] = await audit.list({ limit: 10, entityId: province });
    expect(oldest.afterJson).toMatchObject({ name: 'UBND tỉnh' });
    expect(oldest.beforeJson).toBeNull();
    expect((await audit.list({ limit: 10, beforeId: all[0].id })).map((event) => event.id)).toEqual(
      all.slice(1).map((event) => event.id),
    );
    expect(await audit.list({ limit: 10, action: 'organizations.delete' })).toEqual([]);
    expect(await audit.list({ limit: 10, from: new Date(Date.now() + 60_000) })).toEqual([]);
  });
});
