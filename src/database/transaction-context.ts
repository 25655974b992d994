import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from 'typeorm';

/**
 * The ambient transaction: the EntityManager of the transaction that `Transactions.run` opened, visible to every
 * statement of the same call chain (AsyncLocalStorage follows promises), so no signature carries a manager.
 *
 * Why not `@nestjs-cls/transactional`: it ships CommonJS only and requires `@nestjs/common`, which NestJS 12 ships
 * as ESM only; under Jest's ESM runtime that require is refused as a module cycle. What it would give us here is
 * exactly this store and `Transactions.run` (see docs/architecture.md, "Data access").
 */
const storage = new AsyncLocalStorage<EntityManager>();

export function runWithTransactionManager<T>(manager: EntityManager, work: () => Promise<T>): Promise<T> {
  return storage.run(manager, work);
}

/** The current transaction's EntityManager, or undefined outside one. */
export function currentTransactionManager(): EntityManager | undefined {
  return storage.getStore();
}
