import type { Pool } from 'pg';
import { type Clock, createDeciderRunner, randomIds } from '@accreditation/application';
import type { EventStore } from '@accreditation/event-store';
import { consoleLogger, type ProjectorLogger } from '../processor';
import { type Projector, startProjector } from '../start-projector';
import { deadlineJobsProcessor } from './deadline-jobs.processor';

export interface EngineProjectorOptions {
  store: EventStore;
  pool: Pool;
  clock: Clock;
  logger?: ProjectorLogger;
  /** Conflict retries of the deadline jobs' commands. */
  commandRetries?: number;
  /** How often due deadlines are looked for (default DEADLINE_INTERVAL_MS or 5 s). */
  deadlineIntervalMs?: number;
  /** How long deadlines of a centre wait after its last imported event (default DEADLINE_IMPORT_QUIET_MS or 10 minutes). */
  deadlineImportQuietMs?: number;
  maxBatchSize?: number;
  lockRetryMs?: number;
  /** The ledger's seal key: deadline events are sealed like every other event. */
  sealKey?: Uint8Array;
}

/** Every read model plus the deadline jobs, which issue timed commands through the normal command path. */
export function startEngineProjector(options: EngineProjectorOptions): Promise<Projector> {
  const logger = options.logger ?? consoleLogger;
  const runner = createDeciderRunner(options.store, options.clock, randomIds, options.commandRetries ?? 5, undefined, { sealKey: options.sealKey });
  const intervalMs = options.deadlineIntervalMs ?? (process.env.DEADLINE_INTERVAL_MS ? Number(process.env.DEADLINE_INTERVAL_MS) : undefined);
  const importQuietMs = options.deadlineImportQuietMs ?? (process.env.DEADLINE_IMPORT_QUIET_MS ? Number(process.env.DEADLINE_IMPORT_QUIET_MS) : undefined);
  return startProjector({
    store: options.store,
    pool: options.pool,
    clock: options.clock,
    logger,
    maxBatchSize: options.maxBatchSize,
    lockRetryMs: options.lockRetryMs,
    processors: [deadlineJobsProcessor({ runner, pool: options.pool, logger, intervalMs, importQuietMs })],
  });
}
