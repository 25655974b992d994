import type { ImportRowError } from '../nominations/import/import-file.js';
import { checkOrganizationLife, type OrganizationLife } from '../rules/index.js';

/**
 * An organization a history file names, with the role it plays, on one decision date: the issuer named by its code,
 * or the collective awarded. `rows`: the file's rows that name it so on that date.
 */
export interface StagedOrganization extends OrganizationLife {
  role: 'ISSUER' | 'RECIPIENT';
  issuedOn: string;
  rows: number[];
}

/**
 * R-ORG-1 on a history file: a row whose decision's issuer, or whose collective, did not exist on the decision date
 * (dissolved before it, or founded after it) is refused, each row named with the column to blame. History is judged
 * by this one rule of the registry's own records, as decisions are, by `checkOrganizationLife`.
 */
export function organizationLivesInFile(staged: readonly StagedOrganization[]): ImportRowError[] {
  return staged.flatMap((organization) => {
    const check = checkOrganizationLife(organization, organization.issuedOn, organization.role);
    if (check.passed) return [];
    const field = organization.role === 'ISSUER' ? 'issuerOrganizationCode' : 'collectiveCode';
    return organization.rows.map((row) => ({ row, field, message: check.message }));
  });
}
