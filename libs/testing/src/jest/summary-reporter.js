/** Prints the one line CI reads: "N passed, N failed"; a suite that fails to run counts as a failure. */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + (results.numRuntimeErrorTestSuites || 0);
    process.stdout.write(`\n${results.numPassedTests} passed, ${failed} failed${skipped ? ` (${skipped} skipped)` : ''}\n`);
  }
}
module.exports = SummaryReporter;
