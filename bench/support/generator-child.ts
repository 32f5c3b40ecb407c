/**
 * The open-loop load generator in its own process (forked by generator.ts), so that its timers
 * and GC are not the runner's and its lateness can be measured on its own: request i is due at
 * start + i / rate and sent then, whatever earlier ones are doing. For every request it reports
 * when it was due (epoch ms), how late the generator sent it and when it finished.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { JsonHttp } from './http-client';
import { judgeRequest } from './lifecycle';
import { sampleEvent } from './payloads';
import { RAW_COLUMNS } from '../calibration/raw-schema';
import type { GeneratorJob, GeneratorResult } from './generator';

const epochNow = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const clients = new Map<string, JsonHttp>();
const pools = new Map<string, Pool>();

async function target(job: GeneratorJob): Promise<(i: number) => Promise<void>> {
  if (job.kind === 'insert') {
    let p = pools.get(job.url);
    if (!p) {
      p = new Pool({ connectionString: job.url, max: job.poolSize ?? 20, application_name: 'bench-s3-raw' });
      pools.set(job.url, p);
      const warm = await Promise.all(Array.from({ length: job.poolSize ?? 20 }, () => p!.connect()));
      for (const c of warm) c.release();
    }
    const pool = p;
    const sql = `INSERT INTO ${job.table} (${RAW_COLUMNS}) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)`;
    const tag = `s3-${job.tag}`;
    return async (i) => {
      const stream = `${tag}-${i % 100}`;
      const e = sampleEvent(stream, i);
      await pool.query(sql, [stream, i, e.id, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata)]);
    };
  }
  const key = `${job.url} ${job.connections ?? 2000}`;
  let http = clients.get(key);
  if (!http) clients.set(key, (http = new JsonHttp(job.url, job.connections ?? 2000)));
  const client = http;
  if (job.kind === 'echo') {
    return async () => {
      const r = await client.request('POST', '/echo', 'token', { met: true, note: 'checked' });
      if (r.status !== 201) throw new Error(`echo ${r.status}`);
    };
  }
  const centres = job.centres!;
  const offset = job.indexOffset ?? 0;
  return async (i) => {
    const k = i + offset;
    const c = centres[k % centres.length]!;
    const req = judgeRequest(c.centreId, c.auditId, Math.floor(k / centres.length));
    // Numbered, so the API's probe can report when this request arrived and when it was answered.
    const r = await client.request('PUT', req.path, job.token, req.body, { 'x-bench-id': `${job.tag}:${i}` });
    if (r.status !== 200) throw new Error(`judge ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
  };
}

async function run(job: GeneratorJob): Promise<GeneratorResult> {
  const op = await target(job);
  const loop = monitorEventLoopDelay({ resolution: 5 });
  const interval = 1000 / job.ratePerSec;
  const total = Math.floor(job.durationMs / interval);
  const due = new Float64Array(total);
  const late = new Float64Array(total);
  const latency = new Float64Array(total).fill(-1);
  let errors = 0;
  let firstError: string | undefined;
  let pending = 0;
  loop.enable();
  const start = epochNow();
  let sent = 0;
  while (sent < total) {
    const now = epochNow();
    while (sent < total && start + sent * interval <= now) {
      const i = sent++;
      due[i] = start + i * interval;
      late[i] = epochNow() - due[i]!;
      pending++;
      op(i).then(
        () => {
          latency[i] = epochNow() - due[i]!;
          pending--;
        },
        (error: unknown) => {
          errors++;
          firstError ??= String(error);
          pending--;
        },
      );
    }
    if (sent < total) await sleep(Math.max(0, start + sent * interval - epochNow()));
  }
  const drainUntil = epochNow() + (job.drainMs ?? 10_000);
  while (pending > 0 && epochNow() < drainUntil) await sleep(5);
  loop.disable();
  return {
    due: Array.from(due),
    late: Array.from(late, (v) => +v.toFixed(2)),
    latency: Array.from(latency, (v) => +v.toFixed(2)),
    errors,
    firstError,
    unfinished: pending,
    loop: { p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 },
  };
}

process.on('message', (message: { id: number; job?: GeneratorJob; close?: boolean }) => {
  if (message.close) {
    for (const c of clients.values()) c.close();
    void Promise.all([...pools.values()].map((p) => p.end())).then(() => process.exit(0));
    return;
  }
  run(message.job!).then(
    (result) => process.send!({ id: message.id, result }),
    (error: Error) => process.send!({ id: message.id, error: error.stack ?? error.message }),
  );
});
process.send!({ ready: true });
