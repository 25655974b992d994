import { msg } from '../i18n/index.js';
import { Injectable } from '@nestjs/common';
import { ApiError } from '../common/errors/problem.js';
import { decodeCursor, DEFAULT_PAGE_SIZE, type Page, toPage } from '../common/pagination/pagination.js';
import { OrganizationsRepository } from '../organizations/organizations.repository.js';
import { PUBLIC_PRINCIPAL, type Principal } from '../auth/principal.js';
import { awardName, type RevocationGround } from '../rules/index.js';
import { dateInVietnam } from '../common/time/vietnam-time.js';
import { type Versioned, withRegisterVersion } from '../common/http/public-cache.js';
import { type AwardFilter, type AwardRow, AwardsRepository } from './awards.repository.js';
import type { AwardDto, AwardHistoryQueryDto, ListAwardsQueryDto } from './dto/award.dto.js';

/**
 * Whether `viewer` may read the officer's free-text reason for a revocation. The public (and HR officers) learn
 * that an award was revoked and when (R-REVOKE-1), not the words written about the person; the roles that
 * revoke (APPROVER, ADMIN) and audit (AUDITOR) see them, as the exports do.
 */
export function seesRevocationReasons(viewer: Principal): boolean {
  return viewer.role === 'ADMIN' || viewer.role === 'APPROVER' || viewer.role === 'AUDITOR';
}

/** The award as `viewer` may see it: `revokedReason` only for `seesRevocationReasons`, else null. */
export function toAwardDto(row: AwardRow, viewer: Principal = PUBLIC_PRINCIPAL): AwardDto {
  const revoked = row.revokedAt !== null;
  const recovery = revoked && Number(row.bonusAmount) > 0;
  return {
    id: row.id,
    year: row.year,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    awardCode: row.awardCode,
    awardName: awardName(row.awardCode),
    basis: row.basis,
    recipientKind: row.recipientKind,
    recipientName: row.recipientName,
    individualId: row.individualId,
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    proposingOrganizationId: row.proposingOrganizationId,
    decisionId: row.decisionId,
    decisionNumber: row.decisionNumber,
    issuedOn: row.issuedOn,
    regime: row.regime,
    certificateNumber: row.certificateNumber,
    verificationCode: row.verificationCode,
    bonusAmount: Number(row.bonusAmount),
    bonusPaidWithAwardId: row.bonusPaidWithAwardId,
    revoked,
    revokedAt: row.revokedAt ? row.revokedAt.toISOString() : null,
    revokedReason: seesRevocationReasons(viewer) ? row.revokedReason : null,
    bonusRecoveryDue: recovery,
    revocation:
      row.revocationId === null
        ? null
        : {
            id: row.revocationId,
            number: row.revocationNumber as string,
            issuedOn: row.revocationIssuedOn as string,
            ground: row.revocationGround as RevocationGround,
          },
    bonusRecovery: recovery
      ? {
          amount: Number(row.bonusAmount),
          dueSince: row.revocationIssuedOn ?? dateInVietnam(row.revokedAt as Date),
        }
      : null,
    needsReview: row.needsReview,
  };
}

/** Throws 400 when a year range is upside down. */
export function assertYearRange(query: { fromYear?: number; toYear?: number }): void {
  if (query.fromYear !== undefined && query.toYear !== undefined && query.fromYear > query.toYear) {
    throw ApiError.badRequest('fromYear', msg('range.years', { first: query.fromYear, last: query.toYear }));
  }
}

const awardSortKey = (row: AwardRow): [string, string] => [row.issuedOn, row.id];

@Injectable()
export class AwardsService {
  constructor(
    private readonly awards: AwardsRepository,
    private readonly organizations: OrganizationsRepository,
  ) {}

  /** Granted awards, newest first; revoked ones only with `includeRevoked`. */
  async list(query: ListAwardsQueryDto, viewer: Principal): Promise<Versioned<Page<AwardDto>>> {
    assertYearRange(query);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeDateIdCursor(query.cursor);
    const rows = await this.awards.list({
      year: query.year,
      fromYear: query.fromYear,
      toYear: query.toYear,
      awardCode: query.awardCode,
      subtreeOf: query.organizationId,
      recipientKind: query.recipientKind,
      basis: query.basis,
      q: query.q,
      includeRevoked: query.includeRevoked ?? false,
      after,
      limit,
    });
    const page = toPage(rows, limit, awardSortKey, (row) => toAwardDto(row, viewer));
    return withRegisterVersion(page, rows[0]?.registerVersion);
  }

  /** Every award of one individual, revoked ones included (marked), newest first. */
  async forIndividual(
    individualId: string,
    query: AwardHistoryQueryDto,
    viewer: Principal,
  ): Promise<Versioned<Page<AwardDto>>> {
    const page = await this.history({ individualId }, query, viewer);
    // Only an empty page can hide an unknown individual: the usual request costs one statement, not two.
    if (page.items.length === 0 && !(await this.awards.individualExists(individualId))) {
      throw ApiError.notFound('Individual', individualId);
    }
    return page;
  }

  /**
   * Every award whose organization is this one: the collective's own awards and those of individuals who
   * belonged to it when granted. Revoked ones included (marked), newest first.
   */
  async forOrganization(
    organizationId: string,
    query: AwardHistoryQueryDto,
    viewer: Principal,
  ): Promise<Versioned<Page<AwardDto>>> {
    if (!(await this.organizations.findById(organizationId))) throw ApiError.notFound('Organization', organizationId);
    return this.history({ organizationId }, query, viewer);
  }

  private async history(
    filter: Pick<AwardFilter, 'individualId' | 'organizationId'>,
    query: AwardHistoryQueryDto,
    viewer: Principal,
  ): Promise<Versioned<Page<AwardDto>>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.awards.list({
      ...filter,
      recipientKind: query.recipientKind,
      includeRevoked: true,
      after: decodeDateIdCursor(query.cursor),
      limit,
    });
    const page = toPage(rows, limit, awardSortKey, (row) => toAwardDto(row, viewer));
    return withRegisterVersion(page, rows[0]?.registerVersion);
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A cursor of the lists sorted by (issuedOn, id): both checked, so a forged cursor is a 400, not a 500. */
export function decodeDateIdCursor(cursor: string | undefined): [string, string] | null {
  const values = decodeCursor(cursor, 2);
  if (values === null) return null;
  const [issuedOn, id] = values;
  if (typeof issuedOn !== 'string' || !ISO_DATE.test(issuedOn) || typeof id !== 'string' || !UUID.test(id)) {
    throw ApiError.badRequest('cursor', msg('error.cursor'));
  }
  return [issuedOn, id];
}
