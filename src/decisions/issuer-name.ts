import { sql, type RawBuilder } from 'kysely';

/**
 * The issuer's name as a decision reads it, over `decisions d LEFT JOIN organizations o ON o.id =
 * d.issuer_organization_id`: as written on a history decision, else the organization's name in force on the
 * decision date (`organization_name_on`: a later rename or merger does not rewrite it, R-ORG-1), else its name.
 */
export function issuerNameAsIssued(): RawBuilder<string> {
  return sql<string>`coalesce(${sql.ref('d.issuer_name')}, organization_name_on(${sql.ref('d.issuer_organization_id')}, ${sql.ref('d.issued_on')}), ${sql.ref('o.name')})`;
}
