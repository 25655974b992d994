import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { AwardsController } from './awards.controller.js';
import { AwardsRepository } from './awards.repository.js';
import { AwardsService } from './awards.service.js';

@Module({
  imports: [OrganizationsModule],
  controllers: [AwardsController],
  providers: [AwardsService, AwardsRepository],
  exports: [AwardsService, AwardsRepository],
})
export class AwardsModule {}
