/**
 * The event store port. Semantics follow EventStoreDB's so that its adapter stays thin:
 * - stream revisions start at 0; global positions are strictly increasing but may have holes;
 * - reading $all "from a position" is exclusive: it returns events *after* that position
 *   (a checkpoint is the position of the last event processed);
 * - an append of several events is all-or-nothing;
 * - idempotent retries, as far as every store guarantees them: re-sending an append that
 *   succeeded, with the same event ids and the same exact expected revision (or no_stream) it
 *   was first sent with, succeeds without writing the events twice. Nothing more: EventStoreDB
 *   writes duplicates when the expected revision equals the stream's current one, recognises
 *   known ids under `any` / `stream_exists` only while they are in its in-memory cache, and writes
 *   a whole batch whose first id is new (IndexWriter.CheckCommit in the server). Retry with the
 *   revision you first expected, as the engine's runner does, or read the stream first.
 */

/** Where the writer believes the stream is: a revision, or one of the three stream states. */
export type ExpectedRevision = number | 'no_stream' | 'stream_exists' | 'any';

export interface EventToAppend {
  /** UUID chosen by the writer; deterministic ids make retries idempotent. */
  id: string;
  type: string;
  data: unknown;
  metadata?: Record<string, unknown>;
}

export interface RecordedEvent<Data = unknown, Meta extends Record<string, unknown> = Record<string, unknown>> {
  streamId: string;
  /** 0-based position of the event in its stream. */
  revision: number;
  /** Position in the global order of all events. */
  position: bigint;
  id: string;
  type: string;
  data: Data;
  metadata: Meta;
  /** When the store wrote it. */
  recordedAt: Date;
}

export interface AppendResult {
  /**
   * Revision of the last event of this append (what to expect next time). After a recognised
   * re-send (written 0) it is the store's best knowledge (the stream's last revision, or that of
   * the matched events): read the stream before relying on it.
   */
  nextExpectedRevision: number;
  /** Global position of the last event of this append (after a re-send: of the matched events or the stream). */
  position: bigint;
  /**
   * Every event of the append when the stream now holds exactly them, as sent (same ids, types,
   * data and metadata), up to nextExpectedRevision. 0 when the ids were already stored (a
   * re-send): this call wrote nothing, and what the stream holds must be read, since another
   * writer may have stored different content under those ids.
   */
  written: number;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive. Defaults to the start when reading forwards and the end when reading backwards. */
  fromRevision?: number | 'start' | 'end';
  maxCount?: number;
}

export interface EventFilter {
  /** Exact event types. */
  eventTypes?: string[];
  /** Stream id prefixes, e.g. "centre-". */
  streamPrefixes?: string[];
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. Omit (or 0n) to read from the beginning. */
  fromPosition?: bigint;
  maxCount?: number;
  filter?: EventFilter;
}

export interface SubscribeOptions {
  /** Exclusive checkpoint, as in ReadAllOptions. */
  fromPosition?: bigint;
  filter?: EventFilter;
  /** Largest batch handed to the handler while catching up. */
  maxBatchSize?: number;
}

/**
 * A catch-up subscription: delivers everything after the checkpoint, then follows live writes.
 * Events arrive in global order, each exactly once, in batches; the next batch is not delivered
 * before the handler's promise resolves. If the handler throws, the subscription stops and
 * `done` rejects with that error.
 */
export interface Subscription {
  /** Position of the last event the handler has accepted, if any. */
  readonly lastPosition: bigint | undefined;
  /** Resolves once the subscription has delivered everything that existed when it started. */
  readonly caughtUp: Promise<void>;
  /** Settles when the subscription ends: resolves after stop(), rejects on a handler or store error. */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

export type BatchHandler = (events: RecordedEvent[]) => Promise<void>;

export interface EventStoreHealth {
  ok: boolean;
  store: 'memory' | 'postgresql' | 'eventstoredb';
  detail?: string;
}

export interface EventStore {
  appendToStream(streamId: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult>;
  /** A missing stream reads as empty. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(handler: BatchHandler, options?: SubscribeOptions): Subscription;
  health(): Promise<EventStoreHealth>;
  close(): Promise<void>;
}

/** Nest injection token for the port. */
export const EVENT_STORE = Symbol('EVENT_STORE');
