/**
 * A projection rebuild in its own process (as `npm run rebuild` would run it), so that its peak
 * memory is its own. argv: <connection string> <projection name> [batch size].
 * Prints "result <JSON>" with the events applied, the time and the process's peak RSS.
 */
import { PostgresEventStore } from '../../libs/event-store/src/postgres/postgres-event-store';
import { projectionByName } from '../../libs/projections/src/projections.registry';
import { rebuildProjection } from '../../libs/projections/src/framework/rebuild';

async function main(): Promise<void> {
  const [url, name, batch] = process.argv.slice(2) as [string, string, string | undefined];
  const projection = projectionByName(name);
  if (!projection) throw new Error(`no projection ${name}`);
  const store = await PostgresEventStore.connect({ connectionString: url, poolSize: 4, migrate: false });
  let last = 0;
  const t0 = performance.now();
  const result = await rebuildProjection({
    store,
    pool: store.pool,
    projection,
    batchSize: batch ? Number(batch) : undefined,
    onProgress: (p) => {
      if (p.done - last >= 20_000 || p.phase !== 'loading') {
        last = p.done;
        process.stderr.write(`progress ${p.done} ${p.phase}\n`);
      }
    },
  });
  const millis = performance.now() - t0;
  process.stdout.write(`result ${JSON.stringify({ events: result.events, millis, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
  await store.close();
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
