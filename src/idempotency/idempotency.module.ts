import { Logger, Module, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { IdempotencyInterceptor } from './idempotency.interceptor.js';
import { IdempotencyRepository } from './idempotency.repository.js';

/** How often expired keys are deleted, and how many at most per run. */
const SWEEP_INTERVAL_MS = 15 * 60_000;
const SWEEP_BATCH = 5_000;

/**
 * `Idempotency-Key` on POST requests: the global `IdempotencyInterceptor`, its table (`idempotency_keys`) and a
 * sweeper of expired keys. `Transactions.run` marks a key inside the transaction that commits its change.
 */
@Module({
  providers: [IdempotencyRepository, { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }],
})
export class IdempotencyModule implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Idempotency');
  private sweeper?: NodeJS.Timeout;

  constructor(private readonly keys: IdempotencyRepository) {}

  onApplicationBootstrap(): void {
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  private async sweep(): Promise<void> {
    try {
      const deleted = await this.keys.deleteExpired(SWEEP_BATCH);
      if (deleted > 0) this.logger.log(`Deleted ${deleted} expired idempotency keys`);
    } catch (error) {
      this.logger.warn(
        `Could not delete expired idempotency keys: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
