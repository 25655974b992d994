import { Module } from '@nestjs/common';
import { AwardsModule } from '../awards/awards.module.js';
import { NominationsModule } from '../nominations/nominations.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { DecisionsController } from './decisions.controller.js';
import { DecisionsRepository } from './decisions.repository.js';
import { DecisionsService } from './decisions.service.js';

@Module({
  imports: [AwardsModule, NominationsModule, OrganizationsModule],
  controllers: [DecisionsController],
  providers: [DecisionsService, DecisionsRepository],
  exports: [DecisionsRepository, DecisionsService],
})
export class DecisionsModule {}
