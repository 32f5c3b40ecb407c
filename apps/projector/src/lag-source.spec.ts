import { InMemoryEventStore } from '@accreditation/event-store';
import { portLagSource } from './lag-source';

describe('lag through the port', () => {
  it('counts matching events after a checkpoint and finds the oldest one pending', async () => {
    const store = new InMemoryEventStore();
    const ev = (type: string) => ({ id: crypto.randomUUID(), type, data: {}, metadata: {} });
    await store.appendToStream('centre-1', [ev('A'), ev('B'), ev('A')], 'no_stream');
    await store.appendToStream('centre-2', [ev('A')], 'no_stream');
    const all = await store.readAll();
    const lag = portLagSource(store);
    expect(await lag.countAfter(0n, { eventTypes: ['A'] }, 100)).toBe(3);
    expect(await lag.countAfter(all[0]!.position, { eventTypes: ['A'] }, 100)).toBe(2);
    expect(await lag.countAfter(0n, undefined, 2)).toBe(2); // capped
    expect(await lag.oldestAfter(all[1]!.position, { eventTypes: ['A'] })).toEqual(all[2]!.recordedAt);
    expect(await lag.oldestAfter(all[3]!.position, undefined)).toBeNull();
    await store.close();
  });
});
