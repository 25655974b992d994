import { describe, expect, it } from '@jest/globals';
import {
  canonicalEvent,
  chainHash,
  type ChainedEvent,
  ChainVerifier,
  GENESIS_HASH,
  type StoredChainedEvent,
} from './audit-chain.js';

const event = (n: number, over: Partial<ChainedEvent> = {}): ChainedEvent => ({
  id: String(100 + n),
  seq: String(n),
  at: '2026-01-03T08:15:30.123456Z',
  actorKeyId: '6f1c2f7e-8d43-4a4c-9a53-1f0f7d7b7c11',
  actorRole: 'HR_OFFICER',
  action: 'individuals.update',
  entityType: 'individuals',
  entityId: '3d7f1c2e-5b8a-4c3e-9f0a-2b1c4d5e6f70',
  requestId: `req-${n}`,
  dbUser: 'awards_app',
  before: '{"full_name": "Nguyễn Văn A", "national_id": "[redacted]"}',
  after: '{"full_name": "Nguyễn Văn Á", "national_id": "[redacted]"}',
  ...over,
});

/** A valid chain of `length` events, as the sealer would store it. */
function chain(length: number): StoredChainedEvent[] {
  let prevHash = GENESIS_HASH;
  return Array.from({ length }, (_, i) => {
    const e = event(i + 1);
    const hash = chainHash(prevHash, e);
    const stored = { ...e, hash, prevHash };
    prevHash = hash;
    return stored;
  });
}

const head = (events: StoredChainedEvent[]) => ({
  seq: events[events.length - 1].seq ?? '',
  hash: events[events.length - 1].hash ?? '',
});

describe('audit chain', () => {
  it('serialises an event deterministically, distinguishing null from text', () => {
    expect(canonicalEvent(event(1))).toBe(canonicalEvent({ ...event(1) }));
    expect(canonicalEvent(event(1, { requestId: null }))).not.toBe(canonicalEvent(event(1, { requestId: 'null' })));
    expect(canonicalEvent(event(1))).toMatch(/^\["audit-v1","1","101",/);
  });

  it.each<[string, Partial<ChainedEvent>]>([
    ['the content', { after: '{"full_name": "Nguyễn Văn B"}' }],
    ['the actor', { actorRole: 'ADMIN' }],
    ['the time, to the microsecond', { at: '2026-01-03T08:15:30.123457Z' }],
    ['the position', { seq: '2' }],
    ['the id', { id: '999' }],
  ])('changes the hash when %s changes', (_, change) => {
    expect(chainHash(GENESIS_HASH, { ...event(1), ...change })).not.toBe(chainHash(GENESIS_HASH, event(1)));
  });

  it('chains: the same event after another previous hash hashes differently', () => {
    expect(chainHash('a'.repeat(64), event(1))).not.toBe(chainHash(GENESIS_HASH, event(1)));
  });

  it('verifies a whole chain fed page by page', () => {
    const events = chain(7);
    const verifier = new ChainVerifier();
    expect(verifier.feed(events.slice(0, 3))).toBe(true);
    expect(verifier.feed(events.slice(3))).toBe(true);
    expect(verifier.finish(head(events))).toBeNull();
    expect(verifier.checked).toBe(7);
  });

  it('verifies an empty chain without a head', () => {
    const verifier = new ChainVerifier();
    expect(verifier.feed([])).toBe(true);
    expect(verifier.finish(null)).toBeNull();
  });

  it('names an edited event: hash mismatch', () => {
    const events = chain(5);
    events[2] = { ...events[2], after: '{"full_name": "Kẻ giả mạo"}' };
    const verifier = new ChainVerifier();
    expect(verifier.feed(events)).toBe(false);
    expect(verifier.broken).toMatchObject({ id: '103', seq: 3, reason: 'hash mismatch' });
    expect(verifier.checked).toBe(3);
  });

  it('names the event after a consistently re-hashed one: broken link', () => {
    const events = chain(5);
    const forged = { ...events[1], actorRole: 'ADMIN' };
    events[1] = { ...forged, hash: chainHash(forged.prevHash ?? '', { ...forged, seq: forged.seq ?? '' }) };
    const verifier = new ChainVerifier();
    verifier.feed(events);
    expect(verifier.broken).toMatchObject({ id: '103', seq: 3, reason: 'broken link' });
  });

  it('names the event after a deleted one: sequence gap', () => {
    const events = chain(5);
    const verifier = new ChainVerifier();
    verifier.feed([...events.slice(0, 2), ...events.slice(3)]);
    expect(verifier.broken).toMatchObject({ id: '104', seq: 4, reason: 'sequence gap' });
  });

  it('detects deleted newest events against the head: truncated', () => {
    const events = chain(5);
    const verifier = new ChainVerifier();
    verifier.feed(events.slice(0, 3));
    expect(verifier.finish(head(events))).toMatchObject({ id: null, seq: 4, reason: 'truncated' });
  });

  it('detects a head that does not match the last event', () => {
    const events = chain(3);
    const verifier = new ChainVerifier();
    verifier.feed(events);
    expect(verifier.finish({ seq: '3', hash: 'f'.repeat(64) })).toMatchObject({ seq: 3, reason: 'head mismatch' });
    const headless = new ChainVerifier();
    headless.feed(events);
    expect(headless.finish(null)).toMatchObject({ reason: 'head mismatch' });
  });
});
