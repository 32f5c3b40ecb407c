import type { ProbeGc, ProbeRequest, ProbeStall } from './api-process';
import type { ActivitySample, Checkpoint } from './pg-activity';
import type { Sample } from './generator';

/** One engine request of S3 with the level it belongs to. */
export interface LevelSample extends Sample {
  level: string;
}

export interface Evidence {
  stalls: ProbeStall[];
  gcs: ProbeGc[];
  checkpoints: Checkpoint[];
  requests: Map<string, ProbeRequest>;
  activity: ActivitySample[];
}

export const SOURCES = ['generator', 'gc', 'wait', 'busy', 'checkpoint', 'autovacuum', 'none'] as const;
export type Source = (typeof SOURCES)[number];

export const SOURCE_LABELS: Record<Source, string> = {
  generator: 'load generator late to send',
  gc: 'GC pause in the API',
  wait: 'API event loop stalled waiting for a CPU core (runnable, not running)',
  busy: 'API event loop blocked by its own work (other than GC)',
  checkpoint: 'PostgreSQL checkpoint flushing (fsync phase, or a forced checkpoint)',
  autovacuum: 'PostgreSQL autovacuum worker running',
  none: 'none of these',
};

export interface AttributionRow {
  source: Source;
  /** Tail requests (at or above their level's p99) the source explains, non-exclusive. */
  tail: number;
  /** The same test over every request of S3: the base rate to compare with. */
  all: number;
  /** Tail requests this source is the first explanation for (in the order of SOURCES). */
  primary: number;
}

export interface TailRequest {
  level: string;
  latency: number;
  /** Generator's lateness, ms. */
  late: number;
  /** Sent → arrived in the API's request handler (connection, kernel queue, loop), ms; NaN when not numbered. */
  toArrive: number;
  /** Arrived → response finished in the API (handler, database), ms. */
  inApi: number;
  /** Finished → the generator saw the answer, ms. */
  back: number;
  gcMs: number;
  waitMs: number;
  busyMs: number;
  checkpoint: boolean;
  autovacuum: boolean;
  source: Source;
}

export interface Attribution {
  tailCount: number;
  allCount: number;
  rows: AttributionRow[];
  tail: TailRequest[];
}

const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

/** Sorted short intervals (stalls, GC pauses), each with a weight per ms, summed over a window. */
class Intervals {
  private readonly list: Array<[number, number, number]>;

  constructor(list: Array<[number, number, number]>) {
    this.list = list.sort((x, y) => x[0] - y[0]);
  }

  within(from: number, to: number): number {
    // Binary search for the first interval that may reach `from` (none is longer than a minute).
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.list[mid]![0] < from - 60_000) lo = mid + 1;
      else hi = mid;
    }
    let total = 0;
    for (let i = lo; i < this.list.length && this.list[i]![0] <= to; i++) total += overlap(from, to, this.list[i]![0], this.list[i]![1]) * this.list[i]![2];
    return total;
  }
}

/**
 * Which stall coincides with each slow request. A source explains a request when it accounts for
 * at least a quarter of the request's excess over its level's p50 (and at least 5 ms): the
 * generator's lateness in sending it; GC pauses of the API inside it; the API's event loop stalled
 * inside it, split by the main thread's scheduler counters into waiting for a core (the machine's
 * other processes had the CPUs) and running its own work; or a checkpoint of the server in its
 * fsync phase (the last sync seconds of a timed checkpoint, plus half a second) or forced, or an
 * autovacuum worker running (pg_stat_activity sampled every 100 ms), during it. The same test over all requests gives each source's base rate: a source that explains
 * the tail far more often than it explains ordinary requests is the tail's cause.
 */
export function attributeTail(samples: LevelSample[], p50: Map<string, number>, p99: Map<string, number>, evidence: Evidence): Attribution {
  const waitShare = (s: ProbeStall) => (s.run + s.wait > 0 ? s.wait / (s.run + s.wait) : 0);
  const wait = new Intervals(evidence.stalls.map((s) => [s.end - s.dur, s.end, waitShare(s)]));
  const loop = new Intervals(evidence.stalls.map((s) => [s.end - s.dur, s.end, 1]));
  const gc = new Intervals(evidence.gcs.map((g) => [g.start, g.start + g.dur, 1]));
  // A spread (timed) checkpoint trickles its writes over minutes; what can stall commits is its final
  // fsync phase, or the whole of a forced one. A checkpoint still running when S3 ends has no known phase.
  const cps = evidence.checkpoints.flatMap((c) => {
    if (c.end === undefined) return [];
    const forced = !/^time\b/.test(c.reason);
    return [[forced ? c.start : c.end - 1000 * (c.syncS ?? 0) - 500, c.end] as const];
  });
  // pg_stat_activity samples (every ~100 ms): each stands for the 100 ms around it.
  const vacuum = new Intervals(evidence.activity.filter((a) => a.autovacuum > 0).map((a) => [a.t - 50, a.t + 50, 1]));
  const rows = new Map<Source, AttributionRow>(SOURCES.map((k) => [k, { source: k, tail: 0, all: 0, primary: 0 }]));
  const tail: TailRequest[] = [];
  for (const s of samples) {
    const threshold = Math.max(5, 0.25 * (s.latency - p50.get(s.level)!));
    const late = s.sent - s.due;
    const gcMs = gc.within(s.sent, s.done);
    const waitMs = wait.within(s.sent, s.done);
    // GC pauses block the loop too: what is left of the stalls once GC and waiting are taken out.
    const busyMs = Math.max(0, loop.within(s.sent, s.done) - waitMs - gcMs);
    const checkpoint = cps.some(([a, b]) => a <= s.done && b >= s.due);
    const autovacuum = vacuum.within(s.due, s.done) > 0;
    const hits: Record<Source, boolean> = { generator: late >= threshold, gc: gcMs >= threshold, wait: waitMs >= threshold, busy: busyMs >= threshold, checkpoint, autovacuum, none: false };
    const source = SOURCES.find((k) => hits[k]) ?? 'none';
    hits.none = source === 'none';
    // At or above p99: with few samples the p99 is the slowest request itself.
    const isTail = s.latency >= p99.get(s.level)!;
    for (const k of SOURCES) {
      if (!hits[k]) continue;
      rows.get(k)!.all++;
      if (isTail) rows.get(k)!.tail++;
    }
    if (!isTail) continue;
    rows.get(source)!.primary++;
    const r = evidence.requests.get(s.id);
    tail.push({ level: s.level, latency: s.latency, late, toArrive: r ? r.arrive - s.sent : NaN, inApi: r ? r.finish - r.arrive : NaN, back: r ? s.done - r.finish : NaN, gcMs, waitMs, busyMs, checkpoint, autovacuum, source });
  }
  return { tailCount: tail.length, allCount: samples.length, rows: [...rows.values()], tail };
}
