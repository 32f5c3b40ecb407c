import type { Pool } from 'pg';
import { type CentreCommand, type CentreEvent } from '@accreditation/domain';
import { isDatabaseUnavailable } from '@accreditation/event-store';
import { type DeciderRunner, DEADLINE_EVENT_TYPES, deadlinesSetBy, fireDeadline, readStoredEvent } from '@accreditation/application';
import type { Processor, ProjectorLogger } from '../processor';
import { CREATE_DEADLINE_TABLE, DEADLINE_FAILED, DUE_DEADLINES, END_IMPORTS, INSERT_DEADLINES, NOTE_IMPORTS, RESCHEDULE_DEADLINE, SETTLE_DEADLINE } from './deadline-jobs.sql';

const DEADLINE_TYPES = new Set<string>(DEADLINE_EVENT_TYPES);

export interface DeadlineJobsOptions {
  runner: DeciderRunner;
  pool: Pool;
  logger: ProjectorLogger;
  /** How often due deadlines are looked for (default 5 s). */
  intervalMs?: number;
  /** Deadlines fired per tick (default 200). */
  batchSize?: number;
  /** Attempts before a failing deadline is left for an operator (default 10). */
  maxAttempts?: number;
  /**
   * How long a centre's deadlines wait after its last imported event (default 10 minutes). A timer
   * fired in the middle of an import would be dated inside the history still being keyed in and
   * refuse the facts before it; the imported facts themselves record every timer due before them.
   */
  importQuietMs?: number;
}

const IMPORT_QUIET_MS = 10 * 60_000;

/**
 * Expiry, renewal reminders, overdue corrective actions, suspension limits and enrolment lapses.
 * Events schedule deadlines (in the checkpoint's transaction); the tick fires due ones through the
 * normal command path, exactly once thanks to deterministic idempotency keys.
 */
export function deadlineJobsProcessor(options: DeadlineJobsOptions): Processor {
  const { runner, pool, logger } = options;
  const batchSize = options.batchSize ?? 200;
  const maxAttempts = options.maxAttempts ?? 10;
  const importQuietMs = options.importQuietMs ?? IMPORT_QUIET_MS;
  return {
    name: 'deadline_jobs',
    // Every centre event: deadline-setting ones schedule, imported ones hold the centre's deadlines back.
    filter: { streamPrefixes: ['centre-'] },
    setup: async (db) => {
      await db.query(CREATE_DEADLINE_TABLE);
    },
    handle: async (events, tx) => {
      const imports = new Map<string, string>();
      const live = new Set<string>();
      for (const event of events) {
        const centreId = event.streamId.slice('centre-'.length);
        const meta = event.metadata as { recordedBy?: unknown; recordedAt?: string; actor?: { role?: string } };
        if (meta.recordedBy) imports.set(centreId, String(meta.recordedAt ?? event.recordedAt.toISOString()));
        else if (meta.actor?.role !== 'system') {
          imports.delete(centreId);
          live.add(centreId);
        }
      }
      if (live.size > 0) await tx.query(END_IMPORTS, [[...live]]);
      if (imports.size > 0) await tx.query(NOTE_IMPORTS, [[...imports.keys()], [...imports.values()]]);
      const deadlines = events.filter((event) => DEADLINE_TYPES.has(event.type)).flatMap((event) => deadlinesSetBy(readStoredEvent(event) as CentreEvent));
      if (deadlines.length === 0) return;
      await tx.query(INSERT_DEADLINES, [
        deadlines.map((d) => d.key),
        deadlines.map((d) => d.centreId),
        deadlines.map((d) => d.dueAt),
        deadlines.map((d) => JSON.stringify(d.command)),
      ]);
    },
    tick: {
      intervalMs: options.intervalMs ?? 5000,
      run: async (now) => {
        const quietSince = new Date(now.getTime() - importQuietMs).toISOString();
        const due = await pool.query<{ key: string; command: CentreCommand }>(DUE_DEADLINES, [now.toISOString(), batchSize, maxAttempts, quietSince]);
        for (const row of due.rows) {
          try {
            const outcome = await fireDeadline(runner, { key: row.key, command: row.command });
            if (outcome.result === 'not-due') {
              await pool.query(RESCHEDULE_DEADLINE, [row.key, outcome.dueAt, outcome.reason]);
              continue;
            }
            const detail = outcome.result === 'fired' ? outcome.events.join(', ') : outcome.reason;
            await pool.query(SETTLE_DEADLINE, [row.key, outcome.result, detail]);
            if (outcome.result === 'fired') logger.log(`deadline ${row.key}: ${detail}`);
          } catch (error) {
            // The database being away is not this deadline's fault: no attempt is spent, the next tick retries.
            if (isDatabaseUnavailable(error)) throw error;
            logger.error(`deadline ${row.key} failed; will retry`, error);
            await pool.query(DEADLINE_FAILED, [row.key, String((error as Error).message ?? error)]);
          }
        }
      },
    },
  };
}
