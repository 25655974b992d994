import { createHash } from 'node:crypto';

/** `prev_hash` of the first event of the chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** Version tag of the canonical form below; a future form gets a new tag, old events keep theirs. */
const FORMAT = 'audit-v1';

/**
 * An event as the chain sees it: every stored field, in the exact text PostgreSQL gives for it (see
 * `CHAIN_COLUMNS`), so the sealer and every later verification hash the same bytes.
 */
export interface ChainedEvent {
  id: string;
  seq: string;
  /** `at` in UTC with microseconds: `2026-01-03T08:15:30.123456Z`. */
  at: string;
  actorKeyId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string;
  requestId: string | null;
  dbUser: string;
  /** `before::text`: PostgreSQL's jsonb output is canonical (keys ordered, one spelling per value). */
  before: string | null;
  after: string | null;
}

/** The deterministic serialisation of an event: a JSON array of strings and nulls in a fixed order. */
export function canonicalEvent(event: ChainedEvent): string {
  return JSON.stringify([
    FORMAT,
    event.seq,
    event.id,
    event.at,
    event.actorKeyId,
    event.actorRole,
    event.action,
    event.entityType,
    event.entityId,
    event.requestId,
    event.dbUser,
    event.before,
    event.after,
  ]);
}

/** `hash = sha256(prev_hash || "\n" || canonical(event))`, hex. */
export function chainHash(prevHash: string, event: ChainedEvent): string {
  return createHash('sha256')
    .update(prevHash, 'utf8')
    .update('\n', 'utf8')
    .update(canonicalEvent(event), 'utf8')
    .digest('hex');
}

/** A stored event as `AuditRepository` reads it (see its `chainColumns`): unsealed ones have no seq or hash yet. */
export interface StoredChainedEvent extends Omit<ChainedEvent, 'seq'> {
  seq: string | null;
  hash: string | null;
  prevHash: string | null;
}

export type BreakReason = 'sequence gap' | 'broken link' | 'hash mismatch' | 'truncated' | 'head mismatch';

export interface ChainBreak {
  id: string | null;
  seq: number | null;
  reason: BreakReason;
  detail: string;
}

/**
 * Walks a chain in `seq` order, one page at a time, remembering only the previous hash: a chain of any length
 * verifies in constant memory. The first break stops the walk.
 */
export class ChainVerifier {
  private expectedSeq = 1n;
  private previousHash = GENESIS_HASH;
  private lastId: string | null = null;
  checked = 0;
  broken: ChainBreak | null = null;

  /** Feeds the next sealed events (ascending `seq`); returns false once the chain is broken. */
  feed(events: StoredChainedEvent[]): boolean {
    for (const event of events) {
      if (this.broken) return false;
      this.checked += 1;
      const seq = BigInt(event.seq ?? '0');
      const at = { id: event.id, seq: Number(seq) };
      if (seq !== this.expectedSeq) {
        this.broken = {
          ...at,
          reason: 'sequence gap',
          detail: `expected seq ${this.expectedSeq} after event ${this.lastId ?? '(start)'}: events were deleted`,
        };
      } else if (event.prevHash !== this.previousHash) {
        this.broken = {
          ...at,
          reason: 'broken link',
          detail: 'prev_hash is not the hash of the previous event: an earlier event was changed or removed',
        };
      } else if (chainHash(this.previousHash, { ...event, seq: event.seq ?? '' }) !== event.hash) {
        this.broken = {
          ...at,
          reason: 'hash mismatch',
          detail: 'the stored content or hash of this event was changed',
        };
      } else {
        this.previousHash = event.hash;
        this.expectedSeq = seq + 1n;
        this.lastId = event.id;
      }
    }
    return this.broken === null;
  }

  /** After the last page: the walk must end exactly at the recorded head of the chain. */
  finish(head: { seq: string; hash: string } | null): ChainBreak | null {
    if (this.broken) return this.broken;
    const lastSeq = this.expectedSeq - 1n;
    const headSeq = BigInt(head?.seq ?? '0');
    if (headSeq > lastSeq) {
      this.broken = {
        id: null,
        seq: Number(lastSeq + 1n),
        reason: 'truncated',
        detail: `the chain ends at seq ${lastSeq} but its head says ${headSeq}: the newest events were deleted`,
      };
    } else if (
      headSeq < lastSeq ||
      (head !== null && head.hash !== this.previousHash) ||
      (head === null && lastSeq > 0n)
    ) {
      this.broken = {
        id: this.lastId,
        seq: Number(lastSeq),
        reason: 'head mismatch',
        detail: 'the recorded head of the chain does not match its last event',
      };
    }
    return this.broken;
  }
}
