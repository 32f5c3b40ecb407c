/**
 * The defects found by reading the adapter against the server's source (issue 12), each pinned
 * against the in-process double of a node, through the real client. Proven against the double
 * only: docs/eventstoredb.md says what a real server still has to confirm.
 */
import { randomUUID } from 'node:crypto';
import {
  EventStoreAccessDeniedError,
  EventStoreUnavailableError,
  EventTooLargeError,
  StreamDeletedError,
} from '../event-store.errors';
import type { EventToAppend } from '../event-store.port';
import { eventually } from '../conformance/conformance-context';
import { EventStoreDbDouble } from './double/grpc-double';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { serverSemanticsCases, withQuery } from './eventstoredb-server-semantics.cases';

const stream = () => `defect-${randomUUID().slice(0, 8)}`;
const event = (type = 'Happened', data: unknown = { n: 1 }, metadata: Record<string, unknown> = {}): EventToAppend => ({ id: randomUUID(), type, data, metadata });

describe('[eventstoredb via in-process double, one-call Append path] server semantics', () => {
  // The client takes the older Append call when the server lists no BatchAppend (and with
  // per-call credentials): the same semantics must hold on that path.
  let double: EventStoreDbDouble;
  const opened: EventStoreDbEventStore[] = [];
  beforeAll(async () => {
    double = await EventStoreDbDouble.start({ batchAppend: false });
  });
  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()));
    await double.stop();
  });
  serverSemanticsCases('eventstoredb via in-process double, Append path', async (query, options) => {
    const store = await EventStoreDbEventStore.connect(withQuery(double.connectionString(), query), options);
    opened.push(store);
    return store;
  });

  it('appends went through Append, not BatchAppend', () => {
    expect(double.calls.append).toBeGreaterThan(0);
    expect(double.calls.batchAppend).toBe(0);
  });
});

describe('[eventstoredb via in-process double] defects of issue 12', () => {
  let double: EventStoreDbDouble;
  let store: EventStoreDbEventStore;
  const opened: EventStoreDbEventStore[] = [];

  async function open(connectionString = double.connectionString(), options: Parameters<typeof EventStoreDbEventStore.connect>[1] = {}) {
    const s = await EventStoreDbEventStore.connect(connectionString, options);
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

  // 1 (across processes), 2, 3 (duplicates, whole batches) and the size rule: shared with the real-server run.
  serverSemanticsCases('eventstoredb via in-process double', (query, options) => open(withQuery(double.connectionString(), query), options));

  describe('1. written is decided by what the stream holds, not by a read before the append', () => {
    it('an append of fresh random ids is one round trip: no read before, none after', async () => {
      const id = stream();
      const reads = double.calls.readStream;
      const appends = double.calls.append;
      await store.appendToStream(id, [event(), event()], 'no_stream');
      expect(double.calls.append - appends).toBe(1);
      expect(double.calls.readStream - reads).toBe(0);
    });
  });

  describe('3. the server keeps only the narrowed idempotency promise (what the port now says)', () => {
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
      const impatient = await open(undefined, { notLeaderRetries: 1 });
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

    it('the server size rule is applied before sending: an append over it never reaches the server', async () => {
      const half = { blob: 'x'.repeat(600 * 1024) };
      const appends = double.calls.append;
      await expect(store.appendToStream(stream(), [event('Big', half), event('Big', half)], 'no_stream')).rejects.toBeInstanceOf(EventTooLargeError);
      expect(double.calls.append).toBe(appends);
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
      const probed = await open(undefined, { probeTimeoutMs: 1000 });
      double.failNext('readAll', 'hang');
      expect(await probed.health()).toMatchObject({ ok: false, detail: expect.stringContaining('did not answer within 1000 ms') });
      expect(await probed.health()).toMatchObject({ ok: true });
    });
  });

  describe('7. resubscription is reported and bounded', () => {
    it('a dropped subscription is resubscribed, reported through onRetry, and loses nothing', async () => {
      const retries: number[] = [];
      const watched = await open(undefined, { subscription: { onRetry: (_, attempt) => retries.push(attempt), initialBackoffMs: 10 } });
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
      const watched = await open(undefined, { subscription: { onRetry: (_, attempt) => retries.push(attempt), initialBackoffMs: 1, maxAttempts: 2 } });
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
