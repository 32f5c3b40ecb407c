import { writeFileSync } from 'node:fs';
import { closedLoop } from '../support/load';
import { JsonHttp } from '../support/http-client';
import { CentreWalk, type Cast, judgeRequest } from '../support/lifecycle';
import { rollbacks, withClient } from '../support/database';
import { progress } from '../support/report';
import { fmt } from '../support/report';
import type { HelloWorld } from '../calibration/hello-world';
import { recreateRawTable } from '../calibration/raw-schema';
import type { ApiProcess, ProbeHistogram } from '../support/api-process';
import { type GeneratorResult, GeneratorProcess, latenciesOf, samplesOf } from '../support/generator';
import { type ActivitySample, checkpointsBetween, describeCounters, pgCounters, sampleActivity } from '../support/pg-activity';
import { cpuWindow, describeCpu } from '../support/child-process';
import { type LevelSample, SOURCE_LABELS, type Source, type TailRequest, attributeTail } from '../support/tail-attribution';
import { Latencies } from '../support/stats';
import { type BenchContext, ms } from '../support/context';

export interface LatencyPoint {
  fraction: number;
  rate: number;
  p50: number;
  p99: number;
  helloP99: number;
  /** Raw INSERT open loop at the same rate, same server, in turns with the engine. */
  rawP99: number;
}

/** After an overloaded level, wait until the API has worked off its backlog and answers again. */
async function settle(http: JsonHttp, token: string, centre: { centreId: string; auditId: string }): Promise<boolean> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    const req = judgeRequest(centre.centreId, centre.auditId, 0);
    const r = await http.request('PUT', req.path, token, req.body).catch(() => ({ status: 0 }));
    if (r.status === 200) return true;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return false;
}

/** Centres walked up to an appointed audit team, ready to take judgements. */
export async function prepareCentres(http: JsonHttp, cast: Cast, count: number, tag: string): Promise<Array<{ centreId: string; auditId: string }>> {
  const p = progress('S3 preparing centres', 'centres');
  const ready: Array<{ centreId: string; auditId: string }> = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < count) {
        const walk = new CentreWalk(http, cast, `l${tag}-${next++}`, true);
        while (!walk.done) await walk.next();
        ready.push({ centreId: walk.centreId, auditId: walk.audit });
        p.add();
      }
    }),
  );
  p.stop();
  return ready;
}

const RAW_TABLE = 'raw_events_s3';
const TURNS = 2;

/**
 * S3: open-loop latency (requests sent by the clock, latency from the due time) at 25%, 50% and
 * 80% of S2's maximum: each request judges a criterion on one of many open audits (read, fold,
 * decide, append one event). The generator runs in its own process and reports how late it sent
 * each request. At each rate, in the same run and on the same server: the hello-world app (the
 * HTTP p99) and a raw INSERT open loop (the append p99), the latter in turns with the engine. The
 * API's event-loop delay and GC pauses (api-probe.ts), the server's checkpoints and WAL counters
 * are recorded alongside, and the requests above p99 are attributed to them.
 */
export async function s3Latency(ctx: BenchContext, api: ApiProcess, s2Database: string, cast: Cast, hello: HelloWorld, s2Max: number): Promise<LatencyPoint[]> {
  const { opts, report } = ctx;
  const http = new JsonHttp(api.baseUrl, 2000);
  const centres = await prepareCentres(http, cast, opts.quick ? 100 : 400, Date.now().toString(36));
  await withClient(ctx.rawUrl, (c) => recreateRawTable(c, RAW_TABLE));
  const generator = await GeneratorProcess.start();
  const points: LatencyPoint[] = [];
  const samples: LevelSample[] = [];
  const p50s = new Map<string, number>();
  const p99s = new Map<string, number>();
  const levelWindows: Array<{ level: string; from: number; to: number }> = [];
  const turnSeconds = opts.s3Seconds / TURNS;
  // HTTP clients keep as many connections as S2 had clients (a reverse proxy's upstream pool), as the
  // raw INSERT loop keeps the API's 20: beyond them a request waits for one, counted from its due time.
  const connections = opts.s2Clients;
  const t0 = Date.now();
  const before = await pgCounters(ctx.adminUrl);
  const activity = sampleActivity(ctx.adminUrl);
  let activitySamples: ActivitySample[] = [];
  await api.probe.mark('start');
  // The generator's first requests pay for its JIT and connections: warm it, unmeasured.
  await generator.run('S3 generator warm-up', { kind: 'echo', url: hello.baseUrl, connections, ratePerSec: 50, durationMs: 1000 });
  try {
    for (const fraction of [0.25, 0.5, 0.8]) {
      const rate = Math.max(10, Math.round(s2Max * fraction));
      const pct = `${Math.round(fraction * 100)}%`;
      const h = await generator.run(`S3 hello-world at ${rate}/s`, { kind: 'echo', url: hello.baseUrl, connections, ratePerSec: rate, durationMs: ms(Math.max(2, opts.s3Seconds / 2)) });
      const levelBefore = await pgCounters(ctx.adminUrl);
      const rollbacksBefore = await rollbacks(ctx.adminUrl, s2Database);
      const engineRuns: GeneratorResult[] = [];
      const rawRuns: GeneratorResult[] = [];
      const histograms: ProbeHistogram[] = [];
      const from = Date.now();
      const cpu = cpuWindow({ api: api.child.pid, generator: generator.pid, runner: process.pid });
      let offset = 0;
      // Engine and raw INSERT in turns, so that whatever else loads the machine hits both alike.
      for (let turn = 0; turn < TURNS; turn++) {
        await api.probe.mark(`idle ${pct} ${turn}`);
        const e = await generator.run(`S3 engine at ${rate}/s (${pct}), turn ${turn + 1}`, { kind: 'judge', url: api.baseUrl, connections, token: cast.auditor, centres, indexOffset: offset, tag: `${pct}-${turn}`, ratePerSec: rate, durationMs: ms(turnSeconds), drainMs: 30_000 });
        const hist = await api.probe.mark(`engine ${pct} ${turn}`);
        if (hist) histograms.push(hist);
        offset += e.due.length;
        engineRuns.push(e);
        rawRuns.push(await generator.run(`S3 raw INSERT at ${rate}/s, turn ${turn + 1}`, { kind: 'insert', url: ctx.rawUrl, table: RAW_TABLE, tag: `${pct}-${turn}`, ratePerSec: rate, durationMs: ms(turnSeconds) }));
      }
      const to = Date.now();
      const split = cpu.stop();
      levelWindows.push({ level: pct, from, to });
      const levelAfter = await pgCounters(ctx.adminUrl);
      const retried = (await rollbacks(ctx.adminUrl, s2Database)) - rollbacksBefore;
      const engine = engineRuns.reduce((l, r) => l.merge(latenciesOf(r)), new Latencies());
      const raw = rawRuns.reduce((l, r) => l.merge(latenciesOf(r)), new Latencies());
      const late = new Latencies();
      for (const r of engineRuns) for (const v of r.late) late.add(v);
      const errors = engineRuns.reduce((n, r) => n + r.errors, 0);
      const unfinished = engineRuns.reduce((n, r) => n + r.unfinished, 0);
      const p50 = engine.percentile(50);
      const p99 = engine.percentile(99);
      const helloP99 = latenciesOf(h).percentile(99);
      const rawP99 = raw.percentile(99);
      p50s.set(pct, p50);
      p99s.set(pct, p99);
      engineRuns.forEach((r, turn) => samples.push(...samplesOf(r, `${pct}-${turn}`).map((s) => ({ ...s, level: pct }))));
      if (errors || unfinished) report.note(`S3 ${pct}: ${errors} errors, ${unfinished} unfinished (${engineRuns.map((r) => r.firstError).find(Boolean) ?? ''})`);
      const rawErrors = rawRuns.reduce((n, r) => n + r.errors + r.unfinished, 0);
      if (rawErrors) report.note(`S3 raw INSERT ${pct}: ${rawErrors} failed or unfinished (${rawRuns.map((r) => r.firstError).find(Boolean) ?? ''})`);
      const worst = histograms.reduce<ProbeHistogram | undefined>((w, x) => (!w || x.p99 > w.p99 ? x : w), undefined);
      const genLoopMax = Math.max(...engineRuns.map((r) => r.loop.max));
      report.figure('S3', `s3.p50.${pct}`, `open loop ${pct} of S2 max (${rate}/s): p50`, p50, 'ms', `achieved ${(engine.count / opts.s3Seconds).toFixed(0)}/s`);
      report.figure('S3', `s3.p99.${pct}`, `open loop ${pct} of S2 max (${rate}/s): p99`, p99, 'ms', `hello-world p99 at this rate ${helloP99.toFixed(2)} ms, raw INSERT p99 ${rawP99.toFixed(2)} ms`);
      report.figure('S3', `s3.raw.p99.${pct}`, `raw INSERT open loop at ${rate}/s, in turns: p99`, rawP99, 'ms', `p50 ${raw.percentile(50).toFixed(2)} ms, ${raw.count} inserts, same server, pool of 20`);
      report.figure('S3', `s3.loop.${pct}`, `API event-loop delay at ${pct}: p99 (worst turn)`, worst?.p99 ?? NaN, 'ms', worst ? `p50 ${worst.p50.toFixed(1)} ms, p90 ${worst.p90.toFixed(1)} ms, max ${worst.max.toFixed(1)} ms (monitorEventLoopDelay, 5 ms resolution)` : 'probe gave no histogram');
      report.figure('S3', `s3.late.${pct}`, `load generator lateness at ${pct}: p99`, late.percentile(99), 'ms', `max ${late.percentile(100).toFixed(1)} ms; its own loop delay max ${genLoopMax.toFixed(1)} ms (own process)`);
      report.figure('S3', `s3.pg.${pct}`, `PostgreSQL during the ${pct} level: WAL fsyncs`, levelAfter.walSyncs - levelBefore.walSyncs, 'fsyncs', describeCounters(levelBefore, levelAfter));
      report.figure('S3', `s3.cpu.${pct}`, `CPU during the ${pct} level (engine and raw turns)`, Object.values(split.seconds).reduce((x, y) => x + y, 0) / split.wallSeconds, 'cores', describeCpu(split));
      report.figure('S3', `s3.conflicts.${pct}`, `append conflicts retried by the server at ${pct}`, retried, 'statements', `rolled back in the S2 database during the level, of ${engine.count} judgements`);
      points.push({ fraction, rate, p50, p99, helloP99, rawP99 });
      if ((errors || unfinished) && !(await settle(http, cast.auditor, centres[0]!))) report.note(`S3: the API did not recover within 60 s after the ${pct} level`);
    }
    activitySamples = await activity.stop();
    const after = await pgCounters(ctx.adminUrl);
    report.figure('S3', 's3.pg', 'PostgreSQL over S3 (checkpoints, WAL)', after.checkpointsTimed + after.checkpointsRequested - before.checkpointsTimed - before.checkpointsRequested, 'checkpoints', describeCounters(before, after));
    attribution(ctx, api, samples, p50s, p99s, levelWindows, t0, activitySamples);
  } finally {
    await activity.stop();
    await generator.stop();
  }

  // Hot stream: 20 clients judging on one centre; the runner retries conflicts server-side.
  await hotStream(ctx, http, s2Database, cast);
  http.close();
  return points;
}

const mean = (xs: number[]) => {
  const ok = xs.filter((x) => Number.isFinite(x));
  return ok.length ? ok.reduce((a, b) => a + b, 0) / ok.length : NaN;
};

/** The attribution table and the timeline of the levels (bench/notes/method.md says how). */
function attribution(ctx: BenchContext, api: ApiProcess, samples: LevelSample[], p50s: Map<string, number>, p99s: Map<string, number>, levels: Array<{ level: string; from: number; to: number }>, t0: number, activity: ActivitySample[]): void {
  const { report } = ctx;
  const probe = api.probe.read();
  const checkpoints = checkpointsBetween(t0, Date.now());
  const a = attributeTail(samples, p50s, p99s, { stalls: probe.stalls, gcs: probe.gcs, checkpoints, requests: probe.requests, activity });
  const pctOf = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(0)}%` : '—');
  const maxOf = (xs: number[]) => (xs.length ? Math.max(...xs) : 0);
  const inLevels = (t: number) => levels.some((l) => t >= l.from && t <= l.to);
  const gcIn = probe.gcs.filter((g) => inLevels(g.start));
  const stallsIn = probe.stalls.filter((s) => inLevels(s.end));
  const waiting = stallsIn.filter((s) => s.wait > s.run);
  const none = a.tail.filter((t) => t.source === 'none');
  const evidence: Record<Source, string> = {
    generator: `generator lateness of the tail requests: max ${fmt(maxOf(a.tail.map((t) => t.late)))} ms (own process, timer set to each due time)`,
    gc: `${gcIn.length} GC pauses during the levels, ${gcIn.filter((g) => g.dur >= 10).length} ≥ 10 ms, longest ${fmt(maxOf(gcIn.map((g) => g.dur)))} ms; GC inside a tail request up to ${fmt(maxOf(a.tail.map((t) => t.gcMs)))} ms`,
    wait: `${stallsIn.length} loop stalls ≥ 5 ms during the levels (longest ${fmt(maxOf(stallsIn.map((s) => s.dur)))} ms), ${waiting.length} of them mostly spent runnable but not running (main thread's schedstat); inside a tail request up to ${fmt(maxOf(a.tail.map((t) => t.waitMs)))} ms`,
    busy: `the rest of those stalls (main thread running, not in GC): inside a tail request up to ${fmt(maxOf(a.tail.map((t) => t.busyMs)))} ms`,
    checkpoint: checkpoints.length
      ? `${checkpoints.length} checkpoint(s) overlapping S3 (server log): ${checkpoints.map((c) => (c.end === undefined ? `${c.reason}, still running at the end` : `${c.reason}, ${c.buffers} buffers, write ${c.writeS} s, sync ${c.syncS} s`)).join('; ')}`
      : 'no checkpoint ran during S3 (server log, log_checkpoints=on)',
    autovacuum: `pg_stat_activity every 100 ms: an autovacuum worker in ${activity.filter((x) => x.autovacuum > 0).length} of ${activity.length} samples; backends waiting on WAL in ${activity.filter((x) => x.walWait > 0).length}`,
    none: none.length ? `of these requests' time: sent → in the API handler ${fmt(mean(none.map((t) => t.toArrive)))} ms, in the API (handler and database) ${fmt(mean(none.map((t) => t.inApi)))} ms, back ${fmt(mean(none.map((t) => t.back)))} ms (means)` : '',
  };
  report.table(
    'S3',
    `Tail attribution: the ${a.tailCount} engine requests at or above their level's p99 (of ${a.allCount}); a source counts when it covers ≥ ¼ of the request's excess over the level's p50 (and ≥ 5 ms)`,
    ['Stall source', 'Share of p99 samples', 'First explanation for', 'Same test, all requests', 'Evidence'],
    a.rows.map((r) => [SOURCE_LABELS[r.source], `${r.tail} (${pctOf(r.tail, a.tailCount)})`, `${r.primary} (${pctOf(r.primary, a.tailCount)})`, pctOf(r.all, a.allCount), evidence[r.source]]),
  );
  const split = (xs: TailRequest[]) => [fmt(mean(xs.map((t) => t.latency))), fmt(mean(xs.map((t) => t.late))), fmt(mean(xs.map((t) => t.toArrive))), fmt(mean(xs.map((t) => t.inApi))), fmt(mean(xs.map((t) => t.back)))];
  report.table('S3', 'Where the time of the tail requests went (means, ms; server times from the probe, matched by x-bench-id)', ['Requests', 'Latency', 'Generator late', 'Sent → API handler', 'In the API', 'Answer back'], [
    [`p99 and above (${a.tail.length})`, ...split(a.tail)],
    [`all (${samples.length})`, ...split(samples.map((x) => {
      const r = probe.requests.get(x.id);
      return { latency: x.latency, late: x.sent - x.due, toArrive: r ? r.arrive - x.sent : NaN, inApi: r ? r.finish - r.arrive : NaN, back: r ? x.done - r.finish : NaN } as TailRequest;
    }))],
  ]);
  // Over time: each level in ten slices.
  const rows: string[][] = [];
  for (const l of levels) {
    const step = (l.to - l.from) / 10;
    for (let i = 0; i < 10; i++) {
      const a0 = l.from + i * step;
      const a1 = a0 + step;
      const inSlice = samples.filter((s) => s.level === l.level && s.due >= a0 && s.due < a1);
      if (inSlice.length === 0) continue;
      const lat = new Latencies();
      for (const s of inSlice) lat.add(s.latency);
      const loopMax = maxOf(probe.windows.filter((w) => w.t >= a0 && w.t < a1).map((w) => w.max));
      const gcMs = probe.gcs.filter((g) => g.start >= a0 && g.start < a1).reduce((n, g) => n + g.dur, 0);
      const cp = checkpointsBetween(a0, a1).length > 0; // running (any phase)
      const av = activity.some((x) => x.t >= a0 && x.t < a1 && x.autovacuum > 0);
      rows.push([l.level, `${((a0 - l.from) / 1000).toFixed(1)} s`, String(inSlice.length), fmt(lat.percentile(50)), fmt(lat.percentile(100)), fmt(loopMax), fmt(gcMs), cp ? 'yes' : '', av ? 'yes' : '']);
    }
  }
  report.table('S3', 'Over time: each level in ten slices (raw INSERT turns between engine turns have no engine requests)', ['Level', 'From', 'Requests', 'p50 ms', 'max ms', 'API loop delay max ms', 'API GC ms', 'Checkpoint running', 'Autovacuum'], rows);
  if (process.env.BENCH_S3_DUMP) writeFileSync(process.env.BENCH_S3_DUMP, JSON.stringify({ levels, samples, p50: [...p50s], p99: [...p99s], probe: { ...probe, requests: [...probe.requests.values()] }, checkpoints, activity, tail: a.tail }));
}

async function hotStream(ctx: BenchContext, http: JsonHttp, s2Database: string, cast: Cast): Promise<void> {
  const { opts, report } = ctx;
  const [hot] = await prepareCentres(http, cast, 1, `hot${Date.now().toString(36)}`);
  const before = await rollbacks(ctx.adminUrl, s2Database);
  let conflicts409 = 0;
  let failed412 = 0;
  let clientRetries = 0;
  let n = 0;
  const result = await closedLoop({
    label: 'S3 hot stream, 20 clients on one centre',
    workers: 20,
    durationMs: ms(opts.hotSeconds),
    unit: 'commands',
    op: async () => {
      for (let attempt = 0; ; attempt++) {
        const req = judgeRequest(hot!.centreId, hot!.auditId, n++);
        const r = await http.request('PUT', req.path, cast.auditor, req.body);
        if (r.status === 200) return;
        if (r.status === 409) conflicts409++;
        else if (r.status === 412) failed412++;
        else throw new Error(`hot judge ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
        if (attempt >= 5) throw new Error('gave up after 5 client retries');
        clientRetries++;
      }
    },
  });
  const serverConflicts = (await rollbacks(ctx.adminUrl, s2Database)) - before;
  report.figure('S3', 's3.hot', 'hot stream: 20 clients, one centre', result.opsPerSec, 'cmd/s', `p50 ${result.latency.percentile(50).toFixed(1)} ms, p99 ${result.latency.percentile(99).toFixed(1)} ms`);
  report.figure('S3', 's3.hot.conflicts', 'hot stream: append conflicts retried by the server', serverConflicts / result.seconds, 'per s', `${serverConflicts} in ${result.seconds} s (rolled-back statements)`);
  report.figure('S3', 's3.hot.409', 'hot stream: 409/412 answered (retries exhausted)', (conflicts409 + failed412) / result.seconds, 'per s', `${conflicts409} × 409, ${failed412} × 412, ${clientRetries} client retries, ${result.errors} failures`);
  report.figure('S3', 's3.hot.p99', 'hot stream p99 (retry-inflated)', result.latency.percentile(99), 'ms');
}
