import type { ExpectedRevision, RecordedEvent } from '../event-store.port';

/** How the revision before the first new event is found; see appendStatement. */
export type AppendMode = 'exact' | 'new' | 'any' | 'exists';

export function appendMode(expected: ExpectedRevision): AppendMode {
  if (typeof expected === 'number') return 'exact';
  return expected === 'no_stream' ? 'new' : expected === 'any' ? 'any' : 'exists';
}

/**
 * The revision the new events follow, as a subquery returning one row (or none: a conflict).
 * 'exact' requires that revision (parameter `expected`) to exist; 'new' starts at 0; 'any' /
 * 'stream_exists' read the head through the (stream_id, revision) index. That the revision after
 * it is still free is not checked here: the UNIQUE (stream_id, revision) constraint does it at
 * insert time, waiting for a concurrent writer of the same revision and failing if that one commits.
 */
const BASE_REVISION: Record<AppendMode, (expected: string) => string> = {
  exact: (expected) => `SELECT ${expected}::integer AS rev WHERE EXISTS (SELECT FROM events WHERE stream_id = $1 AND revision = ${expected}::integer)`,
  new: () => 'SELECT -1 AS rev',
  any: () => 'SELECT coalesce(max(revision), -1) AS rev FROM events WHERE stream_id = $1',
  exists: () => 'SELECT m.rev FROM (SELECT max(revision) AS rev FROM events WHERE stream_id = $1) m WHERE m.rev IS NOT NULL',
};

const INSERT_COLUMNS = 'position, stream_id, revision, event_id, type, data, metadata, transaction_id';

/**
 * Appends of up to this many events bind each event's fields as parameters of their own (a VALUES
 * list); longer ones bind four arrays. Arrays cost both sides: pg quotes every JSON document into
 * an array literal, and PostgreSQL parses the literal before parsing each document.
 */
export const MAX_VALUES_EVENTS = 32;

/**
 * The whole append as one INSERT (one round trip, one autocommit transaction, all events or
 * none): positions (transaction id << 20) + ordinal as es_append computes them, with ordinals
 * from 0, which holds because the adapter never appends inside a longer transaction (pool.query
 * outside BEGIN; a second append in one transaction would fail on the position key, never
 * interleave). The transaction id is taken during execution, after the statement's snapshot, so
 * it is above that of the writer of the revision this append follows.
 * Returns one row per event; no row at all means the base revision was not there (a conflict).
 * Parameters: $1 the stream, then id, type, data and metadata of each event in turn (four arrays
 * beyond MAX_VALUES_EVENTS), then the expected revision in 'exact' mode (see appendValues).
 */
export function appendStatement(mode: AppendMode, count: number): { name: string; text: string } {
  const parameters = count > MAX_VALUES_EVENTS ? 5 : 1 + 4 * count;
  const base = BASE_REVISION[mode](`$${parameters + 1}`);
  let source: string;
  if (count === 1) {
    source = `SELECT x.xid::text::bigint << 20, $1::text, b.rev + 1, $2::uuid, $3::text, $4::jsonb, $5::jsonb, x.xid
  FROM (${base}) b, (SELECT pg_current_xact_id() AS xid) x`;
  } else if (count <= MAX_VALUES_EVENTS) {
    const rows = Array.from({ length: count }, (_, i) => `(${i + 1}, $${2 + 4 * i}::uuid, $${3 + 4 * i}::text, $${4 + 4 * i}::jsonb, $${5 + 4 * i}::jsonb)`).join(', ');
    source = `SELECT (x.xid::text::bigint << 20) + t.n - 1, $1::text, b.rev + t.n, t.id, t.type, t.data, t.metadata, x.xid
  FROM (${base}) b, (SELECT pg_current_xact_id() AS xid) x, (VALUES ${rows}) AS t(n, id, type, data, metadata)`;
  } else {
    source = `SELECT (x.xid::text::bigint << 20) + t.n - 1, $1::text, b.rev + t.n, t.id, t.type, t.data, t.metadata, x.xid
  FROM (${base}) b, (SELECT pg_current_xact_id() AS xid) x,
       unnest($2::uuid[], $3::text[], $4::jsonb[], $5::jsonb[]) WITH ORDINALITY AS t(id, type, data, metadata, n)`;
  }
  return {
    name: `es_append_${mode}_${count > MAX_VALUES_EVENTS ? 'n' : count}`,
    text: `INSERT INTO events (${INSERT_COLUMNS})\n${source}\nRETURNING revision, position`,
  };
}

/** The parameters of appendStatement(mode, events.length), in its order. */
export function appendValues(streamId: string, events: ReadonlyArray<{ id: string; type: string; dataJson: string; metadataJson: string }>, expected: number | undefined): unknown[] {
  const values: unknown[] = [streamId];
  if (events.length > MAX_VALUES_EVENTS) {
    values.push(events.map((e) => e.id), events.map((e) => e.type), events.map((e) => e.dataJson), events.map((e) => e.metadataJson));
  } else {
    for (const e of events) values.push(e.id, e.type, e.dataJson, e.metadataJson);
  }
  if (expected !== undefined) values.push(expected);
  return values;
}

/** Unique index on which concurrent writers of the same revision of a stream meet. */
export const REVISION_CONSTRAINT = 'events_stream_revision_key';

/**
 * After an append wrote nothing or failed on a unique constraint: are these ids already in the
 * stream (a retried append, so a no-op), some of them (a conflict), or none? And the head.
 */
export const IDEMPOTENCY_SQL = `
SELECT (SELECT count(*) FROM events e WHERE e.stream_id = $1 AND e.event_id = ANY ($2::uuid[]))::integer AS known,
       h.revision, h.position AS last_position
FROM (SELECT 1) one LEFT JOIN LATERAL (
  SELECT revision, position FROM events WHERE stream_id = $1 ORDER BY revision DESC LIMIT 1
) h ON true`;

/** Unique index that catches an event id appended twice to one stream. */
export const DUPLICATE_EVENT_ID_CONSTRAINT = 'events_stream_event_id_key';

/**
 * recorded_at as epoch milliseconds (float8, parsed with parseFloat) instead of timestamptz text
 * through pg's regex date parser: ~5% of the CPU of reading $all. Truncated to the millisecond
 * (towards the past): a Date holds milliseconds, and pg's parser truncated the microseconds too.
 * In float8 rather than numeric (`extract` is numeric): the server computes it in ~30% less time
 * than before (10,000 rows: 5.2 ms against 7.1 ms, the timestamptz text 5.9 ms). Exact: the
 * truncated value is a whole number of milliseconds, which `round` recovers from the float seconds.
 */
export const RECORDED_AT_MS = "round(date_part('epoch', date_trunc('milliseconds', recorded_at)) * 1000) AS recorded_at";
export const EVENT_COLUMNS = `position, stream_id, revision, event_id, type, data, metadata, ${RECORDED_AT_MS}`;

/**
 * readStream's columns, read with `rowMode: 'array'`: pg then builds each row as an array, instead
 * of spreading a prebuilt object and setting its fields by name (~5% of a 10,000-event stream
 * read's CPU, bench/experiments/replay-speed.ts). The stream id is not read back: the reader knows it.
 * fromStreamRow reads the columns by their place in this list.
 */
export const STREAM_COLUMNS = `position, revision, event_id, type, data, metadata, ${RECORDED_AT_MS}`;
export type StreamRow = [position: string, revision: number, eventId: string, type: string, data: unknown, metadata: Record<string, unknown>, recordedAt: number];

export function fromStreamRow(streamId: string, row: StreamRow): RecordedEvent {
  return {
    streamId,
    revision: row[1],
    position: BigInt(row[0]),
    id: row[2],
    type: row[3],
    data: row[4],
    metadata: row[5],
    recordedAt: new Date(row[6]),
  };
}

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

/** A row of EVENT_COLUMNS as pg decodes it. */
export interface EventRow {
  position: string;
  stream_id: string;
  revision: number;
  event_id: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  /** Epoch milliseconds. */
  recorded_at: number;
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
    recordedAt: new Date(row.recorded_at),
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
