import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/api-keys.module.js';
import { DecisionsModule } from '../decisions/decisions.module.js';
import { HistoryModule } from '../history/history.module.js';
import { IndividualsModule } from '../individuals/individuals.module.js';
import { NominationsModule } from '../nominations/nominations.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { DemoDataService } from './demo-data.service.js';

@Module({
  imports: [OrganizationsModule, IndividualsModule, NominationsModule, DecisionsModule, ApiKeysModule, HistoryModule],
  providers: [DemoDataService],
  exports: [DemoDataService],
})
export class DemoDataModule {}
