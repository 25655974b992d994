import { Module } from '@nestjs/common';
import { CouncilSizesController } from './council-sizes.controller.js';
import { CouncilSizesRepository } from './council-sizes.repository.js';
import { CouncilSizesService } from './council-sizes.service.js';
import { OrganizationsController } from './organizations.controller.js';
import { OrganizationsRepository } from './organizations.repository.js';
import { OrganizationsService } from './organizations.service.js';

@Module({
  controllers: [OrganizationsController, CouncilSizesController],
  providers: [OrganizationsService, OrganizationsRepository, CouncilSizesService, CouncilSizesRepository],
  exports: [OrganizationsService, OrganizationsRepository, CouncilSizesService, CouncilSizesRepository],
})
export class OrganizationsModule {}
