import { Module } from '@nestjs/common';
import { AwardTypesController } from './award-types.controller.js';
import { AwardTypesRepository } from './award-types.repository.js';
import { AwardTypesService } from './award-types.service.js';

@Module({
  controllers: [AwardTypesController],
  providers: [AwardTypesService, AwardTypesRepository],
  exports: [AwardTypesService, AwardTypesRepository],
})
export class AwardTypesModule {}
