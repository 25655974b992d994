import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import supertest from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.setup.js';
import { loadConfig } from '../../src/config/app-config.js';
import { TEST_ENV } from './test-app.js';

/** One more running instance of the API, as a second server behind a load balancer would be. */
export interface AppInstance {
  app: NestFastifyApplication;
  db: DataSource;
  /** `http://127.0.0.1:<port>` of this instance. */
  baseUrl: string;
  /** A client bound to this instance's own port. */
  http: ReturnType<typeof supertest>;
  close(): Promise<void>;
}

/**
 * Boots another instance of the real application on an EXISTING database (e.g. `TestApp.url`), with its own
 * connection pool, listening on its own 127.0.0.1 port. Closing it leaves the database alone.
 */
export async function startAppInstance(databaseUrl: string, env: Record<string, string> = {}): Promise<AppInstance> {
  const config = loadConfig({ ...TEST_ENV, ...env, DATABASE_URL: databaseUrl });
  const app = await createApp({ ...config, DATABASE_URL: databaseUrl }, { logger: false });
  return { app, db: app.get(DataSource), ...(await listenOnLoopback(app)), close: () => app.close() };
}

/** Makes an already initialised application listen on an ephemeral 127.0.0.1 port; returns its URL and a client. */
export async function listenOnLoopback(
  app: NestFastifyApplication,
): Promise<{ baseUrl: string; http: ReturnType<typeof supertest> }> {
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return { baseUrl, http: supertest(baseUrl) };
}
