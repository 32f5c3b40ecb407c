import type { ClientBase, Pool } from 'pg';
import { SEAL_FIELD_NAMES } from '../../envelope/integrity-chain';
import type { StoredChainRow } from '../../envelope/stored-link';

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

/** One row of what the chain needs, every column as the text PostgreSQL printed (see COLUMNS). */
type Row = [streamId: string, revision: string, eventId: string, type: string, data: string | null, unsealed: string | null, v3: string | null, ...seal: Array<string | null>];

/** Every column as its text: jsonb as PostgreSQL prints it is what chain v3 hashes, so nothing is parsed here. */
const AS_TEXT = { getTypeParser: () => (text: string) => text };

const quoted = (field: string) => `'${field}'`;
/** The metadata without its seal fields only when it is an object (`-` fails on a scalar). */
const COLUMNS = [
  'stream_id, revision, event_id, type, data',
  `CASE WHEN jsonb_typeof(metadata) = 'object' THEN metadata - ARRAY[${SEAL_FIELD_NAMES.map(quoted).join(', ')}] END`,
  `metadata -> 'chain' = '3'::jsonb`,
  ...SEAL_FIELD_NAMES.map((field) => `metadata ->> ${quoted(field)}`),
].join(', ');

/**
 * The next `limit` events of a range in (stream id, revision) order after `after`: only the
 * columns the chain needs, in keyset pages on the (stream_id, revision) unique index, each
 * stream whole and in revision order (`below`: only events at positions below it, a prefix of
 * each stream). Array rows of text: no object per row from the driver, no JSON parsed.
 */
export async function readRangePage(client: ClientBase, range: StreamRange, after: { streamId: string; revision: number } | null, limit: number, below: string | null = null): Promise<StoredChainRow[]> {
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
    text: `SELECT ${COLUMNS} FROM events${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY stream_id, revision LIMIT $${values.length}::integer`,
    values,
    rowMode: 'array',
    types: AS_TEXT,
  });
  const events = new Array<StoredChainRow>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    events[i] = {
      streamId: r[0],
      revision: Number(r[1]),
      id: r[2],
      type: r[3],
      dataText: r[4],
      unsealedText: r[5],
      v3: r[6] === 't',
      hash: r[7],
      previousHash: r[8],
      contentHash: r[9],
      metadataHash: r[10],
      seal: r[11],
    };
  }
  return events;
}
