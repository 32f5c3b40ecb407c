import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../testing/src/database/test-database';
import { WrongExpectedRevisionError } from '../event-store.errors';
import type { EventToAppend } from '../event-store.port';
import { PostgresEventStore } from './postgres-event-store';
import { MAX_VALUES_EVENTS } from './postgres-sql';
import { importStreams } from './postgres-bulk-import';
import { migrate } from './postgres-migrator';
import { MIGRATIONS } from './migrations';

jest.setTimeout(60_000);

const anEvent = (type = 'T', data: unknown = {}): EventToAppend => ({ id: randomUUID(), type, data });

/**
 * The append path without stream rows (migration 2): concurrent writers meet on the
 * UNIQUE (stream_id, revision) constraint, 'any' / 'stream_exists' go again on the new head,
 * databases created by migration 1 upgrade in place, and es_append keeps its contract.
 */
describe('[postgresql] append path on the (stream_id, revision) constraint', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase('es_append_path');
    store = await PostgresEventStore.connect({ connectionString: database.connectionString, poolSize: 24 });
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  // 1: scalars; 2 and MAX_VALUES_EVENTS: a VALUES list; beyond it: arrays. Each in every mode.
  it.each([1, 2, MAX_VALUES_EVENTS, MAX_VALUES_EVENTS + 1, 100])('[postgresql] given an append of %i events, then every mode writes them in order with their data, and a stale exact revision writes nothing', async (count) => {
    const id = `sizes-${count}-${randomUUID()}`;
    const batch = (tag: string) => Array.from({ length: count }, (_, i) => anEvent(`T${i}`, { tag, i, text: 'quote " and backslash \\ and {braces}' }));
    const first = batch('new');
    await expect(store.appendToStream(id, first, 'no_stream')).resolves.toMatchObject({ nextExpectedRevision: count - 1, written: count });
    const second = batch('exact');
    await expect(store.appendToStream(id, second, count - 1)).resolves.toMatchObject({ nextExpectedRevision: 2 * count - 1, written: count });
    const third = batch('exists');
    await store.appendToStream(id, third, 'stream_exists');
    const fourth = batch('any');
    await store.appendToStream(id, fourth, 'any');
    await expect(store.appendToStream(id, batch('stale'), count - 1)).rejects.toBeInstanceOf(WrongExpectedRevisionError);

    const stream = await store.readStream(id);
    const written = [...first, ...second, ...third, ...fourth];
    expect(stream.map((e) => e.revision)).toEqual(written.map((_, i) => i));
    expect(stream.map((e) => [e.id, e.type, e.data])).toEqual(written.map((e) => [e.id, e.type, e.data]));
    for (let i = 1; i < stream.length; i++) expect(stream[i].position > stream[i - 1].position).toBe(true);
  });

  it.each(['any', 'stream_exists'] as const)('[postgresql] 20 concurrent %s appends of different events all land, revisions contiguous', async (expected) => {
    const id = `hot-${expected}-${randomUUID()}`;
    await store.appendToStream(id, [anEvent('Opened')], 'no_stream');
    const batches = Array.from({ length: 20 }, (_, w) => Array.from({ length: 1 + (w % 3) }, () => anEvent('Hot', { w })));
    const results = await Promise.all(batches.map((batch) => store.appendToStream(id, batch, expected)));
    expect(results.map((r) => r.written)).toEqual(batches.map((b) => b.length));

    const stream = await store.readStream(id);
    const total = 1 + batches.reduce((n, b) => n + b.length, 0);
    expect(stream.map((e) => e.revision)).toEqual(Array.from({ length: total }, (_, i) => i));
    // Each batch is contiguous, and positions grow with revisions within the stream.
    for (const [w, batch] of batches.entries()) {
      const revisions = stream.filter((e) => batch.some((b) => b.id === e.id)).map((e) => e.revision);
      expect(revisions).toEqual(revisions.map((_, i) => revisions[0] + i));
      expect(results[w].nextExpectedRevision).toBe(revisions[revisions.length - 1]);
    }
    for (let i = 1; i < stream.length; i++) expect(stream[i].position > stream[i - 1].position).toBe(true);
  });

  it('[postgresql] an exact revision that is not the head, above or below it, is a conflict with the actual head', async () => {
    const id = `exact-${randomUUID()}`;
    await store.appendToStream(id, [anEvent(), anEvent(), anEvent()], 'no_stream');
    for (const expected of [0, 1, 3, 7]) {
      await expect(store.appendToStream(id, [anEvent()], expected)).rejects.toMatchObject({ actual: 2 });
      await expect(store.appendToStream(id, [anEvent(), anEvent()], expected)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    }
    await expect(store.appendToStream(`missing-${randomUUID()}`, [anEvent()], 0)).rejects.toMatchObject({ actual: 'no_stream' });
    await expect(store.appendToStream(`missing-${randomUUID()}`, [anEvent()], 'stream_exists')).rejects.toMatchObject({ actual: 'no_stream' });
    expect(await store.readStream(id)).toHaveLength(3);
  });

  it('[postgresql] a batch with some ids already in the stream is refused under any expectation; a whole retried batch is a no-op', async () => {
    const id = `dup-${randomUUID()}`;
    const first = [anEvent(), anEvent()];
    await store.appendToStream(id, first, 'no_stream');
    await expect(store.appendToStream(id, [first[1], anEvent()], 'any')).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    await expect(store.appendToStream(id, [first[0], anEvent()], 1)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(await store.appendToStream(id, [first[0]], 1)).toMatchObject({ nextExpectedRevision: 1, written: 0 });
    expect(await store.appendToStream(id, first, 'any')).toMatchObject({ nextExpectedRevision: 1, written: 0 });
    expect(await store.appendToStream(id, [first[1]], 'stream_exists')).toMatchObject({ nextExpectedRevision: 1, written: 0 });
    expect(await store.readStream(id)).toHaveLength(2);
  });

  it('[postgresql] es_append keeps its contract: ES409 with the actual revision, several appends in one transaction', async () => {
    const id = `fn-${randomUUID()}`;
    const call = (expected: number) =>
      store.pool.query(`SELECT next_revision, last_position, written FROM es_append($1, ARRAY[gen_random_uuid()], ARRAY['T'], ARRAY['{}'::jsonb], ARRAY['{}'::jsonb], $2)`, [id, expected]);
    await expect(call(0)).rejects.toMatchObject({ code: 'ES409', detail: '-1' });
    await expect(call(-3)).rejects.toMatchObject({ code: 'ES409', detail: '-1' });
    expect((await call(-2)).rows[0]).toMatchObject({ next_revision: 0, written: 1 });
    await expect(call(-2)).rejects.toMatchObject({ code: 'ES409', detail: '0' });
    await expect(call(5)).rejects.toMatchObject({ code: 'ES409', detail: '0' });
    expect((await call(0)).rows[0]).toMatchObject({ next_revision: 1 });
    expect((await call(-1)).rows[0]).toMatchObject({ next_revision: 2 });

    const client = await store.pool.connect();
    try {
      await client.query('BEGIN');
      const a = await client.query(`SELECT last_position FROM es_append($1, ARRAY[gen_random_uuid(), gen_random_uuid()], ARRAY['T','T'], ARRAY['{}'::jsonb,'{}'::jsonb], ARRAY['{}'::jsonb,'{}'::jsonb], -1)`, [id]);
      const b = await client.query(`SELECT last_position FROM es_append($1, ARRAY[gen_random_uuid()], ARRAY['T'], ARRAY['{}'::jsonb], ARRAY['{}'::jsonb], 4)`, [id]);
      await client.query('COMMIT');
      expect(BigInt(b.rows[0].last_position)).toBe(BigInt(a.rows[0].last_position) + 1n);
    } finally {
      client.release();
    }
    expect((await store.readStream(id)).map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5]);
    const view = await store.pool.query('SELECT revision, last_position FROM streams WHERE stream_id = $1', [id]);
    const last = (await store.readStream(id, { direction: 'backwards', maxCount: 1 }))[0];
    expect(view.rows[0]).toEqual({ revision: 5, last_position: last.position.toString() });
  });

  it('[postgresql] bulk import refuses a stream that exists, or one listed twice, writing nothing of that transaction', async () => {
    const existing = `imp-existing-${randomUUID()}`;
    await store.appendToStream(existing, [anEvent(), anEvent()], 'no_stream');
    const fresh = `imp-fresh-${randomUUID()}`;
    await expect(importStreams(store.pool, [{ streamId: fresh, events: [anEvent()] }, { streamId: existing, events: [anEvent()] }])).rejects.toMatchObject({
      streamId: existing,
      actual: 1,
    });
    await expect(importStreams(store.pool, [{ streamId: fresh, events: [anEvent()] }, { streamId: fresh, events: [anEvent()] }])).rejects.toBeInstanceOf(
      WrongExpectedRevisionError,
    );
    expect(await store.readStream(fresh)).toEqual([]);
    expect(await importStreams(store.pool, [{ streamId: fresh, events: [anEvent(), anEvent()] }])).toMatchObject({ events: 2 });
    expect(await store.appendToStream(fresh, [anEvent()], 1)).toMatchObject({ nextExpectedRevision: 2, written: 1 });
  });

  it('[postgresql] bulk import refuses an invalid event met while its transaction is being copied: that transaction writes nothing, earlier ones stay, the connections stay usable', async () => {
    const tag = randomUUID();
    const good = Array.from({ length: 3 }, (_, i) => ({ streamId: `imp-ok-${i}-${tag}`, events: [anEvent(), anEvent()] }));
    const later = `imp-later-${tag}`;
    const bad = { streamId: `imp-bad-${tag}`, events: [anEvent(), { id: randomUUID(), type: 'T', data: { when: new Map() } } as unknown as EventToAppend] };
    // Two events per transaction: the first three streams commit, the fourth's second event is refused.
    await expect(importStreams(store.pool, [...good, bad, { streamId: later, events: [anEvent()] }], { eventsPerTransaction: 2 })).rejects.toMatchObject({
      name: 'InvalidEventError',
      message: expect.stringContaining('Map'),
    });
    for (const s of good) expect(await store.readStream(s.streamId)).toHaveLength(2);
    expect(await store.readStream(bad.streamId)).toEqual([]);
    expect(await store.readStream(later)).toEqual([]);
    const { rows } = await store.pool.query<{ n: string }>('SELECT count(*) AS n FROM events WHERE stream_id = $1', [bad.streamId]);
    expect(rows[0].n).toBe('0');
    // Every pooled connection still answers (a failed COPY must not leave one mid-protocol).
    await Promise.all(Array.from({ length: 24 }, () => store.pool.query('SELECT 1')));
    expect(await importStreams(store.pool, [{ streamId: bad.streamId, events: [anEvent()] }, { streamId: later, events: [anEvent()] }], { eventsPerTransaction: 1, parallelism: 2 })).toMatchObject({ events: 2 });
  });

  it('[postgresql] bulk import on several connections starts nothing after a failed transaction, and writes nothing once it has answered', async () => {
    const tag = randomUUID();
    const stream = (i: number, events: EventToAppend[] = [anEvent()]) => ({ streamId: `imp-par-${i}-${tag}`, events });
    const broken = stream(1, [anEvent(), { id: 'not-a-uuid', type: 'T', data: {} }]);
    const streams = [stream(0), broken, ...Array.from({ length: 40 }, (_, i) => stream(i + 2))];
    await expect(importStreams(store.pool, streams, { eventsPerTransaction: 1, parallelism: 2 })).rejects.toMatchObject({ name: 'InvalidEventError' });
    const count = async () => Number((await store.pool.query<{ n: string }>(`SELECT count(*) AS n FROM events WHERE stream_id LIKE $1`, [`imp-par-%-${tag}`])).rows[0].n);
    const answered = await count();
    // The other connection had at most the transaction it was running; no later stream was started.
    expect(answered).toBeLessThanOrEqual(2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await count()).toBe(answered);
  });

  it('[postgresql] bulk import refuses an invalid stream name before it opens a transaction', async () => {
    await expect(importStreams(store.pool, [{ streamId: 'no spaces allowed', events: [anEvent()] }])).rejects.toMatchObject({ name: 'InvalidStreamNameError' });
  });

  it('[postgresql] bulk import carries COPY-special characters in data, metadata and type unchanged', async () => {
    const awkward = 'tab\there, line\nbreak, return\r, back\\slash \\N, "quoted", é✓\u{1F600}';
    const streamId = `imp-awkward-${randomUUID()}`;
    const event: EventToAppend = { id: randomUUID(), type: 'T\\x', data: { awkward, list: [awkward] }, metadata: { note: awkward } };
    await importStreams(store.pool, [{ streamId, events: [event] }]);
    const [read] = await store.readStream(streamId);
    expect(read).toMatchObject({ type: 'T\\x', data: { awkward, list: [awkward] }, metadata: { note: awkward } });
  });
});

describe('[postgresql] upgrade of a database created by migration 1', () => {
  it('[postgresql] stream rows give way to the derived view; heads, conflicts and appends carry on', async () => {
    const database = await createTestDatabase('es_upgrade');
    const pool = new Pool({ connectionString: database.connectionString, max: 2 });
    try {
      expect(await migrate(pool, MIGRATIONS.filter((m) => m.version === 1))).toEqual([1]);
      const append = (stream: string, count: number, expected: number) =>
        pool.query(
          `SELECT es_append($1, array_agg(gen_random_uuid()), array_agg('Old'::text), array_agg('{}'::jsonb), array_agg('{}'::jsonb), $3)
           FROM generate_series(1, $2::int)`,
          [stream, count, expected],
        );
      await append('old-a', 3, -2);
      await append('old-b', 1, -2);
      await append('old-a', 2, 2);
      const before = (await pool.query('SELECT stream_id, revision, last_position FROM streams ORDER BY stream_id')).rows;

      const store = await PostgresEventStore.connect({ connectionString: database.connectionString });
      try {
        expect((await store.pool.query('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
        expect((await store.pool.query('SELECT stream_id, revision, last_position FROM streams ORDER BY stream_id')).rows).toEqual(before);
        await expect(store.appendToStream('old-a', [anEvent()], 3)).rejects.toMatchObject({ actual: 4 });
        await expect(store.appendToStream('old-b', [anEvent()], 'no_stream')).rejects.toMatchObject({ actual: 0 });
        expect(await store.appendToStream('old-a', [anEvent()], 4)).toMatchObject({ nextExpectedRevision: 5, written: 1 });
        expect(await store.appendToStream('old-b', [anEvent(), anEvent()], 'any')).toMatchObject({ nextExpectedRevision: 2, written: 2 });
        const all = await store.readAll();
        expect(all).toHaveLength(9);
        for (let i = 1; i < all.length; i++) expect(all[i].position > all[i - 1].position).toBe(true);
      } finally {
        await store.close();
      }
    } finally {
      await pool.end();
      await database.drop();
    }
  });
});
