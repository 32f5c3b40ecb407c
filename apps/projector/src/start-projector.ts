import type { Pool } from 'pg';
import type { EventStore } from '@accreditation/event-store';
import { ALL_PROJECTIONS, applyOrDeadLetter, checkpointName, ensureCheckpointTable, ensureProjectionSchema, type Projection, tableNames } from '@accreditation/projections';
import { AdvisoryLockSession } from './advisory-lock';
import { CheckpointedWorker, type WorkerSpec } from './checkpointed-worker';
import { lagSourceFor, type LagSource } from './lag-source';
import { type Clock, consoleLogger, type Processor, type ProjectorLogger, systemClock } from './processor';
import { failingWorkers, isReady, type ProjectorReadiness, renderMetrics, workerStatus } from './projector-status';

export interface StartProjectorOptions {
  store: EventStore;
  /** Where read models and checkpoints live (the PostgreSQL adapter's `pool` works). */
  pool: Pool;
  clock?: Clock;
  logger?: ProjectorLogger;
  /** Default: every read model (ALL_PROJECTIONS). */
  projections?: readonly Projection[];
  /** Deadline jobs and other checkpointed consumers. */
  processors?: readonly Processor[];
  /** Largest batch while catching up (default 5,000). */
  maxBatchSize?: number;
  /** How often a standby process retries a lock held elsewhere (default 1,000 ms). */
  lockRetryMs?: number;
  lagSource?: LagSource;
}

export interface Projector {
  readiness(): Promise<ProjectorReadiness>;
  /** Prometheus text: lag in events and seconds, checkpoint, lock held, throughput counters. */
  metrics(): Promise<string>;
  /** Resolves when every projection this process holds has caught up with the store as it was when called. */
  waitUntilCaughtUp(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export function projectionSpec(p: Projection, maxBatchSize: number): WorkerSpec {
  const t = tableNames(p);
  return {
    name: checkpointName(p), kind: 'projection', filter: { eventTypes: [...p.eventTypes] }, maxBatchSize,
    setup: (pool) => ensureProjectionSchema(pool, p),
    // A malformed stored event is set aside (projection_dead_letters, in readiness), not a stuck projection.
    handle: async (events, tx) => { await applyOrDeadLetter(tx, checkpointName(p), events, (batch) => p.apply(batch, tx, t)); },
  };
}

export function processorSpec(p: Processor): WorkerSpec {
  return {
    name: p.name, kind: 'processor', filter: p.filter, maxBatchSize: p.maxBatchSize ?? 1_000,
    setup: async (pool) => { await p.setup?.(pool); },
    handle: p.handle?.bind(p), tick: p.tick,
  };
}

/**
 * Starts one worker per projection and processor. Each waits for its advisory lock (so running two
 * projector processes is safe: the second stands by and takes over when the first dies), then
 * follows a catch-up subscription from its checkpoint. Returns at once; work continues in the background.
 */
export async function startProjector(options: StartProjectorOptions): Promise<Projector> {
  const { store, pool } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? consoleLogger;
  const maxBatchSize = options.maxBatchSize ?? 5_000;
  const lag = options.lagSource ?? lagSourceFor(store);
  await ensureCheckpointTable(pool);
  const projections = options.projections ?? ALL_PROJECTIONS;
  // Tables first, before any worker waits for its lock: the API's queries never meet a missing read
  // model once the projector has started (idempotent, under the schema lock).
  for (const p of projections) await ensureProjectionSchema(pool, p);
  const locks = new AdvisoryLockSession(pool, (err) => logger.warn(`lock connection lost: ${(err as Error)?.message ?? err}`));
  const deps = { store, pool, locks, clock, logger, lockRetryMs: options.lockRetryMs ?? 1_000 };
  const specs = [
    ...projections.map((p) => projectionSpec(p, maxBatchSize)),
    ...(options.processors ?? []).map(processorSpec),
  ];
  const workers = specs.map((s) => new CheckpointedWorker(s, deps));
  workers.forEach((w) => w.start());
  const heartbeat = setInterval(() => void locks.heartbeat(), 5_000);
  heartbeat.unref();

  const readiness = async (): Promise<ProjectorReadiness> => {
    const statuses = await Promise.all(workers.map((w) => workerStatus(w, pool, lag, clock)));
    return { ready: isReady(statuses), checkedAt: clock.now().toISOString(), workers: statuses, failing: failingWorkers(statuses) };
  };

  return {
    readiness,
    metrics: async () => renderMetrics(await readiness()),
    async waitUntilCaughtUp(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const r = await readiness();
        if (r.workers.every((w) => w.kind === 'processor' || w.eventsBehind === 0)) return;
        if (Date.now() > deadline) throw new Error(`Projector not caught up after ${timeoutMs} ms: ${JSON.stringify(r.workers)}`);
        await new Promise((res) => setTimeout(res, 50));
      }
    },
    async stop() {
      clearInterval(heartbeat);
      await Promise.all(workers.map((w) => w.stop()));
      await locks.close();
    },
  };
}

export { ensureProjectionSchema };
