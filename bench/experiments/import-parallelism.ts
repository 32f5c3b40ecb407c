/**
 * The bulk import (importStreams) at 1–4 connections, with the CPU per event of this process and
 * of PostgreSQL, beside a raw COPY of the same rows into a table with only a primary key: what
 * stands between S6 and the raw COPY on two cores.
 *
 *   node -r @swc-node/register bench/experiments/import-parallelism.ts [events=500000] [connections=1,2,3,4] [events per transaction=50000] [events per call=all]
 *
 * "Events per call" splits the streams into several importStreams calls, as S6 does to bound its memory.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { importStreams } from '../../libs/event-store/src/postgres/postgres-bulk-import';
import { PostgresEventStore } from '../../libs/event-store/src/postgres/postgres-event-store';
import type { GeneratedStream } from '../../libs/projections/src/testing/centre-population';
import { encodeCopyChunks } from '../calibration/raw-copy-and-scan';
import { RAW_COLUMNS, recreateRawTable } from '../calibration/raw-schema';
import { freshDatabase, startBenchDatabase } from '../support/database';
import { PopulationChunks } from '../support/population';
import { postgresCpuSeconds } from '../support/postgres-cpu';

async function main(): Promise<void> {
  const target = Number(process.argv[2] ?? 500_000);
  const connections = (process.argv[3] ?? '1,2,3,4').split(',').map(Number);
  const eventsPerTransaction = Number(process.argv[4] ?? 50_000);
  const perCall = Number(process.argv[5] ?? Infinity);
  const db = await startBenchDatabase();
  try {
    const population = new PopulationChunks();
    const streams: GeneratedStream[] = [];
    let events = 0;
    for (let k = 0; events < target; k++) {
      for (const s of population.chunk(k)) {
        streams.push(s);
        events += s.events.length;
      }
    }
    const { chunks, rows } = encodeCopyChunks(new PopulationChunks(), events);
    const measure = async (label: string, count: number, run: () => Promise<unknown>) => {
      const cpu0 = process.cpuUsage();
      const pg0 = postgresCpuSeconds();
      const t0 = performance.now();
      await run();
      const seconds = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      const pg = postgresCpuSeconds() - pg0;
      console.log(`${label}: ${Math.round(count / seconds).toLocaleString('en-US')} ev/s; CPU per event: node ${((cpu.user + cpu.system) / count).toFixed(1)} µs, PostgreSQL ${((pg * 1e6) / count).toFixed(1)} µs`);
    };
    for (let round = 1; round <= 2; round++) {
      const rawUrl = await freshDatabase(db.adminUrl, `import_raw_${round}`);
      const client = new Client({ connectionString: rawUrl });
      await client.connect();
      await recreateRawTable(client, 'raw_copy');
      await measure(`round ${round}, raw COPY, 1 connection`, rows, () => pipeline(Readable.from(chunks), client.query(copyFrom(`COPY raw_copy (${RAW_COLUMNS}) FROM STDIN`))));
      await client.end();
      for (const parallelism of connections) {
        const url = await freshDatabase(db.adminUrl, `import_${round}_${parallelism}`);
        const store = await PostgresEventStore.connect({ connectionString: url, poolSize: parallelism + 1 });
        const calls: GeneratedStream[][] = [[]];
        let inCall = 0;
        for (const s of streams) {
          if (inCall >= perCall) {
            calls.push([]);
            inCall = 0;
          }
          calls[calls.length - 1].push(s);
          inCall += s.events.length;
        }
        await measure(`round ${round}, importStreams, ${parallelism} connection(s), ${eventsPerTransaction} events per transaction, ${calls.length} call(s)`, events, async () => {
          for (const call of calls) await importStreams(store.pool, call, { eventsPerTransaction, parallelism });
        });
        await store.close();
      }
    }
  } finally {
    await db.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
