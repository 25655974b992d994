import { Global, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { RegisterVersions } from '../common/http/public-cache.js';
import { Db } from './db.js';
import { limitRegisterReads } from './replica-reads.js';
import { Transactions } from './transactions.js';

/** Sets the instance's limit of register reads at once (`limitRegisterReads`) before it serves a request. */
@Injectable()
class RegisterReadLimit implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    limitRegisterReads(this.dataSource, this.config.DATABASE_READ_CONCURRENCY, this.config.DATABASE_CONNECT_TIMEOUT_MS);
  }
}

/**
 * Data access for every module: `Db` (typed queries on the ambient transaction) and `Transactions` (the one way to
 * open one). TypeORM keeps the pool and runs the migrations; the ambient transaction follows the call chain, so no
 * signature takes an EntityManager.
 */
@Global()
@Module({
  providers: [
    Transactions,
    RegisterReadLimit,
    RegisterVersions,
    { provide: Db, useFactory: (transactions: Transactions) => transactions.db, inject: [Transactions] },
  ],
  exports: [Transactions, Db, RegisterVersions],
})
export class DatabaseModule {}
