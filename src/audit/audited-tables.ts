/**
 * The tables whose every row change writes an audit event (the `entityType` of the event). The triggers are
 * created by the AuditTrail migration, which keeps its own copy of this list, and by later migrations for later
 * tables (`council_sizes`: CouncilMeetings; `households`: HistoryHouseholdsForm0603; `revocations`:
 * RevocationDecisions).
 */
export const AUDITED_ENTITY_TYPES = [
  'award_types',
  'organizations',
  'individuals',
  'individual_ratings',
  'initiatives',
  'disciplinary_cases',
  'api_keys',
  'nominations',
  'council_votes',
  'council_sizes',
  'unit_quotas',
  'rule_settings',
  'decisions',
  'awards',
  'households',
  'revocations',
] as const;
export type AuditEntityType = (typeof AUDITED_ENTITY_TYPES)[number];
