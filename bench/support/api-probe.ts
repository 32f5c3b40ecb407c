/**
 * Benchmark-only preload for the API process (`node --require`, see api-process.ts): records the
 * process's event-loop delay and GC pauses into BENCH_PROBE_FILE as JSON lines, with wall-clock
 * times (ms since the epoch, fractional) that the runner lines up with request times. Nothing is
 * served over HTTP, and nothing runs before the first SIGUSR2 (so S2's CPU figures do not pay for it).
 * Each SIGUSR2 closes a phase: the event-loop delay histogram since the previous mark is written
 * with the label found in BENCH_PROBE_FILE.mark, then reset.
 *
 * Lines: {k:'stall', end, dur, run, wait} (a 10 ms timer fired dur ms late: the loop was blocked
 * from end-dur to end; of that time the main thread ran `run` ms and waited `wait` ms in the
 * kernel's run queue for a core, from /proc/self/task/<pid>/schedstat), {k:'gc', start, dur, kind},
 * {k:'el', t, max, mean} (monitorEventLoopDelay over 250 ms, resolution subtracted),
 * {k:'hist', t, label, count, mean, p50, p90, p99, max} (same), {k:'req', id, arrive, finish} for
 * requests that carry an x-bench-id header (when the server emitted 'request', when the response
 * finished).
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { Server, type IncomingMessage, type ServerResponse } from 'node:http';
import { PerformanceObserver, monitorEventLoopDelay, performance } from 'node:perf_hooks';

const file = process.env.BENCH_PROBE_FILE;

function startProbe(file: string): { mark(): void } {
  const epoch = (relative: number) => performance.timeOrigin + relative;
  const now = () => epoch(performance.now());
  let buffer: string[] = [];
  const put = (record: Record<string, unknown>) => buffer.push(JSON.stringify(record));
  const flush = () => {
    if (buffer.length === 0) return;
    appendFileSync(file, `${buffer.join('\n')}\n`);
    buffer = [];
  };

  // Stalls, precisely placed: a 10 ms interval timer and how late each tick is; the main thread's
  // scheduler counters tell its own work (running) from waiting for a core (runnable, not running).
  const TICK = 10;
  const STALL_MS = 5;
  const schedFile = `/proc/self/task/${process.pid}/schedstat`;
  const sched = (): [number, number] => {
    try {
      const [run, wait] = readFileSync(schedFile, 'utf8').split(' ');
      return [Number(run) / 1e6, Number(wait) / 1e6];
    } catch {
      return [NaN, NaN];
    }
  };
  let expected = performance.now() + TICK;
  let last = sched();
  setInterval(() => {
    const t = performance.now();
    const late = t - expected;
    const s = sched();
    if (late >= STALL_MS) put({ k: 'stall', end: epoch(t), dur: +late.toFixed(2), run: +(s[0] - last[0]).toFixed(2), wait: +(s[1] - last[1]).toFixed(2) });
    last = s;
    expected = t + TICK;
  }, TICK).unref();

  // The histogram (libuv timer at 5 ms resolution, which every value includes): per phase, and its max/mean every 250 ms.
  const RESOLUTION = 5;
  const delay = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION);
  const phase = monitorEventLoopDelay({ resolution: RESOLUTION });
  const window = monitorEventLoopDelay({ resolution: RESOLUTION });
  phase.enable();
  window.enable();
  setInterval(() => {
    if (window.count > 0) put({ k: 'el', t: now(), max: +delay(window.max).toFixed(2), mean: +delay(window.mean).toFixed(2) });
    window.reset();
  }, 250).unref();

  // Server-side times of the generator's requests (it numbers them in x-bench-id).
  const emit = Server.prototype.emit as (this: Server, event: string, ...args: unknown[]) => boolean;
  Server.prototype.emit = function (this: Server, event: string, ...args: unknown[]) {
    if (event === 'request') {
      const [req, res] = args as [IncomingMessage, ServerResponse];
      const id = req.headers['x-bench-id'];
      if (typeof id === 'string') {
        const arrive = now();
        res.once('finish', () => put({ k: 'req', id, arrive, finish: now() }));
      }
    }
    return emit.call(this, event, ...args);
  } as typeof Server.prototype.emit;

  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const detail = (e as unknown as { detail?: { kind?: number } }).detail;
      put({ k: 'gc', start: epoch(e.startTime), dur: +e.duration.toFixed(3), kind: detail?.kind ?? 0 });
    }
  }).observe({ entryTypes: ['gc'] });

  setInterval(flush, 500).unref();
  process.on('exit', flush);
  return {
    mark: () => {
      const markFile = `${file}.mark`;
      const label = existsSync(markFile) ? readFileSync(markFile, 'utf8').trim() : '';
      const count = phase.count;
      put({ k: 'hist', t: now(), label, count, mean: count ? delay(phase.mean) : 0, p50: delay(phase.percentile(50)), p90: delay(phase.percentile(90)), p99: delay(phase.percentile(99)), max: delay(phase.max) });
      phase.reset();
      flush();
    },
  };
}

if (file) {
  let probe: { mark(): void } | undefined;
  process.on('SIGUSR2', () => {
    probe ??= startProbe(file);
    probe.mark();
  });
}
