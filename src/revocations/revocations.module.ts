import { Module } from '@nestjs/common';
import { AwardsModule } from '../awards/awards.module.js';
import { DecisionsModule } from '../decisions/decisions.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import {
  AwardReviewController,
  DecisionRevocationController,
  RevocationsController,
} from './revocations.controller.js';
import { RevocationsRepository } from './revocations.repository.js';
import { RevocationsService } from './revocations.service.js';

@Module({
  imports: [AwardsModule, DecisionsModule, OrganizationsModule],
  controllers: [RevocationsController, DecisionRevocationController, AwardReviewController],
  providers: [RevocationsService, RevocationsRepository],
})
export class RevocationsModule {}
