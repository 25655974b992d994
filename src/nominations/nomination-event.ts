import type { Eligibility } from '../rules/index.js';

/** The status history of a nomination: who moved it, when, why, and what the rules said at that moment. */
export interface NominationEvent {
  /** A bigint identity, as text. */
  id: string;
  nominationId: string;
  /** Null for the creation event. */
  fromStatus: string | null;
  toStatus: string;
  action: string;
  reason: string | null;
  eligibility: Eligibility | null;
  actorKeyId: string | null;
  actorRole: string | null;
  at: Date;
}
