import type { Pool } from 'pg';
import { type EventFilter, type EventStore, isDatabaseUnavailable, type RecordedEvent, type Subscription } from '@accreditation/event-store';
import { CheckpointMovedError, claimCheckpointStore, ensureCheckpointRow, inCheckpointedTransaction, readCheckpoint, type ProjectionTx } from '@accreditation/projections';
import type { AdvisoryLockSession } from './advisory-lock';
import type { Clock, ProjectorLogger } from './processor';

/** What the runner needs from a projection or a processor. */
export interface WorkerSpec {
  name: string;
  kind: 'projection' | 'processor';
  filter: EventFilter | undefined;
  maxBatchSize: number;
  setup(pool: Pool): Promise<void>;
  handle?: (events: RecordedEvent[], tx: ProjectionTx) => Promise<void>;
  tick?: { intervalMs: number; run(now: Date): Promise<void> };
}

export type WorkerState = 'standby' | 'starting' | 'catching_up' | 'live' | 'error' | 'stopped';

/** A worker that keeps failing: set at the first failure, cleared by the next committed batch or by catching up. */
export interface WorkerFailure {
  error: string;
  /** The database was unreachable (the worker waits for it) rather than this worker failing on its own. */
  databaseUnavailable: boolean;
  since: Date;
  attempts: number;
  /** When the next attempt starts (back-off: 250 ms doubling to 30 s; 2 s at most while the database is away). */
  retryAt: Date;
}

const FIRST_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 30_000;
/** The database coming back is what we wait for: look often. */
const MAX_BACKOFF_UNAVAILABLE_MS = 2_000;

export interface WorkerDeps {
  store: EventStore;
  pool: Pool;
  locks: AdvisoryLockSession;
  clock: Clock;
  logger: ProjectorLogger;
  lockRetryMs: number;
}

/**
 * Runs one spec forever: wait for its lock, set up its tables, subscribe from its checkpoint and
 * apply batches; on a moved checkpoint resubscribe, on an error back off and retry, on lock loss
 * go back to standby.
 */
export class CheckpointedWorker {
  state: WorkerState = 'standby';
  eventsApplied = 0;
  batches = 0;
  lastError: string | undefined;
  lastBatchAt: Date | undefined;
  /**
   * Set while the worker is failing, across its retries (its state shows 'starting' or
   * 'catching_up' during an attempt): what readiness reports as a stuck worker.
   */
  failure: WorkerFailure | undefined;
  private stopped = false;
  private subscription: Subscription | undefined;
  private loop: Promise<void> | undefined;

  constructor(readonly spec: WorkerSpec, private readonly deps: WorkerDeps) {}

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    await this.subscription?.stop();
    await this.loop;
    this.state = 'stopped';
  }

  get holdsLock(): boolean {
    return this.deps.locks.holds(this.spec.name);
  }

  private async run(): Promise<void> {
    const { locks, logger } = this.deps;
    let backoff = FIRST_BACKOFF_MS;
    while (!this.stopped) {
      try {
        if (!(await locks.tryHold(this.spec.name))) {
          this.state = 'standby';
          this.failure = undefined; // another process runs it
          await this.sleep(this.deps.lockRetryMs);
          continue;
        }
        this.state = 'starting';
        await this.spec.setup(this.deps.pool);
        await ensureCheckpointRow(this.deps.pool, this.spec.name);
        // A checkpoint of another event store (same DATABASE_URL, other EVENT_STORE) is refused:
        // the worker stays in error, saying so, instead of skipping or repeating events.
        await claimCheckpointStore(this.deps.pool, this.spec.name, (await this.deps.store.health()).store);
        logger.log(`${this.spec.name}: lock held, starting`);
        await this.runHeld();
        if (!this.failure) backoff = FIRST_BACKOFF_MS;
      } catch (err) {
        if (this.stopped) break;
        if (err instanceof CheckpointMovedError) {
          logger.warn(`${err.message}; resubscribing`);
          continue;
        }
        const unavailable = isDatabaseUnavailable(err) || isDatabaseUnavailable((err as { cause?: unknown })?.cause);
        const delay = Math.min(backoff, unavailable ? MAX_BACKOFF_UNAVAILABLE_MS : MAX_BACKOFF_MS);
        this.state = 'error';
        this.lastError = err instanceof Error ? err.message : String(err);
        const now = this.deps.clock.now();
        this.failure = {
          error: this.lastError,
          databaseUnavailable: unavailable,
          since: this.failure?.since ?? now,
          attempts: (this.failure?.attempts ?? 0) + 1,
          retryAt: new Date(now.getTime() + delay),
        };
        // The database being away is said in one line; anything else is a bug or bad data: its stack.
        if (unavailable) logger.warn(`${this.spec.name}: database unavailable (${this.lastError}), retrying in ${delay} ms`);
        else logger.error(`${this.spec.name} failed (attempt ${this.failure.attempts}), retrying in ${delay} ms`, err);
        await this.sleep(delay);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      }
    }
  }

  /** Until stop, lock loss or failure: the subscription (if any) and the ticks (if any). */
  private async runHeld(): Promise<void> {
    const lost = this.deps.locks.lost();
    const ticking = this.spec.tick ? this.runTicks(lost) : undefined;
    try {
      if (!this.spec.handle) {
        this.state = 'live';
        this.failure = undefined;
        await Promise.race([lost, this.stoppedPromise()]);
        return;
      }
      const handle = this.spec.handle;
      let expected = (await readCheckpoint(this.deps.pool, this.spec.name)).position;
      this.state = 'catching_up';
      const sub = this.deps.store.subscribeToAll(async (events) => {
        expected = await inCheckpointedTransaction(this.deps.pool, this.spec.name, expected, events, (tx) => handle(events, tx));
        this.eventsApplied += events.length;
        this.batches++;
        this.lastBatchAt = this.deps.clock.now();
        this.failure = undefined;
      }, { fromPosition: expected, filter: this.spec.filter, maxBatchSize: this.spec.maxBatchSize });
      this.subscription = sub;
      sub.caughtUp.then(() => {
        if (this.state !== 'catching_up') return;
        this.state = 'live';
        this.failure = undefined;
      }, () => undefined);
      const ended = await Promise.race([sub.done.then(() => 'done' as const), lost.then(() => 'lost' as const), this.stoppedPromise().then(() => 'stop' as const)]);
      if (ended === 'lost') this.deps.logger.warn(`${this.spec.name}: lock lost, stopping`);
      await sub.stop();
      await sub.done; // rethrows a handler failure (e.g. CheckpointMovedError)
    } finally {
      this.subscription = undefined;
      await ticking;
    }
  }

  private async runTicks(lost: Promise<void>): Promise<void> {
    const tick = this.spec.tick!;
    let isLost = false;
    void lost.then(() => { isLost = true; });
    while (!this.stopped && !isLost && this.holdsLock) {
      try {
        await tick.run(this.deps.clock.now());
      } catch (err) {
        if (isDatabaseUnavailable(err)) this.deps.logger.warn(`${this.spec.name} tick: database unavailable (${(err as Error).message}); next tick in ${tick.intervalMs} ms`);
        else this.deps.logger.error(`${this.spec.name} tick failed`, err);
      }
      await this.sleep(tick.intervalMs, lost);
    }
  }

  private readonly abort = new AbortController();
  private readonly stopped$ = new Promise<void>((resolve) => this.abort.signal.addEventListener('abort', () => resolve(), { once: true }));

  private stoppedPromise(): Promise<void> {
    return this.stopped$;
  }

  /** Sleeps, waking early on stop (or on `also`). */
  private sleep(ms: number, also?: Promise<void>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const slept = new Promise<void>((resolve) => { timer = setTimeout(resolve, ms); });
    return Promise.race([slept, this.stopped$, ...(also ? [also] : [])]).finally(() => clearTimeout(timer));
  }
}
