import { createTestDatabase } from '../../../testing/src/database/test-database';
import { runEventStoreConformance } from '../conformance/event-store.conformance';
import { PostgresEventStore } from './postgres-event-store';

runEventStoreConformance('postgresql', async () => {
  const database = await createTestDatabase('es_conformance');
  // Pool larger than the 20 concurrent appenders, so the race is really concurrent.
  const store = await PostgresEventStore.connect({ connectionString: database.connectionString, poolSize: 24, pollIntervalMs: 250 });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await database.drop();
    },
  };
});
