/**
 * The EventStoreDB / KurrentDB adapter of the event store port, and the ONLY file of the project
 * that imports `@kurrent/kurrentdb-client` (.dependency-cruiser.js enforces it).
 *
 * - Connection strings: `kurrentdb://` (and `+discover`); `esdb://` is still accepted and
 *   rewritten. Credentials live in the string (connection level): per-call credentials would
 *   disable the client's batch-append path.
 * - Input is validated by the shared validation module, and the server's own append size rule
 *   is applied, before anything reaches the server: a bad append fails as on the other adapters.
 * - Positions are commit positions; exclusive checkpoints are enforced client-side (see
 *   eventstoredb-mapping.ts). Subscriptions: eventstoredb-subscription.ts.
 * - $all as the port sees it excludes EventStoreDB's own ($-prefixed) events; filters run on
 *   the server, for reads as for subscriptions.
 * - The client reads through its Rust half and appends and subscribes through grpc-js: both are
 *   exercised by the conformance suite against the in-process double (double/).
 */
import {
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
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
} from '@kurrent/kurrentdb-client';
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
import { EventStoreAccessDeniedError, EventStoreUnavailableError, EventTooLargeError, WrongExpectedRevisionError } from '../event-store.errors';
import { DEFAULT_MAX_EVENT_BYTES, assertValidStreamName, validateAppend, type ValidatedEvent } from '../validation/append-validation';
import { matchesFilter } from '../subscription/event-filter';
import {
  UNKNOWN_POSITION,
  appendSizeCulprit,
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

/**
 * The server's MaxAppendSize up to v25.x (ClusterVNodeOptions.cs: 1_024 * 1_024); 26.0 raised it
 * to 256 MiB. The adapter enforces the smaller one unless told the server allows more.
 */
export const DEFAULT_MAX_APPEND_BYTES = 1024 * 1024;

export interface EventStoreDbOptions {
  /** Largest serialised event (data + metadata), as on the other adapters. Default 1 MiB. */
  maxEventBytes?: number;
  /**
   * The server's MaxAppendSize (EVENTSTORE_MAX_APPEND_SIZE), applied by the adapter with the
   * server's own arithmetic before sending. Default 1 MiB; must be at least maxEventBytes.
   */
  maxAppendBytes?: number;
  /** Events per server read when paging $all. */
  readPageSize?: number;
  /** Deadline of the reachability check made by connect() and health(), in ms. */
  probeTimeoutMs?: number;
  /** How many times an append refused by a follower (NotLeader) is re-sent to the leader. */
  notLeaderRetries?: number;
  /** Subscription batching, reconnection backoff, retry logging and the retry bound. */
  subscription?: Partial<SubscriptionTuning>;
}

export class EventStoreDbEventStore implements EventStore {
  private readonly subscriptions = new Set<Subscription>();
  private readonly maxEventBytes: number;
  private readonly maxAppendBytes: number;
  private readonly readPageSize: number;
  private readonly probeTimeoutMs: number;
  private readonly notLeaderRetries: number;

  private constructor(
    private readonly client: KurrentDBClient,
    private readonly options: EventStoreDbOptions,
  ) {
    this.maxEventBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
    this.maxAppendBytes = options.maxAppendBytes ?? DEFAULT_MAX_APPEND_BYTES;
    this.readPageSize = options.readPageSize ?? 512;
    this.probeTimeoutMs = options.probeTimeoutMs ?? 5000;
    this.notLeaderRetries = options.notLeaderRetries ?? 3;
    if (this.maxEventBytes > this.maxAppendBytes) {
      // An event the port accepts must fit in one append the server accepts.
      throw new RangeError(`maxEventBytes (${this.maxEventBytes}) exceeds the server's append limit maxAppendBytes (${this.maxAppendBytes})`);
    }
  }

  /**
   * Connects with a `kurrentdb://` / `kurrentdb+discover://` (or legacy `esdb://`) connection
   * string (credentials, TLS and node preference go in the string) and checks that the server
   * answers and lets this user read $all, so a wrong address or missing permission fails here.
   */
  static async connect(connectionString: string, options: EventStoreDbOptions = {}): Promise<EventStoreDbEventStore> {
    const store = new EventStoreDbEventStore(KurrentDBClient.connectionString(normaliseConnectionString(connectionString)), options);
    try {
      await store.headPosition(store.probeTimeoutMs);
    } catch (error) {
      await store.client.dispose().catch(() => undefined);
      const mapped = mapConnectionError(error, 'read $all');
      if (mapped instanceof EventStoreAccessDeniedError || mapped instanceof EventStoreUnavailableError) throw mapped;
      throw new EventStoreUnavailableError(`EventStoreDB did not answer: ${(error as Error)?.message ?? String(error)}`, error);
    }
    return store;
  }

  /**
   * One append, one round trip for fresh (random, version-4) ids. When an id is name-based
   * (deterministic, as the engine's idempotent commands use), the server may answer a re-send
   * with success without writing (its AlreadyCommitted path, IndexWriter.CheckCommit), even when
   * another process stored different content under those ids: the appended range is then read
   * back and compared. Identical content means the stream holds exactly these events
   * (`written: n`); anything else means nothing of this call was written (`written: 0`) and the
   * caller must read the stream.
   */
  async appendToStream(streamId: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    const validated = validateAppend(streamId, events, expected, this.maxEventBytes);
    const tooLarge = appendSizeCulprit(validated, this.maxAppendBytes);
    if (tooLarge) throw new EventTooLargeError(tooLarge.eventId, tooLarge.size, this.maxAppendBytes);
    // The original data and metadata are sent: validation proved they serialise to the JSON it
    // checked, and the client stringifies JSON events itself.
    const proposed: JSONEventData[] = validated.map((event, index) => ({
      id: event.id,
      contentType: 'application/json',
      type: event.type,
      data: events[index].data as JSONType,
      metadata: (events[index].metadata ?? {}) as JSONType,
    }));
    const result = await this.sendAppend(streamId, proposed, expected, validated);
    if (!result.success) {
      // throwOnAppendFailure=false in the connection string: the client answers a conflict with
      // success: false (and a meaningless revision); it is still a conflict.
      const [last] = await this.readStream(streamId, { direction: 'backwards', maxCount: 1 });
      throw new WrongExpectedRevisionError(streamId, expected, last ? last.revision : 'no_stream');
    }
    const revision = toRevisionNumber(result.nextExpectedRevision);
    const position = fromEsdbPosition(result.position) ?? UNKNOWN_POSITION;
    if (validated.every((event) => isRandomUuid(event.id))) return { nextExpectedRevision: revision, position, written: validated.length };
    // From the leader: a follower may not have the events yet, which would read as "not written".
    const stored = await this.readStream(streamId, { fromRevision: revision - validated.length + 1, maxCount: validated.length }, true);
    const same = stored.length === validated.length && stored.every((event, i) => sameEvent(event, validated[i]));
    return { nextExpectedRevision: revision, position, written: same ? validated.length : 0 };
  }

  /** A follower refuses before writing anything (NotLeader): re-sending to the leader is safe. */
  private async sendAppend(streamId: string, proposed: JSONEventData[], expected: ExpectedRevision, validated: ValidatedEvent[]): Promise<EsdbAppendResult> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.client.appendToStream(streamId, proposed, { streamState: toEsdbExpectedRevision(expected) });
      } catch (error) {
        // The client has already pointed its channel at the leader named in the error.
        if (isEsdbError(error, 'not-leader') && attempt < this.notLeaderRetries) continue;
        throw mapAppendError(error, { streamId, expected, events: validated });
      }
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}, requiresLeader = false): Promise<RecordedEvent[]> {
    assertValidStreamName(streamId);
    const direction = options.direction ?? 'forwards';
    if (options.maxCount !== undefined && options.maxCount <= 0) return [];
    // Forwards from the end reads nothing. (Not sent: the client's Rust reader takes its
    // direction from START / END and would read the whole stream backwards.)
    if (direction === 'forwards' && options.fromRevision === 'end') return [];
    const fromRevision = toReadRevision(options.fromRevision, direction);
    const events: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(streamId, {
        direction: direction === 'backwards' ? BACKWARDS : FORWARDS,
        fromRevision,
        requiresLeader,
        ...(options.maxCount !== undefined ? { maxCount: options.maxCount } : {}),
      });
      for await (const resolved of read) {
        if (resolved.event) events.push(toRecordedEvent(resolved.event as EsdbRecordedEventLike));
      }
    } catch (error) {
      if (isEsdbError(error, 'stream-not-found')) return [];
      throw mapAppendError(error, { streamId, expected: 'any', events: [] });
    }
    if (events.length === 0 && direction === 'backwards' && typeof options.fromRevision === 'number' && options.fromRevision > 0) {
      // Backwards from beyond the last revision: the port reads from the end, the server reads
      // an empty range. (Nothing came back, so the whole stream is below fromRevision.)
      return this.readStream(streamId, { direction, fromRevision: 'end', maxCount: options.maxCount });
    }
    return events;
  }

  /**
   * Pages through $all forwards with the filter applied by the server (system events excluded
   * there too); the shared matcher still runs on top, for the one combination the server cannot
   * express (type and prefix together). maxCount counts matching events.
   */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const maxCount = options.maxCount ?? Number.POSITIVE_INFINITY;
    const result: RecordedEvent[] = [];
    if (maxCount <= 0) return result;
    const filter = toClientFilter(options.filter);
    let after = options.fromPosition !== undefined && options.fromPosition > 0n ? options.fromPosition : undefined;
    try {
      for (;;) {
        // +1: the inclusive server read repeats the event at the checkpoint.
        const pageSize = Math.min(this.readPageSize, maxCount - result.length + 1);
        const page = this.client.readAll({ direction: FORWARDS, fromPosition: toEsdbReadPosition(after), maxCount: pageSize, filter });
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
          if (result.length >= maxCount) return result;
        }
        if (seen < pageSize || lastInPage === undefined) return result;
        after = lastInPage;
      }
    } catch (error) {
      throw mapConnectionError(error, 'read $all');
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

  /** Reads the head of $all within probeTimeoutMs; says "access denied" when that is what it is. */
  async health(): Promise<EventStoreHealth> {
    try {
      await this.headPosition(this.probeTimeoutMs);
      return { ok: true, store: 'eventstoredb' };
    } catch (error) {
      const mapped = mapConnectionError(error, 'read $all');
      if (mapped instanceof EventStoreAccessDeniedError) {
        return { ok: false, store: 'eventstoredb', detail: 'EventStoreDB access denied: the configured user may not read $all (by default only $admins may: use an admin user, or grant this user read on $all through its stream ACL)' };
      }
      return { ok: false, store: 'eventstoredb', detail: `EventStoreDB unreachable: ${(error as Error)?.message ?? String(error)}` };
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.client.dispose();
  }

  /**
   * Position of the newest event of $all (system events included), 0n when empty. With a
   * deadline, a node that does not answer in time fails the read (the client's reads take no
   * deadline of their own).
   */
  private async headPosition(deadlineMs?: number): Promise<bigint> {
    const read = async () => {
      for await (const resolved of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })) {
        const position = fromEsdbPosition(resolved.event?.position);
        if (position !== undefined) return position;
      }
      return 0n;
    };
    if (deadlineMs === undefined) return read();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new EventStoreUnavailableError(`EventStoreDB did not answer within ${deadlineMs} ms`)), deadlineMs);
    });
    try {
      return await Promise.race([read(), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Plugs the client's subscribeToAll into the library-free subscription loop. */
  private feedSource(filter: EventFilter | undefined): FeedSource {
    return {
      headPosition: () => this.headPosition(this.probeTimeoutMs),
      isFatal: isFatalSubscriptionError,
      open: (after, sink) => this.openFeed(after, filter, sink),
      describe: (error) => mapConnectionError(error, 'subscribe to $all'),
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

/** `esdb://` is the old scheme: the client still parses it, with a deprecation warning on every connect. */
export function normaliseConnectionString(connectionString: string): string {
  return connectionString.replace(/^esdb(\+discover)?:\/\//i, (_, discover: string | undefined) => `kurrentdb${discover ?? ''}://`);
}

/**
 * Random (version 4) ids cannot have been sent before by anyone else; name-based ones (version 3
 * or 5, e.g. the engine's deterministic command ids) can.
 */
export function isRandomUuid(id: string): boolean {
  return id[14] === '4';
}

/** What was stored is what was sent: same id, type, data and metadata. */
function sameEvent(stored: RecordedEvent, sent: ValidatedEvent): boolean {
  return (
    stored.id.toLowerCase() === sent.id &&
    stored.type === sent.type &&
    JSON.stringify(stored.data) === sent.dataJson &&
    JSON.stringify(stored.metadata) === sent.metadataJson
  );
}

/** START only forwards, END only backwards: the client's Rust reader derives the direction from them. */
function toReadRevision(from: ReadStreamOptions['fromRevision'], direction: 'forwards' | 'backwards'): ReadRevision {
  if (from === undefined) return direction === 'backwards' ? END : START;
  if (from === 'start') return direction === 'backwards' ? 0n : START;
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

/**
 * The server-side filter for a read or a subscription. Subscriptions pass `onCheckpoint` to learn
 * how far a filtered subscription has scanned without a match.
 */
function toClientFilter(filter: EventFilter | undefined, onCheckpoint?: (position: bigint) => void): Filter {
  const spec = toServerFilter(filter);
  const checkpointReached = onCheckpoint ? (_: unknown, position: Position) => onCheckpoint(position.commit) : undefined;
  const extra = checkpointReached ? { checkpointReached } : {};
  if ('prefixes' in spec) return streamNameFilter({ prefixes: spec.prefixes, ...extra });
  if ('regex' in spec) return eventTypeFilter({ regex: spec.regex, ...extra });
  return excludeSystemEvents(extra);
}
