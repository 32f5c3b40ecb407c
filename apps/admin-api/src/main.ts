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
import { createLogger, projectorLogger } from './bootstrap/logger';
import { EventStoreUnavailableError, type SupervisorEvent, takeOverShutdownSignals } from '@accreditation/event-store';
import { deadLetterSummary } from '@accreditation/projections';

async function main(): Promise<void> {
  const config = loadConfig();
  // Start and stop lines always show (unless silent), whatever LOG_LEVEL says; same format as the rest.
  const mainLogger = createLogger(config.logLevel === 'silent' ? 'silent' : 'info').child({ context: 'main' });
  const log = (message: string, extra: Record<string, unknown> = {}) => mainLogger.info(extra, message);
  // The embedded PostgreSQL's supervisor: a dead server is news (warn), its return is good news (info).
  const logDatabaseEvent = ({ event, ...detail }: SupervisorEvent) => {
    const level = event === 'postgres_restarted' || event === 'postgres_restarting' ? 'info' : 'warn';
    mainLogger[level]({ ...detail }, event.replaceAll('_', ' '));
  };
  log('starting', { eventStore: config.eventStore, database: config.databaseUrl ? 'DATABASE_URL' : `embedded under ${config.dataDir}` });
  // The embedded server's own output (initdb, start-up) is noise unless debugging.
  const stores = await openStores(config, (line) => config.logLevel === 'debug' && log(line, { source: 'postgresql' }), logDatabaseEvent);
  const jwtSecret = config.auth.jwtSecret ?? (config.auth.jwksUrl ? undefined : developmentSecret(config.dataDir));
  const ledger = openLedger(config, stores.store, systemClock, log);
  const projector = config.runProjector
    ? await startEngineProjector({
        store: stores.store,
        pool: stores.readModels,
        clock: systemClock,
        commandRetries: config.commandRetries,
        logger: projectorLogger(config.logLevel),
        sealKey: ledger.sealKey,
      })
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
    // A JSON line like every other, so a log pipeline parses it too.
    log('Development tokens: npm run --silent token -- --role office --sub office-1, then send Authorization: Bearer <token>', { openapi: `${url}/docs` });
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
      mainLogger.error({ error: (error as Error).stack }, 'shutdown failed');
      process.exit(1);
    }
  };
  takeOverShutdownSignals();
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: Error) => {
  const message =
    error instanceof ConfigError
      ? `configuration: ${error.message}`
      : error instanceof EventStoreUnavailableError
        ? `database unreachable at start-up (${error.message}); check DATABASE_URL and that the server runs, then start again`
        : (error.stack ?? error.message);
  createLogger('fatal', 2).fatal({ context: 'main' }, message);
  process.exit(1);
});
