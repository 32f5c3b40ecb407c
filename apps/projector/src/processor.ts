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

/** JSON lines in the API's log shape (`level`, `time`, `pid`, `context`, `message`), on stdout. */
const line = (level: 'info' | 'warn' | 'error', message: string, extra: Record<string, unknown> = {}) =>
  process.stdout.write(`${JSON.stringify({ level, time: new Date().toISOString(), pid: process.pid, context: 'projector', ...extra, message })}\n`);

export const consoleLogger: ProjectorLogger = {
  log: (m) => line('info', m),
  warn: (m) => line('warn', m),
  error: (m, e) => line('error', m, e === undefined ? {} : { error: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined }),
};
