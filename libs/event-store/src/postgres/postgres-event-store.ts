import { Pool, type PoolConfig } from 'pg';
import { surviveConnectionLoss } from './survive-connection-loss';
import type {
  AppendResult,
  BatchHandler,
  EventFilter,
  EventStore,
  EventStoreHealth,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { DEFAULT_MAX_EVENT_BYTES, assertValidStreamName, validateAppend } from '../validation/append-validation';
import { type AllPage, startCatchUpSubscription } from '../subscription/catch-up-subscription';
import { PostgresChangeNotifier } from './postgres-change-notifier';
import { migrate } from './postgres-migrator';
import { translateError } from './postgres-errors';
import type { ChainSweepOptions, ChainSweepResult, ChainSweepSource } from '../envelope/chain-sweep';
import { sweepChainsInWorkers } from './verification/postgres-chain-sweep';
import { WrongExpectedRevisionError } from '../event-store.errors';
import {
  DUPLICATE_EVENT_ID_CONSTRAINT,
  HEAD_SQL,
  IDEMPOTENCY_SQL,
  READ_ALL_PAGE_SQL,
  REVISION_CONSTRAINT,
  STREAM_COLUMNS,
  type StreamRow,
  appendMode,
  appendStatement,
  appendValues,
  fromStreamRow,
  prefixPatterns,
  toRecordedEvent,
  type EventRow,
} from './postgres-sql';
import { readSettledPages } from './postgres-settled-pages';
import type { SettledPagesOptions, SettledPagesReader } from '../settled-pages.port';

const UNIQUE_VIOLATION = '23505';
/**
 * Attempts of an 'any' / 'stream_exists' append that keeps losing its revision to concurrent
 * writers. Each lost attempt means another append to the stream committed meanwhile (the unique
 * index waits for it), so this only bounds a pathological hot stream; then WrongExpectedRevisionError.
 */
const MAX_HEAD_RETRIES = 100;

export interface PostgresEventStoreOptions {
  connectionString: string;
  /** Connections in the pool (default 10). Subscriptions use the pool for reads plus one LISTEN connection. */
  poolSize?: number;
  /**
   * Connections kept open however long they idle (default 0: idle ones close after 10 s). A
   * server's pool keeps them: a burst after a quiet spell would otherwise wait for new backends,
   * each forking, authenticating and planning its statements again while requests queue.
   */
  keepIdle?: number;
  /** How long a connection above `keepIdle` may idle before it closes (default 10 s). */
  idleTimeoutMs?: number;
  /** Limit on serialised data + metadata per event (default 1 MiB). */
  maxEventBytes?: number;
  /** Fallback poll of subscriptions when no wake-up arrives (default 500 ms). */
  pollIntervalMs?: number;
  /** Time to open a connection before EventStoreUnavailableError (default 5 s). */
  connectTimeoutMs?: number;
  /** Server-side statement_timeout (default 30 s); 0 disables. */
  statementTimeoutMs?: number;
  /** Send NOTIFY hints to subscribers in other processes (default true). */
  notify?: boolean;
  /** Run migrations in connect() (default true). */
  migrate?: boolean;
}

/**
 * The port on PostgreSQL. One round trip per append (one INSERT, see appendStatement), gap-safe $all reads below the
 * transaction-id horizon (es_horizon), subscriptions by polling with wake-up hints.
 */
export class PostgresEventStore implements EventStore, SettledPagesReader, ChainSweepSource {
  private readonly notifier: PostgresChangeNotifier;
  private readonly subscriptions = new Set<Subscription>();
  private readonly maxEventBytes: number;
  private readonly pollIntervalMs: number;
  private closed = false;
  private readonly connectionString: string;

  private constructor(
    /** Shared with read-model code: projections live in the same database. */
    readonly pool: Pool,
    clientConfig: PoolConfig,
    options: PostgresEventStoreOptions,
  ) {
    this.maxEventBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
    this.connectionString = options.connectionString;
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.notifier = new PostgresChangeNotifier(pool, clientConfig, { notify: options.notify ?? true, coalesceMs: 5 });
  }

  /** Opens the pool and applies pending migrations; an unreachable database fails fast. */
  static async connect(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const statementTimeout = options.statementTimeoutMs ?? 30_000;
    const config: PoolConfig = {
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
      min: Math.min(options.keepIdle ?? 0, options.poolSize ?? 10),
      idleTimeoutMillis: options.idleTimeoutMs ?? 10_000,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      statement_timeout: statementTimeout,
      // Client-side backstop for a server or network that stops answering mid-query.
      query_timeout: statementTimeout > 0 ? statementTimeout + 5000 : undefined,
      keepAlive: true,
      application_name: 'event-store',
    };
    // A client losing its connection (idle or checked out) must not crash the process; the next query reconnects.
    const pool = surviveConnectionLoss(new Pool(config));
    // The LISTEN connection idles for hours: no statement or query timeout on it.
    const store = new PostgresEventStore(pool, { ...config, statement_timeout: 0, query_timeout: undefined }, options);
    try {
      if (options.migrate ?? true) await migrate(pool);
      else await pool.query('SELECT 1');
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw translateError(error);
    }
    return store;
  }

  async appendToStream(streamId: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    const validated = validateAppend(streamId, events, expected, this.maxEventBytes);
    const mode = appendMode(expected);
    // Named: each pooled connection parses and plans each variant once, then only binds and executes.
    const statement = appendStatement(mode, validated.length);
    const values = appendValues(streamId, validated, mode === 'exact' ? (expected as number) : undefined);
    for (let attempt = 1; ; attempt++) {
      let rows: Array<{ revision: number; position: string }>;
      try {
        ({ rows } = await this.pool.query<{ revision: number; position: string }>({ ...statement, values }));
      } catch (error) {
        const code = (error as { code?: string }).code;
        const constraint = (error as { constraint?: string }).constraint;
        if (code !== UNIQUE_VIOLATION || (constraint !== REVISION_CONSTRAINT && constraint !== DUPLICATE_EVENT_ID_CONSTRAINT)) {
          throw translateError(error, { streamId, expected });
        }
        // A concurrent writer took the revision (and has committed), or an id is already in the stream.
        const retry = constraint === REVISION_CONSTRAINT && (mode === 'any' || mode === 'exists') && attempt < MAX_HEAD_RETRIES;
        const resolved = await this.resolveFailedAppend(streamId, validated.map((e) => e.id), expected, !retry);
        if (resolved) return resolved;
        continue; // 'any' / 'stream_exists': none of the ids is in the stream, so append after the new head
      }
      if (rows.length === 0) return (await this.resolveFailedAppend(streamId, validated.map((e) => e.id), expected, true))!;
      let last = rows[0];
      for (const row of rows) if (row.revision > last.revision) last = row;
      this.notifier.appended();
      return { nextExpectedRevision: last.revision, position: BigInt(last.position), written: rows.length };
    }
  }

  /**
   * EventStoreDB semantics for an append that wrote nothing: if every id is already in the
   * stream, it is a retry of an append that succeeded, so a no-op returning the stream's current
   * head; if only some are, the writer is confused about the stream: a conflict; if none is, a
   * conflict with the actual head when `conflict`, otherwise undefined (the caller tries again).
   * A second round trip, but only on this failure path.
   */
  private async resolveFailedAppend(streamId: string, ids: string[], expected: ExpectedRevision, conflict: boolean): Promise<AppendResult | undefined> {
    let row: { known: number; revision: number | null; last_position: string | null };
    try {
      ({ rows: [row] } = await this.pool.query(IDEMPOTENCY_SQL, [streamId, ids]));
    } catch (error) {
      throw translateError(error);
    }
    if (row.revision !== null && row.known === ids.length) {
      return { nextExpectedRevision: row.revision, position: BigInt(row.last_position!), written: 0 };
    }
    if (row.known > 0 || conflict) throw new WrongExpectedRevisionError(streamId, expected, row.revision ?? 'no_stream');
    return undefined;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    assertValidStreamName(streamId);
    const backwards = options.direction === 'backwards';
    const limit = options.maxCount ?? null;
    if (limit !== null && limit <= 0) return [];
    const from = options.fromRevision;
    // 'end' forwards reads nothing; 'start' backwards reads revision 0 only.
    const fromRevision = from === undefined ? null : from === 'start' ? (backwards ? 0 : null) : from === 'end' ? (backwards ? null : 2 ** 31 - 1) : from;
    const text = `SELECT ${STREAM_COLUMNS} FROM events WHERE stream_id = $1
      AND ($2::integer IS NULL OR revision ${backwards ? '<=' : '>='} $2::integer)
      ORDER BY revision ${backwards ? 'DESC' : 'ASC'} LIMIT $3`;
    try {
      const { rows } = await this.pool.query<StreamRow>({ text, values: [streamId, fromRevision, limit], rowMode: 'array' });
      return rows.map((row) => fromStreamRow(streamId, row));
    } catch (error) {
      throw translateError(error);
    }
  }

  /** $all as settled now, read ahead in parallel position ranges: a rebuild's reader (see postgres-settled-pages.ts). */
  readSettledPages(options: SettledPagesOptions): AsyncIterable<RecordedEvent[]> {
    return readSettledPages(this.pool, options);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const page = await this.readPage(options.fromPosition ?? 0n, options.maxCount ?? null, options.filter);
    return page.events;
  }

  subscribeToAll(handler: BatchHandler, options: SubscribeOptions = {}): Subscription {
    this.notifier.retain();
    const subscription = startCatchUpSubscription(
      {
        readPage: (after, maxCount, filter) => this.readPage(after, maxCount, filter),
        headPosition: () => this.headPosition(),
        waitForChange: (timeoutMs, signal) => this.notifier.waitForChange(timeoutMs, signal),
      },
      handler,
      options,
      { pollIntervalMs: this.pollIntervalMs, defaultBatchSize: 500 },
    );
    this.subscriptions.add(subscription);
    void subscription.done
      .catch(() => undefined)
      .finally(() => {
        this.subscriptions.delete(subscription);
        this.notifier.release();
      });
    return subscription;
  }

  /** `npm run verify`: every chain, in worker threads that each read their share of the streams. */
  sweepChains(options: ChainSweepOptions): Promise<ChainSweepResult> {
    return sweepChainsInWorkers(this.pool, this.connectionString, options);
  }

  async health(): Promise<EventStoreHealth> {
    try {
      await this.pool.query('SELECT 1');
      return { ok: true, store: 'postgresql' };
    } catch (error) {
      return { ok: false, store: 'postgresql', detail: (error as Error).message };
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.notifier.close();
    await this.pool.end();
  }

  /**
   * One page of $all strictly after `after`, only below the horizon, plus what the subscription
   * loop needs to know about the horizon: one statement, so one snapshot.
   */
  private async readPage(after: bigint, maxCount: number | null, filter: EventFilter | undefined): Promise<AllPage> {
    if (maxCount !== null && maxCount <= 0) return { events: [], settledUpTo: after, heldBack: false };
    try {
      const { rows } = await this.pool.query<EventRow & { horizon: string; head: string | null }>({
        name: 'es_read_all_page',
        text: READ_ALL_PAGE_SQL,
        values: [after.toString(), maxCount, filter?.eventTypes ?? null, filter?.streamPrefixes ? prefixPatterns(filter.streamPrefixes) : null],
      });
      const horizon = BigInt(rows[0].horizon);
      const head = rows[0].head === null ? 0n : BigInt(rows[0].head);
      const events = rows[0].position === null ? [] : rows.map(toRecordedEvent);
      return { events, settledUpTo: horizon - 1n, heldBack: head >= horizon };
    } catch (error) {
      throw translateError(error);
    }
  }

  private async headPosition(): Promise<bigint> {
    try {
      const { rows } = await this.pool.query<{ head: string | null }>(HEAD_SQL);
      return rows[0].head === null ? 0n : BigInt(rows[0].head);
    } catch (error) {
      throw translateError(error);
    }
  }
}
