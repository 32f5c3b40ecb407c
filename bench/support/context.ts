import type { BenchOptions } from './options';
import type { Report } from './report';

/** What every scenario receives: the size of the run, the report, the server. */
export interface BenchContext {
  opts: BenchOptions;
  report: Report;
  /** Maintenance database of the server: scenarios create their own databases from it. */
  adminUrl: string;
  /** Database of the raw baselines (created by the calibration). */
  rawUrl: string;
  /** Set by S2, used by S3. */
  s2?: { commandsPerSec: number; baseUrl?: string };
}

export const ms = (seconds: number) => Math.round(seconds * 1000);
