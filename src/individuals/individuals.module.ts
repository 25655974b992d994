import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { DisciplinaryCasesController } from './disciplinary-cases.controller.js';
import { OrganizationCasesController } from './organization-cases.controller.js';
import { IndividualsController } from './individuals.controller.js';
import { IndividualsRepository } from './individuals.repository.js';
import { IndividualsService } from './individuals.service.js';

@Module({
  imports: [OrganizationsModule],
  controllers: [IndividualsController, DisciplinaryCasesController, OrganizationCasesController],
  providers: [IndividualsService, IndividualsRepository],
  exports: [IndividualsService, IndividualsRepository],
})
export class IndividualsModule {}
