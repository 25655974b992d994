import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AwardType } from './award-type.entity.js';
import { AwardTypesController } from './award-types.controller.js';
import { AwardTypesRepository } from './award-types.repository.js';
import { AwardTypesService } from './award-types.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([AwardType])],
  controllers: [AwardTypesController],
  providers: [AwardTypesService, AwardTypesRepository],
  exports: [AwardTypesService, AwardTypesRepository],
})
export class AwardTypesModule {}
