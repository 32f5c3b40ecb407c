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
