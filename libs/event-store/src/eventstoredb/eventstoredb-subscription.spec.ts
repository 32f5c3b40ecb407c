import type { RecordedEvent } from '../event-store.port';
import { type FeedHandle, type FeedSink, type FeedSource, startFeedSubscription } from './eventstoredb-subscription';

/** An event at a position (positions double as revisions here). */
function at(position: number, streamId = 'centre-1'): RecordedEvent {
  return {
    streamId,
    revision: position,
    position: BigInt(position),
    id: `id-${position}`,
    type: 'T',
    data: {},
    metadata: {},
    recordedAt: new Date(0),
  };
}

/** A scripted stand-in for EventStoreDB's subscribeToAll: each open() runs the next script. */
class FakeFeed implements FeedSource {
  readonly opens: (bigint | undefined)[] = [];
  readonly closed: number[] = [];
  readonly pauses: string[] = [];
  sinks: FeedSink[] = [];
  constructor(
    private readonly scripts: ((sink: FeedSink, after: bigint | undefined) => void)[],
    private readonly head: () => Promise<bigint> = async () => 0n,
  ) {}
  open(after: bigint | undefined, sink: FeedSink): FeedHandle {
    const index = this.opens.length;
    this.opens.push(after);
    this.sinks.push(sink);
    const script = this.scripts[index];
    if (script) queueMicrotask(() => script(sink, after));
    return {
      pause: () => void this.pauses.push('pause'),
      resume: () => void this.pauses.push('resume'),
      close: async () => void this.closed.push(index),
    };
  }
  headPosition() {
    return this.head();
  }
  isFatal(error: unknown) {
    return (error as { type?: string })?.type === 'access-denied';
  }
}

const push = (sink: FeedSink, ...positions: number[]) => positions.forEach((p) => sink.push({ kind: 'event', position: BigInt(p), event: at(p) }));
const fast = { initialBackoffMs: 1, maxBackoffMs: 5, onRetry: () => undefined };
const until = async (condition: () => boolean) => {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 2));
  expect(condition()).toBe(true);
};

describe('EventStoreDB subscription loop', () => {
  it('delivers in batches of at most maxBatchSize, one at a time, then resolves caughtUp at the server marker', async () => {
    const feed = new FakeFeed([(sink) => { push(sink, 1, 2, 3, 4, 5); sink.push({ kind: 'caughtUp' }); }], async () => 99n);
    const batches: number[][] = [];
    let running = 0;
    let overlapped = false;
    const sub = startFeedSubscription(feed, async (batch) => {
      overlapped ||= ++running > 1;
      batches.push(batch.map((e) => e.revision));
      await new Promise((r) => setTimeout(r, 2));
      running--;
    }, { maxBatchSize: 2 }, fast);
    await sub.caughtUp;
    expect(batches.flat()).toEqual([1, 2, 3, 4, 5]);
    expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(2);
    expect(overlapped).toBe(false);
    expect(sub.lastPosition).toBe(5n);
    await sub.stop();
    await expect(sub.done).resolves.toBeUndefined();
    expect(feed.closed).toEqual([0]);
  });

  it('opens after the checkpoint and drops anything the server resends at or below it', async () => {
    const feed = new FakeFeed([(sink) => push(sink, 10, 11, 12)], async () => 12n);
    const received: bigint[] = [];
    const sub = startFeedSubscription(feed, async (b) => void received.push(...b.map((e) => e.position)), { fromPosition: 11n }, fast);
    await sub.caughtUp;
    expect(feed.opens).toEqual([11n]);
    expect(received).toEqual([12n]);
    await sub.stop();
  });

  it('resubscribes from the last received position after a connection drop, exactly once and in order', async () => {
    const retries: number[] = [];
    const feed = new FakeFeed([
      (sink) => { push(sink, 1, 2, 3); sink.fail({ type: 'unavailable' }); },
      (sink) => { push(sink, 2, 3, 4, 5); sink.end(); }, // the server resends from an inclusive position, then closes
      (sink) => { push(sink, 5, 6); sink.push({ kind: 'caughtUp' }); },
    ], async () => 6n);
    const received: number[] = [];
    const sub = startFeedSubscription(feed, async (b) => void received.push(...b.map((e) => e.revision)), {}, {
      ...fast,
      onRetry: (_error, attempt) => retries.push(attempt),
    });
    await sub.caughtUp;
    await until(() => received.length === 6);
    expect(received).toEqual([1, 2, 3, 4, 5, 6]);
    expect(feed.opens).toEqual([undefined, 3n, 5n]);
    expect(feed.closed).toEqual(expect.arrayContaining([0, 1]));
    expect(retries.length).toBe(2);
    await sub.stop();
  });

  it('keeps retrying with growing backoff while the server is down', async () => {
    const delays: number[] = [];
    const down = (sink: FeedSink) => sink.fail({ type: 'unavailable' });
    const feed = new FakeFeed([down, down, down, (sink) => { push(sink, 1); sink.push({ kind: 'caughtUp' }); }], async () => 1n);
    const sub = startFeedSubscription(feed, async () => undefined, {}, { initialBackoffMs: 1, maxBackoffMs: 3, onRetry: (_e, _a, delay) => delays.push(delay) });
    await sub.caughtUp;
    expect(delays).toEqual([1, 2, 3]);
    expect(sub.lastPosition).toBe(1n);
    await sub.stop();
  });

  it('gives up after maxAttempts consecutive failures, with the last error as cause', async () => {
    const retries: number[] = [];
    const down = (sink: FeedSink) => sink.fail({ type: 'unavailable', message: 'node stopped' });
    const feed = new FakeFeed([down, down, down, down], async () => 1n);
    const sub = startFeedSubscription(feed, async () => undefined, {}, { ...fast, maxAttempts: 2, onRetry: (_e, attempt) => retries.push(attempt) });
    await expect(sub.done).rejects.toThrow('gave up after 2 attempts: node stopped');
    expect(retries).toEqual([1, 2]);
  });

  it('reports every retry to the console when no onRetry is given', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const feed = new FakeFeed([(sink) => sink.fail({ type: 'unavailable', message: 'gone' }), (sink) => { push(sink, 1); sink.push({ kind: 'caughtUp' }); }], async () => 1n);
    const sub = startFeedSubscription(feed, async () => undefined, {}, { initialBackoffMs: 1 });
    await sub.caughtUp;
    await sub.stop();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('resubscribing in 1 ms (attempt 1)'));
    warn.mockRestore();
  });

  it('retries reading the head while the server is unreachable at start', async () => {
    let calls = 0;
    const feed = new FakeFeed([(sink) => push(sink, 1)], async () => {
      if (++calls < 3) throw Object.assign(new Error('down'), { type: 'unavailable' });
      return 1n;
    });
    const sub = startFeedSubscription(feed, async () => undefined, {}, fast);
    await sub.caughtUp;
    expect(calls).toBe(3);
    await sub.stop();
  });

  it('stops with the error when the server refuses for good', async () => {
    const feed = new FakeFeed([(sink) => sink.fail({ type: 'access-denied' })], async () => 5n);
    const sub = startFeedSubscription(feed, async () => undefined, {}, fast);
    await expect(sub.done).rejects.toEqual({ type: 'access-denied' });
    await expect(sub.caughtUp).rejects.toEqual({ type: 'access-denied' });
  });

  it('a throwing handler stops the subscription, rejects done and closes the feed', async () => {
    const feed = new FakeFeed([(sink) => push(sink, 1, 2)], async () => 2n);
    let calls = 0;
    const sub = startFeedSubscription(feed, async () => {
      calls++;
      throw new Error('projection bug');
    }, { maxBatchSize: 1 }, fast);
    await expect(sub.done).rejects.toThrow('projection bug');
    expect(calls).toBe(1);
    expect(sub.lastPosition).toBeUndefined();
    expect(feed.closed).toEqual([0]);
  });

  it('without a server marker, is caught up once the event at the head of $all is delivered', async () => {
    const feed = new FakeFeed([(sink) => push(sink, 1, 2, 3)], async () => 3n);
    const received: number[] = [];
    const sub = startFeedSubscription(feed, async (b) => void received.push(...b.map((e) => e.revision)), {}, fast);
    await sub.caughtUp;
    expect(received).toEqual([1, 2, 3]);
    await sub.stop();
  });

  it('is caught up at once when the checkpoint is at or past the head', async () => {
    const feed = new FakeFeed([], async () => 7n);
    const sub = startFeedSubscription(feed, async () => undefined, { fromPosition: 7n }, fast);
    await sub.caughtUp;
    await sub.stop();
  });

  it('a filtered subscription that matches nothing is caught up at a checkpoint past the head', async () => {
    const feed = new FakeFeed([(sink) => {
      sink.push({ kind: 'checkpoint', position: 50n }); // the head itself not yet considered
      sink.push({ kind: 'checkpoint', position: 120n });
    }], async () => 100n);
    let settled = false;
    const sub = startFeedSubscription(feed, async () => undefined, {}, fast);
    void sub.caughtUp.then(() => (settled = true));
    await sub.caughtUp;
    expect(settled).toBe(true);
    await sub.stop();
  });

  it('events dropped by the client-side filter advance the resume position but are not delivered', async () => {
    const feed = new FakeFeed([
      (sink) => {
        sink.push({ kind: 'event', position: 1n, event: at(1) });
        sink.push({ kind: 'event', position: 2n, event: undefined });
        sink.fail(new Error('socket hang up'));
      },
      (sink) => { sink.push({ kind: 'event', position: 3n, event: at(3) }); sink.push({ kind: 'caughtUp' }); },
    ], async () => 3n);
    const received: number[] = [];
    const sub = startFeedSubscription(feed, async (b) => void received.push(...b.map((e) => e.revision)), {}, fast);
    await sub.caughtUp;
    expect(received).toEqual([1, 3]);
    expect(feed.opens).toEqual([undefined, 2n]);
    await sub.stop();
  });

  it('pauses the feed while the handler lags and resumes once it drains', async () => {
    const feed = new FakeFeed([(sink) => { push(sink, ...Array.from({ length: 40 }, (_, i) => i + 1)); sink.push({ kind: 'caughtUp' }); }], async () => 40n);
    const sub = startFeedSubscription(feed, async () => new Promise((r) => setTimeout(r, 1)), { maxBatchSize: 4 }, { ...fast, highWater: 10 });
    await sub.caughtUp;
    expect(feed.pauses[0]).toBe('pause');
    expect(feed.pauses).toContain('resume');
    expect(sub.lastPosition).toBe(40n);
    await sub.stop();
  });

  it('delivers nothing after stop(), and ignores a late push from the closed feed', async () => {
    const feed = new FakeFeed([(sink) => { push(sink, 1); sink.push({ kind: 'caughtUp' }); }], async () => 1n);
    const received: number[] = [];
    const sub = startFeedSubscription(feed, async (b) => void received.push(...b.map((e) => e.revision)), {}, fast);
    await sub.caughtUp;
    await sub.stop();
    push(feed.sinks[0], 2);
    await new Promise((r) => setTimeout(r, 10));
    expect(received).toEqual([1]);
    await expect(sub.done).resolves.toBeUndefined();
  });
});
