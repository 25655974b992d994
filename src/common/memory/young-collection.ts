/** `gc` as `--expose-gc` defines it. */
type Collector = (options: { type: 'minor' }) => void;

/**
 * Scavenges the young generation after every `bytes` of buffers a stream has passed on, when the process runs with
 * `--expose-gc` (`npm run start:prod` does; without it this does nothing).
 *
 * An export moves up to ~1.2 GB through buffers that live outside the V8 heap: each socket chunk read from
 * PostgreSQL is garbage as soon as it has been written on. Their JavaScript handles are tiny, so the young
 * generation fills slowly and V8 frees the buffers only when their external size forces a collection, ~64 MB
 * later: that pile is most of an export's peak memory (docs/scaling.md, "Memory of the exports"). A scavenge of a
 * young generation holding a few live chunks takes well under a millisecond and frees every dead buffer in it.
 */
export class YoungCollection {
  private passed = 0;

  constructor(
    private readonly bytes: number,
    private readonly collect: Collector | undefined = (globalThis as { gc?: Collector }).gc,
  ) {}

  /** Counts `length` bytes passed on; scavenges when `bytes` have gone by since the last scavenge. */
  count(length: number): void {
    if (this.collect === undefined) return;
    this.passed += length;
    if (this.passed < this.bytes) return;
    this.passed = 0;
    this.collect({ type: 'minor' });
  }
}
