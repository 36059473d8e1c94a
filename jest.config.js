// One jest run, three projects: unit (pure code, no I/O), integration (real Temporal and PostgreSQL),
// e2e (HTTP against the running stack). `npm test` runs all three.
const { pathsToModuleNameMapper } = require('./infra/scripts/jest-paths');

const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    },
  ],
};

const common = {
  transform,
  moduleNameMapper: pathsToModuleNameMapper(),
  testEnvironment: 'node',
  rootDir: __dirname,
};

// Integration and e2e share one real stack (Temporal dev server + PostgreSQL); jest runs a project's
// global setup only when one of its tests is selected, so `npm run test:unit` starts nothing.
const stack = {
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};

module.exports = {
  // Integration and e2e tests wait on real timers and processes; jest reads the timeout only at the top level.
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,workflows,infra}/**/*.spec.ts'],
    },
    {
      ...common,
      ...stack,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.spec.ts'],
      testTimeout: 60000,
    },
    {
      ...common,
      ...stack,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.spec.ts'],
      testTimeout: 60000,
    },
  ],
};
