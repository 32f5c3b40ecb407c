import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../testing/src/database/test-database';
import type { RecordedEvent } from '../event-store.port';
import { eventually, expectStrictlyIncreasing, headPosition, readAllAfter } from '../conformance/conformance-context';
import { PostgresEventStore } from './postgres-event-store';

jest.setTimeout(60_000);

/**
 * $all must never skip an event whose transaction commits late. These tests drive transactions by
 * hand (BEGIN, es_append, hold, COMMIT) to force the interleavings a checkpointing reader dreads.
 */
describe('[postgresql] gap safety of $all under late commits', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  const clients: Client[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('es_gaps');
    store = await PostgresEventStore.connect({ connectionString: database.connectionString, poolSize: 20, pollIntervalMs: 100 });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
    await store.close();
    await database.drop();
  });

  async function openTransaction(): Promise<Client> {
    const client = new Client({ connectionString: database.connectionString });
    clients.push(client);
    await client.connect();
    await client.query('BEGIN');
    return client;
  }

  /** es_append inside the caller's transaction, as the adapter would issue it outside one. */
  async function appendIn(client: Client, streamId: string, type: string): Promise<bigint> {
    const { rows } = await client.query(
      `SELECT last_position FROM es_append($1, ARRAY[$2::uuid], ARRAY[$3::text], ARRAY['{}'::jsonb], ARRAY['{}'::jsonb], -1)`,
      [streamId, randomUUID(), type],
    );
    return BigInt(rows[0].last_position);
  }

  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('[postgresql] readAll and subscriptions wait for an open transaction instead of skipping it', async () => {
    const head = await headPosition(store);
    const received: RecordedEvent[] = [];
    const subscription = store.subscribeToAll(async (batch) => void received.push(...batch), { fromPosition: head });
    await subscription.caughtUp;

    const held = await openTransaction();
    await appendIn(held, 'late-1', 'CommittedLate');
    await store.appendToStream('early-1', [{ id: randomUUID(), type: 'CommittedEarly', data: {} }], 'any');

    // The early event is committed, but an older transaction is still open: nothing may be returned yet.
    expect(await store.readAll({ fromPosition: head })).toEqual([]);
    await pause(400); // several poll intervals and a wake-up from the early append
    expect(received).toEqual([]);

    await held.query('COMMIT');
    const all = await store.readAll({ fromPosition: head });
    expect(all.map((e) => e.type)).toEqual(['CommittedLate', 'CommittedEarly']);
    await eventually(() => received.length === 2, 'both events on the subscription');
    await subscription.stop();
    expect(received.map((e) => e.id)).toEqual(all.map((e) => e.id));
  });

  it('[postgresql] an older transaction that inserts after a newer one is ordered first, never behind a checkpoint', async () => {
    const head = await headPosition(store);
    const older = await openTransaction();
    await older.query('SELECT pg_current_xact_id()'); // takes its transaction id now
    const newer = await openTransaction();
    await newer.query('SELECT pg_current_xact_id()');

    // The newer transaction writes first and stays open; the older one writes later and commits first.
    const newerPosition = await appendIn(newer, 'order-newer', 'Newer');
    const olderPosition = await appendIn(older, 'order-older', 'Older');
    await older.query('COMMIT');

    // With a bigserial, Older would sit after Newer and a reader checkpointing on Older would
    // later skip Newer. Ordered by transaction id, Older comes first and Newer after it.
    expect(olderPosition < newerPosition).toBe(true);
    const visible = await store.readAll({ fromPosition: head });
    expect(visible.map((e) => e.type)).toEqual(['Older']);
    const checkpoint = visible[0].position;

    await newer.query('COMMIT');
    const after = await store.readAll({ fromPosition: checkpoint });
    expect(after.map((e) => e.type)).toEqual(['Newer']);
  });

  it('[postgresql] a rolled-back transaction leaves a hole, not a stall', async () => {
    const head = await headPosition(store);
    const doomed = await openTransaction();
    await appendIn(doomed, 'rolled-back', 'Never');
    await store.appendToStream('after-rollback', [{ id: randomUUID(), type: 'Kept', data: {} }], 'any');
    await doomed.query('ROLLBACK');
    expect((await store.readAll({ fromPosition: head })).map((e) => e.type)).toEqual(['Kept']);
  });

  it('[postgresql] random late commits from 12 writers: a live subscriber receives exactly what $all holds', async () => {
    const head = await headPosition(store);
    const received: RecordedEvent[] = [];
    const subscription = store.subscribeToAll(async (batch) => void received.push(...batch), { fromPosition: head, maxBatchSize: 7 });
    await subscription.caughtUp;

    const writers = 12;
    const transactionsPerWriter = 8;
    let committed = 0;
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        const client = new Client({ connectionString: database.connectionString });
        clients.push(client);
        await client.connect();
        for (let t = 0; t < transactionsPerWriter; t++) {
          await client.query('BEGIN');
          // Take the transaction id early, write after a random delay, commit after another:
          // transaction-id order, insert order and commit order all differ between writers.
          await client.query('SELECT pg_current_xact_id()');
          await pause(Math.random() * 15);
          const appends = 1 + Math.floor(Math.random() * 2);
          for (let a = 0; a < appends; a++) await appendIn(client, `stress-${w}-${a}`, 'Stress');
          await pause(Math.random() * 15);
          await client.query('COMMIT');
          committed += appends;
        }
      }),
    );

    await eventually(() => received.length >= committed, `${committed} events (got ${received.length})`);
    await pause(200);
    await subscription.stop();
    const all = await readAllAfter(store, head);
    expect(all).toHaveLength(committed);
    expect(received.map((e) => e.id)).toEqual(all.map((e) => e.id));
    expectStrictlyIncreasing(received.map((e) => e.position));
  });
});
