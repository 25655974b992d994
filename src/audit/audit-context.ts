import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is changing data in the current request: written into every audit event of its transactions. */
export interface AuditActor {
  actorKeyId: string | null;
  actorRole: string | null;
  requestId: string | null;
}

const storage = new AsyncLocalStorage<AuditActor>();

/** Runs `work` (and everything it starts asynchronously) on behalf of `actor`. */
export function runAsAuditActor<T>(actor: AuditActor, work: () => T): T {
  return storage.run(actor, work);
}

/** The actor of the current request, or undefined outside one (start-up, seeding, the sealer). */
export function currentAuditActor(): AuditActor | undefined {
  return storage.getStore();
}
