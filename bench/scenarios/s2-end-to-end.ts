import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closedLoop } from '../support/load';
import { reportProfileSplit } from '../support/profile-report';
import { monotonicMicros } from '../support/profile-split';
import { type ApiProcess, startApiProcess } from '../support/api-process';
import { cpuWindow, describeCpu, sampleMemory } from '../support/child-process';
import { JsonHttp } from '../support/http-client';
import { CentreWalk, type Cast, UnexpectedResponse, castTokens, registerAuditor } from '../support/lifecycle';
import { pool, warmPool } from '../support/database';
import type { HelloWorld } from '../calibration/hello-world';
import { type BenchContext, ms } from '../support/context';

export interface EndToEnd {
  api: ApiProcess;
  http: JsonHttp;
  cast: Cast;
  commandsPerSec: number;
  /** Mean length of the centre stream each command read. */
  meanStreamLength: number;
}

/**
 * S2: `clients` virtual users over real HTTP, each walking its own centres through the lifecycle
 * one command after the other (closed loop), against the API in its own process.
 */
export async function s2EndToEnd(ctx: BenchContext, s2Url: string, hello: HelloWorld): Promise<EndToEnd> {
  const { opts, report } = ctx;
  const clients = opts.s2Clients;

  // The load generator's own cost: the same client against the hello-world app (POST, JSON body).
  const helloHttp = new JsonHttp(hello.baseUrl, clients);
  const echo = await closedLoop({
    label: `hello-world via the S2 client c=${clients}`,
    workers: clients,
    durationMs: ms(Math.min(opts.autocannonSeconds, 5)),
    warmupMs: ms(opts.warmupSeconds),
    unit: 'requests',
    op: async () => {
      const r = await helloHttp.request('POST', '/echo', 'token', { centreId: 'x', note: 'a small command body' });
      if (r.status !== 201) throw new Error(`echo ${r.status}`);
    },
  });
  helloHttp.close();
  report.figure('calibration', 'http.hello.client', `hello-world POST via the S2 client, c=${clients}`, echo.opsPerSec, 'req/s', `p99 ${echo.latency.percentile(99).toFixed(2)} ms (the generator's share of the 2 cores shows here)`);

  // --profile: the API runs under --cpu-prof; its profile is written when it stops (after S3 when S3 runs).
  const profileDir = opts.profile ? mkdtempSync(join(tmpdir(), 'api-cpu-profile-')) : undefined;
  const started = await startApiProcess(s2Url, {}, profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []);
  const api: ApiProcess = { ...started };
  const http = new JsonHttp(api.baseUrl, clients + 8);
  const cast = await castTokens();
  await registerAuditor(http, cast);
  const run = Date.now().toString(36);
  const walks: Array<CentreWalk | undefined> = Array.from({ length: clients }, () => undefined);
  const counters = Array.from({ length: clients }, () => 0);
  let lengthSum = 0;
  let lengthCount = 0;
  const failures: string[] = [];
  const memory = sampleMemory(api.child.pid, 200);
  let cpu: ReturnType<typeof cpuWindow> | undefined;
  const measuredFromUs = monotonicMicros() + opts.warmupSeconds * 2 * 1e6;
  setTimeout(() => (cpu = cpuWindow({ api: api.child.pid, generator: process.pid })), ms(opts.warmupSeconds * 2)).unref();
  const result = await closedLoop({
    label: `S2 end-to-end c=${clients}`,
    workers: clients,
    durationMs: ms(opts.s2Seconds),
    warmupMs: ms(opts.warmupSeconds * 2),
    unit: 'commands',
    maxConsecutiveErrors: 5,
    op: async (w) => {
      let walk = walks[w];
      if (!walk || walk.done) walk = walks[w] = new CentreWalk(http, cast, `b${run}-${w}-${counters[w]!++}`);
      try {
        const length = await walk.next();
        lengthSum += length;
        lengthCount++;
      } catch (error) {
        walks[w] = undefined;
        if (failures.length < 5) failures.push(error instanceof UnexpectedResponse ? error.message : String(error));
        throw error;
      }
    },
  });
  const measuredToUs = monotonicMicros();
  const mem = memory.stop();
  const split = cpu?.stop();
  if (result.errors) report.note(`S2: ${result.errors} failed commands; first: ${failures.join(' | ')}`);
  const meanStreamLength = lengthSum / Math.max(1, lengthCount);
  report.figure('S2', 's2.e2e', `end-to-end commands over HTTP, ${clients} clients`, result.opsPerSec, 'cmd/s', `p50 ${result.latency.percentile(50).toFixed(1)} ms, p99 ${result.latency.percentile(99).toFixed(1)} ms, ${result.errors} errors`);
  report.figure('S2', 's2.e2e.p99', 'end-to-end p99 (closed loop, saturated)', result.latency.percentile(99), 'ms');
  if (split) report.figure('S2', 's2.cpu', 'CPU split during S2 (cores busy)', Object.values(split.seconds).reduce((a, b) => a + b, 0) / split.wallSeconds, 'cores', describeCpu(split, { ops: result.ops, unit: 'cmd' }));
  report.figure('S2', 's2.streamLength', 'mean centre stream length read per command', meanStreamLength, 'events');
  report.figure('S2', 's2.rss', 'API process peak RSS during S2', Math.max(mem.maxRssMb, mem.peakMb), 'MB', `max sampled RSS ${mem.maxRssMb.toFixed(0)} MB, kernel peak (VmHWM) ${mem.peakMb.toFixed(0)} MB`);
  ctx.s2 = { commandsPerSec: result.opsPerSec, baseUrl: api.baseUrl };
  if (profileDir) {
    api.stop = async () => {
      await started.stop();
      try {
        reportProfileSplit(report, profileDir, { fromUs: measuredFromUs, toUs: measuredToUs }, result.ops);
      } finally {
        rmSync(profileDir, { recursive: true, force: true });
      }
    };
  }
  return { api, http, cast, commandsPerSec: result.opsPerSec, meanStreamLength };
}

/**
 * R for the composite ceiling: raw reads of centre streams written by S2, cut to the mean length
 * S2's commands read, through `pg` at the concurrency of the API's pool.
 */
export async function rawStreamReads(ctx: BenchContext, s2Url: string, length: number, concurrency = 16): Promise<number> {
  const { opts, report } = ctx;
  const p = pool(s2Url, concurrency);
  await warmPool(p, concurrency);
  try {
    const streams = (await p.query<{ stream_id: string }>(`SELECT stream_id FROM streams WHERE stream_id LIKE 'centre-%' AND revision + 1 >= $1 LIMIT 5000`, [length])).rows.map((r) => r.stream_id);
    if (streams.length === 0) throw new Error('no S2 streams to read');
    let i = 0;
    const result = await closedLoop({
      label: `raw stream reads (${length} rows) c=${concurrency}`,
      workers: concurrency,
      durationMs: ms(opts.pointSeconds),
      warmupMs: ms(opts.warmupSeconds),
      unit: 'reads',
      op: async () => {
        const streamId = streams[i++ % streams.length]!;
        await p.query('SELECT position, stream_id, revision, event_id, type, data, metadata, recorded_at FROM events WHERE stream_id = $1 ORDER BY revision LIMIT $2', [streamId, length]);
      },
    });
    report.figure('calibration', 'raw.read.s2', `raw read of a ${length}-event centre stream, c=${concurrency}`, result.opsPerSec, 'reads/s', `p99 ${result.latency.percentile(99).toFixed(2)} ms`);
    return result.opsPerSec;
  } finally {
    await p.end();
  }
}
