import { availableParallelism } from 'node:os';

/**
 * Jest in native ESM mode (NestJS 12 ships ESM only): run with NODE_OPTIONS=--experimental-vm-modules. Each file is
 * compiled on its own by SWC (types are checked once, by `npm run typecheck`); what the Swagger plugin reads from the
 * types comes from the generated src/openapi-metadata.ts, as in the built service.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2023',
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const common = {
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': swc },
  testEnvironment: 'node',
};

/** The projects on real PostgreSQL pick their server (and drop what an interrupted run left) once per run. */
const database = {
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};

/**
 * Test tiers. `npm test` runs unit, repository and e2e; `npm run test:ops` runs ops (a streaming replica, a database
 * outage, signals and shutdown, the built service's limits, a real browser, fuzzing), which need more time and tools.
 */
export default {
  // Real databases and several app instances on a shared 2-core machine: generous, but bounded.
  // (A global option: Jest ignores testTimeout inside a project.)
  testTimeout: 60_000,
  // The e2e files mostly wait on PostgreSQL: two workers even on two cores (Jest's default there is one).
  maxWorkers: Math.max(2, availableParallelism() - 1),
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    { ...common, ...database, displayName: 'repository', testMatch: ['<rootDir>/test/repository/**/*.repo-spec.ts'] },
    { ...common, ...database, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
    { ...common, ...database, displayName: 'ops', testMatch: ['<rootDir>/test/ops/**/*.ops-spec.ts'] },
  ],
};
