import type { Pool } from 'pg';

/**
 * Keeps a lost database connection from killing the process. `pg` emits 'error' on a client whose
 * connection drops (57P01 "terminating connection due to unexpected postmaster exit", ECONNRESET);
 * an EventEmitter 'error' without a listener is thrown as an uncaught exception. pg-pool listens on
 * idle clients only, so a client checked out with pool.connect() (a transaction, a lock session)
 * has no listener between its queries. Every client the pool opens gets one here, for its whole
 * life; the pool drops a broken client when it is released, and the next query opens a new one.
 * The query in flight, if any, fails on its own (and becomes a 503 at the HTTP edge).
 */
export function surviveConnectionLoss(pool: Pool, onError?: (error: Error) => void): Pool {
  const report = (error: Error) => onError?.(error);
  pool.on('error', report);
  pool.on('connect', (client) => client.on('error', report));
  return pool;
}
