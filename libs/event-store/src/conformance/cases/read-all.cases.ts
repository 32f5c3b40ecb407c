import { type ConformanceContext, anEvent, events, expectStrictlyIncreasing, headPosition, readAllAfter, uniquePrefix } from '../conformance-context';

export function readAllCases({ store, title }: ConformanceContext): void {
  it(title('reads all events in global order, exclusive of the given position'), async () => {
    const head = await headPosition(store());
    const prefix = uniquePrefix('all');
    await store().appendToStream(`${prefix}a`, events(2), 'no_stream');
    await store().appendToStream(`${prefix}b`, events(1), 'no_stream');
    await store().appendToStream(`${prefix}a`, events(1), 1);

    const all = await readAllAfter(store(), head);
    expect(all.map((e) => [e.streamId, e.revision])).toEqual([
      [`${prefix}a`, 0],
      [`${prefix}a`, 1],
      [`${prefix}b`, 0],
      [`${prefix}a`, 2],
    ]);
    expectStrictlyIncreasing(all.map((e) => e.position));

    // Exclusive: from the position of the second event, the third comes first.
    const after = await store().readAll({ fromPosition: all[1].position, maxCount: 10 });
    expect(after.map((e) => e.id)).toEqual(all.slice(2).map((e) => e.id));
  });

  it(title('reads from the beginning when no position (or 0) is given, in pages of maxCount'), async () => {
    await store().appendToStream(`${uniquePrefix('all')}x`, events(3), 'no_stream');
    const first = await store().readAll({ maxCount: 2 });
    expect(first).toHaveLength(2);
    expect(await store().readAll({ fromPosition: 0n, maxCount: 2 })).toEqual(first);
    const next = await store().readAll({ fromPosition: first[1].position, maxCount: 1 });
    expect(next).toHaveLength(1);
    expect(next[0].position > first[1].position).toBe(true);
    expect(await store().readAll({ maxCount: 0 })).toEqual([]);
  });

  it(title('reading after the last position returns nothing'), async () => {
    await store().appendToStream(`${uniquePrefix('all')}x`, events(1), 'no_stream');
    const head = await headPosition(store());
    expect(await store().readAll({ fromPosition: head })).toEqual([]);
    expect(await store().readAll({ fromPosition: head + 1_000_000n })).toEqual([]);
  });

  it(title('filters by event type'), async () => {
    const head = await headPosition(store());
    const prefix = uniquePrefix('types');
    const wanted = `Wanted${prefix}`;
    const alsoWanted = `AlsoWanted${prefix}`;
    await store().appendToStream(`${prefix}a`, [anEvent(wanted), anEvent('Other'), anEvent(alsoWanted)], 'no_stream');
    await store().appendToStream(`${prefix}b`, [anEvent('Other'), anEvent(wanted)], 'no_stream');

    const read = await store().readAll({ fromPosition: head, filter: { eventTypes: [wanted, alsoWanted] } });
    expect(read.map((e) => [e.streamId, e.type])).toEqual([
      [`${prefix}a`, wanted],
      [`${prefix}a`, alsoWanted],
      [`${prefix}b`, wanted],
    ]);
    const paged = await store().readAll({ fromPosition: head, maxCount: 1, filter: { eventTypes: [wanted] } });
    expect(paged.map((e) => e.streamId)).toEqual([`${prefix}a`]);
  });

  it(title('filters by stream prefix, treating prefix characters literally'), async () => {
    const head = await headPosition(store());
    const base = uniquePrefix('pfx');
    // '_' must not act as a wildcard: "x_1" must not match "xa1".
    await store().appendToStream(`${base}x_1-a`, events(1), 'no_stream');
    await store().appendToStream(`${base}xa1-b`, events(1), 'no_stream');
    await store().appendToStream(`${base}y-c`, events(2), 'no_stream');
    await store().appendToStream(`other-${base}x_1`, events(1), 'no_stream');

    const x = await store().readAll({ fromPosition: head, filter: { streamPrefixes: [`${base}x_1`] } });
    expect(x.map((e) => e.streamId)).toEqual([`${base}x_1-a`]);
    const xy = await store().readAll({ fromPosition: head, filter: { streamPrefixes: [`${base}x_`, `${base}y`] } });
    expect(xy.map((e) => e.streamId)).toEqual([`${base}x_1-a`, `${base}y-c`, `${base}y-c`]);
  });

  it(title('combines type and prefix filters (both must match)'), async () => {
    const head = await headPosition(store());
    const prefix = uniquePrefix('both');
    await store().appendToStream(`${prefix}a`, [anEvent('Keep'), anEvent('Drop')], 'no_stream');
    await store().appendToStream(`elsewhere-${prefix}`, [anEvent('Keep')], 'no_stream');
    const read = await store().readAll({ fromPosition: head, filter: { eventTypes: ['Keep'], streamPrefixes: [prefix] } });
    expect(read.map((e) => [e.streamId, e.type])).toEqual([[`${prefix}a`, 'Keep']]);
  });
}
