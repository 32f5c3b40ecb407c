import type { Pool } from 'pg';
import { inTransaction } from './in-transaction';
import { CHECKPOINTS_DDL, SCHEMA_LOCK_KEY, ensureCheckpointRow } from './checkpoint.sql';
import { checkpointName, type Projection, tableNames } from './projection';
import { DEAD_LETTERS_DDL } from './dead-letter';

/** Creates the checkpoint table (once, under a transaction-scoped advisory lock). */
export async function ensureCheckpointTable(pool: Pool): Promise<void> {
  await inSchemaLock(pool, async (db) => { await db.query(CHECKPOINTS_DDL); });
}

/** Creates a projection's live tables, indexes and checkpoint row if they are missing. */
export async function ensureProjectionSchema(pool: Pool, projection: Projection): Promise<void> {
  const t = tableNames(projection);
  await inSchemaLock(pool, async (db) => {
    await db.query(CHECKPOINTS_DDL);
    await db.query(DEAD_LETTERS_DDL);
    for (const sql of [...projection.schema(t), ...projection.indexes(t)]) await db.query(sql);
    await ensureCheckpointRow(db, checkpointName(projection));
  });
}

/** Schema changes one process at a time: two projectors starting together would race on CREATE. */
function inSchemaLock(pool: Pool, work: (db: import('pg').PoolClient) => Promise<void>): Promise<void> {
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK_KEY]);
    await work(client);
  });
}
export { inSchemaLock };
