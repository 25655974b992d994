import { msg } from '../i18n/index.js';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiError } from '../common/errors/problem.js';
import { decodeCursor, DEFAULT_PAGE_SIZE, type Page, toPage } from '../common/pagination/pagination.js';
import type {
  CreateOrganizationDto,
  ListOrganizationsQueryDto,
  OrganizationDto,
  UpdateOrganizationDto,
} from './dto/organization.dto.js';
import { Organization } from './organization.entity.js';
import { OrganizationsRepository } from './organizations.repository.js';

export function toOrganizationDto(organization: Organization): OrganizationDto {
  return {
    id: organization.id,
    code: organization.code,
    name: organization.name,
    shortName: organization.shortName,
    kind: organization.kind,
    parentId: organization.parentId,
    documentSymbol: organization.documentSymbol,
    createdAt: organization.createdAt.toISOString(),
    updatedAt: organization.updatedAt.toISOString(),
  };
}

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly organizations: OrganizationsRepository,
    private readonly dataSource: DataSource,
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
    const created = await this.organizations.create({
      code: dto.code,
      name: dto.name,
      shortName: dto.shortName ?? null,
      kind: dto.kind,
      parentId: dto.parentId ?? null,
      documentSymbol: dto.documentSymbol ?? null,
    });
    return toOrganizationDto(created);
  }

  /** Moving an organization (new `parentId`) moves its whole subtree; the database refuses cycles. */
  async update(id: string, dto: UpdateOrganizationDto): Promise<OrganizationDto> {
    return this.dataSource.transaction(async (manager) => {
      const organization = await manager
        .getRepository(Organization)
        .createQueryBuilder('o')
        .setLock('pessimistic_write')
        .where('o.id = :id', { id })
        .getOne();
      if (!organization) throw ApiError.notFound('Organization', id);
      for (const field of ['code', 'name', 'kind'] as const) {
        if (dto[field] === null) throw ApiError.badRequest(field, msg('error.notNull'));
      }
      Object.assign(organization, dto);
      return toOrganizationDto(await this.organizations.save(organization, manager));
    });
  }
}
