import type { Pool, PoolClient } from 'pg';

/** Runs `work` in one transaction on a client of its own: committed if it resolves, rolled back if it throws. */
export async function inTransaction<T>(pool: Pool, work: (tx: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let failure: Error | undefined;
  // A connection lost between two statements is emitted as 'error' on the client: without a
  // listener that is an uncaught exception. The next statement fails, and so does the transaction.
  const lost = (error: Error) => (failure = error);
  client.on('error', lost);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => (failure = rollbackError));
    throw err;
  } finally {
    // A connection that could not even roll back (the database went away) is discarded, not reused.
    client.removeListener('error', lost);
    client.release(failure);
  }
}
