const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

/**
 * Prints the one line CI reads, "N passed, N failed" (a suite that cannot run counts as failed),
 * and leaves it in reports/jest-summary.txt so .ci/run can print it last.
 */
class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + (results.numRuntimeErrorTestSuites || 0);
    const line = `${results.numPassedTests} passed, ${failed} failed`;
    const detail = skipped ? ` (${skipped} skipped)` : '';
    process.stdout.write(`\n${line}${detail}\n`);
    const dir = join(this.rootDir, 'reports');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'jest-summary.txt'), `${line}\n`);
  }
}
module.exports = SummaryReporter;
