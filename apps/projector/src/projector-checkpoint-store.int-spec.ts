import { PostgresEventStore } from '@accreditation/event-store';
import { CheckpointStoreMismatchError, centreStatusProjection, checkpointName, ensureCheckpointTable, readCheckpoint } from '@accreditation/projections';
import { createTestDatabase, type TestDatabase } from '../../../libs/testing/src/database/test-database';
import type { ProjectorLogger } from './processor';
import { type Projector, startProjector } from './start-projector';

/** A projector refuses a checkpoint written against another event store, loudly, and applies nothing. */
describe('projector and checkpoints of another event store', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let projector: Projector | undefined;

  beforeAll(async () => {
    db = await createTestDatabase('projector_store');
    store = await PostgresEventStore.connect({ connectionString: db.connectionString, pollIntervalMs: 100 });
  });
  afterAll(async () => {
    await projector?.stop();
    await store?.close();
    await db?.drop();
  });

  it("a checkpoint left by EventStoreDB in the same database puts the PostgreSQL projector's worker in error (CheckpointStoreMismatchError), applying nothing", async () => {
    const name = checkpointName(centreStatusProjection);
    await ensureCheckpointTable(store.pool);
    await store.pool.query(`INSERT INTO projection_checkpoints (name, position, source_store) VALUES ($1, 123456789, 'eventstoredb')`, [name]);
    const errors: unknown[] = [];
    let reported!: () => void;
    const firstError = new Promise<void>((resolve) => (reported = resolve));
    const logger: ProjectorLogger = {
      log: () => undefined,
      warn: () => undefined,
      error: (_message, error) => {
        errors.push(error);
        reported();
      },
    };
    projector = await startProjector({ store, pool: store.pool, logger, lockRetryMs: 100, projections: [centreStatusProjection] });
    await firstError;
    await projector.stop();
    projector = undefined;
    expect(errors[0]).toBeInstanceOf(CheckpointStoreMismatchError);
    expect((errors[0] as Error).message).toMatch(/eventstoredb event store, but this process reads postgresql/);
    expect((await readCheckpoint(store.pool, name)).position).toBe(123456789n);
  });
});
