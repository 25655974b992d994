import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from '../../migrations/index.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

export interface DatabaseSettings {
  url: string;
  replicaUrls?: string[];
  poolSize?: number;
  connectTimeoutMs?: number;
  statementTimeoutMs?: number;
  applicationName?: string;
}

/**
 * The one place that turns settings into TypeORM options: used by the app, the migration CLI and the tests.
 * The schema comes from `migrations/` only; `synchronize` stays off.
 */
export function buildDataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  const extra = {
    max: settings.poolSize ?? 20,
    connectionTimeoutMillis: settings.connectTimeoutMs ?? 5000,
    statement_timeout: settings.statementTimeoutMs ?? 30000,
    application_name: settings.applicationName ?? 'awards-registry',
  };
  const replicas = settings.replicaUrls ?? [];
  const connection =
    replicas.length > 0
      ? {
          replication: {
            master: { url: settings.url },
            slaves: replicas.map((url) => ({ url })),
            // Every read stays on the primary unless it asks for a replica (`replicaQuery`, the exports): reads
            // that must see their own writes — workflow steps, quota counts, the audit chain — never lag.
            defaultMode: 'master' as const,
          },
        }
      : { url: settings.url };
  return {
    type: 'postgres',
    ...connection,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    migrationsRun: false,
    extra,
  };
}
