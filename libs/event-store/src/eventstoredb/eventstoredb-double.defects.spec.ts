/**
 * The defects found by reading the adapter against the server's source (issue 12), each pinned
 * against the in-process double of a node, through the real client. Proven against the double
 * only: docs/eventstoredb.md says what a real server still has to confirm.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  EventStoreAccessDeniedError,
  EventStoreUnavailableError,
  EventTooLargeError,
  StreamDeletedError,
  WrongExpectedRevisionError,
} from '../event-store.errors';
import type { EventToAppend } from '../event-store.port';
import { eventually } from '../conformance/conformance-context';
import { EventStoreDbDouble } from './double/grpc-double';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

/** A name-based (version 5) id, as the engine derives from an Idempotency-Key. */
function nameBasedId(...parts: string[]): string {
  const bytes = createHash('sha1').update(parts.join('\u0000')).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const stream = () => `defect-${randomUUID().slice(0, 8)}`;
const event = (type = 'Happened', data: unknown = { n: 1 }, metadata: Record<string, unknown> = {}): EventToAppend => ({ id: randomUUID(), type, data, metadata });

describe('[eventstoredb via in-process double] defects of issue 12', () => {
  let double: EventStoreDbDouble;
  let store: EventStoreDbEventStore;
  const opened: EventStoreDbEventStore[] = [];

  async function open(extra = '', options: Parameters<typeof EventStoreDbEventStore.connect>[1] = {}) {
    const s = await EventStoreDbEventStore.connect(double.connectionString(extra), options);
    opened.push(s);
    return s;
  }

  beforeAll(async () => {
    double = await EventStoreDbDouble.start();
    store = await open();
  });
  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()));
    await double.stop();
  });

  describe('1. written is decided by what the stream holds, not by a read before the append', () => {
    it('a second process re-sending the same name-based ids with other content is told nothing was written', async () => {
      const id = stream();
      const other = await open();
      const ids = [nameBasedId(id, 'key-1', '0'), nameBasedId(id, 'key-1', '1')];
      const mine = ids.map((eventId) => ({ ...event('Granted', { by: 'A' }, { recordedAt: '2026-01-01T00:00:00.000Z' }), id: eventId }));
      const theirs = ids.map((eventId) => ({ ...event('Granted', { by: 'A' }, { recordedAt: '2026-01-01T00:00:00.007Z' }), id: eventId }));

      expect(await store.appendToStream(id, mine, 'no_stream')).toMatchObject({ written: 2, nextExpectedRevision: 1 });
      // The server answers the re-send with success (AlreadyCommitted): the content decides.
      expect(await other.appendToStream(id, theirs, 'no_stream')).toMatchObject({ written: 0 });
      // An identical re-send (the same request retried) holds exactly what it sent.
      expect(await other.appendToStream(id, mine, 'no_stream')).toMatchObject({ written: 2, nextExpectedRevision: 1 });
      expect((await store.readStream(id)).map((e) => e.metadata)).toEqual(mine.map((e) => e.metadata));
    });

    it('an append of fresh random ids is one round trip: no read before, none after', async () => {
      const id = stream();
      const reads = double.calls.readStream;
      const appends = double.calls.append;
      await store.appendToStream(id, [event(), event()], 'no_stream');
      expect(double.calls.append - appends).toBe(1);
      expect(double.calls.readStream - reads).toBe(0);
    });
  });

  it('2. throwOnAppendFailure=false in the connection string still turns a conflict into WrongExpectedRevisionError', async () => {
    const lenient = await open('&throwOnAppendFailure=false');
    const id = stream();
    await lenient.appendToStream(id, [event(), event()], 'no_stream');
    const error = await lenient.appendToStream(id, [event()], 0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    expect(error).toMatchObject({ expected: 0, actual: 1 });
    expect(await lenient.readStream(id)).toHaveLength(2);
  });

  describe('3. the server keeps only the narrowed idempotency promise (what the port now says)', () => {
    it('an expected revision equal to the current one writes the same ids again', async () => {
      const id = stream();
      const batch = [event()];
      await store.appendToStream(id, batch, 'no_stream');
      await store.appendToStream(id, batch, 0);
      expect((await store.readStream(id)).map((e) => e.id)).toEqual([batch[0].id, batch[0].id]);
    });

    it('under any, known ids are recognised only while the server still caches them', async () => {
      const id = stream();
      const batch = [event()];
      await store.appendToStream(id, batch, 'any');
      await store.appendToStream(id, batch, 'any');
      expect(await store.readStream(id)).toHaveLength(1);
      double.rules.evictCommittedIds();
      await store.appendToStream(id, batch, 'any');
      expect(await store.readStream(id)).toHaveLength(2);
    });

    it('under any, a batch whose first id is new is written whole, known ids included', async () => {
      const id = stream();
      const known = event();
      await store.appendToStream(id, [known], 'no_stream');
      await store.appendToStream(id, [event(), known], 'any');
      expect(await store.readStream(id)).toHaveLength(3);
    });
  });

  describe('4. errors', () => {
    it('a node ending the call (CancelledError) is EventStoreUnavailableError, not a 500', async () => {
      double.failNext('append', 'cancelled');
      await expect(store.appendToStream(stream(), [event()], 'no_stream')).rejects.toBeInstanceOf(EventStoreUnavailableError);
    });

    it('a follower answering NotLeader is retried on the leader, and the events are written once', async () => {
      const id = stream();
      double.failNext('append', 'not-leader');
      const appends = double.calls.append;
      expect(await store.appendToStream(id, [event()], 'no_stream')).toMatchObject({ written: 1, nextExpectedRevision: 0 });
      expect(double.calls.append - appends).toBe(2);
      expect(await store.readStream(id)).toHaveLength(1);
    });

    it('NotLeader past the retry bound is EventStoreUnavailableError', async () => {
      const impatient = await open('', { notLeaderRetries: 1 });
      double.failNext('append', 'not-leader', 2);
      await expect(impatient.appendToStream(stream(), [event()], 'no_stream')).rejects.toBeInstanceOf(EventStoreUnavailableError);
    });

    it('a deleted stream is StreamDeletedError, on append and on read', async () => {
      const id = stream();
      await store.appendToStream(id, [event()], 'no_stream');
      double.rules.tombstone(id);
      await expect(store.appendToStream(id, [event()], 'any')).rejects.toBeInstanceOf(StreamDeletedError);
      await expect(store.readStream(id)).rejects.toBeInstanceOf(StreamDeletedError);
    });

    it('access denied on append is EventStoreAccessDeniedError', async () => {
      double.failNext('append', 'access-denied');
      await expect(store.appendToStream(stream(), [event()], 'no_stream')).rejects.toBeInstanceOf(EventStoreAccessDeniedError);
    });

    it('the server size rule covers the whole append (data + metadata + 2 × type length) and names the event that crosses it', async () => {
      const id = stream();
      const half = { blob: 'x'.repeat(600 * 1024) };
      const [first, second] = [event('Big', half), event('Big', half)];
      const appends = double.calls.append;
      const error = await store.appendToStream(id, [first, second], 'no_stream').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EventTooLargeError);
      expect(error).toMatchObject({ eventId: second.id, limit: 1024 * 1024 });
      expect(double.calls.append).toBe(appends); // refused before sending
      expect(await store.readStream(id)).toEqual([]);
    });

    it('a server stricter than the adapter was told still refuses, as EventTooLargeError naming the crossing event', async () => {
      const strict = await EventStoreDbDouble.start({ maxAppendSize: 1000 });
      const lax = await EventStoreDbEventStore.connect(strict.connectionString(), { maxEventBytes: 4096, maxAppendBytes: 4096 });
      const [first, second] = [event('T', { s: 'x'.repeat(600) }), event('T', { s: 'x'.repeat(600) })];
      const error = await lax.appendToStream(stream(), [first, second], 'no_stream').catch((e: unknown) => e);
      await lax.close();
      await strict.stop();
      expect(error).toBeInstanceOf(EventTooLargeError);
      expect(error).toMatchObject({ eventId: second.id, limit: 1000 });
    });

    it('the per-event limit may not exceed the append limit', async () => {
      await expect(EventStoreDbEventStore.connect(double.connectionString(), { maxEventBytes: 2 * 1024 * 1024 })).rejects.toThrow(RangeError);
    });
  });

  it('5. readAll asks the server to filter (system events and filters), page by page', async () => {
    const prefix = `filtered-${randomUUID().slice(0, 8)}`;
    await store.appendToStream(`${prefix}-a`, [event('Wanted'), event('Other')], 'no_stream');
    const before = double.readAllFilters.length;
    await store.readAll({ filter: { eventTypes: ['Wanted'] }, maxCount: 10 });
    await store.readAll({ filter: { streamPrefixes: [prefix] }, maxCount: 10 });
    await store.readAll({ maxCount: 10 });
    expect(double.readAllFilters.slice(before)).toEqual([
      { on: 'eventType', regex: '^(?:Wanted)$' },
      { on: 'streamName', prefixes: [prefix] },
      { on: 'eventType', regex: '^[^$].*' },
    ]);
  });

  describe('6. probeTimeoutMs bounds connect() and health()', () => {
    it('connect fails with EventStoreUnavailableError when the node does not answer', async () => {
      double.failNext('readAll', 'hang');
      await expect(EventStoreDbEventStore.connect(double.connectionString(), { probeTimeoutMs: 200 })).rejects.toThrow(/did not answer within 200 ms/);
    });

    it('health reports the missing answer instead of blocking', async () => {
      const probed = await open('', { probeTimeoutMs: 1000 });
      double.failNext('readAll', 'hang');
      expect(await probed.health()).toMatchObject({ ok: false, detail: expect.stringContaining('did not answer within 1000 ms') });
      expect(await probed.health()).toMatchObject({ ok: true });
    });
  });

  describe('7. resubscription is reported and bounded', () => {
    it('a dropped subscription is resubscribed, reported through onRetry, and loses nothing', async () => {
      const retries: number[] = [];
      const watched = await open('', { subscription: { onRetry: (_, attempt) => retries.push(attempt), initialBackoffMs: 10 } });
      const id = stream();
      const received: string[] = [];
      const subscription = watched.subscribeToAll(async (batch) => void received.push(...batch.filter((e) => e.streamId === id).map((e) => e.id)));
      await subscription.caughtUp;
      const first = event();
      await store.appendToStream(id, [first], 'no_stream');
      await eventually(() => received.length === 1, 'the first event');
      double.dropSubscriptions('unavailable');
      const second = event();
      await store.appendToStream(id, [second], 0);
      await eventually(() => received.length === 2, 'the event written while the subscription was down');
      await subscription.stop();
      expect(received).toEqual([first.id, second.id]);
      expect(retries).toEqual([1]);
    });

    it('gives up loudly after maxAttempts consecutive failures', async () => {
      const retries: number[] = [];
      const watched = await open('', { subscription: { onRetry: (_, attempt) => retries.push(attempt), initialBackoffMs: 1, maxAttempts: 2 } });
      const subscription = watched.subscribeToAll(async () => undefined);
      await subscription.caughtUp;
      double.failNext('subscribe', 'unavailable', 3);
      double.dropSubscriptions('unavailable');
      await expect(subscription.done).rejects.toThrow(/gave up after 2 attempts/);
      expect(retries).toEqual([1, 2]);
    });
  });

  it('a cluster connection string (gossip seeds, nodePreference=leader) finds the leader through gossip', async () => {
    const port = new URL(double.connectionString().replace('kurrentdb://', 'http://')).port;
    const gossipCalls = double.calls.gossip;
    const clustered = await EventStoreDbEventStore.connect(`kurrentdb://127.0.0.1:${port},localhost:${port}?tls=false&nodePreference=leader`);
    opened.push(clustered);
    const id = stream();
    expect(await clustered.appendToStream(id, [event()], 'no_stream')).toMatchObject({ written: 1 });
    expect(await clustered.readStream(id)).toHaveLength(1);
    expect(double.calls.gossip).toBeGreaterThan(gossipCalls);
  });

  describe('8. a secure node that refuses $all to this user', () => {
    afterEach(() => {
      double.denyAll = false;
    });

    it('connect fails with EventStoreAccessDeniedError, not "unavailable"', async () => {
      double.denyAll = true;
      await expect(EventStoreDbEventStore.connect(double.connectionString())).rejects.toBeInstanceOf(EventStoreAccessDeniedError);
    });

    it('health says access denied and which permission is missing', async () => {
      double.denyAll = true;
      expect(await store.health()).toMatchObject({ ok: false, detail: expect.stringMatching(/access denied.*\$all/) });
    });

    it('a subscription stops at once with EventStoreAccessDeniedError (retrying cannot fix it)', async () => {
      const subscription = store.subscribeToAll(async () => undefined, { fromPosition: 1n });
      double.denyAll = true;
      await expect(subscription.done).rejects.toBeInstanceOf(EventStoreAccessDeniedError);
    });
  });
});
