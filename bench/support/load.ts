import { Latencies, nowMs, sleep } from './stats';
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

export interface OpenLoopOptions {
  label: string;
  /** Requests started per second, by the clock, whatever the responses do. */
  ratePerSec: number;
  durationMs: number;
  op: (index: number) => Promise<void>;
  /** Wait at most this long for stragglers after the last request was sent (default 10 s). */
  drainMs?: number;
}

export interface OpenLoopResult extends LoadResult {
  /** Latency from the scheduled start (includes any wait of the generator itself). */
  scheduledLatency: Latencies;
  sent: number;
  unfinished: number;
}

/**
 * Open loop (no coordinated omission): request i is due at start + i / rate and is sent then,
 * whether or not earlier ones have answered. Latency is measured from the due time.
 */
export async function openLoop(opts: OpenLoopOptions): Promise<OpenLoopResult> {
  const latency = new Latencies();
  const scheduledLatency = new Latencies();
  let sent = 0;
  let ok = 0;
  let errors = 0;
  let firstError: unknown;
  let pending = 0;
  const p = progress(opts.label, 'requests');
  const start = nowMs();
  const end = start + opts.durationMs;
  const interval = 1000 / opts.ratePerSec;
  const inFlight = new Set<Promise<void>>();
  while (nowMs() < end) {
    const now = nowMs();
    const due = Math.min(Math.floor((now - start) / interval) + 1, Math.floor(opts.durationMs / interval));
    while (sent < due) {
      const index = sent++;
      const scheduledAt = start + index * interval;
      const sentAt = nowMs();
      pending++;
      const run = opts.op(index).then(
        () => {
          const t = nowMs();
          ok++;
          latency.add(t - sentAt);
          scheduledLatency.add(t - scheduledAt);
          p.set(ok);
        },
        (error: unknown) => {
          errors++;
          firstError ??= error;
        },
      );
      const tracked = run.finally(() => {
        pending--;
        inFlight.delete(tracked);
      });
      inFlight.add(tracked);
    }
    await sleep(1);
  }
  const drainUntil = nowMs() + (opts.drainMs ?? 10_000);
  while (pending > 0 && nowMs() < drainUntil) await sleep(5);
  p.stop();
  const seconds = opts.durationMs / 1000;
  return {
    ops: ok,
    units: ok,
    seconds,
    opsPerSec: ok / seconds,
    unitsPerSec: ok / seconds,
    latency,
    scheduledLatency,
    errors,
    firstError,
    sent,
    unfinished: pending,
  };
}
