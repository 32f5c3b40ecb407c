/**
 * The conformance suite against the in-process gRPC double of a KurrentDB node (double/), through
 * the real @kurrent/kurrentdb-client: runs in every `npm test`. What it proves and what only a
 * real server can prove: docs/eventstoredb.md. Every case name says "double".
 */
import { runEventStoreConformance } from '../conformance/event-store.conformance';
import { EventStoreDbDouble } from './double/grpc-double';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

runEventStoreConformance('eventstoredb via in-process double', async () => {
  // The size cases write 1 MiB events: the double applies v26's default append limit.
  const double = await EventStoreDbDouble.start({ maxAppendSize: 8 * 1024 * 1024 });
  const store = await EventStoreDbEventStore.connect(double.connectionString(), { maxAppendBytes: 8 * 1024 * 1024 });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await double.stop();
    },
  };
});
