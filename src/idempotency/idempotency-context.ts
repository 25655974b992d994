import { AsyncLocalStorage } from 'node:async_hooks';

/** The idempotency key the current request claimed. */
export interface IdempotencyClaim {
  principal: string;
  key: string;
}

const storage = new AsyncLocalStorage<IdempotencyClaim>();

/**
 * Runs `work` (and everything it starts asynchronously) as the request that holds `claim`. Every transaction the
 * request commits marks the key committed just before COMMIT (`Transactions.run`): the mark exists if and only if
 * a change of that request is in the database, so a key whose request died unmarked can be run again safely once
 * its lock runs out, and a marked one never runs twice.
 */
export function runWithIdempotencyClaim<T>(claim: IdempotencyClaim, work: () => T): T {
  return storage.run(claim, work);
}

/** The claim of the current request, or undefined outside one. */
export function currentIdempotencyClaim(): IdempotencyClaim | undefined {
  return storage.getStore();
}
