import { randomBytes, randomUUID } from 'node:crypto';
import { Client, Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../testing/src/database/test-database';
import { GENESIS_HASH, chainHash, sealEvent, verifyChain } from '../envelope/integrity-chain';
import { asUser, ensureLoginRole, grantAppRole } from './database-roles';
import { PostgresEventStore } from './postgres-event-store';
import { resolveDatabase } from './resolve-database';
import { migrate } from './postgres-migrator';
import { MIGRATIONS } from './migrations';

jest.setTimeout(60_000);

/** Metadata as the runner wrote it before chain v2: hash over type, data, occurredAt and the previous hash. */
function v1Events(count: number): Array<{ id: string; type: string; data: unknown; metadata: Record<string, unknown> }> {
  let previousHash = GENESIS_HASH;
  return Array.from({ length: count }, (_, i) => {
    const type = i === 0 ? 'CentreRegistered' : 'ProcedureVolumeUpdated';
    const data = { centreId: 'old', proceduresPerYear: 100 + i };
    const occurredAt = `2021-0${i + 1}-01T00:00:00.000Z`;
    const hash = chainHash({ type, data, occurredAt, previousHash });
    const metadata = { actor: { id: 'office-1', role: 'office' }, correlationId: 'c', causationId: 'c', commandId: randomUUID(), recordedAt: occurredAt, occurredAt, schemeVersion: '2019.1', schemaVersion: 1, previousHash, hash };
    previousHash = hash;
    return { id: randomUUID(), type, data, metadata };
  });
}

describe('[postgresql] append-only events', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase('es_append_only');
  });
  afterEach(async () => {
    await database.drop();
  });

  it('[postgresql] a store written before chain v2 and migration 3 keeps every old event verifiable, and new events (v2, then v3) chain on', async () => {
    const pool = new Pool({ connectionString: database.connectionString, max: 2 });
    try {
      await migrate(pool, MIGRATIONS.filter((m) => m.version < 3));
      const before = await PostgresEventStore.connect({ connectionString: database.connectionString, migrate: false });
      await before.appendToStream('centre-old', v1Events(3), 'no_stream');
      await before.close();

      expect(await migrate(pool)).toEqual([3]);
      const store = await PostgresEventStore.connect({ connectionString: database.connectionString });
      try {
        const key = randomBytes(32);
        const old = await store.readStream('centre-old');
        expect(verifyChain(old, { streamId: 'centre-old', sealKey: key })).toMatchObject({ intact: true, verified: 3 });
        // The engine sealed with chain v2 until chain v3: one event of each, as each wrote it.
        let previousHash = String(old[2].metadata.hash);
        for (const chain of [2, 3] as const) {
          const id = randomUUID();
          const revision = chain + 1;
          const data = { centreId: 'old', proceduresPerYear: 990 + revision, ratio: 1.5e-7, note: 'ü "q"' };
          const metadata = sealEvent({ streamId: 'centre-old', revision, eventId: id, type: 'ProcedureVolumeUpdated', data, metadata: { actor: { id: 'office-2', role: 'office' }, occurredAt: '2026-01-01T00:00:00.000Z' }, previousHash }, key, chain);
          await store.appendToStream('centre-old', [{ id, type: 'ProcedureVolumeUpdated', data, metadata }], revision - 1);
          previousHash = String(metadata.hash);
        }
        const all = await store.readStream('centre-old');
        expect(all.map((e) => e.metadata.chain ?? 1)).toEqual([1, 1, 1, 2, 3]);
        expect(verifyChain(all, { streamId: 'centre-old', sealKey: key })).toMatchObject({ intact: true, verified: 5 });
        // The store-wide sweep reads the stored text (v3 hashed as it is, v1 and v2 parsed): the same answer.
        const swept = await store.sweepChains({ sealKey: key, anchors: new Map(), workers: 2 });
        expect({ events: swept.events, broken: [...swept.broken] }).toEqual({ events: 5, broken: [] });
      } finally {
        await store.close();
      }
    } finally {
      await pool.end();
    }
  });

  it('[postgresql] the API role reads and appends, owns its read models, but may not UPDATE, DELETE or TRUNCATE events; the owner is stopped by the trigger', async () => {
    const user = `api_${randomBytes(4).toString('hex')}`;
    const password = randomBytes(12).toString('hex');
    const owner = new Pool({ connectionString: database.connectionString, max: 2 });
    await migrate(owner);
    await owner.query('CREATE TABLE rm_existing (id int PRIMARY KEY)'); // a read model made before the role existed
    await ensureLoginRole(database.connectionString, user, password);
    expect(await grantAppRole(database.connectionString, user)).toEqual([]);
    const store = await PostgresEventStore.connect({ connectionString: asUser(database.connectionString, user, password) });
    try {
      await store.appendToStream('centre-x', [{ id: randomUUID(), type: 'T', data: { a: 1 } }], 'no_stream');
      expect(await store.readStream('centre-x')).toHaveLength(1);
      await store.pool.query('CREATE TABLE rm_new (id int)');
      await store.pool.query('ALTER TABLE rm_existing RENAME TO rm_existing_v2'); // a rebuild swap needs ownership
      for (const statement of [`UPDATE events SET data = '{}'`, 'DELETE FROM events', 'TRUNCATE events', 'ALTER TABLE events DISABLE TRIGGER events_append_only']) {
        await expect(store.pool.query(statement)).rejects.toThrow(/permission denied|must be owner/);
      }
      await expect(owner.query(`UPDATE events SET data = '{}'`)).rejects.toMatchObject({ code: 'ES403' });
      await expect(owner.query('DELETE FROM events')).rejects.toThrow(/append-only: DELETE/);
      await expect(owner.query('TRUNCATE events')).rejects.toThrow(/append-only: TRUNCATE/);
    } finally {
      await store.close();
      await owner.end();
      await database.drop();
      const admin = new Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP ROLE IF EXISTS ${user}`).finally(() => admin.end());
    }
  });
  it('[postgresql] DATABASE_URL with MIGRATION_DATABASE_URL: migrations run as the owner, the engine connects as the API role', async () => {
    const user = `api_${randomBytes(4).toString('hex')}`;
    const password = randomBytes(12).toString('hex');
    await ensureLoginRole(database.connectionString, user, password);
    const appUrl = asUser(database.connectionString, user, password);
    try {
      const resolved = await resolveDatabase({ DATABASE_URL: appUrl, MIGRATION_DATABASE_URL: database.connectionString });
      expect(resolved).toMatchObject({ connectionString: appUrl, ownerConnectionString: database.connectionString, source: 'external' });
      const store = await PostgresEventStore.connect({ connectionString: resolved.connectionString });
      try {
        await store.appendToStream('centre-y', [{ id: randomUUID(), type: 'T', data: {} }], 'no_stream');
        await expect(store.pool.query('DELETE FROM events')).rejects.toThrow(/permission denied/);
      } finally {
        await store.close();
      }
    } finally {
      await database.drop();
      const admin = new Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP ROLE IF EXISTS ${user}`).finally(() => admin.end());
    }
  });
});
