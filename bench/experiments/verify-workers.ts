/**
 * `npm run verify`'s rate against its worker threads, with the CPU per event of this process (the
 * verifier threads) and of PostgreSQL: on two cores the sum of both is the ceiling.
 *
 *   node -r @swc-node/register bench/experiments/verify-workers.ts [events=500000] [workers=1,2,3,4] [chain=3]
 *
 * chain=2: a store as the engine wrote it before chain v3 (its events are parsed to be checked).
 */
import { randomBytes } from 'node:crypto';
import { verifyStore } from '../../libs/application/src/ledger/store-verification';
import { PostgresEventStore } from '../../libs/event-store/src/postgres/postgres-event-store';
import { freshDatabase, startBenchDatabase } from '../support/database';
import { postgresCpuSeconds } from '../support/postgres-cpu';
import { seedSealedPopulation } from '../support/sealed-population';

async function main(): Promise<void> {
  const target = Number(process.argv[2] ?? 500_000);
  const workersList = (process.argv[3] ?? '1,2,3,4').split(',').map(Number);
  const chain = process.argv[4] === '2' ? 2 : 3;
  const db = await startBenchDatabase();
  try {
    const url = await freshDatabase(db.adminUrl, 'verify_workers');
    const store = await PostgresEventStore.connect({ connectionString: url, poolSize: 4, statementTimeoutMs: 0 });
    const key = randomBytes(32);
    await seedSealedPopulation(store.pool, target, key, { chain });
    for (let round = 0; round < 2; round++) {
      for (const workers of workersList) {
        const cpu0 = process.cpuUsage();
        const pg0 = postgresCpuSeconds();
        const t0 = performance.now();
        const result = await verifyStore({ store, sealKey: key, digests: [], workers });
        const seconds = (performance.now() - t0) / 1000;
        const cpu = process.cpuUsage(cpu0);
        const pg = postgresCpuSeconds() - pg0;
        const perEvent = (micros: number) => (micros / result.events).toFixed(1);
        console.log(`round ${round + 1}, workers ${workers}: ${Math.round(result.events / seconds).toLocaleString('en-US')} ev/s (intact ${result.intact}); CPU per event: node ${perEvent(cpu.user + cpu.system)} µs, PostgreSQL ${perEvent(pg * 1e6)} µs`);
      }
    }
    await store.close();
  } finally {
    await db.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
