import type { ClientBase, Pool } from 'pg';
import type { ChainedEvent } from '../../envelope/integrity-chain';

/** A share of the streams: stream ids in [lower, upper) in the database's own order (null: unbounded). */
export interface StreamRange {
  lower: string | null;
  upper: string | null;
}

/**
 * Up to `count` stream ids that split the store into shares of about equal events: quantiles
 * of a page sample of the events table (TABLESAMPLE SYSTEM, ~2,000 pages: cheap at any size),
 * sorted by PostgreSQL so that the ranges follow the same collation as the reads.
 */
export async function splitStreams(pool: Pool, count: number): Promise<StreamRange[]> {
  if (count <= 1) return [{ lower: null, upper: null }];
  const { rows: [size] } = await pool.query<{ pages: string }>(`SELECT pg_relation_size('events') / current_setting('block_size')::integer AS pages`);
  const percent = Math.min(100, (2000 / Math.max(1, Number(size.pages))) * 100);
  const { rows } = await pool.query<{ stream_id: string }>(`SELECT stream_id FROM events TABLESAMPLE SYSTEM ($1::float8) ORDER BY stream_id`, [percent]);
  const cuts: string[] = [];
  for (let k = 1; k < count; k++) {
    const cut = rows[Math.floor((k * rows.length) / count)]?.stream_id;
    if (cut !== undefined && cut !== cuts[cuts.length - 1] && cut !== rows[0].stream_id) cuts.push(cut);
  }
  return [null, ...cuts].map((lower, k) => ({ lower, upper: cuts[k] ?? null }));
}

/** One row of what the chain needs, as pg returns it in array mode. */
type Row = [streamId: string, revision: number, eventId: string, type: string, data: unknown, metadata: Record<string, unknown>];

/**
 * The next `limit` events of a range in (stream id, revision) order after `after`: only the
 * columns the chain needs, in keyset pages on the (stream_id, revision) unique index, each
 * stream whole and in revision order (`below`: only events at positions below it, a prefix of
 * each stream). Array rows: no object per row from the driver.
 */
export async function readRangePage(client: ClientBase, range: StreamRange, after: { streamId: string; revision: number } | null, limit: number, below: string | null = null): Promise<Array<ChainedEvent & { streamId: string }>> {
  const values: unknown[] = [];
  const where: string[] = [];
  if (after) {
    values.push(after.streamId, after.revision);
    where.push('(stream_id, revision) > ($1, $2::integer)');
  } else if (range.lower !== null) {
    values.push(range.lower);
    where.push(`stream_id >= $${values.length}`);
  }
  if (range.upper !== null) {
    values.push(range.upper);
    where.push(`stream_id < $${values.length}`);
  }
  if (below !== null) {
    values.push(below);
    where.push(`position < $${values.length}::bigint`);
  }
  values.push(limit);
  const { rows } = await client.query<Row>({
    text: `SELECT stream_id, revision, event_id, type, data, metadata FROM events${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY stream_id, revision LIMIT $${values.length}::integer`,
    values,
    rowMode: 'array',
  });
  const events = new Array<ChainedEvent & { streamId: string }>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    events[i] = { streamId: r[0], revision: r[1], id: r[2], type: r[3], data: r[4], metadata: r[5] };
  }
  return events;
}
