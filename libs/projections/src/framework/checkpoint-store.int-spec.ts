import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../testing/src/database/test-database';
import {
  CHECKPOINTS_DDL,
  CheckpointStoreMismatchError,
  claimCheckpointStore,
  ensureCheckpointRow,
  readCheckpoint,
  rebindCheckpointStore,
  writeCheckpoint,
} from './checkpoint.sql';

/** Checkpoints name the event store their positions belong to, and refuse another one. */
describe('checkpoint source store', () => {
  let db: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase('checkpoint_store');
    pool = new Pool({ connectionString: db.connectionString });
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('adds the column to a table created before it existed, keeping its rows', async () => {
    await pool.query('CREATE TABLE projection_checkpoints (name text PRIMARY KEY, position bigint NOT NULL DEFAULT 0, updated_at timestamptz NOT NULL DEFAULT now(), last_recorded_at timestamptz)');
    await pool.query(`INSERT INTO projection_checkpoints (name, position) VALUES ('legacy', 5000)`);
    await pool.query(CHECKPOINTS_DDL);
    await pool.query(CHECKPOINTS_DDL); // idempotent
    const r = await pool.query(`SELECT position, source_store FROM projection_checkpoints WHERE name = 'legacy'`);
    expect(r.rows).toEqual([{ position: '5000', source_store: null }]);
  });

  it('a checkpoint that moved before stores were named belongs to PostgreSQL: EventStoreDB is refused', async () => {
    const error = await claimCheckpointStore(pool, 'legacy', 'eventstoredb').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckpointStoreMismatchError);
    expect(error).toMatchObject({ checkpoint: 'legacy', recordedFor: 'postgresql', store: 'eventstoredb', position: 5000n });
    expect((error as Error).message).toMatch(/Rebuild the read model from eventstoredb/);
    await expect(claimCheckpointStore(pool, 'legacy', 'postgresql')).resolves.toBeUndefined();
  });

  it('a new checkpoint is claimed by the first store that reads it, and refuses any other', async () => {
    await ensureCheckpointRow(pool, 'fresh');
    await claimCheckpointStore(pool, 'fresh', 'eventstoredb');
    await writeCheckpoint(pool, 'fresh', 42n, null);
    await expect(claimCheckpointStore(pool, 'fresh', 'eventstoredb')).resolves.toBeUndefined();
    await expect(claimCheckpointStore(pool, 'fresh', 'postgresql')).rejects.toBeInstanceOf(CheckpointStoreMismatchError);
    expect((await readCheckpoint(pool, 'fresh')).position).toBe(42n);
  });

  it('a rebuild from another store hands the checkpoint over to it', async () => {
    await ensureCheckpointRow(pool, 'rebuilt');
    await claimCheckpointStore(pool, 'rebuilt', 'postgresql');
    await writeCheckpoint(pool, 'rebuilt', 7n, null);
    await rebindCheckpointStore(pool, 'rebuilt', 'eventstoredb');
    await expect(claimCheckpointStore(pool, 'rebuilt', 'eventstoredb')).resolves.toBeUndefined();
    await expect(claimCheckpointStore(pool, 'rebuilt', 'postgresql')).rejects.toBeInstanceOf(CheckpointStoreMismatchError);
  });
});
