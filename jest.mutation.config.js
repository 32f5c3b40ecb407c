/**
 * Jest config for mutation testing (`npm run mutation`): the unit project, limited to the domain's
 * own specs, so StrykerJS scores libs/domain by the domain's tests alone. The property specs are
 * left out: they draw new random cases on every run (a mutant's fate would depend on the seed) and
 * take seconds per run, which multiplied by two thousand mutants makes a run last hours.
 */
const base = require('./jest.config');

const unit = base.projects.find((p) => p.displayName === 'unit');

module.exports = {
  ...unit,
  displayName: undefined,
  roots: ['<rootDir>/libs/domain'],
  testPathIgnorePatterns: ['/node_modules/', '\\.properties\\.spec\\.ts$'],
};
