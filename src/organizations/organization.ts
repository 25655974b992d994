import type { DecisionNumbering, OrganizationKind } from '../rules/index.js';

/** The kinds live with the rule engine, which derives each kind's decision authority from them (R-AUTH-4). */
export { ORGANIZATION_KINDS, type OrganizationKind } from '../rules/index.js';

/**
 * A node of the organization tree (province → departments → units), as `organizations` holds it. The table
 * `organization_closure` (kept by a trigger, see the initial migration) holds every ancestor/descendant pair, so a
 * whole subtree is one indexed lookup.
 */
export interface Organization {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  kind: OrganizationKind;
  parentId: string | null;
  /** Symbol used in decision numbers, e.g. `STTTT` in `05/QĐ-STTTT`; not unique. */
  documentSymbol: string | null;
  /** How its decisions get their numbers (R-NUM-1, Decree 30/2020 Annex I). */
  decisionNumbering: DecisionNumbering;
  /** An enterprise (doanh nghiệp): row 03 of form 0603 (Circular 02/2023/TT-BNV); kind ENTERPRISE implies it. */
  enterprise: boolean;
  /** First day it exists (R-ORG-1, YYYY-MM-DD); null: since before the registry knows. */
  validFrom: string | null;
  /** Last day it exists (R-ORG-1, YYYY-MM-DD); null: it still exists. */
  validTo: string | null;
  /** The organization that took over when it ceased (merger, dissolution). */
  successorId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The columns a caller sets when creating an organization. */
export type NewOrganization = Pick<
  Organization,
  'code' | 'name' | 'shortName' | 'kind' | 'parentId' | 'documentSymbol' | 'enterprise'
> &
  Partial<Pick<Organization, 'decisionNumbering' | 'validFrom'>>;
