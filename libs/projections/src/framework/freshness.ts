import type { Freshness } from './checkpointed';
import type { Queryable } from './projection';

/**
 * Read BEFORE the data: the rows returned are then at least as current as the position reported.
 */
export async function freshness(db: Queryable, checkpoint: string): Promise<Freshness> {
  const r = await db.query<{ position: string; updated_at: Date }>(
    'SELECT position, updated_at FROM projection_checkpoints WHERE name = $1', [checkpoint]);
  const row = r.rows[0];
  return row ? { position: String(row.position), updatedAt: row.updated_at.toISOString() } : { position: '0', updatedAt: null };
}
