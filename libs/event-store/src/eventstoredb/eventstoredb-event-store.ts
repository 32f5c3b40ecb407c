/**
 * The EventStoreDB adapter of the event store port, and the ONLY file of the project that imports
 * `@eventstore/db-client` (.dependency-cruiser.js enforces it), so moving to its successor
 * `@kurrent/kurrentdb-client` touches this file alone.
 *
 * - Credentials live in the connection string (connection level): per-call credentials would
 *   disable the client's fast batch-append path.
 * - Input is validated by the shared validation module before anything reaches the server, so a
 *   bad append fails exactly as on the other adapters and writes nothing.
 * - Positions are commit positions; exclusive checkpoints are enforced client-side (see
 *   eventstoredb-mapping.ts). Subscriptions: eventstoredb-subscription.ts.
 * - $all as the port sees it excludes EventStoreDB's own ($-prefixed) events.
 */
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  eventTypeFilter,
  excludeSystemEvents,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type AppendResult as EsdbAppendResult,
  type Filter,
  type JSONEventData,
  type JSONType,
  type Position,
  type ReadRevision,
} from '@eventstore/db-client';
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
import { EventStoreUnavailableError } from '../event-store.errors';
import { DEFAULT_MAX_EVENT_BYTES, assertValidStreamName, validateAppend } from '../validation/append-validation';
import { matchesFilter } from '../subscription/event-filter';
import {
  UNKNOWN_POSITION,
  fromEsdbPosition,
  isAfter,
  isEsdbError,
  isFatalSubscriptionError,
  isSystemEvent,
  mapAppendError,
  mapConnectionError,
  toEsdbExpectedRevision,
  toEsdbReadPosition,
  toRecordedEvent,
  toRevisionNumber,
  toServerFilter,
  type EsdbRecordedEventLike,
} from './eventstoredb-mapping';
import {
  startFeedSubscription,
  type FeedHandle,
  type FeedItem,
  type FeedSink,
  type FeedSource,
  type SubscriptionTuning,
} from './eventstoredb-subscription';

export interface EventStoreDbOptions {
  /** Largest serialised event (data + metadata), as on the other adapters. Default 1 MiB. */
  maxEventBytes?: number;
  /** Events per server read when paging $all. */
  readPageSize?: number;
  /** Deadline of the reachability check made by connect() and health(), in ms. */
  probeTimeoutMs?: number;
  /** Subscription batching and reconnection backoff. */
  subscription?: Partial<SubscriptionTuning>;
}

export class EventStoreDbEventStore implements EventStore {
  private readonly subscriptions = new Set<Subscription>();
  private readonly appendLocks = new KeyedSerialiser();
  private readonly maxEventBytes: number;
  private readonly readPageSize: number;
  private readonly probeTimeoutMs: number;

  private constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: EventStoreDbOptions,
  ) {
    this.maxEventBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
    this.readPageSize = options.readPageSize ?? 512;
    this.probeTimeoutMs = options.probeTimeoutMs ?? 5000;
  }

  /**
   * Connects with an `esdb://` / `esdb+discover://` connection string (credentials, TLS and node
   * preference go in the string) and checks that the server answers, so a wrong address fails
   * here with EventStoreUnavailableError instead of on the first append.
   */
  static async connect(connectionString: string, options: EventStoreDbOptions = {}): Promise<EventStoreDbEventStore> {
    const store = new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString), options);
    const health = await store.health();
    if (!health.ok) {
      await store.client.dispose().catch(() => undefined);
      throw new EventStoreUnavailableError(health.detail ?? 'EventStoreDB did not answer');
    }
    return store;
  }

  /**
   * One append, preceded by a read of the stream's last event. EventStoreDB answers an idempotent
   * retry (ids already in the stream) with success, without saying that it wrote nothing, and
   * with the revision of the matched events rather than the stream's: only knowing where the
   * stream was before tells the two apart. A fresh write always moves the stream past that point;
   * a no-op never does. The extra read is the price of the port's `written` and of a correct
   * `nextExpectedRevision` after a retry (a tail read is an index lookup on the server).
   * Appends to one stream from this process are serialised, so that concurrent identical
   * retries each see the tail the previous one left (different streams still run in parallel;
   * concurrent writes to one stream mostly conflict anyway, and the server still arbitrates
   * between processes).
   */
  appendToStream(streamId: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    return this.appendLocks.run(String(streamId), () => this.appendNow(streamId, events, expected));
  }

  private async appendNow(streamId: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    const validated = validateAppend(streamId, events, expected, this.maxEventBytes);
    // The original data and metadata are sent: validation proved they serialise to the JSON it
    // checked, and the client stringifies JSON events itself.
    const proposed: JSONEventData[] = validated.map((event, index) => ({
      id: event.id,
      contentType: 'application/json',
      type: event.type,
      data: events[index].data as JSONType,
      metadata: (events[index].metadata ?? {}) as JSONType,
    }));
    const before = await this.streamTail(streamId);
    let result: EsdbAppendResult;
    try {
      result = await this.client.appendToStream(streamId, proposed, { expectedRevision: toEsdbExpectedRevision(expected) });
    } catch (error) {
      const totalBytes = validated.reduce((sum, e) => sum + Buffer.byteLength(e.dataJson) + Buffer.byteLength(e.metadataJson), 0);
      throw mapAppendError(error, { streamId, expected, firstEventId: validated[0].id, totalBytes });
    }
    return toAppendResult(result, before, validated.length, () => this.streamTail(streamId));
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    assertValidStreamName(streamId);
    const direction = options.direction ?? 'forwards';
    if (options.maxCount !== undefined && options.maxCount <= 0) return [];
    const fromRevision = toReadRevision(options.fromRevision, direction);
    const events: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(streamId, {
        direction: direction === 'backwards' ? BACKWARDS : FORWARDS,
        fromRevision,
        ...(options.maxCount !== undefined ? { maxCount: options.maxCount } : {}),
      });
      for await (const resolved of read) {
        if (resolved.event) events.push(toRecordedEvent(resolved.event as EsdbRecordedEventLike));
      }
    } catch (error) {
      if (isEsdbError(error, 'stream-not-found')) return [];
      throw mapConnectionError(error);
    }
    if (events.length === 0 && direction === 'backwards' && typeof options.fromRevision === 'number' && options.fromRevision > 0) {
      // Backwards from beyond the last revision: the port reads from the end, the server reads
      // an empty range. (Nothing came back, so the whole stream is below fromRevision.)
      return this.readStream(streamId, { direction, fromRevision: 'end', maxCount: options.maxCount });
    }
    return events;
  }

  /** Revision and position of the last event of a stream, undefined when it does not exist. */
  private async streamTail(streamId: string): Promise<StreamTail | undefined> {
    const [last] = await this.readStream(streamId, { direction: 'backwards', fromRevision: 'end', maxCount: 1 });
    return last ? { revision: last.revision, position: last.position } : undefined;
  }

  /**
   * Pages through $all forwards. This client version has no server-side filter for reads (only
   * for subscriptions), so filters and the exclusion of system events apply here, page by page;
   * maxCount counts matching events. Memory holds one page plus the result.
   */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const maxCount = options.maxCount ?? Number.POSITIVE_INFINITY;
    const result: RecordedEvent[] = [];
    if (maxCount <= 0) return result;
    let after = options.fromPosition !== undefined && options.fromPosition > 0n ? options.fromPosition : undefined;
    try {
      for (;;) {
        // Small reads ask for small pages (+1: the inclusive server read repeats the event at the
        // checkpoint), but not tiny ones: filtered-out and system events also fill pages.
        const pageSize = Math.min(this.readPageSize, Math.max(64, maxCount - result.length + 1));
        const page = this.client.readAll({ direction: FORWARDS, fromPosition: toEsdbReadPosition(after), maxCount: pageSize });
        let seen = 0;
        let lastInPage: bigint | undefined;
        for await (const resolved of page) {
          seen++;
          const event = resolved.event;
          const position = fromEsdbPosition(event?.position);
          if (!event || position === undefined) continue;
          lastInPage = position;
          // Inclusive server read: the event at the checkpoint comes back first and is skipped.
          if (!isAfter(position, after)) continue;
          if (isSystemEvent(event) || !matchesFilter(event, options.filter)) continue;
          result.push(toRecordedEvent(event as EsdbRecordedEventLike));
          if (result.length >= maxCount) {
            await page.cancel();
            return result;
          }
        }
        if (seen < pageSize || lastInPage === undefined) return result;
        after = lastInPage;
      }
    } catch (error) {
      throw mapConnectionError(error);
    }
  }

  subscribeToAll(handler: BatchHandler, options: SubscribeOptions = {}): Subscription {
    const subscription = startFeedSubscription(
      this.feedSource(options.filter),
      handler,
      { fromPosition: options.fromPosition, maxBatchSize: options.maxBatchSize },
      this.options.subscription,
    );
    this.subscriptions.add(subscription);
    const forget = () => this.subscriptions.delete(subscription);
    subscription.done.then(forget, forget);
    return subscription;
  }

  async health(): Promise<EventStoreHealth> {
    try {
      await this.headPosition(this.probeTimeoutMs);
      return { ok: true, store: 'eventstoredb' };
    } catch (error) {
      return { ok: false, store: 'eventstoredb', detail: `EventStoreDB unreachable: ${(error as Error)?.message ?? String(error)}` };
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.client.dispose();
  }

  /** Position of the newest event of $all (system events included), 0n when empty. */
  private async headPosition(deadline?: number): Promise<bigint> {
    const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, ...(deadline ? { deadline } : {}) });
    for await (const resolved of read) {
      const position = fromEsdbPosition(resolved.event?.position);
      if (position !== undefined) return position;
    }
    return 0n;
  }

  /** Plugs the client's subscribeToAll into the library-free subscription loop. */
  private feedSource(filter: EventFilter | undefined): FeedSource {
    return {
      headPosition: () => this.headPosition(),
      isFatal: isFatalSubscriptionError,
      open: (after, sink) => this.openFeed(after, filter, sink),
    };
  }

  private openFeed(after: bigint | undefined, filter: EventFilter | undefined, sink: FeedSink): FeedHandle {
    // caughtUp and checkpoints are emitted by the client as they are parsed, possibly ahead of
    // events still buffered in the (paused) stream; they are held until those events are out.
    let emitted = 0;
    const held: { at: number; item: FeedItem }[] = [];
    const stream = this.client.subscribeToAll({
      fromPosition: toEsdbReadPosition(after) as Position | typeof START,
      filter: toClientFilter(filter, (position) => hold({ kind: 'checkpoint', position })),
    });
    const hold = (item: FeedItem) => {
      const at = emitted + stream.readableLength;
      if (at <= emitted) sink.push(item);
      else held.push({ at, item });
    };
    stream.on('data', (resolved: AllStreamResolvedEvent) => {
      emitted++;
      sink.push(toFeedItem(resolved, filter));
      while (held.length > 0 && held[0].at <= emitted) sink.push(held.shift()!.item);
    });
    stream.on('caughtUp', () => hold({ kind: 'caughtUp' }));
    stream.on('error', (error: unknown) => sink.fail(error));
    stream.on('end', () => sink.end());
    return {
      pause: () => void stream.pause(),
      resume: () => void stream.resume(),
      close: () => stream.unsubscribe(),
    };
  }
}

/** Runs tasks with the same key one after another (FIFO), tasks with different keys concurrently. */
export class KeyedSerialiser {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    // Forget the key once nothing is queued behind this task, so the map does not grow.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  get size(): number {
    return this.tails.size;
  }
}

export interface StreamTail {
  revision: number;
  position: bigint;
}

/**
 * Reads the append's outcome against the stream's tail before it: the server's revision moved
 * past the old tail only if this call wrote (see appendToStream).
 */
export async function toAppendResult(
  result: Pick<EsdbAppendResult, 'nextExpectedRevision' | 'position'>,
  before: StreamTail | undefined,
  eventCount: number,
  readTail: () => Promise<StreamTail | undefined>,
): Promise<AppendResult> {
  const revision = toRevisionNumber(result.nextExpectedRevision);
  if (revision > (before?.revision ?? -1)) {
    const position = fromEsdbPosition(result.position) ?? (await readTail())?.position ?? UNKNOWN_POSITION;
    return { nextExpectedRevision: revision, position, written: eventCount };
  }
  const tail = before ?? (await readTail());
  return { nextExpectedRevision: tail?.revision ?? revision, position: tail?.position ?? UNKNOWN_POSITION, written: 0 };
}

function toReadRevision(from: ReadStreamOptions['fromRevision'], direction: 'forwards' | 'backwards'): ReadRevision {
  if (from === undefined) return direction === 'backwards' ? END : START;
  if (from === 'start') return START;
  if (from === 'end') return END;
  if (!Number.isSafeInteger(from) || from < 0) throw new RangeError(`Invalid fromRevision ${String(from)}: a revision >= 0, 'start' or 'end'`);
  return BigInt(from);
}

/** An event of the server subscription, with the client-side part of the filter applied. */
function toFeedItem(resolved: AllStreamResolvedEvent, filter: EventFilter | undefined): FeedItem {
  const event = resolved.event;
  const position = fromEsdbPosition(event?.position) ?? resolved.commitPosition ?? UNKNOWN_POSITION;
  const keep = event !== undefined && !isSystemEvent(event) && matchesFilter(event, filter);
  return { kind: 'event', position, event: keep ? toRecordedEvent(event as EsdbRecordedEventLike) : undefined };
}

function toClientFilter(filter: EventFilter | undefined, onCheckpoint: (position: bigint) => void): Filter {
  const spec = toServerFilter(filter);
  const checkpointReached = (_: unknown, position: Position) => onCheckpoint(position.commit);
  if ('prefixes' in spec) return streamNameFilter({ prefixes: spec.prefixes, checkpointReached });
  if ('regex' in spec) return eventTypeFilter({ regex: spec.regex, checkpointReached });
  return excludeSystemEvents({ checkpointReached });
}
