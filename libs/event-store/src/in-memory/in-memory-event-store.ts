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
import { WrongExpectedRevisionError } from '../event-store.errors';
import { DEFAULT_MAX_EVENT_BYTES, assertValidStreamName, validateAppend } from '../validation/append-validation';
import { type AllPage, startCatchUpSubscription } from '../subscription/catch-up-subscription';
import { WakeUp } from '../subscription/wake-up';
import { matchesFilter } from '../subscription/event-filter';
import { checkExpectedRevision } from './expected-revision';

export interface InMemoryEventStoreOptions {
  maxEventBytes?: number;
  /** Injected clock, so handler tests can pin recordedAt. */
  now?: () => Date;
  pollIntervalMs?: number;
}

/**
 * The port in memory, for unit tests of handlers. Same validation, same semantics and the same
 * conformance suite as the real stores; data is deep-copied through JSON so a caller cannot
 * mutate what was "written".
 */
export class InMemoryEventStore implements EventStore {
  private readonly all: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly wakeUp = new WakeUp();
  private readonly subscriptions = new Set<Subscription>();
  private readonly maxEventBytes: number;
  private readonly now: () => Date;
  private readonly pollIntervalMs: number;

  constructor(options: InMemoryEventStoreOptions = {}) {
    this.maxEventBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
    this.now = options.now ?? (() => new Date());
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
  }

  async appendToStream(streamId: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    const validated = validateAppend(streamId, events, expected, this.maxEventBytes);
    const stream = this.streams.get(streamId) ?? [];
    const current = stream.length - 1;

    // Idempotency before the revision check, as in EventStoreDB: a retry of an append that
    // already succeeded is a success, whatever the stream did since.
    const known = new Set(stream.map((e) => e.id));
    const already = validated.filter((e) => known.has(e.id)).length;
    if (already === validated.length) {
      return { nextExpectedRevision: current, position: stream[current].position, written: 0 };
    }
    if (already > 0 || !checkExpectedRevision(expected, current)) {
      throw new WrongExpectedRevisionError(streamId, expected, current < 0 ? 'no_stream' : current);
    }

    const recordedAt = this.now();
    for (const e of validated) {
      const recorded: RecordedEvent = {
        streamId,
        revision: stream.length,
        position: BigInt(this.all.length + 1),
        id: e.id,
        type: e.type,
        data: JSON.parse(e.dataJson),
        metadata: JSON.parse(e.metadataJson),
        recordedAt: new Date(recordedAt),
      };
      stream.push(recorded);
      this.all.push(recorded);
    }
    this.streams.set(streamId, stream);
    this.wakeUp.wakeAll();
    const last = stream[stream.length - 1];
    return { nextExpectedRevision: last.revision, position: last.position, written: validated.length };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    assertValidStreamName(streamId);
    const stream = this.streams.get(streamId) ?? [];
    const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    if (maxCount <= 0) return [];
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision;
    let selected: RecordedEvent[];
    if (backwards) {
      const start = from === undefined || from === 'end' ? stream.length - 1 : from === 'start' ? 0 : from;
      selected = stream.slice(0, start + 1).reverse();
    } else {
      const start = from === undefined || from === 'start' ? 0 : from === 'end' ? stream.length : from;
      selected = stream.slice(start);
    }
    return selected.slice(0, maxCount).map(copy);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const page = this.page(options.fromPosition ?? 0n, options.maxCount ?? Number.MAX_SAFE_INTEGER, options.filter);
    return page.events;
  }

  subscribeToAll(handler: BatchHandler, options: SubscribeOptions = {}): Subscription {
    const subscription = startCatchUpSubscription(
      {
        readPage: async (after, maxCount, filter) => this.page(after, maxCount, filter),
        headPosition: async () => BigInt(this.all.length),
        waitForChange: (timeoutMs, signal) => this.wakeUp.wait(timeoutMs, signal),
      },
      handler,
      options,
      { pollIntervalMs: this.pollIntervalMs, defaultBatchSize: 500 },
    );
    this.subscriptions.add(subscription);
    void subscription.done.catch(() => undefined).finally(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  async health(): Promise<EventStoreHealth> {
    return { ok: true, store: 'memory' };
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
  }

  private page(after: bigint, maxCount: number, filter: EventFilter | undefined): AllPage {
    // Positions are 1..n with no holes, so the event after position p sits at index p.
    const events: RecordedEvent[] = [];
    for (let i = Number(after < 0n ? 0n : after); i < this.all.length && events.length < maxCount; i++) {
      if (matchesFilter(this.all[i], filter)) events.push(copy(this.all[i]));
    }
    // Everything is committed the moment it is appended: the whole log is settled.
    return { events, settledUpTo: BigInt(this.all.length), heldBack: false };
  }
}

function copy(event: RecordedEvent): RecordedEvent {
  return {
    ...event,
    data: structuredClone(event.data),
    metadata: structuredClone(event.metadata),
    recordedAt: new Date(event.recordedAt),
  };
}
