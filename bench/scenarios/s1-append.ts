import { PostgresEventStore } from '../../libs/event-store/src/postgres/postgres-event-store';
import type { ExpectedRevision } from '../../libs/event-store/src/event-store.port';
import { type LoadResult, closedLoop } from '../support/load';
import { warmPool } from '../support/database';
import { sampleEvent } from '../support/payloads';
import { type BenchContext, ms } from '../support/context';
import { Latencies } from '../support/stats';
import { rawBatchRun, rawInsertRun } from '../calibration/raw-insert';

/** Events per stream before a worker moves to a new one (so both new and existing streams are written). */
const STREAM_LENGTH = 500;


/**
 * S1: the store's appendToStream (validation, one INSERT round trip: expected-revision check on the
 * (stream_id, revision) index, insert with its unique checks, new head returned) with exact expected revisions, each worker
 * on its own streams, one durable transaction per append.
 */
export async function s1AppendRun(ctx: BenchContext, engineUrl: string, concurrency: number, eventsPerAppend: number, seconds: number): Promise<LoadResult> {
  const { opts, report } = ctx;
  // One extra connection for the store's coalesced NOTIFY hint, as in production.
  const store = await PostgresEventStore.connect({ connectionString: engineUrl, poolSize: concurrency + 1 });
  await warmPool(store.pool, concurrency + 1);
  const state = Array.from({ length: concurrency }, (_, w) => ({ stream: 0, revision: -1, w }));
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  try {
    const result = await closedLoop({
      label: `S1 append c=${concurrency} ×${eventsPerAppend}`,
      workers: concurrency,
      durationMs: ms(seconds),
      warmupMs: ms(opts.warmupSeconds),
      unit: 'events',
      op: async (w) => {
        const s = state[w]!;
        if (s.revision + eventsPerAppend >= STREAM_LENGTH) {
          s.stream++;
          s.revision = -1;
        }
        const streamId = `centre-s1-${run}-${concurrency}x${eventsPerAppend}-${w}-${s.stream}`;
        const events = Array.from({ length: eventsPerAppend }, (_, k) => sampleEvent(streamId, s.revision + 1 + k));
        const expected: ExpectedRevision = s.revision < 0 ? 'no_stream' : s.revision;
        const r = await store.appendToStream(streamId, events, expected);
        s.revision = r.nextExpectedRevision;
        return eventsPerAppend;
      },
    });
    if (result.errors) report.note(`S1 c=${concurrency}×${eventsPerAppend}: ${result.errors} errors (${String(result.firstError)})`);
    return result;
  } finally {
    await store.close();
  }
}

/**
 * Raw and engine measured in turns (raw, engine, raw, engine; half the point time each), so that a
 * burst of load from elsewhere on the machine hits both sides of the ratio alike.
 */
export async function pairedAppend(
  ctx: BenchContext,
  engineUrl: string,
  concurrency: number,
  eventsPerAppend: number,
): Promise<void> {
  const { opts, report } = ctx;
  const half = opts.pointSeconds / 2;
  const raw = new Latencies();
  const engine = new Latencies();
  let rawUnits = 0;
  let engineUnits = 0;
  for (let round = 0; round < 2; round++) {
    const r = eventsPerAppend === 1 ? await rawInsertRun(ctx, concurrency, half) : await rawBatchRun(ctx, concurrency, half, eventsPerAppend);
    rawUnits += r.units;
    raw.merge(r.latency);
    const e = await s1AppendRun(ctx, engineUrl, concurrency, eventsPerAppend, half);
    engineUnits += e.units;
    engine.merge(e.latency);
  }
  const seconds = opts.pointSeconds;
  const rawId = eventsPerAppend === 1 ? `raw.insert.c${concurrency}` : `raw.batch${eventsPerAppend}.c${concurrency}`;
  const rawLabel = eventsPerAppend === 1 ? `raw INSERT 1 row/tx, c=${concurrency}` : `raw ${eventsPerAppend} rows/tx (one INSERT), c=${concurrency}`;
  report.figure('calibration', rawId, rawLabel, rawUnits / seconds, 'rows/s', `p50 ${raw.percentile(50).toFixed(2)} ms, p99 ${raw.percentile(99).toFixed(2)} ms`);
  report.figure('calibration', `${rawId}.p50`, `${rawLabel} p50`, raw.percentile(50), 'ms');
  report.figure('calibration', `${rawId}.p99`, `${rawLabel} p99`, raw.percentile(99), 'ms');
  const id = eventsPerAppend === 1 ? `s1.append.c${concurrency}` : `s1.append${eventsPerAppend}.c${concurrency}`;
  report.figure('S1', id, `engine append ${eventsPerAppend} ev/append, c=${concurrency}`, engineUnits / seconds, 'ev/s', `p50 ${engine.percentile(50).toFixed(2)} ms, p99 ${engine.percentile(99).toFixed(2)} ms`);
  report.figure('S1', `${id}.p50`, `engine append c=${concurrency} ×${eventsPerAppend} p50`, engine.percentile(50), 'ms');
  report.figure('S1', `${id}.p99`, `engine append c=${concurrency} ×${eventsPerAppend} p99`, engine.percentile(99), 'ms');
}
