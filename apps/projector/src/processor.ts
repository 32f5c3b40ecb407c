import type { Pool } from 'pg';
import type { EventFilter, RecordedEvent } from '../../../libs/event-store/src/event-store.port';
import type { ProjectionTx } from '../../../libs/projections/src/framework/projection';

/**
 * The hook for deadline jobs and other side-effecting consumers. Same contract as a projection:
 * one instance at a time across processes (advisory lock on `name`), and, when `handle` is given,
 * a catch-up subscription whose batches run inside the transaction that advances the checkpoint
 * `name` in projection_checkpoints. Effects outside that transaction (issuing commands) must be
 * idempotent — deterministic event ids — because a crash between effect and commit replays the batch.
 */
export interface Processor {
  /** Lock and checkpoint name, e.g. 'deadline_jobs'. */
  name: string;
  filter?: EventFilter;
  /** Default 1,000 events per batch. */
  maxBatchSize?: number;
  setup?(pool: Pool): Promise<void>;
  handle?(events: RecordedEvent[], tx: ProjectionTx): Promise<void>;
  /** Timed work (expiry, reminders, overdue actions): runs every intervalMs while this process holds the lock. */
  tick?: { intervalMs: number; run(now: Date): Promise<void> };
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface ProjectorLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export const consoleLogger: ProjectorLogger = {
  log: (m) => process.stderr.write(`[projector] ${m}\n`),
  warn: (m) => process.stderr.write(`[projector] WARN ${m}\n`),
  error: (m, e) => process.stderr.write(`[projector] ERROR ${m}${e ? `: ${e instanceof Error ? e.stack ?? e.message : String(e)}` : ''}\n`),
};
