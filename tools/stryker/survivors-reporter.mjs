// StrykerJS reporter: appends every mutant that survived (or that no test covers) to
// reports/mutation/survivors.ndjson as it is tested, with a running score in
// reports/mutation/running-score.json. A run on two shared cores takes long; this shows where
// tests are missing before it ends (the HTML and JSON reports come only at the end).
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { PluginKind, declareClassPlugin } from '@stryker-mutator/api/plugin';

const DIR = 'reports/mutation';
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);
// Left out of the score by Stryker; logged with their reason so that none hides a missing test.
const INVALID = new Set(['RuntimeError', 'CompileError']);

class SurvivorsReporter {
  constructor() {
    this.counts = {};
    mkdirSync(DIR, { recursive: true });
    writeFileSync(`${DIR}/survivors.ndjson`, '');
    writeFileSync(`${DIR}/errors.ndjson`, '');
  }

  onMutantTested(result) {
    this.counts[result.status] = (this.counts[result.status] ?? 0) + 1;
    if (UNDETECTED.has(result.status)) {
      const { fileName, location, mutatorName, replacement, status } = result;
      appendFileSync(`${DIR}/survivors.ndjson`, `${JSON.stringify({ status, file: relative(process.cwd(), fileName), line: location.start.line, mutatorName, replacement })}\n`);
    }
    if (INVALID.has(result.status)) {
      const { fileName, location, mutatorName, replacement, status, statusReason } = result;
      appendFileSync(`${DIR}/errors.ndjson`, `${JSON.stringify({ status, file: relative(process.cwd(), fileName), line: location.start.line, mutatorName, replacement, reason: String(statusReason ?? '').slice(0, 400) })}\n`);
    }
    const detected = Object.entries(this.counts).filter(([s]) => DETECTED.has(s)).reduce((n, [, c]) => n + c, 0);
    const undetected = Object.entries(this.counts).filter(([s]) => UNDETECTED.has(s)).reduce((n, [, c]) => n + c, 0);
    const score = detected + undetected ? Math.round((10_000 * detected) / (detected + undetected)) / 100 : null;
    writeFileSync(`${DIR}/running-score.json`, `${JSON.stringify({ score, counts: this.counts })}\n`);
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Reporter, 'survivors', SurvivorsReporter)];
