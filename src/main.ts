import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from './app.setup.js';
import { onTerminationSignal, shutDownGracefully } from './common/lifecycle/graceful-shutdown.js';
import { loadConfig } from './config/app-config.js';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './database/embedded-postgres.js';
import { runMigrations } from './database/migrate.js';
import { DemoDataService } from './demo-data/demo-data.service.js';

async function bootstrap(): Promise<void> {
  const startedAt = Date.now();
  const config = loadConfig();
  const logger = new Logger('Bootstrap');

  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: config.EMBEDDED_PG_DIR, port: config.EMBEDDED_PG_PORT, logger });
    databaseUrl = embedded.url;
  }

  let app: NestFastifyApplication | undefined;
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    const code = await shutDownGracefully(signal, {
      app,
      timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
      logger,
      afterClose: async () => embedded?.stop(),
    });
    process.exit(code);
  };
  onTerminationSignal((signal) => void shutdown(signal));

  try {
    if (config.MIGRATIONS_RUN) {
      const applied = await runMigrations(databaseUrl);
      if (applied.length > 0) logger.log(`Applied migrations: ${applied.join(', ')}`);
    }
    // The same bootstrap as every e2e test: module, adapter, pipeline, plugins, routes.
    app = await createApp({ ...config, DATABASE_URL: databaseUrl });
    if (config.SEED_DEMO_DATA ?? embedded !== undefined) {
      await app.get(DemoDataService).seedIfEmpty();
    }
    await app.listen({ port: config.PORT, host: config.HOST });
    const base = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`;
    logger.log(
      `Awards Registry ready in ${Date.now() - startedAt} ms on Node ${process.version} — Swagger UI: ${base}/docs, API: ${base}/api/v1`,
    );
  } catch (error) {
    logger.error(error instanceof Error ? error.stack : String(error));
    await app?.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    process.exit(1);
  }
}

void bootstrap();
