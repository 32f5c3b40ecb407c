import { PostgresEventStore } from '../../libs/event-store/src/postgres/postgres-event-store';
import { importStreams } from '../../libs/event-store/src/postgres/postgres-bulk-import';
import type { GeneratedStream } from '../../libs/projections/src/testing/centre-population';
import type { PopulationChunks } from '../support/population';
import { progress } from '../support/report';
import { nowMs } from '../support/stats';
import type { BenchContext } from '../support/context';

/**
 * S6: historical streams imported through the store's bulk path (importStreams: validation,
 * stream rows, COPY into events with gap-safe positions), into an empty store. Generating the
 * population is not timed; everything importStreams does is.
 */
export async function s6BulkImport(ctx: BenchContext, historyUrl: string, population: PopulationChunks, parallelism = 1): Promise<{ eventsPerSec: number; events: number }> {
  const { opts, report } = ctx;
  const store = await PostgresEventStore.connect({ connectionString: historyUrl, poolSize: parallelism + 1 });
  const p = progress('S6 bulk import', 'events');
  let events = 0;
  let seconds = 0;
  try {
    const perCall = 50_000 * parallelism;
    let pending: GeneratedStream[] = [];
    let pendingEvents = 0;
    const flush = async () => {
      if (pending.length === 0) return;
      const t0 = nowMs();
      const r = await importStreams(store.pool, pending, { eventsPerTransaction: 50_000, parallelism });
      seconds += (nowMs() - t0) / 1000;
      events += r.events;
      p.set(events);
      pending = [];
      pendingEvents = 0;
    };
    for (let k = 0; events + pendingEvents < opts.rebuildEvents; k++) {
      const chunk = population.chunk(k);
      pending.push(...chunk);
      pendingEvents += chunk.reduce((n, s) => n + s.events.length, 0);
      if (pendingEvents >= perCall) await flush();
    }
    await flush();
    p.stop();
    await store.pool.query('VACUUM ANALYZE events');
    const id = parallelism === 1 ? 's6.import' : `s6.import.p${parallelism}`;
    report.figure('S6', id, `bulk import (importStreams, ${parallelism} connection${parallelism > 1 ? 's' : ''})`, events / seconds, 'ev/s', `${events.toLocaleString('en-US')} events in ${seconds.toFixed(2)} s`);
    return { eventsPerSec: events / seconds, events };
  } finally {
    await store.close();
  }
}

/**
 * The path that existed before importStreams: one appendToStream per stream (chunks of 500),
 * 8 streams at a time (libs/projections/src/testing/append-population.ts does the same).
 * Measured on a slice of the population, for the before/after comparison.
 */
export async function s6AppendBaseline(ctx: BenchContext, url: string, population: PopulationChunks, events: number): Promise<number> {
  const { report } = ctx;
  const store = await PostgresEventStore.connect({ connectionString: url, poolSize: 9 });
  const p = progress('S6 import through appendToStream', 'events');
  let done = 0;
  let seconds = 0;
  try {
    for (let k = 0; done < events; k++) {
      const streams = population.chunk(1000 + k);
      const t0 = nowMs();
      let next = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (next < streams.length) {
            const s = streams[next++]!;
            for (let i = 0; i < s.events.length; i += 500) await store.appendToStream(s.streamId, s.events.slice(i, i + 500), i === 0 ? 'no_stream' : i - 1);
            done += s.events.length;
            p.set(done);
          }
        }),
      );
      seconds += (nowMs() - t0) / 1000;
    }
    p.stop();
    report.figure('S6', 's6.append', 'import through appendToStream per stream, 8 connections (before importStreams)', done / seconds, 'ev/s', `${done.toLocaleString('en-US')} events in ${seconds.toFixed(2)} s`);
    return done / seconds;
  } finally {
    p.stop();
    await store.close();
  }
}
