import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { HouseholdsController } from './households.controller.js';
import { HouseholdsRepository } from './households.repository.js';
import { HouseholdsService } from './households.service.js';

@Module({
  imports: [OrganizationsModule],
  controllers: [HouseholdsController],
  providers: [HouseholdsService, HouseholdsRepository],
})
export class HouseholdsModule {}
