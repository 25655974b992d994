import { type DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { ApiKeysModule } from './api-keys/api-keys.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { AwardTypesModule } from './award-types/award-types.module.js';
import { AwardsModule } from './awards/awards.module.js';
import { PUBLIC_AWARD_READ_PATHS } from './awards/public-award-routes.js';
import { CertificatesModule } from './certificates/certificates.module.js';
import { ConfigModule } from './config/config.module.js';
import { logFormat, logTransport } from './config/log-format.js';
import type { AppConfig } from './config/app-config.js';
import { buildDataSourceOptions } from './database/data-source-options.js';
import { DatabaseModule } from './database/database.module.js';
import { DecisionsModule } from './decisions/decisions.module.js';
import { DemoDataModule } from './demo-data/demo-data.module.js';
import { ExportsModule } from './exports/exports.module.js';
import { HealthModule } from './health/health.module.js';
import { HistoryModule } from './history/history.module.js';
import { HouseholdsModule } from './households/households.module.js';
import { IdempotencyModule } from './idempotency/idempotency.module.js';
import { IndividualsModule } from './individuals/individuals.module.js';
import { NominationImportModule } from './nominations/import/nomination-import.module.js';
import { NominationsModule } from './nominations/nominations.module.js';
import { OrganizationsModule } from './organizations/organizations.module.js';
import { PrintingModule } from './printing/printing.module.js';
import { PublicPagesModule } from './public-pages/public-pages.module.js';
import { QuotasModule } from './quotas/quotas.module.js';
import { RevocationsModule } from './revocations/revocations.module.js';
import { StatsModule } from './stats/stats.module.js';

function withTransport(transport: ReturnType<typeof logTransport>): { transport?: NonNullable<typeof transport> } {
  return transport ? { transport } : {};
}

@Module({})
export class AppModule {
  /** The whole application for a validated configuration whose DATABASE_URL is set. */
  static forRoot(config: AppConfig & { DATABASE_URL: string }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          // The register's hot reads log their request line themselves, more cheaply (request-log.ts).
          exclude: PUBLIC_AWARD_READ_PATHS.map((path) => ({ path, method: RequestMethod.GET })),
          pinoHttp: {
            level: config.LOG_LEVEL,
            // JSON by default; LOG_FORMAT=pretty (or a terminal in development) for people reading along.
            ...withTransport(logTransport(logFormat(config, process.stdout.isTTY), process.stdout.isTTY)),
            // Fastify assigns the id (from x-request-id when a caller sends one); every line carries it.
            genReqId: (request) => (request as { id?: string }).id ?? '',
            customProps: (request) => ({ requestId: (request as { id?: string }).id }),
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            serializers: {
              req: (request: { id: string; method: string; url: string }) => ({
                id: request.id,
                method: request.method,
                url: request.url,
              }),
            },
          },
        }),
        TypeOrmModule.forRoot({
          ...buildDataSourceOptions({
            url: config.DATABASE_URL,
            replicaUrls: config.DATABASE_REPLICA_URLS,
            poolSize: config.DATABASE_POOL_SIZE,
            connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
            statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
          }),
          retryAttempts: 3,
          retryDelay: 1000,
        }),
        DatabaseModule,
        AuthModule,
        IdempotencyModule,
        ApiKeysModule,
        AwardTypesModule,
        HealthModule,
        OrganizationsModule,
        IndividualsModule,
        HouseholdsModule,
        HistoryModule,
        QuotasModule,
        NominationsModule,
        NominationImportModule,
        DecisionsModule,
        RevocationsModule,
        AwardsModule,
        CertificatesModule,
        StatsModule,
        ExportsModule,
        PrintingModule,
        PublicPagesModule,
        AuditModule,
        DemoDataModule,
      ],
    };
  }
}
