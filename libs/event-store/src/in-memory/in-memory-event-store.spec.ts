import { runEventStoreConformance } from '../conformance/event-store.conformance';
import { InMemoryEventStore } from './in-memory-event-store';

runEventStoreConformance('memory', async () => {
  const store = new InMemoryEventStore({ pollIntervalMs: 200 });
  return { store, cleanup: () => store.close() };
});

describe('[memory] in-memory specifics', () => {
  it('[memory] stamps recordedAt from the injected clock', async () => {
    const at = new Date('2030-01-01T00:00:00Z');
    const store = new InMemoryEventStore({ now: () => at });
    await store.appendToStream('centre-1', [{ id: '00000000-0000-4000-8000-000000000001', type: 'T', data: {} }], 'no_stream');
    expect((await store.readStream('centre-1'))[0].recordedAt).toEqual(at);
  });

  it('[memory] honours a configured size limit', async () => {
    const store = new InMemoryEventStore({ maxEventBytes: 10 });
    await expect(
      store.appendToStream('centre-1', [{ id: '00000000-0000-4000-8000-000000000001', type: 'T', data: { long: 'enough' } }], 'any'),
    ).rejects.toMatchObject({ code: 'EVENT_TOO_LARGE', limit: 10 });
  });
});
