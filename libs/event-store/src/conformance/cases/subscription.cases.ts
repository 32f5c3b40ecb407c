import type { RecordedEvent } from '../../event-store.port';
import {
  type ConformanceContext,
  anEvent,
  events,
  eventually,
  expectStrictlyIncreasing,
  headPosition,
  readAllAfter,
  recordingSubscription,
  uniquePrefix,
} from '../conformance-context';

export function subscriptionCases({ store, title }: ConformanceContext): void {
  it(title('catches up from a checkpoint, then follows live appends'), async () => {
    const head = await headPosition(store());
    const prefix = uniquePrefix('sub');
    await store().appendToStream(`${prefix}a`, events(5), 'no_stream');

    const { received, subscription } = recordingSubscription(store(), { fromPosition: head, maxBatchSize: 2 });
    await subscription.caughtUp;
    expect(received.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);

    await store().appendToStream(`${prefix}a`, events(2), 4);
    await store().appendToStream(`${prefix}b`, events(1), 'no_stream');
    await eventually(() => received.length === 8, 'live events');
    await subscription.stop();
    await subscription.done;

    expect(received.map((e) => `${e.streamId}@${e.revision}`)).toEqual([
      ...[0, 1, 2, 3, 4, 5, 6].map((r) => `${prefix}a@${r}`),
      `${prefix}b@0`,
    ]);
    expect(subscription.lastPosition).toBe(received[7].position);
  });

  it(title('delivers batches no larger than maxBatchSize, one at a time'), async () => {
    const head = await headPosition(store());
    await store().appendToStream(`${uniquePrefix('batch')}a`, events(7), 'no_stream');
    let inHandler = 0;
    let overlapped = false;
    const sizes: number[] = [];
    const subscription = store().subscribeToAll(
      async (batch) => {
        inHandler++;
        if (inHandler > 1) overlapped = true;
        sizes.push(batch.length);
        await new Promise((r) => setTimeout(r, 5));
        inHandler--;
      },
      { fromPosition: head, maxBatchSize: 3 },
    );
    await subscription.caughtUp;
    await subscription.stop();
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(7);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(3);
    expect(overlapped).toBe(false);
  });

  it(title('resumes from its last position without repeating or losing events'), async () => {
    const head = await headPosition(store());
    const id = `${uniquePrefix('resume')}a`;
    await store().appendToStream(id, events(4), 'no_stream');

    const first = recordingSubscription(store(), { fromPosition: head, maxBatchSize: 2 });
    await first.subscription.caughtUp;
    await first.subscription.stop();
    const checkpoint = first.subscription.lastPosition;
    expect(checkpoint).toBe(first.received[3].position);

    await store().appendToStream(id, events(3), 3);
    const second = recordingSubscription(store(), { fromPosition: checkpoint });
    await second.subscription.caughtUp;
    await eventually(() => second.received.length >= 3, 'resumed events');
    await second.subscription.stop();

    const all = [...first.received, ...second.received].map((e) => e.revision);
    expect(all).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it(title('a subscription from the head only sees new events'), async () => {
    const id = `${uniquePrefix('head')}a`;
    await store().appendToStream(id, events(2), 'no_stream');
    const head = await headPosition(store());
    const { received, subscription } = recordingSubscription(store(), { fromPosition: head });
    await subscription.caughtUp;
    expect(received).toEqual([]);
    await store().appendToStream(id, events(1), 1);
    await eventually(() => received.length === 1, 'the new event');
    await subscription.stop();
    expect(received[0].revision).toBe(2);
  });

  it(title('filters by event type and by stream prefix, live and catching up'), async () => {
    const head = await headPosition(store());
    const prefix = uniquePrefix('subfilter');
    const type = `Wanted${prefix}`;
    await store().appendToStream(`${prefix}a`, [anEvent(type), anEvent('Other')], 'no_stream');

    const byType = recordingSubscription(store(), { fromPosition: head, filter: { eventTypes: [type] } });
    const byPrefix = recordingSubscription(store(), { fromPosition: head, filter: { streamPrefixes: [`${prefix}b`] } });
    await Promise.all([byType.subscription.caughtUp, byPrefix.subscription.caughtUp]);

    await store().appendToStream(`${prefix}b`, [anEvent('Other'), anEvent(type)], 'no_stream');
    await store().appendToStream(`${prefix}c`, [anEvent(type)], 'no_stream');
    await eventually(() => byType.received.length === 3 && byPrefix.received.length === 2, 'filtered events');
    // Give a wrongly unfiltered subscription the chance to over-deliver before asserting.
    await new Promise((r) => setTimeout(r, 100));
    await Promise.all([byType.subscription.stop(), byPrefix.subscription.stop()]);

    expect(byType.received.map((e) => `${e.streamId}:${e.type}`)).toEqual([`${prefix}a:${type}`, `${prefix}b:${type}`, `${prefix}c:${type}`]);
    expect(byPrefix.received.map((e) => e.type)).toEqual(['Other', type]);
  });

  it(title('caughtUp resolves even when a filter matches nothing'), async () => {
    await store().appendToStream(`${uniquePrefix('none')}a`, events(3), 'no_stream');
    const { received, subscription } = recordingSubscription(store(), { filter: { eventTypes: [`Nothing${uniquePrefix('t')}`] } });
    await subscription.caughtUp;
    await subscription.stop();
    expect(received).toEqual([]);
  });

  it(title('a throwing handler stops the subscription and rejects done'), async () => {
    const head = await headPosition(store());
    await store().appendToStream(`${uniquePrefix('throw')}a`, events(2), 'no_stream');
    let calls = 0;
    const subscription = store().subscribeToAll(
      async () => {
        calls++;
        throw new Error('projection bug');
      },
      { fromPosition: head, maxBatchSize: 1 },
    );
    await expect(subscription.done).rejects.toThrow('projection bug');
    expect(calls).toBe(1);
    expect(subscription.lastPosition).toBeUndefined();
  });

  it(title('stop() resolves done, and nothing is delivered afterwards'), async () => {
    const id = `${uniquePrefix('stop')}a`;
    const head = await headPosition(store());
    const received: RecordedEvent[] = [];
    const subscription = store().subscribeToAll(async (batch) => void received.push(...batch), { fromPosition: head });
    await subscription.caughtUp;
    await subscription.stop();
    await expect(subscription.done).resolves.toBeUndefined();
    await store().appendToStream(id, events(2), 'no_stream');
    await new Promise((r) => setTimeout(r, 300));
    expect(received).toEqual([]);
  });

  it(title('delivers in the same order as readAll'), async () => {
    const head = await headPosition(store());
    const prefix = uniquePrefix('order');
    for (let i = 0; i < 5; i++) await store().appendToStream(`${prefix}${i % 2}`, events(2), 'any');
    const { received, subscription } = recordingSubscription(store(), { fromPosition: head, maxBatchSize: 3 });
    await subscription.caughtUp;
    await subscription.stop();
    const all = await readAllAfter(store(), head);
    expect(received.map((e) => e.id)).toEqual(all.map((e) => e.id));
    expectStrictlyIncreasing(received.map((e) => e.position));
  });
}
