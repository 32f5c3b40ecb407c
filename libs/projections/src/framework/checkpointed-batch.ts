import type { Pool } from 'pg';
import { inTransaction } from './in-transaction';
import type { RecordedEvent } from '../../../event-store/src/event-store.port';
import { CheckpointMovedError, lockCheckpoint, writeCheckpoint } from './checkpoint.sql';
import type { ProjectionTx } from './projection';

/**
 * Runs `work` and advances the checkpoint in ONE transaction. The checkpoint row is locked first and
 * compared with where this writer believes it is (compare-and-set): if another process or a rebuild
 * swap moved it, nothing is written and CheckpointMovedError tells the caller to resubscribe. So an
 * event is never applied twice nor skipped, even if two writers slip past the advisory lock.
 */
export async function inCheckpointedTransaction(
  pool: Pool,
  checkpoint: string,
  expected: bigint,
  events: RecordedEvent[],
  work: (tx: ProjectionTx) => Promise<void>,
): Promise<bigint> {
  const last = events[events.length - 1];
  if (!last) return expected;
  return inTransaction(pool, async (client) => {
    const actual = await lockCheckpoint(client, checkpoint);
    if (actual !== expected) throw new CheckpointMovedError(checkpoint, expected, actual);
    await work(client);
    await writeCheckpoint(client, checkpoint, last.position, last.recordedAt);
    return last.position;
  });
}
