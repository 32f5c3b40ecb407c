/**
 * Standalone projector: `node -r @swc-node/register apps/projector/src/main.ts`.
 * DATABASE_URL (or the embedded PostgreSQL under DATA_DIR) holds both the events and the read models.
 * Runs every read model and the deadline jobs (PROJECTOR_DEADLINES=off leaves them out).
 * PROJECTOR_HTTP_PORT, when set, serves /ready and /metrics. SIGTERM/SIGINT stop it cleanly: the
 * batch in flight commits or rolls back, the locks are released for a standby process.
 */
import { systemClock } from '@accreditation/application';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { PostgresEventStore, loadLedgerKey, resolveDatabase, takeOverShutdownSignals } from '@accreditation/event-store';
import { startEngineProjector } from './deadlines/start-engine-projector';
import { consoleLogger } from './processor';
import { startProjector } from './start-projector';
import { startStatusServer } from './status-server';

async function main(): Promise<void> {
  const db = await resolveDatabase(process.env, (line) => consoleLogger.log(line), ({ event, ...detail }) =>
    (event === 'postgres_exited' || event === 'postgres_restart_failed' ? consoleLogger.warn : consoleLogger.log)(`${event.replaceAll('_', ' ')} ${JSON.stringify(detail)}`),
  );
  // One connection per worker (5 read models + deadline jobs) at most, plus the lock session and lag queries.
  const store = await PostgresEventStore.connect({ connectionString: db.connectionString, poolSize: Number(process.env.PROJECTOR_POOL_SIZE ?? 10) });
  const options = {
    store,
    pool: store.pool,
    maxBatchSize: process.env.PROJECTOR_BATCH_SIZE ? Number(process.env.PROJECTOR_BATCH_SIZE) : undefined,
    lockRetryMs: process.env.PROJECTOR_LOCK_RETRY_MS ? Number(process.env.PROJECTOR_LOCK_RETRY_MS) : undefined,
  };
  const deadlines = process.env.PROJECTOR_DEADLINES !== 'off';
  // Deadline events are sealed with the ledger key like the API's (the same LEDGER_KEY_FILE, or the one in DATA_DIR).
  const keyFile = resolve(process.env.LEDGER_KEY_FILE || `${resolve(process.env.DATA_DIR || '.data')}/ledger/signing-key.pem`);
  const sealKey = existsSync(keyFile) ? loadLedgerKey(keyFile, { generate: false }).sealKey : undefined;
  if (deadlines && !sealKey) consoleLogger.warn(`no ledger key at ${keyFile}: deadline events are not sealed, and verification with the key will call them forged`);
  const projector = deadlines ? await startEngineProjector({ ...options, clock: systemClock, sealKey }) : await startProjector(options);
  const port = process.env.PROJECTOR_HTTP_PORT ? Number(process.env.PROJECTOR_HTTP_PORT) : undefined;
  const server = port !== undefined ? await startStatusServer(projector, port) : undefined;
  consoleLogger.log(`started (pid ${process.pid}, database ${db.source}, deadline jobs ${deadlines ? 'on' : 'off'}${server ? `, status on :${port}` : ''})`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    consoleLogger.log(`${signal}: stopping`);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      server?.close();
      await projector.stop();
      await store.close();
      await db.stop();
      process.exitCode = 0;
    } catch (err) {
      consoleLogger.error('shutdown failed', err);
      process.exitCode = 1;
    }
  };
  takeOverShutdownSignals();
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  consoleLogger.error('projector failed to start', err);
  process.exit(1);
});
