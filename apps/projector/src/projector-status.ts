import type { Pool } from 'pg';
import { readCheckpoint } from '@accreditation/projections';
import type { CheckpointedWorker, WorkerState } from './checkpointed-worker';
import { LAG_COUNT_CAP, type LagSource } from './lag-source';
import type { Clock } from './processor';

export interface WorkerStatus {
  name: string;
  kind: 'projection' | 'processor';
  /** active: this process holds the lock; standby: another process does (or nobody yet). */
  role: 'active' | 'standby';
  state: WorkerState;
  /** Checkpoint in the database (shared by all processes), bigint as a decimal string. */
  position: string;
  /** Matching events after the checkpoint (capped at 1,000,000); null when it could not be measured. */
  eventsBehind: number | null;
  /** Age of the oldest event not yet applied; 0 when nothing is pending. */
  secondsBehind: number | null;
  checkpointUpdatedAt: string | null;
  eventsApplied: number;
  batches: number;
  lastError?: string;
  /** Present while the worker keeps failing (across retries): what makes readiness fail. */
  failing?: { error: string; databaseUnavailable: boolean; since: string; attempts: number; nextRetryAt: string };
}

export interface ProjectorReadiness {
  /** True when no worker is failing and every active one has caught up at least once. */
  ready: boolean;
  checkedAt: string;
  workers: WorkerStatus[];
  /**
   * The workers failing, by name, with the error: readiness fails while any is. databaseUnavailable:
   * waiting for the database (all of them then), rather than stuck on an error of their own.
   */
  failing: Array<{ name: string; kind: WorkerStatus['kind']; error: string; databaseUnavailable: boolean; since: string; attempts: number }>;
}

export async function workerStatus(w: CheckpointedWorker, pool: Pool, lag: LagSource, clock: Clock): Promise<WorkerStatus> {
  const base = {
    name: w.spec.name, kind: w.spec.kind, role: w.holdsLock ? 'active' as const : 'standby' as const, state: w.state,
    eventsApplied: w.eventsApplied, batches: w.batches, ...(w.lastError && w.state === 'error' ? { lastError: w.lastError } : {}),
    ...(w.failure ? { failing: { error: w.failure.error, databaseUnavailable: w.failure.databaseUnavailable, since: w.failure.since.toISOString(), attempts: w.failure.attempts, nextRetryAt: w.failure.retryAt.toISOString() } } : {}),
  };
  if (!w.spec.handle) return { ...base, position: '0', eventsBehind: null, secondsBehind: null, checkpointUpdatedAt: null };
  try {
    const cp = await readCheckpoint(pool, w.spec.name);
    const behind = await lag.countAfter(cp.position, w.spec.filter, LAG_COUNT_CAP);
    const oldest = behind > 0 ? await lag.oldestAfter(cp.position, w.spec.filter) : null;
    return {
      ...base, position: cp.position.toString(), eventsBehind: behind,
      secondsBehind: oldest ? Math.max(0, (clock.now().getTime() - oldest.getTime()) / 1000) : 0,
      checkpointUpdatedAt: cp.updatedAt ? cp.updatedAt.toISOString() : null,
    };
  } catch (err) {
    return { ...base, position: '0', eventsBehind: null, secondsBehind: null, checkpointUpdatedAt: null, lastError: (err as Error).message };
  }
}

export function isReady(workers: WorkerStatus[]): boolean {
  return failingWorkers(workers).length === 0 && workers.every((w) => w.state !== 'starting' && w.state !== 'catching_up');
}

export function failingWorkers(workers: WorkerStatus[]): ProjectorReadiness['failing'] {
  return workers
    .filter((w) => w.failing || w.state === 'error')
    .map((w) => ({
      name: w.name, kind: w.kind, error: w.failing?.error ?? w.lastError ?? 'failed', databaseUnavailable: w.failing?.databaseUnavailable ?? false,
      since: w.failing?.since ?? '', attempts: w.failing?.attempts ?? 1,
    }));
}

/** Prometheus text exposition (version 0.0.4). */
export function renderMetrics(r: ProjectorReadiness): string {
  const lines: string[] = [];
  const metric = (name: string, type: 'gauge' | 'counter', help: string, value: (w: WorkerStatus) => number | null) => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const w of r.workers) {
      const v = value(w);
      if (v !== null) lines.push(`${name}{name="${w.name}",kind="${w.kind}"} ${v}`);
    }
  };
  metric('projector_lag_events', 'gauge', 'Events after the checkpoint not yet applied.', (w) => w.eventsBehind);
  metric('projector_lag_seconds', 'gauge', 'Age in seconds of the oldest event not yet applied.', (w) => w.secondsBehind);
  metric('projector_checkpoint_position', 'gauge', 'Global position of the last applied event.', (w) => (w.kind === 'projection' ? Number(w.position) : null));
  metric('projector_lock_held', 'gauge', '1 when this process runs the worker, 0 on standby.', (w) => (w.role === 'active' ? 1 : 0));
  metric('projector_up', 'gauge', '1 unless the worker is failing.', (w) => (w.state === 'error' || w.failing ? 0 : 1));
  metric('projector_events_applied_total', 'counter', 'Events applied by this process.', (w) => w.eventsApplied);
  metric('projector_batches_total', 'counter', 'Batches (transactions) committed by this process.', (w) => w.batches);
  lines.push('# HELP projector_ready 1 when the projector is ready.', '# TYPE projector_ready gauge', `projector_ready ${r.ready ? 1 : 0}`);
  return lines.join('\n') + '\n';
}
