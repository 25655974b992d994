import { msg } from '../i18n/index.js';
import { Injectable } from '@nestjs/common';

import { changedFields } from '../common/database/changed-fields.js';
import { ApiError } from '../common/errors/problem.js';
import { decodeCursor, DEFAULT_PAGE_SIZE, type Page, toPage } from '../common/pagination/pagination.js';
import type {
  CreateOrganizationDto,
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
    const created = await this.transactions.run(() =>
      this.organizations.create({
        code: dto.code,
        name: dto.name,
        shortName: dto.shortName ?? null,
        kind: dto.kind,
        parentId: dto.parentId ?? null,
        documentSymbol: dto.documentSymbol ?? null,
        decisionNumbering: dto.decisionNumbering ?? 'REGISTER',
        enterprise,
      }),
    );
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
      const updated = await this.organizations.update(id, changes);
      if (!updated) throw ApiError.notFound('Organization', id);
      return toOrganizationDto(updated);
    });
  }
}
