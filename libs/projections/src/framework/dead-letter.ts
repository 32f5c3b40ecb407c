import type { ClientBase } from 'pg';
import type { RecordedEvent } from '../../../event-store/src/event-store.port';
import type { Queryable } from './projection';

/** Events a projection could not apply (data that no longer reads), set aside with the error. */
export const DEAD_LETTERS_DDL = `CREATE TABLE IF NOT EXISTS projection_dead_letters (
  projection   text        NOT NULL,
  position     bigint      NOT NULL,
  stream_id    text        NOT NULL,
  revision     integer     NOT NULL,
  event_id     uuid        NOT NULL,
  type         text        NOT NULL,
  error        text        NOT NULL,
  dead_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (projection, position)
)`;

/**
 * Whether a failure is the event's own doing, so the event may be set aside: an error thrown while
 * reading its data, or PostgreSQL refusing its values (data exception, not-null or check violation). Anything else says
 * nothing about the event — connection lost, serialisation, shutdown, timeout, or a duplicate key or
 * missing reference from a store inconsistency — and fails the batch, so the worker retries with
 * back-off and readiness names it instead of silently skipping events.
 */
export function isEventsFault(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  // 22: data exception; 23502 / 23514: a value missing or out of bounds (not-null, check). A
  // duplicate key or a missing referenced row (23505, 23503) is the store's inconsistency instead.
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code.startsWith('22') || code === '23502' || code === '23514';
  return !/Connection terminated|ECONNRESET|ECONNREFUSED|Client has encountered a connection error/.test(String((error as Error)?.message));
}

/**
 * Applies a batch; if it fails on its data, applies it again event by event (each in a savepoint)
 * and sets aside the events that still fail in projection_dead_letters, in the same transaction as
 * the rows and the checkpoint. One malformed stored event then costs its own rows, not the whole
 * read model: the rest keeps projecting, and the dead letters are counted in readiness.
 * Returns the events set aside.
 */
export async function applyOrDeadLetter(
  tx: ClientBase,
  projection: string,
  events: RecordedEvent[],
  apply: (events: RecordedEvent[]) => Promise<void>,
): Promise<RecordedEvent[]> {
  await tx.query('SAVEPOINT projection_batch');
  try {
    await apply(events);
    await tx.query('RELEASE SAVEPOINT projection_batch');
    return [];
  } catch (error) {
    if (!isEventsFault(error)) throw error;
    await tx.query('ROLLBACK TO SAVEPOINT projection_batch');
  }
  const dead: RecordedEvent[] = [];
  for (const event of events) {
    await tx.query('SAVEPOINT projection_event');
    try {
      await apply([event]);
      await tx.query('RELEASE SAVEPOINT projection_event');
    } catch (error) {
      if (!isEventsFault(error)) throw error;
      await tx.query('ROLLBACK TO SAVEPOINT projection_event');
      await recordDeadLetter(tx, projection, event, error);
      dead.push(event);
    }
  }
  return dead;
}

/** Sets one event aside with the error it failed on. */
export async function recordDeadLetter(tx: Queryable, projection: string, event: RecordedEvent, error: unknown): Promise<void> {
  await tx.query(
    `INSERT INTO projection_dead_letters (projection, position, stream_id, revision, event_id, type, error)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (projection, position) DO UPDATE SET error = EXCLUDED.error, dead_at = now()`,
    [projection, event.position.toString(), event.streamId, event.revision, event.id, event.type, error instanceof Error ? error.message : String(error)],
  );
}

export interface DeadLetterSummary {
  ok: boolean;
  total: number;
  byProjection: Record<string, number>;
  /** The latest few, to name what to look at. */
  latest: Array<{ projection: string; streamId: string; revision: number; type: string; error: string }>;
}

/** For readiness: any dead letter means a read model is missing what an event said. */
export async function deadLetterSummary(db: Queryable): Promise<DeadLetterSummary> {
  const exists = (await db.query<{ t: string | null }>(`SELECT to_regclass('projection_dead_letters')::text AS t`)).rows[0].t;
  if (!exists) return { ok: true, total: 0, byProjection: {}, latest: [] };
  const counts = await db.query<{ projection: string; n: number }>('SELECT projection, count(*)::int AS n FROM projection_dead_letters GROUP BY projection');
  const latest = await db.query<{ projection: string; stream_id: string; revision: number; type: string; error: string }>(
    'SELECT projection, stream_id, revision, type, error FROM projection_dead_letters ORDER BY dead_at DESC LIMIT 5',
  );
  const byProjection = Object.fromEntries(counts.rows.map((r) => [r.projection, r.n]));
  const total = counts.rows.reduce((sum, r) => sum + r.n, 0);
  return { ok: total === 0, total, byProjection, latest: latest.rows.map((r) => ({ projection: r.projection, streamId: r.stream_id, revision: r.revision, type: r.type, error: r.error })) };
}
