import { Module } from '@nestjs/common';
import { AwardsModule } from '../awards/awards.module.js';
import { DecisionsModule } from '../decisions/decisions.module.js';
import { HistoryImportController } from './history-import.controller.js';
import { HistoryImportService } from './history-import.service.js';
import { HistoryRepository } from './history.repository.js';

@Module({
  imports: [AwardsModule, DecisionsModule],
  controllers: [HistoryImportController],
  providers: [HistoryImportService, HistoryRepository],
  exports: [HistoryImportService],
})
export class HistoryModule {}
