import { PostgresEventStore } from '../../libs/event-store/src/postgres/postgres-event-store';
import type { ExpectedRevision } from '../../libs/event-store/src/event-store.port';
import { closedLoop } from '../support/load';
import { warmPool } from '../support/database';
import { sampleEvent } from '../support/payloads';
import { type BenchContext, ms } from '../support/context';

/** Events per stream before a worker moves to a new one (so both new and existing streams are written). */
const STREAM_LENGTH = 500;

export interface AppendPoint {
  concurrency: number;
  eventsPerAppend: number;
  eventsPerSec: number;
  p50: number;
  p99: number;
}

/**
 * S1: the store's appendToStream (validation, one es_append round trip: stream lock, idempotency
 * and expected-revision checks, insert, stream head) with exact expected revisions, each worker
 * on its own streams, one durable transaction per append.
 */
export async function s1Append(ctx: BenchContext, engineUrl: string, concurrency: number, eventsPerAppend: number): Promise<AppendPoint> {
  const { opts, report } = ctx;
  // One extra connection for the store's coalesced NOTIFY hint, as in production.
  const store = await PostgresEventStore.connect({ connectionString: engineUrl, poolSize: concurrency + 1 });
  await warmPool(store.pool, concurrency + 1);
  const state = Array.from({ length: concurrency }, (_, w) => ({ stream: 0, revision: -1, w }));
  const run = `${Date.now().toString(36)}`;
  try {
    const result = await closedLoop({
      label: `S1 append c=${concurrency} ×${eventsPerAppend}`,
      workers: concurrency,
      durationMs: ms(opts.pointSeconds),
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
    const id = eventsPerAppend === 1 ? `s1.append.c${concurrency}` : `s1.append${eventsPerAppend}.c${concurrency}`;
    const p50 = result.latency.percentile(50);
    const p99 = result.latency.percentile(99);
    report.figure('S1', id, `engine append ${eventsPerAppend} ev/append, c=${concurrency}`, result.unitsPerSec, 'ev/s', `p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms`);
    report.figure('S1', `${id}.p50`, `engine append c=${concurrency} ×${eventsPerAppend} p50`, p50, 'ms');
    report.figure('S1', `${id}.p99`, `engine append c=${concurrency} ×${eventsPerAppend} p99`, p99, 'ms');
    return { concurrency, eventsPerAppend, eventsPerSec: result.unitsPerSec, p50, p99 };
  } finally {
    await store.close();
  }
}
