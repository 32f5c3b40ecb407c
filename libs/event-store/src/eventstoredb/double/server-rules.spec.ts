/**
 * The double's transcription of the server's storage rules, row by row of IndexWriter.CheckCommit
 * (kurrent-io/KurrentDB src/KurrentDB.Core/Services/Storage/ReaderIndex/IndexWriter.cs) and of
 * the append size rule (Data/Event.cs, Streams.BatchAppend.cs).
 */
import { type ExpectedState, type ProposedEvent, ServerRules, sizeOnDisk } from './server-rules';

const now = new Date('2026-01-01T00:00:00Z');
let n = 0;
const proposed = (id = `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`): ProposedEvent => ({
  id,
  type: 'T',
  contentType: 'application/json',
  data: Buffer.from('{}'),
  metadata: Buffer.from('{}'),
});

function streamOf(rules: ServerRules, id: string) {
  return (rules.stream(id) ?? []).map((e) => e.id);
}

describe('EventStoreDB double: the server rules', () => {
  let rules: ServerRules;
  const a = proposed();
  const b = proposed();
  const c = proposed();
  beforeEach(() => {
    rules = new ServerRules();
    rules.append('s', 'no_stream', [a, b], now);
  });

  it.each<[string, ExpectedState, ProposedEvent[], string]>([
    ['exact revision equal to the current one: written, even with known ids', 1n, [a], 'written'],
    ['exact revision above the current one: conflict', 5n, [proposed()], 'wrong-expected-version'],
    ['stale exact revision, ids where they were written: idempotent', -1n, [a, b], 'idempotent'],
    ['no_stream on an existing stream, same ids: idempotent (no_stream is revision -1)', 'no_stream', [a], 'idempotent'],
    ['stale exact revision, first id not there: conflict', 0n, [c], 'wrong-expected-version'],
    ['stale exact revision, a later id not there (CorruptedIdempotency): conflict', -1n, [a, c], 'wrong-expected-version'],
    ['any, every id in the cache: idempotent', 'any', [a, b], 'idempotent'],
    ['any, first id new: written whole, known ids included', 'any', [c, a], 'written'],
    ['any, first id known and a later one new (CorruptedIdempotency): conflict', 'any', [a, c], 'wrong-expected-version'],
    ['stream_exists, every id in the cache: idempotent', 'stream_exists', [b], 'idempotent'],
  ])('%s', (_, expected, events, kind) => {
    expect(rules.append('s', expected, events, now).kind).toBe(kind);
  });

  it('an idempotent answer carries the revision and position of the matched events, not the stream end', () => {
    rules.append('s', 1n, [proposed()], now);
    const first = rules.stream('s')!;
    expect(rules.append('s', 'no_stream', [a], now)).toEqual({ kind: 'idempotent', revision: 0n, position: first[0].position });
    expect(rules.append('s', 'any', [b], now)).toEqual({ kind: 'idempotent', revision: 1n, position: first[1].position });
  });

  it('stream_exists on a stream that never existed is a conflict; any creates it', () => {
    expect(rules.append('new', 'stream_exists', [proposed()], now)).toEqual({ kind: 'wrong-expected-version', current: 'no_stream' });
    expect(rules.append('new', 'any', [proposed()], now)).toMatchObject({ kind: 'written', revision: 0n });
  });

  it('under any, ids evicted from the committed-events cache are written again', () => {
    rules.evictCommittedIds();
    expect(rules.append('s', 'any', [a], now).kind).toBe('written');
    expect(streamOf(rules, 's')).toEqual([a.id, b.id, a.id]);
  });

  it('the cache is bounded: the oldest ids fall out first', () => {
    const small = new ServerRules({ committedEventsCacheSize: 2 });
    const [x, y, z] = [proposed(), proposed(), proposed()];
    small.append('s', 'no_stream', [x, y, z], now);
    expect(small.append('s', 'any', [x], now).kind).toBe('written');
    expect(small.append('s', 'any', [z], now).kind).toBe('idempotent');
  });

  it('the same id in another stream is not recognised', () => {
    expect(rules.append('other', 'any', [a], now).kind).toBe('written');
  });

  it('a hard-deleted stream refuses every write, whatever the expectation', () => {
    rules.tombstone('s');
    for (const expected of ['any', 'no_stream', 'stream_exists', 1n] as ExpectedState[]) {
      expect(rules.append('s', expected, [proposed()], now)).toEqual({ kind: 'stream-deleted' });
    }
  });

  it('positions grow strictly, with gaps, across streams', () => {
    rules.append('t', 'no_stream', [proposed()], now);
    const positions = rules.all().map((e) => e.position);
    for (let i = 1; i < positions.length; i++) expect(positions[i] - positions[i - 1]).toBeGreaterThan(1n);
  });

  it('size on disk: data + metadata + 2 bytes per type character, summed over the append', () => {
    expect(sizeOnDisk({ type: 'Typé', data: new Uint8Array(10), metadata: new Uint8Array(3) })).toBe(10 + 3 + 8);
    const limited = new ServerRules({ maxAppendSize: 20 });
    const event = { ...proposed(), data: new Uint8Array(8), metadata: new Uint8Array(0) }; // 8 + 2 = 10
    expect(limited.exceedsAppendSize([event, event])).toBe(false);
    expect(limited.exceedsAppendSize([event, event, event])).toBe(true);
  });
});
