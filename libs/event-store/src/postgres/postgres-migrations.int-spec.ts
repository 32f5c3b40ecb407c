import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../testing/src/database/test-database';
import { PostgresEventStore } from './postgres-event-store';
import { migrate } from './postgres-migrator';
import { MIGRATIONS } from './migrations';

jest.setTimeout(60_000);

describe('[postgresql] migrations', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase('es_migrations');
  });
  afterEach(async () => {
    await database.drop();
  });

  it('[postgresql] four processes starting at once migrate once, safely', async () => {
    const stores = await Promise.all(
      Array.from({ length: 4 }, () => PostgresEventStore.connect({ connectionString: database.connectionString, poolSize: 2 })),
    );
    try {
      const { rows } = await stores[0].pool.query('SELECT version, name FROM schema_migrations ORDER BY version');
      expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
      // Every store works against the one schema.
      await Promise.all(stores.map((s, i) => s.appendToStream(`m-${i}`, [{ id: crypto.randomUUID(), type: 'T', data: {} }], 'no_stream')));
      expect(await stores[0].readAll()).toHaveLength(4);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('[postgresql] running migrations again applies nothing and keeps the data', async () => {
    const pool = new Pool({ connectionString: database.connectionString, max: 2 });
    try {
      expect(await migrate(pool)).toEqual(MIGRATIONS.map((m) => m.version));
      await pool.query(
        `SELECT es_append('kept', ARRAY[gen_random_uuid()], ARRAY['T'], ARRAY['{}'::jsonb], ARRAY['{}'::jsonb], -2)`,
      );
      expect(await migrate(pool)).toEqual([]);
      const store = await PostgresEventStore.connect({ connectionString: database.connectionString });
      expect(await store.readStream('kept')).toHaveLength(1);
      await store.close();
      expect((await pool.query('SELECT count(*)::int AS n FROM schema_migrations')).rows[0].n).toBe(MIGRATIONS.length);
    } finally {
      await pool.end();
    }
  });

  it('[postgresql] a failing migration rolls back entirely', async () => {
    const pool = new Pool({ connectionString: database.connectionString, max: 2 });
    try {
      const broken = [...MIGRATIONS, { version: 999, name: 'broken', sql: 'CREATE TABLE half_done (id int); SELECT nonsense_function();' }];
      await expect(migrate(pool, broken)).rejects.toThrow(/nonsense_function/);
      const { rows } = await pool.query(`SELECT to_regclass('events') AS events, to_regclass('half_done') AS half`);
      expect(rows[0]).toEqual({ events: null, half: null });
      expect(await migrate(pool)).toEqual(MIGRATIONS.map((m) => m.version));
    } finally {
      await pool.end();
    }
  });
});
