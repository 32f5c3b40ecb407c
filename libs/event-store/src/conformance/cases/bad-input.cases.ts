import { EventTooLargeError, InvalidEventError, InvalidStreamNameError } from '../../event-store.errors';
import type { EventToAppend } from '../../event-store.port';
import { type ConformanceContext, anEvent, uniquePrefix } from '../conformance-context';

export function badInputCases({ store, title }: ConformanceContext): void {
  const stream = () => `${uniquePrefix('bad')}a`;

  /** The append must fail with the given error and leave the stream missing. */
  async function refused(events: unknown, errorType: abstract new (...args: never[]) => Error, reason?: string, id = stream()) {
    const error = await store()
      .appendToStream(id, events as EventToAppend[], 'any')
      .then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(errorType);
    if (reason) expect((error as InvalidEventError).reason).toBe(reason);
    expect(await store().readStream(id)).toEqual([]);
    return error;
  }

  it.each([
    ['empty', ''],
    ['too long', 'a'.repeat(201)],
    ['with a space', 'centre 1'],
    ['with a slash', 'centre/1'],
    ['with unicode', 'centré-1'],
    ['with a %', 'centre-%'],
  ])(title('refuses a stream name that is %s'), async (_, name) => {
    await expect(store().appendToStream(name, [anEvent()], 'any')).rejects.toBeInstanceOf(InvalidStreamNameError);
  });

  it(title('accepts every allowed stream name character, up to 200 characters'), async () => {
    const name = `${uniquePrefix('Ok_.:@')}${'x'.repeat(150)}`.slice(0, 200);
    await expect(store().appendToStream(name, [anEvent()], 'no_stream')).resolves.toMatchObject({ written: 1 });
    expect(await store().readStream(name)).toHaveLength(1);
  });

  it(title('refuses an invalid stream name when reading'), async () => {
    await expect(store().readStream('not valid')).rejects.toBeInstanceOf(InvalidStreamNameError);
  });

  it(title('refuses an empty append'), async () => {
    await refused([], InvalidEventError, 'empty_append');
  });

  it(title('refuses an empty or blank event type'), async () => {
    await refused([{ ...anEvent(), type: '' }], InvalidEventError, 'empty_type');
    await refused([{ ...anEvent(), type: '   ' }], InvalidEventError, 'empty_type');
    await refused([{ id: anEvent().id, data: {} }], InvalidEventError, 'empty_type');
  });

  it(title('refuses an id that is not a UUID, and the same id twice in one append'), async () => {
    await refused([{ ...anEvent(), id: 'not-a-uuid' }], InvalidEventError, 'invalid_id');
    await refused([{ ...anEvent(), id: 42 }], InvalidEventError, 'invalid_id');
    const event = anEvent();
    await refused([event, { ...event, type: 'Other' }], InvalidEventError, 'invalid_id');
  });

  const cycle: Record<string, unknown> = { a: 1 };
  cycle.self = cycle;
  it.each([
    ['a function', { f: () => 1 }],
    ['a BigInt', { n: 1n }],
    ['a cycle', cycle],
    ['undefined', undefined],
    ['NaN', { n: Number.NaN }],
    ['Infinity', [1, Number.POSITIVE_INFINITY]],
    ['a symbol', { s: Symbol('x') }],
    ['a Map', { m: new Map([[1, 2]]) }],
    ['undefined inside an array', [1, undefined]],
  ])(title('refuses data holding %s'), async (_, data) => {
    await refused([{ ...anEvent(), data }], InvalidEventError, 'not_serialisable');
  });

  it(title('refuses metadata that is not a plain JSON object'), async () => {
    await refused([{ ...anEvent(), metadata: ['list'] as unknown as Record<string, unknown> }], InvalidEventError, 'not_serialisable');
    await refused([{ ...anEvent(), metadata: { at: () => 1 } }], InvalidEventError, 'not_serialisable');
  });

  it(title('accepts JSON edge values: null data, empty strings, unicode, dates as ISO strings'), async () => {
    const id = stream();
    const at = new Date('2025-01-02T03:04:05.000Z');
    await store().appendToStream(id, [anEvent('T', null), anEvent('T', { s: '', u: 'é✓\u{1F600}', at, deep: { x: [[]] } })], 'no_stream');
    const read = await store().readStream(id);
    expect(read[0].data).toBeNull();
    expect(read[1].data).toEqual({ s: '', u: 'é✓\u{1F600}', at: '2025-01-02T03:04:05.000Z', deep: { x: [[]] } });
  });

  it(title('refuses an event over the size limit (1 MiB by default), writing nothing'), async () => {
    const big = { blob: 'x'.repeat(1024 * 1024) };
    const error = (await refused([anEvent(), { ...anEvent(), data: big }], EventTooLargeError)) as EventTooLargeError;
    expect(error.limit).toBe(1024 * 1024);
    expect(error.size).toBeGreaterThan(1024 * 1024);
    expect(error.code).toBe('EVENT_TOO_LARGE');
  });

  it(title('accepts an event just under the size limit'), async () => {
    const id = stream();
    const data = { blob: 'x'.repeat(1024 * 1024 - 100) };
    await expect(store().appendToStream(id, [{ ...anEvent(), data }], 'no_stream')).resolves.toMatchObject({ written: 1 });
    expect(((await store().readStream(id))[0].data as typeof data).blob).toHaveLength(1024 * 1024 - 100);
  });
}
