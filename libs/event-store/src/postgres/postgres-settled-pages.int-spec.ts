import { createTestDatabase, type TestDatabase } from '../../../testing/src/database/test-database';
import type { RecordedEvent } from '../event-store.port';
import { PostgresEventStore } from './postgres-event-store';

/**
 * The settled pages (a rebuild's reader, binary COPY) read what readAll reads: the same events in
 * the same order, recordedAt to the same millisecond, the metadata keys asked for as readAll has them.
 */
describe('[postgresql] settled pages read as readAll does', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;

  // Instants stored as recorded_at, among them the edges of the millisecond and of the double.
  const instants = [
    '2026-11-30 17:10:09.123999+00', '2026-11-30 17:10:09.123000+00', '1969-12-31 23:59:59.999999+00',
    '1900-01-01 00:00:00.000001+00', '9999-12-31 23:59:59.999999+00', '0100-01-01 00:00:00.000999+00',
  ];

  beforeAll(async () => {
    database = await createTestDatabase('es_settled_pages');
    store = await PostgresEventStore.connect({ connectionString: database.connectionString, poolSize: 6 });
    // Positions straddle a power of ten below every appended one; metadata with a key absent, null, nested.
    await store.pool.query(`INSERT INTO events (position, stream_id, revision, event_id, type, data, metadata, recorded_at, transaction_id)
      SELECT 10000 - 3 + n, 'settled-1', n - 1, gen_random_uuid(), CASE WHEN n % 2 = 0 THEN 'Even' ELSE 'Odd' END,
        jsonb_build_object('n', n, 'text', E'tab\\there "quoted" é ✓'),
        CASE n % 3 WHEN 0 THEN '{"schemaVersion": 2, "occurredAt": "2020-01-01T00:00:00.000Z"}'::jsonb
          WHEN 1 THEN '{"schemaVersion": null, "actor": {"id": "a"}}'::jsonb ELSE '{}'::jsonb END,
        t::timestamptz, pg_current_xact_id()
      FROM unnest($1::text[]) WITH ORDINALITY AS i(t, n)`, [instants]);
    await store.appendToStream('settled-2', [{ id: '3f0c1d0e-0000-4000-8000-000000000001', type: 'Odd', data: { appended: true } }], 'no_stream');
  });

  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  const read = async (options: { eventTypes?: string[]; metadataKeys?: string[]; pageSize: number }): Promise<RecordedEvent[]> => {
    const out: RecordedEvent[] = [];
    for await (const page of store.readSettledPages({ ...options, parallelism: 3 })) out.push(...page);
    return out;
  };
  const keep = (e: RecordedEvent, keys: string[]) => ({ ...e, metadata: Object.fromEntries(keys.filter((k) => k in e.metadata).map((k) => [k, e.metadata[k]])) });

  it.each([1, 2, 5])('given pages of %i events, when read, then every event is readAll\'s, with the metadata keys asked for', async (pageSize) => {
    const all = await store.readAll({ maxCount: 100 });
    expect(all.map((e) => e.position)).toEqual([9998n, 9999n, 10000n, 10001n, 10002n, 10003n, all[6]!.position]);
    const keys = ['schemaVersion', 'occurredAt', 'actor'];
    expect(await read({ metadataKeys: keys, pageSize })).toEqual(all.map((e) => keep(e, keys)));
    expect(await read({ pageSize })).toEqual(all);
    expect(await read({ eventTypes: ['Odd'], metadataKeys: [], pageSize })).toEqual(all.filter((e) => e.type === 'Odd').map((e) => keep(e, [])));
  });

  it('given recorded_at at the edges, when read, then recordedAt is the stored instant truncated to its millisecond', async () => {
    const { rows } = await store.pool.query<{ ms: string }>('SELECT floor(extract(epoch FROM recorded_at) * 1000)::text AS ms FROM events WHERE stream_id = $1 ORDER BY position', ['settled-1']);
    const events = (await read({ metadataKeys: [], pageSize: 3 })).filter((e) => e.streamId === 'settled-1');
    expect(events.map((e) => e.recordedAt.getTime())).toEqual(rows.map((r) => Number(r.ms)));
  });
});
