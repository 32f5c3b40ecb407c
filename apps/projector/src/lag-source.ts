import type { Pool } from 'pg';
import type { EventFilter, EventStore } from '@accreditation/event-store';

/** How far a checkpoint is behind the store: the matching events after it and the oldest one's age. */
export interface LagSource {
  /** Matching events after `position`, counted up to `cap`. */
  countAfter(position: bigint, filter: EventFilter | undefined, cap: number): Promise<number>;
  /** Store time of the first matching event after `position` (the oldest not yet applied). */
  oldestAfter(position: bigint, filter: EventFilter | undefined): Promise<Date | null>;
}

export const LAG_COUNT_CAP = 1_000_000;

/** Works with any adapter through the port; counts by reading, so keep `cap` modest. */
export function portLagSource(store: EventStore): LagSource {
  return {
    async countAfter(position, filter, cap) {
      let n = 0;
      let from = position;
      while (n < cap) {
        const page = await store.readAll({ fromPosition: from, maxCount: Math.min(5_000, cap - n), filter });
        if (!page.length) break;
        n += page.length;
        from = page[page.length - 1]!.position;
      }
      return n;
    },
    async oldestAfter(position, filter) {
      const [e] = await store.readAll({ fromPosition: position, maxCount: 1, filter });
      return e ? e.recordedAt : null;
    },
  };
}

/**
 * The PostgreSQL adapter keeps $all in an `events` table with an index on (type, position): counting
 * there is an index-only range scan instead of shipping events to the client.
 */
export function postgresLagSource(pool: Pool, store: EventStore): LagSource {
  const fallback = portLagSource(store);
  return {
    async countAfter(position, filter, cap) {
      if (filter?.streamPrefixes?.length) return fallback.countAfter(position, filter, Math.min(cap, 50_000));
      const r = await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM (SELECT 1 FROM events WHERE position > $1 AND ($2::text[] IS NULL OR type = ANY($2)) LIMIT $3) s`,
        [position.toString(), filter?.eventTypes ?? null, cap]);
      return r.rows[0]!.n;
    },
    oldestAfter: fallback.oldestAfter,
  };
}

/** The PostgreSQL adapter exposes its pool; use the SQL source there, the port elsewhere. */
export function lagSourceFor(store: EventStore): LagSource {
  const pool = (store as { pool?: unknown }).pool;
  return pool && typeof (pool as Pool).query === 'function' ? postgresLagSource(pool as Pool, store) : portLagSource(store);
}
