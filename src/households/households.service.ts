import { HttpStatus, Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal.js';
import { ScopeService } from '../auth/scope.service.js';
import { ApiError, ErrorCode } from '../common/errors/problem.js';
import { decodeCursor, DEFAULT_PAGE_SIZE, type Page, toPage } from '../common/pagination/pagination.js';
import { Transactions } from '../database/transactions.js';
import { msg, referenceMissing } from '../i18n/index.js';
import { OrganizationsRepository } from '../organizations/organizations.repository.js';
import type { CreateHouseholdDto, HouseholdDto, ListHouseholdsQueryDto } from './dto/household.dto.js';
import { type Household, HouseholdsRepository } from './households.repository.js';

function toHouseholdDto(household: Household): HouseholdDto {
  return {
    id: household.id,
    headName: household.headName,
    address: household.address,
    organizationId: household.organizationId,
    createdAt: household.createdAt.toISOString(),
  };
}

/** Households (hộ gia đình): recipients of Giấy khen and Bằng khen, kept under their commune. */
@Injectable()
export class HouseholdsService {
  constructor(
    private readonly households: HouseholdsRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly scope: ScopeService,
    private readonly transactions: Transactions,
  ) {}

  async create(principal: Principal, dto: CreateHouseholdDto): Promise<HouseholdDto> {
    const organization = await this.organizations.findById(dto.organizationId);
    if (!organization) {
      throw new ApiError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        ErrorCode.INVALID_REFERENCE,
        'A rule forbids this',
        referenceMissing('entity.organization', dto.organizationId),
        { errors: [{ field: 'organizationId', message: msg('organization.missing') }] },
      );
    }
    await this.scope.assertInScope(principal, organization.id);
    if (organization.kind !== 'COMMUNE') {
      throw ApiError.badRequest(
        'organizationId',
        msg('household.notCommune', { id: organization.id, kind: organization.kind }),
      );
    }
    const created = await this.transactions.run(() =>
      this.households.create({ headName: dto.headName, address: dto.address, organizationId: organization.id }),
    );
    return toHouseholdDto(created);
  }

  async get(principal: Principal, id: string): Promise<HouseholdDto> {
    const household = await this.households.findById(id);
    if (!household) throw ApiError.notFound('Household', id);
    await this.scope.assertInScope(principal, household.organizationId);
    return toHouseholdDto(household);
  }

  async list(principal: Principal, query: ListHouseholdsQueryDto): Promise<Page<HouseholdDto>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    if (after && !after.every((part) => typeof part === 'string'))
      throw ApiError.badRequest('cursor', msg('error.cursor'));
    const rows = await this.households.list({
      organizationId: query.organizationId,
      scopeRoot: this.scope.scopeRoot(principal),
      after,
      limit,
    });
    return toPage(rows, limit, (row) => [row.headName, row.id], toHouseholdDto);
  }
}
