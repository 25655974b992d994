import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config.js';
import { buildDataSourceOptions } from './data-source-options.js';

/** For the TypeORM CLI (`npm run migration:*`): needs DATABASE_URL. */
const config = loadConfig();
if (!config.DATABASE_URL) throw new Error('Set DATABASE_URL to use the migration CLI');
// Migrations only: no statement timeout (a backfill of a large registry runs longer than any request may).
export default new DataSource(buildDataSourceOptions({ url: config.DATABASE_URL, poolSize: 2, statementTimeoutMs: 0 }));
