import type {} from 'fastify'; // the module augmented below, resolved in every program that includes this file
import type { Role } from '../api-keys/api-key.js';

/**
 * The key id under which the bootstrap token (AUTH_BOOTSTRAP_ADMIN_TOKEN) acts: the nil UUID, which no API key can
 * have (keys get random version-4 UUIDs). The audit trail and every `…KeyId` field record it for the bootstrap
 * token's changes.
 */
export const BOOTSTRAP_KEY_ID = '00000000-0000-0000-0000-000000000000';

/** Who is calling: an API key (or the bootstrap token), or nobody (`public`). */
export interface Principal {
  kind: 'key' | 'bootstrap' | 'public';
  keyId: string | null;
  role: Role | null;
  /** HR_OFFICER and APPROVER act on this organization and its subtree only. */
  organizationId: string | null;
}

export const PUBLIC_PRINCIPAL: Principal = Object.freeze({
  kind: 'public',
  keyId: null,
  role: null,
  organizationId: null,
});

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}
