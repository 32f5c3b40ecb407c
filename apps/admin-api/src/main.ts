/**
 * `npm start`: the whole engine in one process on the embedded PostgreSQL (no configuration needed):
 * the admin API, plus the projector (read models and deadline jobs) unless RUN_PROJECTOR=false.
 */
import 'reflect-metadata';
import { randomIds, systemClock } from '@accreditation/application';
import { developmentSecret } from './auth/development-secret';
import { createAdminApi } from './bootstrap/create-admin-api';
import { openLedger } from './bootstrap/open-ledger';
import { openStores } from './bootstrap/open-stores';
import { startEngineProjector } from '../../projector/src/deadlines/start-engine-projector';
import { ConfigError, loadConfig } from './config/app-config';
import { takeOverShutdownSignals } from '@accreditation/event-store';
import { deadLetterSummary } from '@accreditation/projections';

const log = (message: string, extra: Record<string, unknown> = {}) =>
  process.stdout.write(`${JSON.stringify({ level: 'info', time: new Date().toISOString(), context: 'main', message, ...extra })}\n`);

async function main(): Promise<void> {
  const config = loadConfig();
  log('starting', { eventStore: config.eventStore, database: config.databaseUrl ? 'DATABASE_URL' : `embedded under ${config.dataDir}` });
  // The embedded server's own output (initdb, start-up) is noise unless debugging.
  const stores = await openStores(config, (line) => config.logLevel === 'debug' && log(line, { source: 'postgresql' }));
  const jwtSecret = config.auth.jwtSecret ?? (config.auth.jwksUrl ? undefined : developmentSecret(config.dataDir));
  const ledger = openLedger(config, stores.store, systemClock, log);
  const projector = config.runProjector
    ? await startEngineProjector({ store: stores.store, pool: stores.readModels, clock: systemClock, commandRetries: config.commandRetries, sealKey: ledger.sealKey })
    : undefined;
  const app = await createAdminApi({
    config,
    store: stores.store,
    readModels: stores.readModels,
    clock: systemClock,
    ids: randomIds,
    jwtSecret,
    readModelReadiness: projector ? () => projector.readiness() : undefined,
    ledger,
    readinessChecks: {
      integrity: async () => ledger.health(),
      // Events a projection had to set aside (malformed stored data): the read models miss what they said.
      deadLetters: () => deadLetterSummary(stores.readModels),
    },
  });
  await app.listen({ port: config.port, host: config.host });
  const url = `http://${config.host}:${config.port}`;
  log('ready', { url, docs: `${url}/docs`, projector: Boolean(projector) });
  if (!config.auth.jwtSecret && !config.auth.jwksUrl) {
    process.stdout.write(
      `\nAdmin API on ${url} (OpenAPI: ${url}/docs). Get a development token with:\n` +
        `  npm run --silent token -- --role office --sub office-1\n` +
        `and send it as: Authorization: Bearer <token>\n\n`,
    );
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log('stopping', { signal });
    const force = setTimeout(() => process.exit(1), 30_000).unref();
    try {
      await app.close(); // in-flight requests finish first
      log('http closed');
      await projector?.stop();
      log('projector stopped');
      await ledger.stop();
      await stores.close();
      clearTimeout(force);
      log('stopped');
      process.exit(0);
    } catch (error) {
      process.stderr.write(`shutdown failed: ${(error as Error).stack}\n`);
      process.exit(1);
    }
  };
  takeOverShutdownSignals();
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: Error) => {
  const message = error instanceof ConfigError ? `configuration: ${error.message}` : (error.stack ?? error.message);
  process.stderr.write(`${JSON.stringify({ level: 'fatal', context: 'main', message })}\n`);
  process.exit(1);
});
