export const ROLES = ['ADMIN', 'HR_OFFICER', 'APPROVER', 'AUDITOR'] as const;
export type Role = (typeof ROLES)[number];

/**
 * A bearer API key as the service reads it (`api_keys`). Only the SHA-256 of the token is stored; the token itself
 * is shown once, at creation. The schema (migrations) requires a scope organization exactly for HR_OFFICER and
 * APPROVER keys.
 */
export interface ApiKey {
  id: string;
  name: string;
  role: Role;
  organizationId: string | null;
  /** The first characters of the token, so a person can tell keys apart without the secret. */
  tokenPrefix: string;
  createdAt: Date;
  revokedAt: Date | null;
}
