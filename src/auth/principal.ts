import type { Role } from '../api-keys/api-key.entity.js';

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
