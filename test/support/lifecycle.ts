import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import { listenOnLoopback, startAppInstance, type AppInstance } from './app-instance.js';
import { createTestApp, type TestApp } from './test-app.js';

/**
 * The frame of an e2e `describe`: the application boots once before its tests on a database of its own, each test
 * starts on clean data (`reset()` runs before the block's own `beforeEach`, so fixtures built there are kept), and the
 * application and its database are dropped after the last test. `reset: false` is for blocks whose tests need no
 * clean slate. The object returned is filled in by `beforeAll`: read it inside hooks and tests only.
 */
export function useTestApp(
  env: Record<string, string> = {},
  options: { reset?: boolean; language?: 'en' | 'vi' } = {},
): TestApp {
  const t = {} as TestApp;
  beforeAll(async () => {
    Object.assign(t, await createTestApp(env, options.language ? { language: options.language } : {}));
  });
  afterAll(async () => {
    await t.close?.();
  });
  if (options.reset ?? true) {
    beforeEach(async () => {
      await t.reset();
    });
  }
  return t;
}

/** Two instances of the API on one database, as behind a load balancer; both listen on a 127.0.0.1 port. */
export interface TwoInstances {
  /** The first instance, as `useTestApp` gives it (its `http` client calls the server without a port). */
  t: TestApp;
  /** A client bound to the first instance's own port. */
  first: AppInstance['http'];
  /** The second instance, with its own connection pool and port. */
  second: AppInstance;
}

/**
 * `useTestApp` with a second instance of the application on the same database, for what must hold across
 * instances (quotas, numbering, idempotency): each test starts on clean data, the second instance stops before the
 * first drops the database.
 */
export function useTwoInstances(): TwoInstances {
  const instances = { t: {} as TestApp } as TwoInstances;
  beforeAll(async () => {
    Object.assign(instances.t, await createTestApp());
    instances.first = (await listenOnLoopback(instances.t.app)).http;
    instances.second = await startAppInstance(instances.t.url);
  });
  afterAll(async () => {
    await instances.second?.close();
    await instances.t.close?.();
  });
  beforeEach(async () => {
    await instances.t.reset();
  });
  return instances;
}
