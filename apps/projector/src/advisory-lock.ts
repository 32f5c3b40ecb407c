import type { Pool, PoolClient } from 'pg';

/** Advisory-lock class id shared by every projector process ('PROJ'); the object id is hashtext(name). */
export const PROJECTOR_LOCK_CLASS = 0x50_52_4f_4a;

/**
 * Session-level advisory locks held on ONE dedicated connection. PostgreSQL releases them when that
 * session ends, so a projector that dies (even by SIGKILL) frees its projections for a standby
 * process to take over. If the connection is lost, every lock is considered lost at once.
 */
export class AdvisoryLockSession {
  private client: PoolClient | undefined;
  private readonly held = new Set<string>();
  private lostWaiters: Array<() => void> = [];
  private generation = 0;

  constructor(private readonly pool: Pool, private readonly onLost?: (error: unknown) => void) {}

  /** Takes the lock if free; true when this session holds it (now or already). */
  async tryHold(name: string): Promise<boolean> {
    if (this.held.has(name)) return true;
    const client = await this.connection();
    const gen = this.generation;
    try {
      const r = await this.serially(() => client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', [PROJECTOR_LOCK_CLASS, name]));
      if (r.rows[0]?.ok && gen === this.generation) this.held.add(name);
      return this.held.has(name);
    } catch (err) {
      // A broken session holds nothing: start over on a new connection next time.
      if (gen === this.generation) this.drop(err);
      throw err;
    }
  }

  /** One query at a time on the shared connection (pg deprecates queueing on a busy client). */
  private queue: Promise<unknown> = Promise.resolve();
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  holds(name: string): boolean {
    return this.held.has(name);
  }

  /** Resolves when the session (and so every lock) is lost or closed. */
  lost(): Promise<void> {
    return new Promise((resolve) => this.lostWaiters.push(resolve));
  }

  /** Cheap liveness probe: detects a silently dead connection between batches. */
  async heartbeat(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const gen = this.generation;
    try {
      await this.serially(() => client.query('SELECT 1'));
    } catch (err) {
      if (gen === this.generation) this.drop(err);
    }
  }

  async close(): Promise<void> {
    const client = this.client;
    this.drop(undefined);
    // Destroying the connection releases every session lock at once.
    if (client) client.release(true);
  }

  /** Workers ask at once on start: they must share one connection, not each open (and leak) their own. */
  private connecting: Promise<PoolClient> | undefined;

  private async connection(): Promise<PoolClient> {
    if (this.client) return this.client;
    this.connecting ??= this.pool.connect().then((client) => {
      const gen = ++this.generation;
      client.on('error', (err) => { if (gen === this.generation) this.drop(err); });
      this.client = client;
      return client;
    }).finally(() => { this.connecting = undefined; });
    return this.connecting;
  }

  private drop(error: unknown): void {
    const client = this.client;
    this.client = undefined;
    this.generation++;
    const hadLocks = this.held.size > 0;
    this.held.clear();
    const waiters = this.lostWaiters;
    this.lostWaiters = [];
    for (const w of waiters) w();
    if (client && error !== undefined) {
      try { client.release(true); } catch { /* already gone */ }
      if (hadLocks) this.onLost?.(error);
    }
  }
}
