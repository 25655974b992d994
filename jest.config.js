/** Jest in native ESM mode (NestJS 12 ships ESM only): run with NODE_OPTIONS=--experimental-vm-modules. */
const tsJest = [
  'ts-jest',
  {
    useESM: true,
    tsconfig: 'tsconfig.json',
    // nodenext + full type information (the Swagger plugin needs the type checker) is supported, just not "isolated".
    diagnostics: { ignoreCodes: [151002] },
    astTransformers: { before: ['<rootDir>/test/support/swagger-plugin-transformer.cjs'] },
  },
];

const common = {
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': tsJest },
  testEnvironment: 'node',
};

export default {
  // Real databases and several app instances on a shared 2-core machine: generous, but bounded.
  // (A global option: Jest ignores testTimeout inside a project.)
  testTimeout: 60_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
