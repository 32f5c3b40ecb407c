import { randomUUID } from 'node:crypto';
import type { EventStore, EventToAppend, RecordedEvent, Subscription } from '../event-store.port';

export interface EventStoreFactory {
  (): Promise<{ store: EventStore; cleanup(): Promise<void> }>;
}

/** What each group of cases gets: the store under test (set in beforeAll) and a test-name helper. */
export interface ConformanceContext {
  storeName: string;
  store(): EventStore;
  /** Prefixes the test title with the store name, e.g. "[postgresql] appends ...". */
  title(text: string): string;
}

/**
 * Tests share one store per suite run, so each uses streams under its own unique prefix;
 * tests that look at all events start from the head position taken at their start.
 */
export function uniquePrefix(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}-`;
}

export function anEvent(type = 'SomethingHappened', data: unknown = { n: 1 }, metadata?: Record<string, unknown>): EventToAppend {
  return { id: randomUUID(), type, data, ...(metadata ? { metadata } : {}) };
}

export function events(count: number, type = 'SomethingHappened'): EventToAppend[] {
  return Array.from({ length: count }, (_, n) => anEvent(type, { n }));
}

/** Position of the newest event, found by paging $all (the port has no "read $all backwards"). */
export async function headPosition(store: EventStore): Promise<bigint> {
  let head = 0n;
  for (;;) {
    const page = await store.readAll({ fromPosition: head, maxCount: 1000 });
    if (page.length === 0) return head;
    head = page[page.length - 1].position;
  }
}

/** Every event after a position, paging through $all. */
export async function readAllAfter(store: EventStore, from: bigint): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (let at = from; ; ) {
    const page = await store.readAll({ fromPosition: at, maxCount: 500 });
    if (page.length === 0) return all;
    all.push(...page);
    at = page[page.length - 1].position;
  }
}

/** Polls until the condition holds, failing after timeoutMs with the given description. */
export async function eventually(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A subscription that records what it received, for assertions. */
export function recordingSubscription(
  store: EventStore,
  options: Parameters<EventStore['subscribeToAll']>[1] = {},
): { received: RecordedEvent[]; batches: number[]; subscription: Subscription } {
  const received: RecordedEvent[] = [];
  const batches: number[] = [];
  const subscription = store.subscribeToAll(async (batch) => {
    batches.push(batch.length);
    received.push(...batch);
  }, options);
  return { received, batches, subscription };
}

export function expectStrictlyIncreasing(positions: bigint[]): void {
  for (let i = 1; i < positions.length; i++) {
    if (!(positions[i] > positions[i - 1])) {
      throw new Error(`positions not strictly increasing at ${i}: ${positions[i - 1]} then ${positions[i]}`);
    }
  }
}
