/**
 * How fast does `npm run verify` check a store? Seeds a population sealed as the engine seals it
 * (chain v2 with the seal key), signs a digest, then runs the store-wide verification.
 *
 *   node -r @swc-node/register bench/experiments/verify-speed.ts [events=200000]
 *
 * DATABASE_URL: an existing server; otherwise an embedded PostgreSQL in a temporary folder.
 */
import { randomBytes } from 'node:crypto';
import { verifyStore } from '../../libs/application/src/ledger/store-verification';
import { GENESIS_HASH, sealEvent } from '../../libs/event-store/src/envelope/integrity-chain';
import type { EventToAppend } from '../../libs/event-store/src/event-store.port';
import { importStreams } from '../../libs/event-store/src/postgres/postgres-bulk-import';
import { PostgresEventStore } from '../../libs/event-store/src/postgres/postgres-event-store';
import { freshDatabase, startBenchDatabase } from '../support/database';
import { PopulationChunks } from '../support/population';

async function main(): Promise<void> {
  const target = Number(process.argv[2] ?? 200_000);
  const server = await startBenchDatabase();
  try {
    const url = await freshDatabase(server.adminUrl, 'bench_verify_speed');
    const store = await PostgresEventStore.connect({ connectionString: url, poolSize: 4, statementTimeoutMs: 0 });
    const key = randomBytes(32);
    const chunks = new PopulationChunks();
    let seeded = 0;
    for (let k = 0; seeded < target; k++) {
      const streams = chunks.chunk(k).map((s) => {
        let previousHash = GENESIS_HASH;
        const events = s.events.map((e, revision): EventToAppend => {
          const metadata = sealEvent({ streamId: s.streamId, revision, eventId: e.id, type: e.type, data: e.data, metadata: { ...(e.metadata ?? {}), requestHash: randomBytes(32).toString('hex') }, previousHash }, key);
          previousHash = String(metadata.hash);
          return { ...e, metadata };
        });
        return { streamId: s.streamId, events };
      });
      seeded += (await importStreams(store.pool, streams)).events;
    }
    process.stderr.write(`seeded ${seeded} events\n`);
    // Where the time goes: reading $all alone (pages of 10,000, as verifyStore reads them).
    const readStarted = Date.now();
    let read = 0;
    for (let from = 0n; ; ) {
      const page = await store.readAll({ fromPosition: from, maxCount: 10_000 });
      if (!page.length) break;
      read += page.length;
      from = page[page.length - 1].position;
    }
    const readMillis = Date.now() - readStarted;
    process.stdout.write(`read only: ${read} events, ${(readMillis / 1000).toFixed(2)} s, ${Math.round(read / (readMillis / 1000)).toLocaleString('en-US')} events/s\n`);
    for (let run = 1; run <= 2; run++) {
      const result = await verifyStore({ store, sealKey: key, digests: [] });
      process.stdout.write(`run ${run}: ${result.events} events in ${result.streams} streams, ${(result.millis / 1000).toFixed(2)} s, ${result.eventsPerSecond.toLocaleString('en-US')} events/s, intact ${result.intact}\n`);
    }
    await store.close();
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
