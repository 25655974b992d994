import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { Transactions } from '../database/transactions.js';
import { chainHash, GENESIS_HASH } from './audit-chain.js';
import { AuditRepository, type Seal } from './audit.repository.js';

/** Events sealed per transaction. */
export const SEAL_BATCH_SIZE = 2000;

/** How long the sealer waits for a table lock before it gives up its turn. */
const LOCK_TIMEOUT_MS = 100;

const BUSY = Symbol('busy');

/** PostgreSQL 55P03: a lock was not granted within `lock_timeout`. */
function lockNotAvailable(error: unknown): boolean {
  const code =
    (error as { driverError?: { code?: string }; code?: string } | null)?.driverError?.code ??
    (error as { code?: string } | null)?.code;
  return code === '55P03';
}

/**
 * Puts committed audit events into the hash chain, off the write path.
 *
 * The triggers insert events unsealed, so writers never wait on one another for the chain. Every
 * `AUDIT_SEAL_INTERVAL_MS` (and on demand) this sealer takes a transaction-scoped advisory lock — only one
 * instance seals at a time, the others skip the round — reads the oldest unsealed events that are committed
 * (READ COMMITTED: each statement sees every commit made before it, including the previous sealer's), gives
 * each the next `seq` and `hash = sha256(prev_hash, canonical event)`, and moves `audit_chain_head`, all in one
 * transaction. The chain order is the sealing order: an event whose transaction commits late simply gets a
 * later position, so in-flight transactions never leave a gap.
 */
@Injectable()
export class AuditSealer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('AuditSealer');
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** Runs of this instance, one after the other. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditRepository,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.AUDIT_SEAL_INTERVAL_MS > 0) this.schedule();
  }

  /** Stops the timer and lets a running batch finish, before the connection pool closes. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.queue;
  }

  /**
   * Seals every event committed so far and returns how many this call sealed. With `wait`, it queues behind
   * another instance's sealer instead of leaving the work to it: when it returns, nothing committed before the
   * call is left unsealed.
   */
  sealPending(options: { wait?: boolean } = {}): Promise<number> {
    const run = this.queue.then(() => this.drain(options.wait ?? false));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.sealPending()
        .catch((error: unknown) =>
          this.logger.warn(`Sealing audit events failed: ${error instanceof Error ? error.message : String(error)}`),
        )
        .finally(() => {
          if (!this.stopped) this.schedule();
        });
    }, this.config.AUDIT_SEAL_INTERVAL_MS);
    this.timer.unref();
  }

  private async drain(wait: boolean): Promise<number> {
    let total = 0;
    for (;;) {
      const sealed = await this.sealBatch(wait);
      if (sealed === BUSY) {
        if (!wait || this.stopped) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
        continue;
      }
      total += sealed;
      if (sealed < SEAL_BATCH_SIZE || (this.stopped && !wait)) break;
    }
    return total;
  }

  /**
   * One batch in one transaction; BUSY when another instance holds the sealer's lock, or when a table lock is not
   * granted within `LOCK_TIMEOUT_MS`. The sealer runs on its own timer, so it must never take part in a lock
   * cycle (with a TRUNCATE, say): it gives up its turn instead of waiting.
   */
  private async sealBatch(wait: boolean): Promise<number | typeof BUSY> {
    try {
      return await this.transactions.run(
        async () => {
          if (!(await this.audit.lockSealer(wait))) return BUSY;
          await this.audit.setLockTimeout(LOCK_TIMEOUT_MS);
          const events = await this.audit.unsealed(SEAL_BATCH_SIZE);
          if (events.length === 0) return 0;
          const head = await this.audit.head();
          let seq = BigInt(head?.seq ?? '0');
          let prevHash = head?.hash ?? GENESIS_HASH;
          const seals: Seal[] = events.map((event) => {
            seq += 1n;
            const position = seq.toString();
            const hash = chainHash(prevHash, { ...event, seq: position });
            const seal = { id: event.id, seq: position, hash, prevHash };
            prevHash = hash;
            return seal;
          });
          await this.audit.seal(seals);
          this.logger.debug(`Sealed ${seals.length} audit events; head ${seq} ${prevHash}`);
          return seals.length;
        },
        // READ COMMITTED, explicitly: each statement must see the previous sealer's commit. The sealer's own
        // statements are not a request's change, so they never mark its idempotency key.
        { isolationLevel: 'READ COMMITTED', markIdempotencyKey: false },
      );
    } catch (error) {
      if (lockNotAvailable(error)) return BUSY;
      throw error;
    }
  }
}
