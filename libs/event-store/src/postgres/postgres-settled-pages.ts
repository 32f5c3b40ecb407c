import type { Pool, PoolClient, QueryConfig } from 'pg';
import type { RecordedEvent } from '../event-store.port';
import type { SettledPagesOptions } from '../settled-pages.port';

/** Page ranges found per round trip: one index-only scan over this many pages' worth of positions. */
const RANGES_PER_LOOKUP = 16;

/**
 * Upper bounds (inclusive) of the next ranges after `after`, each holding `step` events of any
 * type; the last range ends at the horizon. Only the primary key is read.
 */
const RANGE_BOUNDS_SQL = `
SELECT position::text AS bound FROM (
  SELECT position, row_number() OVER (ORDER BY position) AS n FROM (
    SELECT position FROM events WHERE position > $1::bigint AND position < $2::bigint ORDER BY position LIMIT $3::integer
  ) s
) x WHERE n % $4::integer = 0 ORDER BY position`;

/**
 * One range, the columns a rebuild needs. Metadata keys come one column each as jsonb text, so
 * SQL NULL (absent) and JSON null stay apart; positions as text (bigint), recorded_at as epoch ms.
 * ORDER BY names the table's column: a bare `position` is the output column `position::text`,
 * which sorted the rows as text (1000000000 before 999999999, a misordered fold wherever a page
 * crossed a power of ten) and by a sort, often in parallel workers, instead of the key's order.
 */
function pageSql(metadataKeys: readonly string[] | undefined): string {
  const meta = metadataKeys === undefined
    ? 'metadata::text'
    : metadataKeys.map((_, i) => `(metadata -> ($6::text[])[${i + 1}])::text`).join(', ');
  return `
SELECT position::text, stream_id, revision, event_id, type, data, floor(extract(epoch FROM recorded_at) * 1000)::float8${meta ? `, ${meta}` : ''}
FROM events
WHERE position > $1::bigint AND position <= $2::bigint AND position < $3::bigint AND transaction_id < $4::xid8
  AND ($5::text[] IS NULL OR type = ANY ($5::text[]))
ORDER BY events.position`;
}

/**
 * $all as settled when called (below es_horizon() and from transactions finished by then, as
 * readAll reads it), in position order, in pages read `parallelism` at a time on their own
 * connections: ranges of `pageSize` positions are found from the primary key, then fetched ahead
 * while the caller works on the earlier ones. Rows arrive as arrays and only the metadata keys
 * asked for are parsed: on a rebuild, parsing rows is most of the reader's cost.
 */
export async function* readSettledPages(pool: Pool, options: SettledPagesOptions): AsyncGenerator<RecordedEvent[]> {
  const step = options.pageSize ?? 5_000;
  // Connections held for the whole read, so that no page waits for the pool (and its connect
  // time-out) behind the caller's own queries; two stay free for the caller (lock, writes).
  const poolMax = (pool as Pool & { options?: { max?: number } }).options?.max ?? 10;
  const parallelism = Math.max(1, Math.min(options.parallelism ?? 3, poolMax - 3));
  const keys = options.metadataKeys;
  const free: PoolClient[] = [];
  let failed: Error | undefined;
  try {
    for (let i = 0; i < parallelism; i++) free.push(await pool.connect());
    const head = await free[0]!.query<{ horizon: string; xmin: string }>(
      'SELECT es_horizon()::text AS horizon, pg_snapshot_xmin(pg_current_snapshot())::text AS xmin');
    const { horizon, xmin } = head.rows[0]!;
    const types = options.eventTypes ? [...options.eventTypes] : null;
    const text = pageSql(keys);
    const fetchPage = async (after: string, upTo: string): Promise<RawRow[]> => {
      const values: unknown[] = [after, upTo, horizon, xmin, types];
      if (keys?.length) values.push([...keys]);
      const config: QueryConfig & { rowMode: 'array' } = { text, values, rowMode: 'array', types: AS_TEXT };
      const client = free.pop()!; // one is free: fewer pages are in flight than clients
      try {
        return (await client.query(config)).rows as RawRow[];
      } catch (error) {
        failed = error as Error;
        throw error;
      } finally {
        free.push(client);
      }
    };

    let after = '-1';
    const bounds: string[] = [];
    let lastBound = false;
    const nextRange = async (): Promise<[string, string] | undefined> => {
      if (!bounds.length && !lastBound) {
        const client = free.pop()!;
        try {
          const { rows } = await client.query<{ bound: string }>(RANGE_BOUNDS_SQL, [after, horizon, step * RANGES_PER_LOOKUP, step]);
          bounds.push(...rows.map((r) => r.bound));
        } finally {
          free.push(client);
        }
        if (bounds.length < RANGES_PER_LOOKUP) {
          lastBound = true;
          bounds.push((BigInt(horizon) - 1n).toString());
        }
      }
      const upTo = bounds.shift();
      if (upTo === undefined || BigInt(upTo) <= BigInt(after)) return undefined;
      const range: [string, string] = [after, upTo];
      after = upTo;
      return range;
    };

    const ahead: Array<Promise<RawRow[]>> = [];
    const fill = async () => {
      while (ahead.length < parallelism) {
        const range = await nextRange();
        if (!range) return;
        const page = fetchPage(...range);
        page.catch(() => undefined); // observed when its turn comes; no unhandled rejection meanwhile
        ahead.push(page);
      }
    };
    try {
      await fill();
      while (ahead.length) {
        const page = await ahead.shift()!;
        await fill();
        // Parsed only now, when the caller takes the page: the objects are used and dropped
        // young, instead of waiting (and being promoted to the old generation) with pages ahead.
        if (page.length) yield page.map((r) => toEvent(r, keys));
      }
    } finally {
      // The caller stopped early (or failed): let the pages in flight finish before the clients go back.
      await Promise.allSettled(ahead);
    }
  } finally {
    for (const client of free) client.release(failed);
  }
}

/** A page row as PostgreSQL sent it: every column as text (see pageSql for their order). */
type RawRow = Array<string | null>;

/** No type parsing while a page arrives: toEvent parses a row when the caller takes its page. */
const AS_TEXT = { getTypeParser: () => (value: string) => value } as unknown as QueryConfig['types'];

function toEvent(r: RawRow, keys: readonly string[] | undefined): RecordedEvent {
  let metadata: Record<string, unknown>;
  if (keys === undefined) metadata = JSON.parse(r[7]!) as Record<string, unknown>;
  else {
    metadata = {};
    for (let i = 0; i < keys.length; i++) {
      const v = r[7 + i];
      if (v !== null && v !== undefined) metadata[keys[i]!] = JSON.parse(v);
    }
  }
  return {
    position: BigInt(r[0]!),
    streamId: r[1]!,
    revision: Number(r[2]),
    id: r[3]!,
    type: r[4]!,
    data: JSON.parse(r[5]!),
    metadata,
    recordedAt: new Date(Number(r[6])),
  };
}
