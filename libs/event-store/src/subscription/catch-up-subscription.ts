import type { BatchHandler, EventFilter, RecordedEvent, SubscribeOptions, Subscription } from '../event-store.port';

/** One page of $all as an adapter sees it: the events, and how far the store is known to be final. */
export interface AllPage {
  events: RecordedEvent[];
  /**
   * Every event at or below this position that will ever exist is already visible, so a reader
   * may move its scan cursor here even when a filter matched nothing. Events above it may still
   * appear (a transaction in flight).
   */
  settledUpTo: bigint;
  /** True when visible events exist above settledUpTo: a writer is in flight, so look again soon. */
  heldBack: boolean;
}

export interface CatchUpSource {
  readPage(after: bigint, maxCount: number, filter: EventFilter | undefined): Promise<AllPage>;
  /** Position of the newest event visible now (0n when empty): what "caught up" is measured against. */
  headPosition(): Promise<bigint>;
  /** Resolves on a wake-up hint (local append, NOTIFY) or after timeoutMs, whichever comes first. */
  waitForChange(timeoutMs: number, signal: AbortSignal): Promise<void>;
}

export interface CatchUpTuning {
  pollIntervalMs: number;
  defaultBatchSize: number;
}

/**
 * The catch-up loop shared by the adapters that read $all by polling (in-memory, PostgreSQL):
 * read after the cursor in batches, hand each batch to the handler and wait for it, then sleep
 * until a wake-up hint or the poll interval. The checkpointed read is the truth; hints only
 * shorten the wait.
 */
export function startCatchUpSubscription(
  source: CatchUpSource,
  handler: BatchHandler,
  options: SubscribeOptions,
  tuning: CatchUpTuning,
): Subscription {
  const abort = new AbortController();
  const batchSize = Math.max(1, options.maxBatchSize ?? tuning.defaultBatchSize);
  let lastPosition: bigint | undefined;
  let resolveCaughtUp!: () => void;
  let rejectCaughtUp!: (error: unknown) => void;
  const caughtUp = new Promise<void>((resolve, reject) => {
    resolveCaughtUp = resolve;
    rejectCaughtUp = reject;
  });
  caughtUp.catch(() => undefined); // the same error also rejects done

  const run = async (): Promise<void> => {
    // Scan cursor: may run ahead of lastPosition across events the filter did not match.
    let cursor = options.fromPosition ?? 0n;
    const target = await source.headPosition();
    let isCaughtUp = false;
    let backoffMs = 5;
    while (!abort.signal.aborted) {
      const page = await source.readPage(cursor, batchSize, options.filter);
      if (abort.signal.aborted) break;
      if (page.events.length > 0) {
        await handler(page.events);
        const last = page.events[page.events.length - 1].position;
        lastPosition = last;
        cursor = last;
        if (abort.signal.aborted) break;
      }
      if (page.events.length === batchSize) continue;
      if (page.settledUpTo > cursor) cursor = page.settledUpTo;
      if (!isCaughtUp && cursor >= target) {
        isCaughtUp = true;
        resolveCaughtUp();
      }
      if (page.heldBack) {
        // A transaction is in flight below newer events: re-read soon, backing off if it lasts.
        await source.waitForChange(backoffMs, abort.signal);
        backoffMs = Math.min(backoffMs * 2, tuning.pollIntervalMs);
      } else {
        backoffMs = 5;
        await source.waitForChange(tuning.pollIntervalMs, abort.signal);
      }
    }
  };

  // A subscription that ends before catching up must not leave caughtUp waiters hanging:
  // it rejects with the failure, or resolves after stop(). (Settling twice is a no-op.)
  const done = run().then(resolveCaughtUp, (error: unknown) => {
    rejectCaughtUp(error);
    throw error;
  });
  // done is observed by the caller; avoid an unhandled rejection if they only call stop().
  done.catch(() => undefined);

  return {
    get lastPosition() {
      return lastPosition;
    },
    caughtUp,
    done,
    /** Do not await stop() from inside the handler: done waits for the handler to return. */
    async stop() {
      abort.abort();
      await done.catch(() => undefined);
    },
  };
}
