import { clampLimit, type Freshness } from '../framework/checkpointed';
import { freshness } from '../framework/freshness';
import { checkpointName, type Queryable, tableNames } from '../framework/projection';
import { centreHistoryProjection } from './centre-history.projection';
import type { CentreHistoryRow } from './centre-history.rows';

export const CENTRE_HISTORY_TABLE = tableNames(centreHistoryProjection).history;
export const CENTRE_HISTORY_CHECKPOINT = checkpointName(centreHistoryProjection);

export interface HistoryPage {
  items: CentreHistoryRow[];
  /** Pass as `after` to read the next page; null when this page is the last. */
  nextAfter: number | null;
  checkpoint: Freshness;
}

/** Keyset pagination over (centre_id, revision): constant cost however deep the page. */
export async function getCentreHistory(
  db: Queryable, centreId: string, opts: { after?: number; limit?: number; order?: 'asc' | 'desc' } = {},
): Promise<HistoryPage> {
  const checkpoint = await freshness(db, CENTRE_HISTORY_CHECKPOINT);
  const limit = clampLimit(opts.limit, 1_000, 100);
  const desc = opts.order === 'desc';
  const r = await db.query(
    `SELECT * FROM ${CENTRE_HISTORY_TABLE}
      WHERE centre_id = $1 AND ($2::int IS NULL OR revision ${desc ? '<' : '>'} $2)
      ORDER BY revision ${desc ? 'DESC' : 'ASC'} LIMIT $3`,
    [centreId, opts.after ?? null, limit + 1]);
  const rows = r.rows.slice(0, limit);
  const items: CentreHistoryRow[] = rows.map((x) => ({
    centreId: x.centre_id, revision: x.revision, position: String(x.position), eventId: x.event_id, type: x.type,
    summary: x.summary, actorId: x.actor_id, actorRole: x.actor_role,
    occurredAt: x.occurred_at.toISOString(), recordedAt: x.recorded_at.toISOString(),
  }));
  return { items, nextAfter: r.rows.length > limit ? items[items.length - 1]!.revision : null, checkpoint };
}
