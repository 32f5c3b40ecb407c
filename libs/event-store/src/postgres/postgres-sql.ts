import type { ExpectedRevision, RecordedEvent } from '../event-store.port';

/** One statement, one round trip: arrays in, the new head out (see es_append in the migration). */
export const APPEND_SQL =
  'SELECT next_revision, last_position, written FROM es_append($1::text, $2::uuid[], $3::text[], $4::jsonb[], $5::jsonb[], $6::bigint)';

/**
 * After es_append failed with a conflict or a duplicate id: are these ids already in the stream
 * (a retried append, so a no-op), some of them (a conflict), or none (the original error stands)?
 */
export const IDEMPOTENCY_SQL = `
SELECT (SELECT count(*) FROM events e WHERE e.stream_id = $1 AND e.event_id = ANY ($2::uuid[]))::integer AS known,
       s.revision, s.last_position
FROM (SELECT 1) one LEFT JOIN streams s ON s.stream_id = $1`;

/** Unique index that catches an event id appended twice to one stream. */
export const DUPLICATE_EVENT_ID_CONSTRAINT = 'events_stream_event_id_key';

export const EVENT_COLUMNS = 'position, stream_id, revision, event_id, type, data, metadata, recorded_at';

/**
 * $all after a position, below the horizon, filtered in SQL. The one-row CTE plus LEFT JOIN
 * returns the horizon and head even when no event matches. The position bound on the horizon
 * lets the primary key index stop the scan; the transaction_id condition states the rule itself.
 */
export const READ_ALL_PAGE_SQL = `
WITH h AS (
  SELECT es_horizon() AS horizon, (SELECT max(position) FROM events) AS head,
         pg_snapshot_xmin(pg_current_snapshot()) AS xmin
)
SELECT h.horizon, h.head, e.*
FROM h LEFT JOIN LATERAL (
  SELECT ${EVENT_COLUMNS} FROM events
  WHERE position > $1::bigint AND position < h.horizon AND transaction_id < h.xmin
    AND ($3::text[] IS NULL OR type = ANY ($3::text[]))
    AND ($4::text[] IS NULL OR stream_id LIKE ANY ($4::text[]))
  ORDER BY position
  LIMIT $2::integer
) e ON true`;

export const HEAD_SQL = 'SELECT max(position) AS head FROM events';

export interface EventRow {
  position: string;
  stream_id: string;
  revision: number;
  event_id: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  recorded_at: Date;
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    streamId: row.stream_id,
    revision: row.revision,
    position: BigInt(row.position),
    id: row.event_id,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at,
  };
}

export function expectedToSql(expected: ExpectedRevision): number {
  switch (expected) {
    case 'any':
      return -1;
    case 'no_stream':
      return -2;
    case 'stream_exists':
      return -3;
    default:
      return expected;
  }
}

/** Stream prefixes as LIKE patterns; '_' is legal in stream names and a LIKE wildcard, so escape it. */
export function prefixPatterns(prefixes: string[]): string[] {
  return prefixes.map((p) => `${p.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}
