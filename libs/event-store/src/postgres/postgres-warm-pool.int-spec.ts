import { createTestDatabase, type TestDatabase } from '../../../testing/src/database/test-database';
import { PostgresEventStore } from './postgres-event-store';

jest.setTimeout(60_000);

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A server's pool stays warm: a burst after a quiet spell finds its connections open. */
describe('[postgresql] idle connections of the pool', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  async function openConnections(store: PostgresEventStore, count: number): Promise<Set<number>> {
    // Held at once, so the pool has to open `count` connections.
    const clients = await Promise.all(Array.from({ length: count }, () => store.pool.connect()));
    const pids = new Set(await Promise.all(clients.map(async (c) => (await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid)));
    clients.forEach((c) => c.release());
    return pids;
  }

  it('[postgresql] given keepIdle 2 of 4, when the pool idles past its idle timeout, then the same 2 backends stay open and the rest close', async () => {
    const store = await PostgresEventStore.connect({ connectionString: database.connectionString, poolSize: 4, keepIdle: 2, idleTimeoutMs: 100, migrate: false });
    try {
      const before = await openConnections(store, 4);
      expect(before.size).toBe(4);
      await sleep(600);
      expect(store.pool.totalCount).toBe(2);
      const after = await openConnections(store, 2);
      // The burst is served by backends that were already there: no new fork, login or planning.
      expect([...after].every((pid) => before.has(pid))).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('[postgresql] given no keepIdle (tools, one-off commands), when the pool idles past its idle timeout, then every connection closes', async () => {
    const store = await PostgresEventStore.connect({ connectionString: database.connectionString, poolSize: 3, idleTimeoutMs: 100, migrate: false });
    try {
      await openConnections(store, 3);
      await sleep(600);
      expect(store.pool.totalCount).toBe(0);
    } finally {
      await store.close();
    }
  });
});
