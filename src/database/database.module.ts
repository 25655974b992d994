import { Global, Module } from '@nestjs/common';
import { RegisterVersions } from '../common/http/public-cache.js';
import { Db } from './db.js';
import { Transactions } from './transactions.js';

/**
 * Data access for every module: `Db` (typed queries on the ambient transaction) and `Transactions` (the one way to
 * open one). TypeORM keeps the pool and runs the migrations; the ambient transaction follows the call chain, so no
 * signature takes an EntityManager.
 */
@Global()
@Module({
  providers: [
    Transactions,
    RegisterVersions,
    { provide: Db, useFactory: (transactions: Transactions) => transactions.db, inject: [Transactions] },
  ],
  exports: [Transactions, Db, RegisterVersions],
})
export class DatabaseModule {}
