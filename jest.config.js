/** Three projects by file suffix: pure specs, real-database int-specs and HTTP e2e-specs. */
const moduleNameMapper = {
  '^@accreditation/(domain|event-store|application|projections|testing)$': '<rootDir>/libs/$1/src',
  '^@accreditation/(domain|event-store|application|projections|testing)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
const transform = {
  '^.+\\.ts$': ['@swc/jest', {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  }],
};
const common = { rootDir: __dirname, moduleNameMapper, transform, testEnvironment: 'node' };
const roots = ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'];

module.exports = {
  reporters: ['default', '<rootDir>/libs/testing/src/jest/summary-reporter.js'],
  projects: [
    { ...common, displayName: 'unit', roots, testMatch: ['**/*.spec.ts'] },
    {
      ...common, displayName: 'integration', roots, testMatch: ['**/*.int-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/jest/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/jest/long-timeout.js'],
    },
    {
      ...common, displayName: 'e2e', roots, testMatch: ['**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/jest/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/jest/long-timeout.js'],
    },
  ],
};
