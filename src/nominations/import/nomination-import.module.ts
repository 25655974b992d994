import { Module } from '@nestjs/common';
import { NominationsModule } from '../nominations.module.js';
import { NominationImportController } from './nomination-import.controller.js';
import { NominationImportRepository } from './nomination-import.repository.js';
import { NominationImportService } from './nomination-import.service.js';

/** `POST /nominations/import` and its templates, on top of the nominations module's creation logic. */
@Module({
  imports: [NominationsModule],
  controllers: [NominationImportController],
  providers: [NominationImportService, NominationImportRepository],
})
export class NominationImportModule {}
