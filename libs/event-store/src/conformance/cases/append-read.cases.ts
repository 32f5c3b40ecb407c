import { WrongExpectedRevisionError } from '../../event-store.errors';
import type { AppendResult, EventToAppend } from '../../event-store.port';
import { type ConformanceContext, anEvent, events, uniquePrefix } from '../conformance-context';

export function appendAndReadCases({ store, title }: ConformanceContext): void {
  const stream = () => `${uniquePrefix('stream')}1`;

  it(title('appends with no_stream and reads back every field'), async () => {
    const id = stream();
    const event = anEvent('CentreRegistered', { name: 'North', nested: { list: [1, 'two', null, true] } }, { correlationId: 'c-1' });
    const result = await store().appendToStream(id, [event], 'no_stream');
    expect(result).toMatchObject({ nextExpectedRevision: 0, written: 1 });

    const [read] = await store().readStream(id);
    expect(read).toMatchObject({
      streamId: id,
      revision: 0,
      position: result.position,
      id: event.id,
      type: 'CentreRegistered',
      data: { name: 'North', nested: { list: [1, 'two', null, true] } },
      metadata: { correlationId: 'c-1' },
    });
    expect(typeof read.position).toBe('bigint');
    expect(read.recordedAt).toBeInstanceOf(Date);
    expect(Math.abs(read.recordedAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it(title('given a stream, when read by readStream and through $all, then both give the very same events'), async () => {
    const id = stream();
    await store().appendToStream(id, events(3), 'no_stream');
    const all = (await store().readAll({ filter: { streamPrefixes: [id] } })).filter((e) => e.streamId === id);
    expect(await store().readStream(id)).toEqual(all);
    expect(all).toHaveLength(3);
  });

  it(title('metadata defaults to an empty object'), async () => {
    const id = stream();
    await store().appendToStream(id, [anEvent()], 'any');
    expect((await store().readStream(id))[0].metadata).toEqual({});
  });

  it(title('appends with an exact revision, stream_exists and any'), async () => {
    const id = stream();
    await store().appendToStream(id, events(2), 'no_stream');
    expect((await store().appendToStream(id, events(1), 1)).nextExpectedRevision).toBe(2);
    expect((await store().appendToStream(id, events(2), 'stream_exists')).nextExpectedRevision).toBe(4);
    expect((await store().appendToStream(id, events(1), 'any')).nextExpectedRevision).toBe(5);
    const read = await store().readStream(id);
    expect(read.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it(title('any creates a missing stream'), async () => {
    const id = stream();
    expect(await store().appendToStream(id, events(1), 'any')).toMatchObject({ nextExpectedRevision: 0, written: 1 });
  });

  it(title('conflicts report the actual revision and write nothing'), async () => {
    const id = stream();
    const conflict = async (expected: Parameters<ReturnType<typeof store>['appendToStream']>[2]) => {
      const error = await store().appendToStream(id, events(1), expected).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      return error as WrongExpectedRevisionError;
    };
    expect(await conflict(0)).toMatchObject({ streamId: id, expected: 0, actual: 'no_stream' });
    expect(await conflict('stream_exists')).toMatchObject({ expected: 'stream_exists', actual: 'no_stream' });

    await store().appendToStream(id, events(3), 'no_stream');
    expect(await conflict('no_stream')).toMatchObject({ expected: 'no_stream', actual: 2 });
    expect(await conflict(1)).toMatchObject({ expected: 1, actual: 2 });
    expect(await conflict(3)).toMatchObject({ expected: 3, actual: 2 });
    expect((await conflict(0)).code).toBe('WRONG_EXPECTED_REVISION');
    expect(await store().readStream(id)).toHaveLength(3);
  });

  it(title('positions grow with revisions and across appends'), async () => {
    const id = stream();
    const first = await store().appendToStream(id, events(3), 'no_stream');
    const second = await store().appendToStream(id, events(2), 2);
    expect(second.position > first.position).toBe(true);
    const read = await store().readStream(id);
    for (let i = 1; i < read.length; i++) expect(read[i].position > read[i - 1].position).toBe(true);
    expect(read[2].position).toBe(first.position);
    expect(read[4].position).toBe(second.position);
  });

  /** A re-send that succeeded: nothing new written; if it says written, the events are where it says. */
  async function expectResend(id: string, result: AppendResult, batch: EventToAppend[], lengthBefore: number) {
    expect([0, batch.length]).toContain(result.written);
    const stored = await store().readStream(id);
    expect(stored).toHaveLength(lengthBefore);
    if (result.written > 0) {
      const at = stored.slice(result.nextExpectedRevision - batch.length + 1, result.nextExpectedRevision + 1);
      expect(at.map((e) => e.id)).toEqual(batch.map((e) => e.id.toLowerCase()));
    }
  }

  it(title('re-sending an append with its original ids and exact expectation succeeds and writes nothing twice'), async () => {
    const id = stream();
    const batch = events(3);
    await store().appendToStream(id, batch, 'no_stream');
    await store().appendToStream(id, events(1), 2);

    // A retry after a lost response: same ids, same (now stale) expectation.
    await expectResend(id, await store().appendToStream(id, batch, 'no_stream'), batch, 4);
    // The same at an exact revision, for part of a stream.
    const later = events(2);
    await store().appendToStream(id, later, 3);
    await store().appendToStream(id, events(1), 5);
    await expectResend(id, await store().appendToStream(id, later, 3), later, 7);
    // Ids compare as UUIDs, whatever their case.
    const upper = [{ ...batch[0], id: batch[0].id.toUpperCase() }];
    await expectResend(id, await store().appendToStream(id, upper, 'no_stream'), upper, 7);
  });

  it(title('a re-send at a stale revision whose ids are not all stored there is a conflict, writing nothing'), async () => {
    const id = stream();
    const batch = events(2);
    await store().appendToStream(id, batch, 'no_stream');
    await expect(store().appendToStream(id, [batch[1], anEvent()], 0)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    await expect(store().appendToStream(id, [anEvent(), batch[1]], 0)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(await store().readStream(id)).toHaveLength(2);
  });

  it(title('the same event id may appear in different streams'), async () => {
    const event = anEvent();
    const a = stream();
    const b = stream();
    await store().appendToStream(a, [event], 'no_stream');
    expect(await store().appendToStream(b, [event], 'no_stream')).toMatchObject({ written: 1 });
  });

  it(title('reads forwards from a revision with a max count'), async () => {
    const id = stream();
    await store().appendToStream(id, events(10), 'no_stream');
    const read = await store().readStream(id, { fromRevision: 3, maxCount: 4 });
    expect(read.map((e) => e.revision)).toEqual([3, 4, 5, 6]);
    expect((await store().readStream(id, { fromRevision: 'start', maxCount: 2 })).map((e) => e.revision)).toEqual([0, 1]);
    expect(await store().readStream(id, { fromRevision: 'end' })).toEqual([]);
    expect(await store().readStream(id, { fromRevision: 10 })).toEqual([]);
    expect(await store().readStream(id, { maxCount: 0 })).toEqual([]);
  });

  it(title('reads backwards from the end or from a revision'), async () => {
    const id = stream();
    await store().appendToStream(id, events(5), 'no_stream');
    expect((await store().readStream(id, { direction: 'backwards' })).map((e) => e.revision)).toEqual([4, 3, 2, 1, 0]);
    expect((await store().readStream(id, { direction: 'backwards', maxCount: 2 })).map((e) => e.revision)).toEqual([4, 3]);
    expect((await store().readStream(id, { direction: 'backwards', fromRevision: 2 })).map((e) => e.revision)).toEqual([2, 1, 0]);
    expect((await store().readStream(id, { direction: 'backwards', fromRevision: 'end', maxCount: 1 })).map((e) => e.revision)).toEqual([4]);
    expect((await store().readStream(id, { direction: 'backwards', fromRevision: 'start' })).map((e) => e.revision)).toEqual([0]);
    expect((await store().readStream(id, { direction: 'backwards', fromRevision: 99, maxCount: 2 })).map((e) => e.revision)).toEqual([4, 3]);
  });

  it(title('a missing stream reads as empty, in both directions'), async () => {
    const id = stream();
    expect(await store().readStream(id)).toEqual([]);
    expect(await store().readStream(id, { direction: 'backwards' })).toEqual([]);
    expect(await store().readStream(id, { fromRevision: 5, maxCount: 3 })).toEqual([]);
  });

  it(title('appends of several events are all-or-nothing: one bad event writes none'), async () => {
    const id = stream();
    await store().appendToStream(id, events(1), 'no_stream');
    const batch = [anEvent(), anEvent(), { ...anEvent(), data: { bad: () => 1 } }];
    await expect(store().appendToStream(id, batch, 0)).rejects.toThrow();
    const fresh = stream();
    await expect(store().appendToStream(fresh, [anEvent(), { ...anEvent(), type: '' }], 'no_stream')).rejects.toThrow();
    expect(await store().readStream(id)).toHaveLength(1);
    expect(await store().readStream(fresh)).toEqual([]);
    // The stream is untouched: the next append still expects revision 0 (and a missing stream stays missing).
    expect((await store().appendToStream(id, batch.slice(0, 2), 0)).nextExpectedRevision).toBe(2);
    expect((await store().appendToStream(fresh, events(1), 'no_stream')).nextExpectedRevision).toBe(0);
  });

  it(title('reads return copies: mutating a read event does not change the store'), async () => {
    const id = stream();
    await store().appendToStream(id, [anEvent('T', { value: 1 })], 'no_stream');
    const [read] = await store().readStream(id);
    (read.data as { value: number }).value = 2;
    expect((await store().readStream(id))[0].data).toEqual({ value: 1 });
  });
}
