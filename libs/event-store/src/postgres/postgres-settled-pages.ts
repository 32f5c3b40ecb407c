import { escapeLiteral, type Pool, type PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
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
 * One range, the columns a rebuild needs, as a binary COPY: integers and timestamps arrive as
 * bytes (no text conversion on either side, recorded_at exact to the microsecond), jsonb as its
 * text after a version byte, and the rows are not cut into per-column strings by the driver.
 * COPY takes no parameters: every value is a number this reader produced or a quoted literal.
 * Metadata keys come one column each (SQL NULL when absent, apart from JSON null). ORDER BY names
 * the table's column: a bare `position` once named the output column `position::text`, which
 * sorted the rows as text (1000000000 before 999999999: a misordered fold wherever a page crossed
 * a power of ten) and by a sort, often in parallel workers, instead of the key's order.
 */
function pageCopy(range: { after: string; upTo: string; horizon: string; xmin: string }, types: readonly string[] | null, keys: readonly string[] | undefined): string {
  const meta = keys === undefined ? 'metadata' : keys.map((k) => `metadata -> ${escapeLiteral(k)}`).join(', ');
  const typeFilter = types === null ? '' : `\n  AND type = ANY (ARRAY[${types.map(escapeLiteral).join(', ')}]::text[])`;
  return `COPY (
SELECT position, stream_id, revision, event_id::text, type, data, recorded_at${meta ? `, ${meta}` : ''}
FROM events
WHERE position > ${int(range.after)} AND position <= ${int(range.upTo)} AND position < ${int(range.horizon)} AND transaction_id < ${escapeLiteral(int(range.xmin))}::xid8${typeFilter}
ORDER BY events.position
) TO STDOUT (FORMAT binary)`;
}

/** A whole number as SQL text, checked: it is pasted into a COPY statement. */
function int(value: string): string {
  if (!/^-?\d+$/.test(value)) throw new Error(`Not a whole number: ${value}`);
  return value;
}

/**
 * $all as settled when called (below es_horizon() and from transactions finished by then, as
 * readAll reads it), in position order, in pages read `parallelism` at a time on their own
 * connections: ranges of `pageSize` positions are found from the primary key, then fetched ahead
 * while the caller works on the earlier ones. A page arrives as the bytes of a binary COPY and is
 * parsed when the caller takes it, with only the metadata keys asked for: on a rebuild, parsing
 * rows is most of the reader's cost.
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
    const fetchPage = async (after: string, upTo: string): Promise<Buffer> => {
      const client = free.pop()!; // one is free: fewer pages are in flight than clients
      try {
        const chunks: Buffer[] = [];
        for await (const chunk of client.query(copyTo(pageCopy({ after, upTo, horizon, xmin }, types, keys)))) chunks.push(chunk as Buffer);
        return Buffer.concat(chunks);
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

    const ahead: Array<Promise<Buffer>> = [];
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
        const events = eventsOf(page, keys);
        if (events.length) yield events;
      }
    } finally {
      // The caller stopped early (or failed): let the pages in flight finish before the clients go back.
      await Promise.allSettled(ahead);
    }
  } finally {
    for (const client of free) client.release(failed);
  }
}

/** PostgreSQL's epoch (2000-01-01) in Unix milliseconds: binary timestamps count microseconds from it. */
const PG_EPOCH_MS = 946_684_800_000;
/** Signature, flags and header extension length of a binary COPY stream. */
const COPY_HEADER = 19;

/** The events of one page's binary COPY (columns as in pageCopy). */
function eventsOf(buf: Buffer, keys: readonly string[] | undefined): RecordedEvent[] {
  const out: RecordedEvent[] = [];
  if (buf.length < COPY_HEADER) return out;
  let o = COPY_HEADER + buf.readInt32BE(COPY_HEADER - 4); // past the header extension
  const text = (len: number): string => buf.toString('utf8', o, o + len);
  const json = (len: number): unknown => {
    if (buf[o] !== 1) throw new Error(`Unknown jsonb format version ${buf[o]}`);
    return JSON.parse(buf.toString('utf8', o + 1, o + len));
  };
  for (;;) {
    if (buf.readInt16BE(o) === -1) return out; // the trailer
    o += 2;
    // Every column but the metadata keys is NOT NULL: each is its length, then its bytes.
    let len = buf.readInt32BE(o);
    const position = buf.readBigInt64BE(o + 4);
    o += 4 + len;
    len = buf.readInt32BE(o); o += 4;
    const streamId = text(len); o += len;
    len = buf.readInt32BE(o);
    const revision = buf.readInt32BE(o + 4);
    o += 4 + len;
    len = buf.readInt32BE(o); o += 4;
    const id = buf.toString('latin1', o, o + len); o += len;
    len = buf.readInt32BE(o); o += 4;
    const type = text(len); o += len;
    len = buf.readInt32BE(o); o += 4;
    const data = json(len); o += len;
    len = buf.readInt32BE(o);
    const recordedAt = new Date(epochMillis(buf, o + 4));
    o += 4 + len;
    let metadata: Record<string, unknown>;
    if (keys === undefined) {
      len = buf.readInt32BE(o); o += 4;
      metadata = json(len) as Record<string, unknown>; o += len;
    } else {
      metadata = {};
      for (let i = 0; i < keys.length; i++) {
        len = buf.readInt32BE(o); o += 4;
        if (len < 0) continue; // absent key
        metadata[keys[i]!] = json(len); o += len;
      }
    }
    out.push({ position, streamId, revision, id, type, data, metadata, recordedAt });
  }
}

/**
 * A binary timestamptz (microseconds since 2000) in whole Unix milliseconds, truncated towards the
 * past as readAll reads it; ±infinity as readAll reads it (an invalid Date).
 */
function epochMillis(buf: Buffer, at: number): number {
  const high = buf.readInt32BE(at);
  const low = buf.readUInt32BE(at + 4);
  if (high === 0x7fffffff && low === 0xffffffff) return Infinity;
  if (high === -0x80000000 && low === 0) return -Infinity;
  // Exact in a double below 2^52 µs (142 years either side of 2000); beyond, in integers.
  if (high >= -0x100000 && high < 0x100000) return Math.floor((high * 0x1_0000_0000 + low) / 1000) + PG_EPOCH_MS;
  const micros = buf.readBigInt64BE(at);
  return Number(micros / 1000n - (micros % 1000n < 0n ? 1n : 0n)) + PG_EPOCH_MS;
}
