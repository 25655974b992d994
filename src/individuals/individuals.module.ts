import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { DisciplinaryCase } from './disciplinary-case.entity.js';
import { DisciplinaryCasesController } from './disciplinary-cases.controller.js';
import { Individual } from './individual.entity.js';
import { IndividualsController } from './individuals.controller.js';
import { IndividualsRepository } from './individuals.repository.js';
import { IndividualsService } from './individuals.service.js';
import { Initiative } from './initiative.entity.js';
import { IndividualRating } from './rating.entity.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([Individual, IndividualRating, Initiative, DisciplinaryCase]),
    OrganizationsModule,
  ],
  controllers: [IndividualsController, DisciplinaryCasesController],
  providers: [IndividualsService, IndividualsRepository],
  exports: [IndividualsService, IndividualsRepository],
})
export class IndividualsModule {}
