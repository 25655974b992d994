import { Injectable } from '@nestjs/common';

import type { Principal } from '../auth/principal.js';
import { ScopeService } from '../auth/scope.service.js';
import { ApiError } from '../common/errors/problem.js';
import { msg } from '../i18n/index.js';
import type { CouncilSize } from './council-size.js';
import { CouncilSizesRepository } from './council-sizes.repository.js';
import type { CouncilSizeDto, CouncilSizeListDto, RecordCouncilSizeDto } from './dto/council-size.dto.js';
import { OrganizationsRepository } from './organizations.repository.js';
import { Transactions } from '../database/transactions.js';

export function toCouncilSizeDto(row: CouncilSize): CouncilSizeDto {
  return {
    id: row.id,
    organizationId: row.organizationId,
    members: row.members,
    effectiveFrom: row.effectiveFrom,
    reference: row.reference,
    recordedByKeyId: row.recordedByKeyId,
    recordedAt: row.createdAt.toISOString(),
  };
}

/**
 * The size of each organization's emulation council (R-VOTE-1 counts votes against it). Recorded from above the
 * organization only (`ScopeService.assertAbove`): the approver who records a unit's votes cannot shrink its council.
 */
@Injectable()
export class CouncilSizesService {
  constructor(
    private readonly councilSizes: CouncilSizesRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly scope: ScopeService,
    private readonly transactions: Transactions,
  ) {}

  async record(principal: Principal, organizationId: string, dto: RecordCouncilSizeDto): Promise<CouncilSizeDto> {
    return this.transactions.run(async () => {
      if (!(await this.organizations.findById(organizationId))) throw ApiError.notFound('Organization', organizationId);
      await this.scope.assertAbove(principal, organizationId, msg('subject.councilSize'));
      const row = await this.councilSizes.add({
        organizationId,
        members: dto.members,
        effectiveFrom: dto.effectiveFrom,
        reference: dto.reference,
        recordedByKeyId: principal.keyId,
      });
      return toCouncilSizeDto(row);
    });
  }

  async history(organizationId: string): Promise<CouncilSizeListDto> {
    if (!(await this.organizations.findById(organizationId))) throw ApiError.notFound('Organization', organizationId);
    return { items: (await this.councilSizes.history(organizationId)).map(toCouncilSizeDto) };
  }
}
