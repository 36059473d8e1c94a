// `npm run test:cluster`: the e2e suite against the production topology (test/e2e-cluster): the Temporal server
// on PostgreSQL, two workers and two API instances, started by `npm run cluster --fresh` (global setup).
// Reuses the root config's transform and @app/* mapping; the root `npm test` does not pick these tests up.
const root = require('../../jest.config.js');
const unit = root.projects.find((project) => project.displayName === 'unit');

module.exports = {
  rootDir: unit.rootDir,
  transform: unit.transform,
  moduleNameMapper: unit.moduleNameMapper,
  testEnvironment: 'node',
  displayName: 'e2e-cluster',
  testMatch: ['<rootDir>/test/e2e-cluster/**/*.spec.ts'],
  globalSetup: '<rootDir>/test/e2e-cluster/global-setup.ts',
  globalTeardown: '<rootDir>/test/e2e-cluster/global-teardown.ts',
  // Commands wait for Temporal updates; a stopped worker's sticky tasks move to the other after a timeout.
  testTimeout: 180000,
};
