/**
 * `npm run rebuild -- <projection|all> [--batch N] [--no-swap]`
 *
 * Fills fresh tables (`<table>_v<n>_r<stamp>`) from position 0 while the live tables keep serving,
 * builds their indexes, then swaps them in with the checkpoint in one transaction. A running
 * projector notices the moved checkpoint and continues from it. Progress goes to stderr.
 * Database: DATABASE_URL, else the embedded PostgreSQL under DATA_DIR (as `npm start`).
 */
import { PostgresEventStore } from '@accreditation/event-store';
import { ALL_PROJECTIONS, type Projection, projectionByName, rebuildProjection } from '@accreditation/projections';
import { lagSourceFor } from '../../projector/src/lag-source';
import { openDatabase } from './cli-database';
import { parseArgs } from './parse-args';
import { ProgressBar } from './progress-bar';

const USAGE = `usage: npm run rebuild -- <projection|all> [--batch N] [--no-swap]
projections: ${ALL_PROJECTIONS.map((p) => p.name).join(', ')}`;

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const name = args._[0];
  if (!name || args.flags.help) {
    process.stderr.write(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  const projections: Projection[] = name === 'all' ? [...ALL_PROJECTIONS] : [projectionByName(name)].filter((p): p is Projection => !!p);
  if (!projections.length) {
    process.stderr.write(`unknown projection "${name}"\n${USAGE}\n`);
    return 2;
  }
  const db = await openDatabase();
  // No statement timeout: building an index over millions of history rows may take a while.
  const store = await PostgresEventStore.connect({ connectionString: db.connectionString, poolSize: 6, statementTimeoutMs: 0 });
  try {
    const lag = lagSourceFor(store);
    for (const projection of projections) {
      const filter = { eventTypes: [...projection.eventTypes] };
      const total = await lag.countAfter(0n, filter, Number.MAX_SAFE_INTEGER);
      const bar = new ProgressBar(`rebuild ${projection.name}_v${projection.version}`, total);
      const result = await rebuildProjection({
        store, pool: store.pool, projection,
        batchSize: args.flags.batch ? Number(args.flags.batch) : undefined,
        swap: args.flags['no-swap'] !== 'true',
        onProgress: (p) => bar.update(p.done, p.phase === 'loading' ? '' : p.phase, p.phase !== 'loading'),
      });
      bar.finish(result.events, `done in ${(result.millis / 1000).toFixed(1)}s → ${Object.values(result.tables).join(', ')}`);
      if (result.deadLettered.length > 0) {
        // Said plainly: the read model is complete except for these events, kept in projection_dead_letters.
        process.stderr.write(`${projection.name}: ${result.deadLettered.length} event(s) could not be applied and were set aside in projection_dead_letters:\n`);
        for (const e of result.deadLettered.slice(0, 20)) process.stderr.write(`  ${e.streamId} revision ${e.revision} (${e.type})\n`);
      }
    }
    return 0;
  } finally {
    await store.close();
    await db.stop();
  }
}

main().then((code) => { process.exitCode = code; }, (err: Error) => {
  process.stderr.write(`rebuild failed: ${err.stack ?? err.message}\n`);
  process.exitCode = 1;
});
