import { PostgresEventStore, type EventStore } from '@accreditation/event-store';
import { createTestDatabase, type TestDatabase } from '../../../testing/src/database/test-database';
import { appendPopulation } from '../testing/append-population';
import { generatePopulation } from '../testing/centre-population';
import { fingerprints } from '../testing/table-fingerprint';
import { ALL_PROJECTIONS } from '../projections.registry';
import { rebuildProjection } from './rebuild';

jest.setTimeout(300_000);

/**
 * A rebuild reads ahead in parallel position ranges with only the metadata keys a projection
 * declares, and folds centre read models in memory (written by COPY). Whatever path it takes, the
 * rows must be exactly those of applying readAll's pages batch by batch, malformed events included.
 */
describe('[postgresql] rebuild paths give the same rows', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  /** The store through its port only: readAll pages, batch by batch (the path before range reads). */
  let portOnly: EventStore;

  beforeAll(async () => {
    db = await createTestDatabase('rebuild_paths');
    store = await PostgresEventStore.connect({ connectionString: db.connectionString });
    await appendPopulation(store, generatePopulation({ centres: 120, seed: 11 }));
    // Malformed stored data (as a superuser past the append-only trigger): a grant without its
    // fields, a registration whose data is not an object. Both paths must treat them alike.
    await store.pool.query(`BEGIN; SET LOCAL session_replication_role = replica;
      UPDATE events SET data = jsonb_build_object('centreId', data->'centreId') WHERE position = (SELECT min(position) FROM events WHERE type = 'AccreditationGranted');
      UPDATE events SET data = jsonb_build_object('centreId', data->'centreId', 'name', 7) WHERE position = (SELECT max(position) FROM events WHERE type = 'CentreRegistered');
      COMMIT;`);
    // A centre whose first events straddle a power of ten below every other position: a page
    // that holds 99…9 and 10…0 must still fold them in numeric order (not as text).
    const first = await store.pool.query<{ p: string }>('SELECT min(position)::text AS p FROM events');
    const power = 10n ** BigInt(first.rows[0]!.p.length - 1);
    const centreId = 'c-power-of-ten';
    const crossing = generatePopulation({ centres: 1, seed: 5 }).find((x) => x.streamId.startsWith('centre-'))!.events.slice(0, 4);
    await store.pool.query(`INSERT INTO events (position, stream_id, revision, event_id, type, data, metadata, transaction_id)
      SELECT $1::bigint - 3 + n, 'centre-' || $2, n - 1, gen_random_uuid(), t, d || jsonb_build_object('centreId', $2::text), m, pg_current_xact_id()
      FROM unnest($3::text[], $4::jsonb[], $5::jsonb[]) WITH ORDINALITY AS e(t, d, m, n)`,
    [power.toString(), centreId, crossing.map((e) => e.type), crossing.map((e) => JSON.stringify(e.data)), crossing.map((e) => JSON.stringify(e.metadata ?? {}))]);
    const straddling = await store.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE position BETWEEN $1::bigint - 2 AND $1::bigint + 1', [power.toString()]);
    expect(straddling.rows[0]!.n).toBe(4);
    portOnly = { readAll: store.readAll.bind(store), health: store.health.bind(store) } as unknown as EventStore;
  });

  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it.each(ALL_PROJECTIONS.map((p) => [p.name, p] as const))('[postgresql] %s: range reads (and the in-memory fold) equal readAll batches', async (_name, projection) => {
    // One at a time: a rebuild drops the side tables an earlier one left.
    const before = await rebuildProjection({ store: portOnly, pool: store.pool, projection, swap: false, suffix: '_rpa', batchSize: 700, inMemory: false });
    const expected = await fingerprints(store.pool, before.tables);
    expect(Object.values(expected)[0]!.rows).toBeGreaterThan(0);
    const after = await rebuildProjection({ store, pool: store.pool, projection, swap: false, suffix: '_rpb', batchSize: 500, parallelism: 3 });
    expect(after.events).toBe(before.events);
    expect(after.position).toBe(before.position);
    expect(after.deadLettered).toEqual(before.deadLettered);
    expect(await fingerprints(store.pool, after.tables)).toEqual(expected);
    for (const t of Object.values(after.tables)) await store.pool.query(`DROP TABLE ${t}`);
  });

  it('[postgresql] a full rebuild with swap continues from where the range reads stopped', async () => {
    const projection = ALL_PROJECTIONS.find((p) => p.name === 'centre_status')!;
    const result = await rebuildProjection({ store, pool: store.pool, projection, batchSize: 300 });
    const head = await store.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE type = ANY($1::text[])`, [[...projection.eventTypes]]);
    expect(result.events).toBe(head.rows[0]!.n);
  });
});
