/**
 * The peer, in its own process: Emmett's PostgreSQL event store sets global `pg` type parsers
 * (bigint and jsonb) when loaded, which must not leak into the engine's measurements.
 * argv: <connection string> <job JSON>. Prints progress on stderr and "result <JSON>" on stdout.
 */
import { readFileSync } from 'node:fs';
import { Pool } from 'pg';
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { closedLoop } from './load';
import { sampleEvent } from './payloads';
import { median, nowMs } from './stats';

interface Job {
  appends: Array<{ concurrency: number; eventsPerAppend: number }>;
  pointMs: number;
  warmupMs: number;
  /** JSON file holding the trail's events ({type, data, metadata}[]). */
  trailFile?: string;
  readReps: number;
}

async function main(): Promise<void> {
  const [url, jobJson] = process.argv.slice(2) as [string, string];
  const job = JSON.parse(jobJson) as Job;
  const out: Record<string, unknown> = {};
  const maxConcurrency = Math.max(4, ...job.appends.map((a) => a.concurrency));
  const pool = new Pool({ connectionString: url, max: maxConcurrency });
  const store = getPostgreSQLEventStore(url, { connectionOptions: { pool } });
  await store.schema.migrate();
  const run = Date.now().toString(36);

  for (const point of job.appends) {
    const clients = await Promise.all(Array.from({ length: point.concurrency }, () => pool.connect()));
    for (const c of clients) c.release();
    const state = Array.from({ length: point.concurrency }, () => ({ stream: 0, version: 0n }));
    const result = await closedLoop({
      label: `Emmett append c=${point.concurrency} ×${point.eventsPerAppend}`,
      workers: point.concurrency,
      durationMs: job.pointMs,
      warmupMs: job.warmupMs,
      unit: 'events',
      op: async (w) => {
        const s = state[w]!;
        if (s.version + BigInt(point.eventsPerAppend) >= 500n) {
          s.stream++;
          s.version = 0n;
        }
        const streamName = `centre-s1-${run}-${point.concurrency}x${point.eventsPerAppend}-${w}-${s.stream}`;
        const events = Array.from({ length: point.eventsPerAppend }, (_, k) => {
          const e = sampleEvent(streamName, Number(s.version) + k);
          return { type: e.type, data: e.data, metadata: { ...e.metadata, eventId: e.id } };
        });
        const r = await store.appendToStream(streamName, events, { expectedStreamVersion: s.version === 0n ? STREAM_DOES_NOT_EXIST : s.version });
        s.version = r.nextExpectedStreamVersion;
        return point.eventsPerAppend;
      },
    });
    out[`append.c${point.concurrency}.x${point.eventsPerAppend}`] = {
      eventsPerSec: result.unitsPerSec,
      p50: result.latency.percentile(50),
      p99: result.latency.percentile(99),
      errors: result.errors,
      firstError: result.firstError ? String(result.firstError) : undefined,
    };
  }

  if (job.trailFile) {
    const trail = JSON.parse(readFileSync(job.trailFile, 'utf8')) as Array<{ type: string; data: Record<string, unknown>; metadata: Record<string, unknown> }>;
    const streamName = `centre-trail-${run}`;
    let version = 0n;
    for (let i = 0; i < trail.length; i += 1000) {
      const r = await store.appendToStream(streamName, trail.slice(i, i + 1000), { expectedStreamVersion: version === 0n ? STREAM_DOES_NOT_EXIST : version });
      version = r.nextExpectedStreamVersion;
    }
    const times: number[] = [];
    let count = 0;
    for (let r = 0; r < job.readReps + 1; r++) {
      const t0 = nowMs();
      const read = await store.readStream(streamName);
      const t = nowMs() - t0;
      count = read.events.length;
      if (r > 0) times.push(t); // the first read warms the cache, as for the engine
    }
    out.readStream = { events: count, medianMs: median(times) };
  }

  process.stdout.write(`result ${JSON.stringify(out)}\n`);
  await store.close();
  await pool.end().catch(() => undefined);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
