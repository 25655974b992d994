import { Module } from '@nestjs/common';
import { AwardTypesModule } from '../award-types/award-types.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { QuotasModule } from '../quotas/quotas.module.js';
import { NominationFactsRepository } from './nomination-facts.repository.js';
import { NominationsController } from './nominations.controller.js';
import { NominationsRepository } from './nominations.repository.js';
import { NominationsService } from './nominations.service.js';

@Module({
  imports: [AwardTypesModule, QuotasModule, OrganizationsModule],
  controllers: [NominationsController],
  providers: [NominationsService, NominationsRepository, NominationFactsRepository],
  exports: [NominationsService, NominationsRepository, NominationFactsRepository],
})
export class NominationsModule {}
