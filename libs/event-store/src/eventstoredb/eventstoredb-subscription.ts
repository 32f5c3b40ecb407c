/**
 * The catch-up subscription of the EventStoreDB adapter, independent of the client library (the
 * adapter plugs the client in through `FeedSource`), so its resubscription, de-duplication,
 * batching and caught-up logic is unit-tested without a server.
 *
 * How it works:
 * - One server subscription ("feed") at a time pushes events into a local queue, in global order.
 *   The queue is bounded: above `highWater` the feed is paused until the handler drains it.
 * - A pump hands the handler batches of up to `maxBatchSize` queued events, one batch at a time
 *   (the next batch waits for the handler's promise), and then records `lastPosition`.
 * - `cursor` is the position of the last event *received* (delivered, or dropped by the
 *   client-side filter). Anything at or below it is a duplicate and dropped: that is what makes
 *   resubscription exactly-once, whatever the server resends.
 * - When the feed fails with a transient error (connection drop, server restart, leader change)
 *   or ends unexpectedly, it is reopened after `cursor`, with exponential backoff; queued events
 *   stay queued and are delivered in order. Every retry is reported (`onRetry`, a warning on the
 *   console by default); after `maxAttempts` consecutive failures without progress the
 *   subscription gives up and `done` rejects with the last error, so a projector that can no
 *   longer reach the store stops loudly instead of retrying forever.
 * - "Caught up" is signalled in the queue, in order, by a marker placed after the last event the
 *   server had when it said so (its caughtUp message), or after the first event at or beyond the
 *   head of $all read at start, or at a filtered checkpoint past that head. The marker resolves
 *   `caughtUp` only once the handler has accepted everything before it.
 */
import type { BatchHandler, RecordedEvent, Subscription } from '../event-store.port';

/** One thing the feed saw, in order. `event` is undefined when the client-side filter dropped it. */
export type FeedItem =
  | { kind: 'event'; position: bigint; event: RecordedEvent | undefined }
  /** The server says everything that existed when the feed opened has now been pushed. */
  | { kind: 'caughtUp' }
  /** A filtered subscription scanned this far without a match (caught-up evidence only). */
  | { kind: 'checkpoint'; position: bigint };

export interface FeedSink {
  push(item: FeedItem): void;
  /** The feed failed; `error` decides between resubscribing and giving up. */
  fail(error: unknown): void;
  /** The server closed the feed without an error. */
  end(): void;
}

export interface FeedHandle {
  pause(): void;
  resume(): void;
  close(): Promise<void>;
}

export interface FeedSource {
  /** Opens a server subscription for events after `after` (undefined: from the start). */
  open(after: bigint | undefined, sink: FeedSink): FeedHandle;
  /** Position of the newest event in $all now (0n when empty): the caught-up target. */
  headPosition(): Promise<bigint>;
  /** Errors that retrying cannot fix (access denied...): the subscription stops with them. */
  isFatal(error: unknown): boolean;
  /** The error the subscription stops with (the port's error for a client error). */
  describe?(error: unknown): unknown;
}

export interface SubscriptionTuning {
  maxBatchSize: number;
  /** Queue length above which the feed is paused. */
  highWater: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
  /** Told about every resubscription, for logs and metrics. Default: a console warning. */
  onRetry: (error: unknown, attempt: number, delayMs: number) => void;
  /** Consecutive failed attempts (no event received in between) before giving up. */
  maxAttempts: number;
}

export const DEFAULT_TUNING: SubscriptionTuning = {
  maxBatchSize: 256,
  highWater: 2048,
  initialBackoffMs: 100,
  maxBackoffMs: 5000,
  // With the default backoff: about two minutes of a store that does not come back.
  maxAttempts: 30,
  onRetry: (error, attempt, delayMs) =>
    console.warn(`EventStoreDB subscription lost (${(error as Error)?.message ?? String(error)}); resubscribing in ${delayMs} ms (attempt ${attempt})`),
};

type QueueEntry = { kind: 'event'; event: RecordedEvent } | { kind: 'caughtUp' };

export function startFeedSubscription(
  source: FeedSource,
  handler: BatchHandler,
  options: { fromPosition?: bigint; maxBatchSize?: number },
  tuning: Partial<SubscriptionTuning> = {},
): Subscription {
  const settings: SubscriptionTuning = { ...DEFAULT_TUNING, ...tuning };
  const fail = (error: unknown) => source.describe?.(error) ?? error;
  /** Backs off before the next attempt, or gives up past the bound. */
  const retry = async (error: unknown, attempt: number) => {
    if (source.isFatal(error)) throw fail(error);
    if (attempt > settings.maxAttempts) {
      const last = fail(error);
      throw Object.assign(new Error(`EventStoreDB subscription gave up after ${settings.maxAttempts} attempts: ${(last as Error)?.message ?? String(last)}`), { cause: last });
    }
    const delay = backoff(attempt);
    settings.onRetry(error, attempt, delay);
    await sleep(delay);
  };
  const maxBatchSize = Math.max(1, options.maxBatchSize ?? settings.maxBatchSize);
  const highWater = Math.max(settings.highWater, maxBatchSize * 2);

  let cursor: bigint | undefined = options.fromPosition && options.fromPosition > 0n ? options.fromPosition : undefined;
  let lastPosition: bigint | undefined;
  let head: bigint | undefined;
  let markerQueued = false;
  let stopped = false;
  let feed: FeedHandle | undefined;
  let feedGeneration = 0;
  let paused = false;
  const queue: QueueEntry[] = [];

  let wake: (() => void) | undefined;
  const signal = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const waitForWork = () => new Promise<void>((resolve) => (wake = resolve));

  let feedFailure: { error: unknown } | undefined;

  let resolveCaughtUp!: () => void;
  let rejectCaughtUp!: (error: unknown) => void;
  const caughtUp = new Promise<void>((resolve, reject) => {
    resolveCaughtUp = resolve;
    rejectCaughtUp = reject;
  });
  caughtUp.catch(() => undefined); // the same error rejects done

  const queueMarker = () => {
    if (markerQueued) return;
    markerQueued = true;
    queue.push({ kind: 'caughtUp' });
  };

  const sinkFor = (generation: number): FeedSink => ({
    push(item) {
      if (generation !== feedGeneration || stopped) return; // a late item from a closed feed
      if (item.kind === 'caughtUp') {
        queueMarker();
      } else if (item.kind === 'checkpoint') {
        // Strictly past the head: the head event itself has been considered by the server.
        if (head !== undefined && item.position > head) queueMarker();
      } else {
        if (cursor !== undefined && item.position <= cursor) return; // resent after a resubscribe
        cursor = item.position;
        if (item.event) queue.push({ kind: 'event', event: item.event });
        if (head !== undefined && item.position >= head) queueMarker();
        if (queue.length >= highWater && !paused && feed) {
          paused = true;
          feed.pause();
        }
      }
      signal();
    },
    fail(error) {
      if (generation !== feedGeneration || stopped) return;
      feedFailure = { error };
      signal();
    },
    end() {
      if (generation !== feedGeneration || stopped) return;
      feedFailure = { error: new Error('EventStoreDB closed the subscription') };
      signal();
    },
  });

  const openFeed = () => {
    feedGeneration++;
    paused = false;
    feedFailure = undefined;
    feed = source.open(cursor, sinkFor(feedGeneration));
  };

  const closeFeed = async () => {
    const current = feed;
    feed = undefined;
    feedGeneration++; // anything the old feed still emits is ignored
    await current?.close().catch(() => undefined);
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      const previous = wake;
      wake = () => {
        clearTimeout(timer);
        previous?.();
        resolve();
      };
    });

  const deliverQueued = async () => {
    while (queue.length > 0 && !stopped) {
      const batch: RecordedEvent[] = [];
      while (batch.length < maxBatchSize && queue.length > 0 && queue[0].kind === 'event') {
        batch.push((queue.shift() as { event: RecordedEvent }).event);
      }
      if (batch.length > 0) {
        await handler(batch);
        lastPosition = batch[batch.length - 1].position;
      }
      if (queue.length > 0 && queue[0].kind === 'caughtUp') {
        queue.shift();
        resolveCaughtUp();
      }
      if (paused && queue.length < highWater / 2 && feed) {
        paused = false;
        feed.resume();
      }
    }
  };

  const run = async () => {
    let attempt = 0;
    // The head is read before the first feed opens; a failure here is retried like a drop.
    while (!stopped && head === undefined) {
      try {
        head = await source.headPosition();
      } catch (error) {
        await retry(error, ++attempt);
      }
    }
    if (stopped) return;
    if (cursor !== undefined ? cursor >= head! : head === 0n) queueMarker();
    attempt = 0;
    openFeed();
    while (!stopped) {
      if (queue.length === 0 && !feedFailure) await waitForWork();
      // Let a burst of pushes land, so batches fill up instead of being delivered one by one.
      await new Promise((resolve) => setImmediate(resolve));
      const receivedBefore = cursor;
      await deliverQueued();
      if (stopped) break;
      if (cursor !== receivedBefore) attempt = 0; // the feed is healthy again
      if (feedFailure && queue.length === 0) {
        const { error } = feedFailure;
        await closeFeed();
        await retry(error, ++attempt);
        if (!stopped) openFeed();
      }
    }
  };

  const backoff = (attempt: number) =>
    Math.min(settings.maxBackoffMs, settings.initialBackoffMs * 2 ** Math.min(attempt - 1, 16));

  const done = run()
    .finally(closeFeed)
    .then(resolveCaughtUp, (error: unknown) => {
      stopped = true;
      rejectCaughtUp(error);
      throw error;
    });
  done.catch(() => undefined); // observed through `done`; avoid an unhandled rejection after stop()

  return {
    get lastPosition() {
      return lastPosition;
    },
    caughtUp,
    done,
    /** Waits for the handler's current batch; do not await it from inside the handler. */
    async stop() {
      stopped = true;
      signal();
      await done.catch(() => undefined);
    },
  };
}
