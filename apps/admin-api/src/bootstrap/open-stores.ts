import { Pool } from 'pg';
import { type EventStore, PostgresEventStore, type ResolvedDatabase, resolveDatabase, type SupervisorEvent, surviveConnectionLoss } from '@accreditation/event-store';
import type { AppConfig } from '../config/app-config';

export interface OpenStores {
  store: EventStore;
  /** Read models always live in PostgreSQL, whichever event store is chosen. */
  readModels: Pool;
  databaseSource: ResolvedDatabase['source'];
  close(): Promise<void>;
}

/**
 * Chooses the adapters (the only place that does): PostgreSQL — embedded when DATABASE_URL is unset —
 * or EventStoreDB with EVENT_STORE=eventstoredb; read models in PostgreSQL either way.
 */
export async function openStores(
  config: AppConfig,
  log: (line: string) => void,
  onDatabaseEvent?: (event: SupervisorEvent) => void,
): Promise<OpenStores> {
  const database = await resolveDatabase(process.env, log, onDatabaseEvent);
  try {
    if (config.eventStore === 'eventstoredb') {
      // Loaded only when chosen, so the PostgreSQL setup never loads the gRPC client.
      const { EventStoreDbEventStore } = await import('@accreditation/event-store/eventstoredb');
      const store = await EventStoreDbEventStore.connect(config.eventStoreConnectionString as string, {
        maxEventBytes: config.maxEventBytes,
        // A lost subscription (node restart, leader change) is worth a warning in the JSON log.
        subscription: { onRetry: (error, attempt, delayMs) => warnSubscriptionRetry(error, attempt, delayMs) },
      });
      const readModels = surviveConnectionLoss(new Pool({ connectionString: database.connectionString, max: config.pgPoolSize, min: Math.min(config.pgPoolKeepIdle, config.pgPoolSize) }));
      return {
        store,
        readModels,
        databaseSource: database.source,
        close: async () => {
          await store.close();
          await readModels.end();
          await database.stop();
        },
      };
    }
    const store = await PostgresEventStore.connect({
      connectionString: database.connectionString,
      poolSize: config.pgPoolSize,
      keepIdle: config.pgPoolKeepIdle,
      maxEventBytes: config.maxEventBytes,
    });
    return {
      store,
      readModels: store.pool,
      databaseSource: database.source,
      close: async () => {
        await store.close();
        await database.stop();
      },
    };
  } catch (error) {
    await database.stop();
    throw error;
  }
}

function warnSubscriptionRetry(error: unknown, attempt: number, delayMs: number): void {
  const detail = error instanceof Error ? error.message : String((error as { message?: unknown })?.message ?? error);
  const line = { level: 'warn', time: new Date().toISOString(), context: 'eventstoredb', message: 'subscription lost; resubscribing', error: detail, attempt, delayMs };
  process.stderr.write(`${JSON.stringify(line)}\n`);
}
