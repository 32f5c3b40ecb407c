import { PostgresEventStore } from '@accreditation/event-store';
import { createTestDatabase, type TestDatabase } from '../../../testing/src/database/test-database';
import { appendPopulation } from '../testing/append-population';
import { generatePopulation } from '../testing/centre-population';
import { projectionByName } from '../projections.registry';
import { deadLetterSummary } from './dead-letter';
import { rebuildProjection } from './rebuild';

jest.setTimeout(120_000);

describe('[postgresql] malformed stored events', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('dead_letters');
    store = await PostgresEventStore.connect({ connectionString: db.connectionString });
    await appendPopulation(store, generatePopulation({ centres: 20, seed: 3 }));
    // What issue 10 found: an event's data replaced by {} (as a superuser past the append-only trigger).
    await store.pool.query(`BEGIN; SET LOCAL session_replication_role = replica;
      UPDATE events SET data = '{}' WHERE stream_id = (SELECT stream_id FROM events WHERE type = 'AccreditationGranted' ORDER BY position LIMIT 1) AND type = 'AccreditationGranted';
      COMMIT;`);
  });

  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it('[postgresql] a rebuild sets an event it cannot apply aside in projection_dead_letters, completes, and readiness counts it', async () => {
    // audit_outcomes needs the grant's audit id: without it the row cannot be written (NOT NULL).
    const result = await rebuildProjection({ store, pool: store.pool, projection: projectionByName('audit_outcomes')! });
    expect(result.deadLettered).toEqual([expect.objectContaining({ type: 'AccreditationGranted' })]);
    const summary = await deadLetterSummary(store.pool);
    expect(summary).toMatchObject({ ok: false, total: 1, byProjection: { audit_outcomes_v1: 1 } });
    expect(summary.latest[0].error).toMatch(/audit_id/);
    // Every other event was applied: the read model has the other audits.
    const { rows } = await store.pool.query('SELECT count(*)::int AS n FROM rm_audit_outcomes_v1');
    expect(rows[0].n).toBeGreaterThan(5);
    // The projections that can read it carry on as before.
    expect((await rebuildProjection({ store, pool: store.pool, projection: projectionByName('centre_status')! })).deadLettered).toEqual([]);

    // A second rebuild replaces the dead letters of the first (same event, counted once).
    await rebuildProjection({ store, pool: store.pool, projection: projectionByName('audit_outcomes')! });
    expect((await deadLetterSummary(store.pool)).byProjection).toEqual({ audit_outcomes_v1: 1 });
  });
});
