import { randomUUID } from 'node:crypto';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { createTestDatabase, type TestDatabase } from '../../../testing/src/database/test-database';
import { EventStoreUnavailableError } from '../event-store.errors';
import { findFreePort } from './embedded-postgres';
import { PostgresEventStore } from './postgres-event-store';

jest.setTimeout(60_000);

/** A clear, fast failure when the database cannot be reached: never a hang. */
describe('[postgresql] unreachable database', () => {
  it('[postgresql] connect() to a closed port fails with EventStoreUnavailableError at once', async () => {
    const port = await findFreePort();
    const started = Date.now();
    const error = await PostgresEventStore.connect({ connectionString: `postgresql://u:p@127.0.0.1:${port}/db` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventStoreUnavailableError);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('[postgresql] connect() to a server that never answers fails within the connect timeout', async () => {
    // Accepts TCP connections but never speaks the protocol: like a blackholed or hung server.
    const held = new Set<Socket>();
    const silent = createServer((socket) => void held.add(socket));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const { port } = silent.address() as { port: number };
    try {
      const started = Date.now();
      const error = await PostgresEventStore.connect({ connectionString: `postgresql://u:p@127.0.0.1:${port}/db`, connectTimeoutMs: 1000 }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(EventStoreUnavailableError);
      expect(Date.now() - started).toBeLessThan(4000);
    } finally {
      // The client gave up, but the server still holds its side: close it too, or the server never closes.
      for (const socket of held) socket.destroy();
      await new Promise<void>((r) => silent.close(() => r()));
    }
  });

  describe('[postgresql] when the database goes away after start', () => {
    let database: TestDatabase;
    let proxy: Server;
    const sockets = new Set<Socket>();
    let store: PostgresEventStore;

    beforeAll(async () => {
      database = await createTestDatabase('es_unavailable');
      const target = new URL(database.connectionString);
      // A TCP proxy in front of the real server that the test can cut.
      proxy = createServer((inbound) => {
        const outbound = connect(Number(target.port), target.hostname);
        for (const s of [inbound, outbound]) {
          sockets.add(s);
          s.on('error', () => undefined);
          s.on('close', () => sockets.delete(s));
        }
        inbound.pipe(outbound).pipe(inbound);
      });
      await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
      const viaProxy = new URL(database.connectionString);
      viaProxy.port = String((proxy.address() as { port: number }).port);
      store = await PostgresEventStore.connect({ connectionString: viaProxy.toString(), connectTimeoutMs: 1000, statementTimeoutMs: 2000 });
    });
    afterAll(async () => {
      await store.close().catch(() => undefined);
      proxy.close();
      await database.drop();
    });

    it('[postgresql] health() reports ok, then not ok; appends fail fast with EventStoreUnavailableError', async () => {
      expect(await store.health()).toEqual({ ok: true, store: 'postgresql' });
      await store.appendToStream('before-outage', [{ id: randomUUID(), type: 'T', data: {} }], 'no_stream');

      proxy.close(); // no new connections
      for (const s of sockets) s.destroy(); // and the open ones drop
      await new Promise((r) => setTimeout(r, 50));

      const started = Date.now();
      const health = await store.health();
      expect(health.ok).toBe(false);
      expect(health.store).toBe('postgresql');
      expect(health.detail).toBeTruthy();
      const error = await store.appendToStream('during-outage', [{ id: randomUUID(), type: 'T', data: {} }], 'any').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EventStoreUnavailableError);
      await expect(store.readAll()).rejects.toBeInstanceOf(EventStoreUnavailableError);
      expect(Date.now() - started).toBeLessThan(5000);
    });
  });
});
