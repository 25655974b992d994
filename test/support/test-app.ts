import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import supertest from 'supertest';
import { DataSource } from 'typeorm';
import type { Role } from '../../src/api-keys/api-key.js';
import { createApp } from '../../src/app.setup.js';
import { loadConfig } from '../../src/config/app-config.js';
import { generateToken, hashToken, tokenPrefix } from '../../src/auth/token.js';
import { createTestDatabase, tableEmptier } from './database.js';

export const BOOTSTRAP_TOKEN = 'test-bootstrap-admin-token-0123456789';

export interface TestApp {
  app: NestFastifyApplication;
  http: ReturnType<typeof supertest>;
  db: DataSource;
  url: string;
  /** Empties every data table: each test starts on clean data. */
  reset(): Promise<void>;
  /** Creates an API key straight in the database and returns its bearer token. */
  token(role: Role, organizationId?: string | null): Promise<string>;
  close(): Promise<void>;
}

/**
 * The settings of every test instance unless a test overrides them. The fixtures use the bootstrap token next to
 * ADMIN keys of their own, so it stays valid (AUTH_BOOTSTRAP_ALWAYS); the tests of its retirement turn that off.
 */
export const TEST_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  AUTH_BOOTSTRAP_ADMIN_TOKEN: BOOTSTRAP_TOKEN,
  AUTH_BOOTSTRAP_ALWAYS: 'true',
  DATABASE_POOL_SIZE: '10',
};

/**
 * Boots the real application (`createApp`, exactly as `main.ts` does) on a fresh database of its own. Its `http`
 * client sends no Accept-Language (Vietnamese answers), unless `language` names one for every request: tests
 * that read English messages ask for them, as a client would.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: { language?: 'en' | 'vi' } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({ ...TEST_ENV, ...env, DATABASE_URL: database.url });
  const app = await createApp({ ...config, DATABASE_URL: database.url }, { logger: false }).catch(async (error) => {
    await database.drop();
    throw error;
  });
  const db = app.get(DataSource);

  const reset = await tableEmptier(db);

  return {
    app,
    db,
    url: database.url,
    http: options.language
      ? withLanguage(supertest(app.getHttpServer()), options.language)
      : supertest(app.getHttpServer()),
    reset,
    async token(role, organizationId = null) {
      const token = generateToken();
      await db.query(
        `INSERT INTO api_keys (name, role, organization_id, token_hash, token_prefix) VALUES ($1, $2, $3, $4, $5)`,
        [`test ${role}`, role, organizationId, hashToken(token), tokenPrefix(token)],
      );
      return token;
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A client whose every request carries `Accept-Language: language` (a test may still set another). */
function withLanguage(client: ReturnType<typeof supertest>, language: string): ReturnType<typeof supertest> {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const request: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
        const settable = request as { set?: (field: string, value: string) => unknown };
        return typeof settable?.set === 'function' ? settable.set('accept-language', language) : request;
      };
    },
  });
}
