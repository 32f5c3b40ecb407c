import type { EventStore } from '../../../event-store/src/event-store.port';
import type { GeneratedStream } from './centre-population';

/** Appends each stream in one call, `concurrency` streams at a time (the store's append, not SQL). */
export async function appendPopulation(store: EventStore, streams: GeneratedStream[], concurrency = 8): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < streams.length) {
      const s = streams[next++]!;
      for (let i = 0; i < s.events.length; i += 500) {
        await store.appendToStream(s.streamId, s.events.slice(i, i + 500), i === 0 ? 'no_stream' : i - 1);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
