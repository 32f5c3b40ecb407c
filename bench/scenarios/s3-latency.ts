import { closedLoop, openLoop } from '../support/load';
import { JsonHttp } from '../support/http-client';
import { CentreWalk, type Cast, judgeRequest } from '../support/lifecycle';
import { rollbacks } from '../support/database';
import { progress } from '../support/report';
import type { HelloWorld } from '../calibration/hello-world';
import { type BenchContext, ms } from '../support/context';

export interface LatencyPoint {
  fraction: number;
  rate: number;
  p50: number;
  p99: number;
  helloP99: number;
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
async function prepareCentres(http: JsonHttp, cast: Cast, count: number, tag: string): Promise<Array<{ centreId: string; auditId: string }>> {
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

/**
 * S3: open-loop latency (requests sent by the clock, latency from the due time) at 25%, 50% and
 * 80% of S2's maximum: each request judges a criterion on one of many open audits (read, fold,
 * decide, append one event). The same open loop against the hello-world app gives the HTTP p99
 * at the same rate.
 */
export async function s3Latency(ctx: BenchContext, apiUrl: string, s2Database: string, cast: Cast, hello: HelloWorld, s2Max: number): Promise<LatencyPoint[]> {
  const { opts, report } = ctx;
  const maxInFlight = 2000;
  const http = new JsonHttp(apiUrl, maxInFlight);
  const helloHttp = new JsonHttp(hello.baseUrl, maxInFlight);
  const centres = await prepareCentres(http, cast, opts.quick ? 100 : 400, Date.now().toString(36));
  const points: LatencyPoint[] = [];
  try {
    for (const fraction of [0.25, 0.5, 0.8]) {
      const rate = Math.max(10, Math.round(s2Max * fraction));
      const h = await openLoop({
        label: `S3 hello-world at ${rate}/s`,
        ratePerSec: rate,
        durationMs: ms(Math.max(2, opts.s3Seconds / 2)),
        op: async () => {
          const r = await helloHttp.request('POST', '/echo', 'token', { met: true, note: 'checked' });
          if (r.status !== 201) throw new Error(`echo ${r.status}`);
        },
      });
      const e = await openLoop({
        label: `S3 engine at ${rate}/s (${fraction * 100}%)`,
        ratePerSec: rate,
        durationMs: ms(opts.s3Seconds),
        drainMs: 30_000,
        op: async (i) => {
          const c = centres[i % centres.length]!;
          const req = judgeRequest(c.centreId, c.auditId, Math.floor(i / centres.length));
          const r = await http.request('PUT', req.path, cast.auditor, req.body);
          if (r.status !== 200) throw new Error(`judge ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
        },
      });
      const p50 = e.scheduledLatency.percentile(50);
      const p99 = e.scheduledLatency.percentile(99);
      const helloP99 = h.scheduledLatency.percentile(99);
      const pct = `${Math.round(fraction * 100)}%`;
      if (e.errors || e.unfinished) report.note(`S3 ${pct}: ${e.errors} errors, ${e.unfinished} unfinished (${String(e.firstError ?? '')})`);
      report.figure('S3', `s3.p50.${pct}`, `open loop ${pct} of S2 max (${rate}/s): p50`, p50, 'ms', `achieved ${e.opsPerSec.toFixed(0)}/s`);
      report.figure('S3', `s3.p99.${pct}`, `open loop ${pct} of S2 max (${rate}/s): p99`, p99, 'ms', `hello-world p99 at this rate ${helloP99.toFixed(2)} ms`);
      points.push({ fraction, rate, p50, p99, helloP99 });
      if ((e.errors || e.unfinished) && !(await settle(http, cast.auditor, centres[0]!))) report.note(`S3: the API did not recover within 60 s after the ${pct} level`);
    }
  } finally {
    helloHttp.close();
  }

  // Hot stream: 20 clients judging on one centre; the runner retries conflicts server-side.
  await hotStream(ctx, http, s2Database, cast);
  http.close();
  return points;
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
