/**
 * R-ORG-1 [L] (Circular 15/2025/TT-BNV; Law 2022 Art 79–80): organizations have a life. A province merges or
 * abolishes its agencies (Sở Thông tin và Truyền thông merged into Sở Khoa học và Công nghệ on 2025-03-01; district
 * People's Committees abolished on 2025-07-01), and an organization that no longer exists neither issues a decision
 * (the competence of Art 79–80 belongs to a head in office) nor receives a collective award. Nor does one that does
 * not exist yet.
 *
 * `validFrom` is the first day an organization exists, `validTo` the last; null means unknown beginning or still
 * alive. An organization that ceases "on" a date (dissolved, merged) has `validTo` the day before: it is alive on
 * `validTo` and gone after it.
 */
import { dateParam, msg } from '../i18n/index.js';
import { addDays, assertIsoDate } from './dates.js';
import type { RuleCheck } from './types.js';

/** What the rule needs to know of an organization. */
export interface OrganizationLife {
  name: string;
  /** First day it exists (YYYY-MM-DD); null: since before the registry knows. */
  validFrom: string | null;
  /** Last day it exists (YYYY-MM-DD); null: it still exists. */
  validTo: string | null;
}

/**
 * The part an organization plays on a date: the issuer of a decision (an award or a revocation), the recipient of a
 * collective award, the proposer submitting a nomination, or the unit a person is placed in.
 */
export type OrganizationRole = 'ISSUER' | 'RECIPIENT' | 'PROPOSER' | 'MEMBER';

/** The refusal of each role: before the organization exists, and after it ceased. */
const REFUSALS = {
  ISSUER: { notYet: 'rules.org.issuerNotYet', gone: 'rules.org.issuerGone' },
  RECIPIENT: { notYet: 'rules.org.recipientNotYet', gone: 'rules.org.recipientGone' },
  PROPOSER: { notYet: 'rules.org.proposerNotYet', gone: 'rules.org.proposerGone' },
  MEMBER: { notYet: 'rules.org.memberNotYet', gone: 'rules.org.memberGone' },
} as const satisfies Record<OrganizationRole, { notYet: string; gone: string }>;

/** Whether `organization` exists on `date` (YYYY-MM-DD): on or after `validFrom` and on or before `validTo`. */
export function isAliveOn(organization: Pick<OrganizationLife, 'validFrom' | 'validTo'>, date: string): boolean {
  assertIsoDate(date);
  if (organization.validFrom !== null && date < organization.validFrom) return false;
  if (organization.validTo !== null && date > organization.validTo) return false;
  return true;
}

/** The last day an organization that ceases on `ceasesOn` exists: the day before (YYYY-MM-DD). */
export function lastDayBefore(ceasesOn: string): string {
  assertIsoDate(ceasesOn, 'The date the organization ceases');
  return addDays(ceasesOn, -1);
}

/** The day after `validTo`: the first day the organization no longer exists. */
export function ceasedOn(validTo: string): string {
  return addDays(validTo, 1);
}

/**
 * R-ORG-1: `organization` may act as `role` on `date` (YYYY-MM-DD: the decision date, that a nomination is judged
 * on, or the day a person is placed) only while it exists. One check: passed, or why not (not yet founded, or
 * ceased), citing Circular 15/2025/TT-BNV and Law 2022 Art 79–80.
 */
export function checkOrganizationLife(organization: OrganizationLife, date: string, role: OrganizationRole): RuleCheck {
  assertIsoDate(date, 'The date');
  const params = { organization: organization.name, date: dateParam(date) };
  if (organization.validFrom !== null && date < organization.validFrom) {
    return {
      rule: 'R-ORG-1',
      passed: false,
      message: msg(REFUSALS[role].notYet, {
        ...params,
        firstDay: dateParam(organization.validFrom),
      }),
    };
  }
  if (organization.validTo !== null && date > organization.validTo) {
    return {
      rule: 'R-ORG-1',
      passed: false,
      message: msg(REFUSALS[role].gone, {
        ...params,
        since: dateParam(ceasedOn(organization.validTo)),
      }),
    };
  }
  return { rule: 'R-ORG-1', passed: true, message: msg('rules.org.alive', params) };
}
