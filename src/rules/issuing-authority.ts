/**
 * R-AUTH-4 [L] (Law 2022 Art 79–80): the authority of an award decision follows from the organization that issues
 * it; it is not declared by whoever records the decision.
 *
 * - Art 79: the Chairman of a provincial People's Committee (Chủ tịch UBND tỉnh) decides for a `PROVINCE`.
 * - Art 80.1: the head of a specialised agency of the provincial People's Committee (Giám đốc Sở) decides for a
 *   `DEPARTMENT`.
 * - Art 80.2: the chair of a district People's Committee decides for a `DISTRICT`, for decisions dated until
 *   2025-06-30 only: the district level is abolished from 2025-07-01 (two-tier local government, Decree 129/2025).
 * - Art 80.3: the chair of a commune People's Committee decides for a `COMMUNE`.
 * - Art 80.4: the director of an enterprise decides for an `ENTERPRISE`.
 * - A `UNIT` (a centre, an office inside a Sở) or an `OTHER` organization has no competence of its own in Art 79–80:
 *   its people are proposed to, and decided by, the organization above it.
 *
 * No organization kind holds the Prime Minister's or the President's authority, so the awards only they decide
 * (Bằng khen của Thủ tướng, CSTĐ toàn quốc, Cờ thi đua của Chính phủ, state-level forms) are proposed upward and
 * never decided through this registry. What each authority may then decide is the catalogue's `decidingAuthorities`
 * (R-AUTH-1..3, checked by `checkAuthority`).
 */
import { dateParam, msg, type Message } from '../i18n/index.js';
import { awardType } from './catalogue.js';
import { addDays, assertIsoDate } from './dates.js';
import type { Authority, AwardCode, OrganizationKind, RuleCheck } from './types.js';

/** The authority the head of an organization of one kind holds, and until when. */
export interface IssuerAuthorityGrant {
  authority: Authority;
  /** Last decision date allowed (inclusive, YYYY-MM-DD). */
  until?: string;
  /** The article that gives the head this competence. */
  article: Message;
}

/** R-AUTH-4 as data: the authority of each kind of issuer; null where the kind has no competence to decide awards. */
export const ISSUER_AUTHORITIES: Readonly<Record<OrganizationKind, IssuerAuthorityGrant | null>> = {
  PROVINCE: { authority: 'PROVINCE_CHAIR', article: msg('article.art79') },
  DEPARTMENT: { authority: 'DEPARTMENT_HEAD', article: msg('article.auth1') },
  DISTRICT: { authority: 'DISTRICT_CHAIR', until: '2025-06-30', article: msg('article.art80_2') },
  COMMUNE: { authority: 'COMMUNE_CHAIR', article: msg('article.art80_3') },
  ENTERPRISE: { authority: 'ENTERPRISE_HEAD', article: msg('article.art80_4') },
  UNIT: null,
  OTHER: null,
};

const KIND_LABELS: Readonly<Record<OrganizationKind, Message>> = {
  PROVINCE: msg('orgKind.PROVINCE'),
  DEPARTMENT: msg('orgKind.DEPARTMENT'),
  DISTRICT: msg('orgKind.DISTRICT'),
  COMMUNE: msg('orgKind.COMMUNE'),
  ENTERPRISE: msg('orgKind.ENTERPRISE'),
  UNIT: msg('orgKind.UNIT'),
  OTHER: msg('orgKind.OTHER'),
};

/**
 * The authority whose title an organization's head carries, whatever the date (printing: the heading and the
 * signature of a decision already recorded); null for a kind without competence.
 */
export function headAuthority(kind: OrganizationKind): Authority | null {
  return ISSUER_AUTHORITIES[kind]?.authority ?? null;
}

/** The result of deriving a decision's authority from its issuer (R-AUTH-4). */
export interface IssuingAuthority {
  /** The authority the decision carries; null when the issuer cannot decide awards on that date. */
  authority: Authority | null;
  /** One R-AUTH-4 check: passed, or why the issuer (or the authority stated for it) is refused. */
  check: RuleCheck;
}

/**
 * R-AUTH-4: the authority of a decision issued on `issuedOn` (YYYY-MM-DD) by `issuer`. `stated` is the authority
 * the request named, if any: one that disagrees with the derived authority fails the check (the derived one is
 * still returned, so the award codes can be checked against what the issuer really holds).
 */
export function issuingAuthority(
  issuer: { kind: OrganizationKind; name: string },
  issuedOn: string,
  stated?: Authority,
): IssuingAuthority {
  assertIsoDate(issuedOn, 'The decision date');
  const grant = ISSUER_AUTHORITIES[issuer.kind];
  const kind = KIND_LABELS[issuer.kind];
  if (!grant) {
    return {
      authority: null,
      check: {
        rule: 'R-AUTH-4',
        passed: false,
        message: msg('rules.issuer.noCompetence', { issuer: issuer.name, kind }),
      },
    };
  }
  if (grant.until !== undefined && issuedOn > grant.until) {
    return {
      authority: null,
      check: {
        rule: 'R-AUTH-4',
        passed: false,
        message: msg('rules.issuer.districtGone', {
          issuer: issuer.name,
          kind,
          since: dateParam(addDays(grant.until, 1)),
          date: dateParam(issuedOn),
        }),
      },
    };
  }
  if (stated !== undefined && stated !== grant.authority) {
    return {
      authority: grant.authority,
      check: {
        rule: 'R-AUTH-4',
        passed: false,
        message: msg('rules.issuer.mismatch', {
          issuer: issuer.name,
          kind,
          authority: grant.authority,
          article: grant.article,
          stated,
        }),
      },
    };
  }
  return {
    authority: grant.authority,
    check: {
      rule: 'R-AUTH-4',
      passed: true,
      message: msg('rules.issuer.ok', {
        issuer: issuer.name,
        kind,
        authority: grant.authority,
        article: grant.article,
      }),
    },
  };
}

/** The authorities some issuer of this registry may hold on some date. */
const ISSUABLE: ReadonlySet<Authority> = new Set(
  Object.values(ISSUER_AUTHORITIES).flatMap((grant) => (grant ? [grant.authority] : [])),
);

/**
 * Whether some issuer of this registry may decide `code` at all: false for the awards the catalogue grants only to
 * the Prime Minister or the President, which a province or a department only proposes upward.
 */
export function isDecidedLocally(code: AwardCode): boolean {
  return awardType(code).decidingAuthorities.some((grant) => ISSUABLE.has(grant.authority));
}
