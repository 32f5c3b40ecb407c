import { Latencies, nowMs } from './stats';
import { progress } from './report';

export interface LoadResult {
  /** Operations completed in the measured window. */
  ops: number;
  /** Units (events, rows, requests) done by those operations. */
  units: number;
  seconds: number;
  opsPerSec: number;
  unitsPerSec: number;
  latency: Latencies;
  errors: number;
  firstError?: unknown;
}

export interface ClosedLoopOptions {
  label: string;
  workers: number;
  durationMs: number;
  /** Run but do not count (default 0). */
  warmupMs?: number;
  /** One operation of `worker`; returns the units it did (default 1). */
  op: (worker: number) => Promise<number | void>;
  unit?: string;
  /** Stop a worker after this many errors in a row (default 50). */
  maxConsecutiveErrors?: number;
}

/**
 * N workers, each running one operation after the other for a fixed time (closed loop: the
 * throughput at saturation). Only operations that finish inside the measured window count.
 */
export async function closedLoop(opts: ClosedLoopOptions): Promise<LoadResult> {
  const warmup = opts.warmupMs ?? 0;
  const started = nowMs();
  const measureFrom = started + warmup;
  const end = measureFrom + opts.durationMs;
  const latency = new Latencies();
  let ops = 0;
  let units = 0;
  let errors = 0;
  let firstError: unknown;
  const p = progress(opts.label, opts.unit ?? 'ops');
  const maxErrors = opts.maxConsecutiveErrors ?? 50;
  const worker = async (w: number) => {
    let consecutive = 0;
    while (nowMs() < end) {
      const t0 = nowMs();
      try {
        const n = await opts.op(w);
        consecutive = 0;
        const t1 = nowMs();
        if (t0 >= measureFrom && t1 <= end) {
          ops++;
          units += typeof n === 'number' ? n : 1;
          latency.add(t1 - t0);
          p.set(units);
        }
      } catch (error) {
        errors++;
        firstError ??= error;
        if (++consecutive >= maxErrors) break;
      }
    }
  };
  await Promise.all(Array.from({ length: opts.workers }, (_, w) => worker(w)));
  p.stop();
  const seconds = opts.durationMs / 1000;
  return { ops, units, seconds, opsPerSec: ops / seconds, unitsPerSec: units / seconds, latency, errors, firstError };
}
