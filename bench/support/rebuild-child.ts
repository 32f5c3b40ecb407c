/**
 * A projection rebuild in its own process (as `npm run rebuild` would run it), so that its peak
 * memory is its own. argv: <connection string> <projection name> [batch size] [before|after].
 * "after" (default) is rebuildProjection as it is: pages read ahead in parallel position ranges
 * with only the metadata the projection reads, centre read models folded in memory and written
 * by COPY. "before" is the path those replaced: the store's port only (readAll pages, the next one
 * read while the current one is applied) and every batch applied as the live projector applies it.
 * Prints "result <JSON>" with the events applied, the time and the process's peak RSS.
 */
import type { EventStore } from '../../libs/event-store/src/event-store.port';
import { PostgresEventStore } from '../../libs/event-store/src/postgres/postgres-event-store';
import { projectionByName } from '../../libs/projections/src/projections.registry';
import { rebuildProjection } from '../../libs/projections/src/framework/rebuild';

async function main(): Promise<void> {
  const [url, name, batch, mode = 'after'] = process.argv.slice(2) as [string, string, string | undefined, string | undefined];
  const projection = projectionByName(name);
  if (!projection) throw new Error(`no projection ${name}`);
  // Pool as `npm run rebuild` opens it: the lock, the writer and three read-ahead pages.
  const store = await PostgresEventStore.connect({ connectionString: url, poolSize: 6, migrate: false });
  const before = mode === 'before';
  const portOnly: EventStore = { readAll: store.readAll.bind(store), health: store.health.bind(store) } as unknown as EventStore;
  let last = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await rebuildProjection({
    store: before ? portOnly : store,
    pool: store.pool,
    projection,
    batchSize: batch && batch !== '-' ? Number(batch) : undefined,
    inMemory: !before,
    onProgress: (p) => {
      if (p.done - last >= 20_000 || p.phase !== 'loading') {
        last = p.done;
        process.stderr.write(`progress ${p.done} ${p.phase}\n`);
      }
    },
  });
  const millis = performance.now() - t0;
  const cpu = process.cpuUsage();
  const rebuildCpu = process.cpuUsage(cpu0);
  const ms = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;
  // cpuMs: the whole process (start-up included); rebuildCpuMs: the rebuild alone.
  process.stdout.write(`result ${JSON.stringify({ events: result.events, millis, maxRssMb: process.resourceUsage().maxRSS / 1024, cpuMs: ms(cpu), rebuildCpuMs: ms(rebuildCpu) })}\n`);
  await store.close();
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
