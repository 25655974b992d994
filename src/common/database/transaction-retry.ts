import { setTimeout as sleep } from 'node:timers/promises';

/** PostgreSQL errors worth running the whole transaction again for: serialization failure and deadlock. */
const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']);

/** Attempts in all (the first one included) before a serialization failure or deadlock reaches the client (409). */
export const TRANSACTION_ATTEMPTS = 3;

export function isRetryableTransactionError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const own = (error as { code?: unknown }).code;
  const driver = (error as { driverError?: { code?: unknown } }).driverError?.code;
  return (
    (typeof own === 'string' && RETRYABLE_SQLSTATES.has(own)) ||
    (typeof driver === 'string' && RETRYABLE_SQLSTATES.has(driver))
  );
}

/**
 * Runs `work` and runs it again (at most `attempts` times in all) when it fails with a serialization failure or a
 * deadlock, after a short random pause that grows with each attempt (so two transactions that deadlocked do not
 * meet again at once); any other error, or the last retryable one, is thrown. `work` must be a whole transaction:
 * PostgreSQL has rolled it back, and running it again repeats every read and write.
 */
export async function withTransactionRetry<T>(work: () => Promise<T>, attempts = TRANSACTION_ATTEMPTS): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isRetryableTransactionError(error)) throw error;
      await sleep(attempt * 10 + Math.floor(Math.random() * 20));
    }
  }
}
