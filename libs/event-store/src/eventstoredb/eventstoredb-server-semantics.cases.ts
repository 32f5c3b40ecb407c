/**
 * Cases about the server's own semantics that need no fault injection, so they run against the
 * in-process double (eventstoredb-double.defects.spec.ts) and against a real server
 * (eventstoredb-event-store.int-spec.ts) alike; the case names carry which one ran them.
 */
import { createHash, randomUUID } from 'node:crypto';
import { EventTooLargeError, WrongExpectedRevisionError } from '../event-store.errors';
import type { EventToAppend } from '../event-store.port';
import { EventStoreDbEventStore, type EventStoreDbOptions } from './eventstoredb-event-store';

/** Opens a store on the server under test; `query` is added to the connection string's parameters. */
export type OpenStore = (query?: Record<string, string>, options?: EventStoreDbOptions) => Promise<EventStoreDbEventStore>;

/** A name-based (version 5) id, as the engine derives from an Idempotency-Key. */
export function nameBasedId(...parts: string[]): string {
  const bytes = createHash('sha1').update(parts.join('\u0000')).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function withQuery(connectionString: string, query: Record<string, string> = {}): string {
  const extra = new URLSearchParams(query).toString();
  if (!extra) return connectionString;
  return `${connectionString}${connectionString.includes('?') ? '&' : '?'}${extra}`;
}

export const aStream = () => `semantics-${randomUUID().slice(0, 8)}`;
export const anEvent = (type = 'Happened', data: unknown = { n: 1 }, metadata: Record<string, unknown> = {}): EventToAppend => ({
  id: randomUUID(),
  type,
  data,
  metadata,
});

export function serverSemanticsCases(name: string, open: OpenStore): void {
  describe(`[${name}] server semantics the adapter relies on`, () => {
    let store: EventStoreDbEventStore;
    beforeAll(async () => {
      store = await open();
    });

    it(`[${name}] a second process re-sending the same name-based ids with other content is told nothing was written`, async () => {
      const id = aStream();
      const other = await open();
      const ids = [nameBasedId(id, 'key-1', '0'), nameBasedId(id, 'key-1', '1')];
      const mine = ids.map((eventId) => ({ ...anEvent('Granted', { by: 'A' }, { recordedAt: '2026-01-01T00:00:00.000Z' }), id: eventId }));
      const theirs = ids.map((eventId) => ({ ...anEvent('Granted', { by: 'A' }, { recordedAt: '2026-01-01T00:00:00.007Z' }), id: eventId }));

      expect(await store.appendToStream(id, mine, 'no_stream')).toMatchObject({ written: 2, nextExpectedRevision: 1 });
      // The server answers the re-send with success (AlreadyCommitted): the content decides.
      expect(await other.appendToStream(id, theirs, 'no_stream')).toMatchObject({ written: 0 });
      // An identical re-send (the same request retried) holds exactly what it sent.
      expect(await other.appendToStream(id, mine, 'no_stream')).toMatchObject({ written: 2, nextExpectedRevision: 1 });
      expect((await store.readStream(id)).map((e) => e.metadata)).toEqual(mine.map((e) => e.metadata));
    });

    it(`[${name}] throwOnAppendFailure=false in the connection string still turns a conflict into WrongExpectedRevisionError`, async () => {
      const lenient = await open({ throwOnAppendFailure: 'false' });
      const id = aStream();
      await lenient.appendToStream(id, [anEvent(), anEvent()], 'no_stream');
      const error = await lenient.appendToStream(id, [anEvent()], 0).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ expected: 0, actual: 1 });
      expect(await lenient.readStream(id)).toHaveLength(2);
    });

    it(`[${name}] (outside the port's promise) an expected revision equal to the current one writes the same ids again`, async () => {
      const id = aStream();
      const batch = [anEvent()];
      await store.appendToStream(id, batch, 'no_stream');
      await store.appendToStream(id, batch, 0);
      expect((await store.readStream(id)).map((e) => e.id)).toEqual([batch[0].id, batch[0].id]);
    });

    it(`[${name}] (outside the port's promise) under any, a batch whose first id is new is written whole, known ids included`, async () => {
      const id = aStream();
      const known = anEvent();
      await store.appendToStream(id, [known], 'no_stream');
      await store.appendToStream(id, [anEvent(), known], 'any');
      expect(await store.readStream(id)).toHaveLength(3);
    });

    it(`[${name}] the append size rule (data + metadata + 2 × type length over the append) names the event that crosses it`, async () => {
      const id = aStream();
      const half = { blob: 'x'.repeat(600 * 1024) };
      const [first, second] = [anEvent('Big', half), anEvent('Big', half)];
      const error = await store.appendToStream(id, [first, second], 'no_stream').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EventTooLargeError);
      expect(error).toMatchObject({ eventId: second.id, limit: 1024 * 1024 });
      expect(await store.readStream(id)).toEqual([]);
    });

    it(`[${name}] the per-event limit may not exceed the append limit`, async () => {
      await expect(open({}, { maxEventBytes: 2 * 1024 * 1024 })).rejects.toThrow(RangeError);
    });
  });
}
