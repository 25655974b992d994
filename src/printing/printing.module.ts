import { Module } from '@nestjs/common';
import { PrintingController } from './printing.controller.js';
import { PrintingRepository } from './printing.repository.js';
import { PrintingService } from './printing.service.js';

/** Printable certificates (PDF). */
@Module({
  controllers: [PrintingController],
  providers: [PrintingService, PrintingRepository],
})
export class PrintingModule {}
