import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AwardTypesModule } from '../award-types/award-types.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { QuotasModule } from '../quotas/quotas.module.js';
import { CouncilVote } from './council-vote.entity.js';
import { NominationEvent } from './nomination-event.entity.js';
import { NominationFactsRepository } from './nomination-facts.repository.js';
import { Nomination } from './nomination.entity.js';
import { NominationsController } from './nominations.controller.js';
import { NominationsRepository } from './nominations.repository.js';
import { NominationsService } from './nominations.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([Nomination, NominationEvent, CouncilVote]),
    AwardTypesModule,
    QuotasModule,
    OrganizationsModule,
  ],
  controllers: [NominationsController],
  providers: [NominationsService, NominationsRepository, NominationFactsRepository],
  exports: [NominationsService, NominationsRepository, NominationFactsRepository],
})
export class NominationsModule {}
