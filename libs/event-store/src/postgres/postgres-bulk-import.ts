import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Pool, PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EventToAppend } from '../event-store.port';
import { WrongExpectedRevisionError } from '../event-store.errors';
import { DEFAULT_MAX_EVENT_BYTES, type ValidatedEvent, assertValidStreamName, validateAppend } from '../validation/append-validation';
import { NOTIFY_CHANNEL } from './postgres-change-notifier';
import { translateError } from './postgres-errors';
import { REVISION_CONSTRAINT } from './postgres-sql';

/** A whole stream of historical events, imported as a new stream. */
export interface ImportedStream {
  streamId: string;
  events: EventToAppend[];
}

export interface BulkImportOptions {
  /** Limit on serialised data + metadata per event (default 1 MiB, as for appends). */
  maxEventBytes?: number;
  /** Events per transaction (default 50,000; at most 2^20, the positions one transaction can hold). */
  eventsPerTransaction?: number;
  /** Transactions running at the same time, each on its own connection (default 1). */
  parallelism?: number;
  /** Called after each committed transaction with the events imported so far. */
  onProgress?: (events: number) => void;
}

export interface BulkImportResult {
  streams: number;
  events: number;
  transactions: number;
}

const MAX_PER_TRANSACTION = 1 << 20;
const COPY_COLUMNS = 'position, stream_id, revision, event_id, type, data, metadata, transaction_id';

/**
 * Bulk import of historical streams into the PostgreSQL event store with COPY instead of one
 * es_append per stream: the path for migrations and imports of past records, not for commands.
 *
 * Same rules as appendToStream: every event passes the shared validation, each stream must not
 * exist yet (expected revision "no stream": otherwise WrongExpectedRevisionError and that
 * transaction writes nothing; a stream appended to concurrently meets the import on the
 * UNIQUE (stream_id, revision) constraint, as two appends would), revisions start at 0, event ids are unique per stream. Positions
 * follow the same scheme as es_append ((transaction id << 20) + ordinal, transaction_id stored),
 * so $all readers and subscriptions stay gap-safe while an import runs. Streams are never split
 * across transactions; a failure rolls back only the transaction it happened in (earlier ones
 * stay committed: re-running the import of the remaining streams is safe, since imported streams
 * are refused rather than duplicated). After a failure no further transaction starts; those
 * already running on other connections finish before the call rejects, so nothing is written
 * once it has answered.
 */
export async function importStreams(pool: Pool, streams: readonly ImportedStream[], options: BulkImportOptions = {}): Promise<BulkImportResult> {
  const maxBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
  const perTx = Math.min(options.eventsPerTransaction ?? 50_000, MAX_PER_TRANSACTION);
  const batches: ImportedStream[][] = [];
  let current: ImportedStream[] = [];
  let currentCount = 0;
  for (const stream of streams) {
    if (stream.events.length > MAX_PER_TRANSACTION) throw new RangeError(`Stream ${stream.streamId} has more than ${MAX_PER_TRANSACTION} events: import it with appendToStream in parts`);
    if (currentCount + stream.events.length > perTx && current.length > 0) {
      batches.push(current);
      current = [];
      currentCount = 0;
    }
    current.push(stream);
    currentCount += stream.events.length;
  }
  if (current.length > 0) batches.push(current);

  let next = 0;
  let events = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < batches.length) {
      const batch = batches[next++]!;
      try {
        for (const s of batch) assertValidStreamName(s.streamId);
        await importBatch(pool, batch, maxBytes);
      } catch (error) {
        failure ??= { error };
        return;
      }
      events += batch.reduce((n, s) => n + s.events.length, 0);
      options.onProgress?.(events);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.parallelism ?? 1, batches.length)) }, worker));
  // Subscribers hear of what was committed, also when a later transaction failed.
  if (events > 0) await pool.query(`SELECT pg_notify('${NOTIFY_CHANNEL}', '')`).catch(() => undefined);
  if (failure) throw failure.error;
  return { streams: streams.length, events, transactions: batches.length };
}

async function importBatch(pool: Pool, batch: readonly ImportedStream[], maxBytes: number): Promise<void> {
  // A stream listed twice: its second part would be appended to a stream that exists by then.
  const seen = new Map<string, number>();
  for (const s of batch) {
    if (seen.has(s.streamId)) throw new WrongExpectedRevisionError(s.streamId, 'no_stream', seen.get(s.streamId)!);
    seen.set(s.streamId, s.events.length - 1);
  }
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid');
    const xid = rows[0]!.xid;
    const base = BigInt(xid) << 20n;
    const total = batch.reduce((n, s) => n + s.events.length, 0);
    // Keeps positions distinct should anything append later in this transaction (see es_append).
    await client.query(`SELECT set_config('es.ordinal', $1, true)`, [String(total)]);

    // Every stream that exists has a revision 0 (events are never deleted): one index probe per stream.
    await refuseExistingStreams(client, batch.map((s) => s.streamId));
    await copyEvents(client, batch, base, xid, maxBytes);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    // A stream created by a concurrent append after the check above: COPY met its revision 0.
    const raced = (error as { code?: string }).code === '23505' && (error as { constraint?: string }).constraint === REVISION_CONSTRAINT;
    if (raced) await refuseExistingStreams(client, batch.map((s) => s.streamId)).catch((refusal: unknown) => Promise.reject(translateError(refusal)));
    throw translateError(error);
  } finally {
    client.release();
  }
}

/** WrongExpectedRevisionError (expected "no stream") for the first of these streams that exists. */
async function refuseExistingStreams(client: PoolClient, ids: string[]): Promise<void> {
  const existing = await client.query<{ stream_id: string }>(
    'SELECT stream_id FROM events WHERE stream_id = ANY ($1::text[]) AND revision = 0 LIMIT 1',
    [ids],
  );
  if (existing.rowCount === 0) return;
  const streamId = existing.rows[0]!.stream_id;
  const head = await client.query<{ revision: number }>('SELECT max(revision) AS revision FROM events WHERE stream_id = $1', [streamId]);
  throw new WrongExpectedRevisionError(streamId, 'no_stream', head.rows[0]!.revision);
}

/**
 * Each stream is validated (and serialised) as its rows are made, so that Node's share overlaps the
 * server's work on the rows already sent: validating the whole transaction first left the server
 * idle meanwhile. A bad event ends the COPY with CopyFail: the transaction writes nothing.
 */
function copyEvents(client: PoolClient, batch: readonly ImportedStream[], base: bigint, xid: string, maxBytes: number): Promise<void> {
  const rowsPerChunk = 2000;
  function* chunks(): Generator<string> {
    let ordinal = 0;
    let text = '';
    let rows = 0;
    for (const s of batch) {
      const stream = escape(s.streamId);
      const events: ValidatedEvent[] = validateAppend(s.streamId, s.events, 'no_stream', maxBytes);
      for (let revision = 0; revision < events.length; revision++) {
        const e = events[revision]!;
        text += `${(base + BigInt(ordinal++)).toString()}\t${stream}\t${revision}\t${e.id}\t${escape(e.type)}\t${escapeJson(e.dataJson)}\t${escapeJson(e.metadataJson)}\t${xid}\n`;
        if (++rows === rowsPerChunk) {
          yield text;
          text = '';
          rows = 0;
        }
      }
    }
    if (text) yield text;
  }
  return pipeline(Readable.from(chunks()), client.query(copyFrom(`COPY events (${COPY_COLUMNS}) FROM STDIN`)));
}

/** COPY text format: backslash, tab, newline and carriage return are escaped. */
function escape(value: string): string {
  if (!/[\\\t\n\r]/.test(value)) return value;
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** JSON.stringify output never holds a raw tab, newline or carriage return (it escapes them): only backslashes need doubling. */
function escapeJson(json: string): string {
  return json.includes('\\') ? json.replace(/\\/g, '\\\\') : json;
}
