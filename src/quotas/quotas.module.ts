import { Module } from '@nestjs/common';
import { AwardTypesModule } from '../award-types/award-types.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { QuotasController } from './quotas.controller.js';
import { QuotasRepository } from './quotas.repository.js';
import { QuotasService } from './quotas.service.js';
import { RuleSettingsController } from './rule-settings.controller.js';

@Module({
  imports: [AwardTypesModule, OrganizationsModule],
  controllers: [QuotasController, RuleSettingsController],
  providers: [QuotasService, QuotasRepository],
  exports: [QuotasService],
})
export class QuotasModule {}
