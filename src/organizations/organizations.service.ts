import { dateParam, msg } from '../i18n/index.js';
import { Injectable } from '@nestjs/common';

import { changedFields } from '../common/database/changed-fields.js';
import { ApiError, ErrorCode, type RuleViolation } from '../common/errors/problem.js';
import { todayInVietnam } from '../common/time/vietnam-time.js';
import { ceasedOn, isAliveOn, lastDayBefore } from '../rules/index.js';
import { decodeCursor, DEFAULT_PAGE_SIZE, type Page, toPage } from '../common/pagination/pagination.js';
import type {
  CreateOrganizationDto,
  DissolveOrganizationDto,
  ListOrganizationsQueryDto,
  OrganizationDto,
  UpdateOrganizationDto,
} from './dto/organization.dto.js';
import type { Organization, OrganizationKind } from './organization.js';
import { OrganizationsRepository } from './organizations.repository.js';
import { Transactions } from '../database/transactions.js';

export function toOrganizationDto(organization: Organization): OrganizationDto {
  return {
    id: organization.id,
    code: organization.code,
    name: organization.name,
    shortName: organization.shortName,
    kind: organization.kind,
    parentId: organization.parentId,
    documentSymbol: organization.documentSymbol,
    decisionNumbering: organization.decisionNumbering,
    enterprise: organization.enterprise,
    validFrom: organization.validFrom,
    validTo: organization.validTo,
    successorId: organization.successorId,
    createdAt: organization.createdAt.toISOString(),
    updatedAt: organization.updatedAt.toISOString(),
  };
}

/** Kind ENTERPRISE implies an enterprise (form 0603 row 03): derived when omitted, `false` refused. */
function enterpriseFlag(kind: OrganizationKind, given: boolean | undefined): boolean {
  if (kind !== 'ENTERPRISE') return given ?? false;
  if (given === false) throw ApiError.badRequest('enterprise', msg('organization.enterpriseKind'));
  return true;
}

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly organizations: OrganizationsRepository,
    private readonly transactions: Transactions,
  ) {}

  async list(query: ListOrganizationsQueryDto): Promise<Page<OrganizationDto>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    const rows = await this.organizations.list({ ...query, after, limit });
    return toPage(rows, limit, (row) => [row.code, row.id], toOrganizationDto);
  }

  async get(id: string): Promise<OrganizationDto> {
    return toOrganizationDto(await this.require(id));
  }

  async require(id: string): Promise<Organization> {
    const organization = await this.organizations.findById(id);
    if (!organization) throw ApiError.notFound('Organization', id);
    return organization;
  }

  async create(dto: CreateOrganizationDto): Promise<OrganizationDto> {
    const enterprise = enterpriseFlag(dto.kind, dto.enterprise);
    const created = await this.transactions.run(async () => {
      if (dto.parentId) await this.assertParentAlive(dto.parentId, dto.validFrom ?? todayInVietnam());
      return this.organizations.create({
        code: dto.code,
        name: dto.name,
        shortName: dto.shortName ?? null,
        kind: dto.kind,
        parentId: dto.parentId ?? null,
        documentSymbol: dto.documentSymbol ?? null,
        decisionNumbering: dto.decisionNumbering ?? 'REGISTER',
        enterprise,
        validFrom: dto.validFrom ?? null,
      });
    });
    return toOrganizationDto(created);
  }

  /** Moving an organization (new `parentId`) moves its whole subtree; the database refuses cycles. */
  async update(id: string, dto: UpdateOrganizationDto): Promise<OrganizationDto> {
    return this.transactions.run(async () => {
      const organization = await this.organizations.findByIdForUpdate(id);
      if (!organization) throw ApiError.notFound('Organization', id);
      for (const field of ['code', 'name', 'kind', 'decisionNumbering', 'enterprise'] as const) {
        if (dto[field] === null) throw ApiError.badRequest(field, msg('error.notNull'));
      }
      // Only what differs is written: an unchanged organization keeps its updatedAt and leaves no audit event.
      const changes = changedFields(organization, {
        code: dto.code ?? undefined,
        name: dto.name ?? undefined,
        kind: dto.kind ?? undefined,
        shortName: dto.shortName,
        parentId: dto.parentId,
        documentSymbol: dto.documentSymbol,
        decisionNumbering: dto.decisionNumbering ?? undefined,
        enterprise: enterpriseFlag(
          dto.kind ?? organization.kind,
          dto.enterprise ?? ((dto.kind ?? organization.kind) === 'ENTERPRISE' ? undefined : organization.enterprise),
        ),
      });
      if (Object.keys(changes).length === 0) return toOrganizationDto(organization);
      if (changes.parentId) await this.assertParentAlive(changes.parentId, todayInVietnam());
      const updated = await this.organizations.update(id, changes);
      if (!updated) throw ApiError.notFound('Organization', id);
      return toOrganizationDto(updated);
    });
  }

  /**
   * Ends an organization's life (R-ORG-1): it ceases on `dto.on`, so its `validTo` is the day before, and
   * `successorId` takes over. Nothing moves with it: its people and its children are moved explicitly, and its
   * awards and decisions keep pointing at it (and at its name). Refused while a child still exists on `on`, for a
   * successor that is itself, lies below it or does not exist on `on`, and twice. The row is locked for update, so a
   * decision issued by it or granting to it (which share-locks the row) runs wholly before or wholly after.
   */
  async dissolve(id: string, dto: DissolveOrganizationDto): Promise<OrganizationDto> {
    const validTo = lastDayBefore(dto.on);
    return this.transactions.run(async () => {
      const organization = await this.organizations.findByIdForUpdate(id);
      if (!organization) throw ApiError.notFound('Organization', id);
      if (organization.validTo !== null) {
        throw ApiError.conflict(
          ErrorCode.ORGANIZATION_DISSOLVED,
          msg('organization.alreadyDissolved', {
            organization: organization.name,
            since: dateParam(ceasedOn(organization.validTo)),
          }),
        );
      }
      const violations: RuleViolation[] = [];
      const on = dateParam(dto.on);
      if (organization.validFrom !== null && validTo < organization.validFrom) {
        violations.push({
          rule: 'R-ORG-1',
          message: msg('organization.ceasesBeforeStart', {
            organization: organization.name,
            firstDay: dateParam(organization.validFrom),
            on,
          }),
        });
      }
      let successorId: string | null = null;
      if (dto.successorId !== undefined) {
        successorId = dto.successorId.toLowerCase();
        const successor = await this.organizations.findOneForShare(successorId);
        if (!successor) {
          throw ApiError.invalidReference('successorId', msg('organization.unknownSuccessor', { id: successorId }));
        }
        if (successor.id === organization.id) {
          violations.push({
            rule: 'R-ORG-1',
            message: msg('organization.successorSelf', { organization: organization.name }),
          });
        } else if (await this.organizations.isWithin(organization.id, successor.id, true)) {
          violations.push({
            rule: 'R-ORG-1',
            message: msg('organization.successorBelow', { organization: organization.name, successor: successor.name }),
          });
        } else if (!isAliveOn(successor, dto.on)) {
          violations.push({
            rule: 'R-ORG-1',
            message: msg('organization.successorGone', { successor: successor.name, on }),
          });
        }
      }
      // R-ORG-1 looking back: nothing dated from `on` may already stand in its name.
      const acts = await this.organizations.actsFrom(organization.id, dto.on);
      if (acts.decisions > 0 || acts.awards > 0) {
        violations.push({
          rule: 'R-ORG-1',
          message: msg('organization.actsAfter', { organization: organization.name, on, ...acts }),
        });
      }
      const children = await this.organizations.childrenAliveOn(organization.id, dto.on);
      if (children.length > 0) {
        violations.push({
          rule: 'R-ORG-1',
          message: msg('organization.childrenAlive', {
            count: children.length,
            on,
            children: children.map((child) => child.code).join(', '),
          }),
        });
      }
      if (violations.length > 0) {
        throw ApiError.ruleViolation(msg('organization.cannotDissolve', { count: violations.length }), violations);
      }
      const dissolved = await this.organizations.dissolve(organization.id, validTo, successorId);
      if (!dissolved) throw ApiError.notFound('Organization', id);
      return toOrganizationDto(dissolved);
    });
  }

  /** R-ORG-1: an organization is created under, or moved to, a parent that exists on that day. */
  private async assertParentAlive(parentId: string, date: string): Promise<void> {
    const parent = await this.organizations.findOneForShare(parentId);
    // An unknown parent is the foreign key's to refuse, as before.
    if (!parent || isAliveOn(parent, date)) return;
    throw ApiError.ruleViolation(msg('organization.parentGone', { parent: parent.name, date: dateParam(date) }), [
      {
        rule: 'R-ORG-1',
        message: msg('organization.parentGone', { parent: parent.name, date: dateParam(date) }),
      },
    ]);
  }
}
