import type { Queryable } from './projection';

/**
 * One row per projection or processor. `position` is the global position of the last event applied
 * (exclusive start for the next read); `last_recorded_at` is that event's store time, kept so any
 * process can compute the lag in seconds.
 */
export const CHECKPOINTS_DDL = `
CREATE TABLE IF NOT EXISTS projection_checkpoints (
  name text PRIMARY KEY,
  position bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now(),
  last_recorded_at timestamptz
)`;

/** Serialises DDL between processes (CREATE TABLE IF NOT EXISTS is not race-free). */
export const SCHEMA_LOCK_KEY = 0x52_4d_44_44; // 'RMDD'

export interface Checkpoint {
  position: bigint;
  updatedAt: Date | null;
  lastRecordedAt: Date | null;
}

export class CheckpointMovedError extends Error {
  constructor(readonly checkpoint: string, readonly expected: bigint, readonly actual: bigint) {
    super(`Checkpoint ${checkpoint} moved: expected ${expected}, found ${actual} (another writer or a rebuild swap)`);
    this.name = 'CheckpointMovedError';
  }
}

export async function ensureCheckpointRow(db: Queryable, name: string): Promise<void> {
  await db.query('INSERT INTO projection_checkpoints (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [name]);
}

export async function readCheckpoint(db: Queryable, name: string): Promise<Checkpoint> {
  const r = await db.query<{ position: string; updated_at: Date; last_recorded_at: Date | null }>(
    'SELECT position, updated_at, last_recorded_at FROM projection_checkpoints WHERE name = $1', [name]);
  const row = r.rows[0];
  return row
    ? { position: BigInt(row.position), updatedAt: row.updated_at, lastRecordedAt: row.last_recorded_at }
    : { position: 0n, updatedAt: null, lastRecordedAt: null };
}

/** Locks the checkpoint row for the rest of the transaction and returns its position. */
export async function lockCheckpoint(db: Queryable, name: string): Promise<bigint> {
  const r = await db.query<{ position: string }>('SELECT position FROM projection_checkpoints WHERE name = $1 FOR UPDATE', [name]);
  if (!r.rows[0]) throw new Error(`Checkpoint ${name} does not exist`);
  return BigInt(r.rows[0].position);
}

export async function writeCheckpoint(db: Queryable, name: string, position: bigint, lastRecordedAt: Date | null): Promise<void> {
  await db.query(
    'UPDATE projection_checkpoints SET position = $2, updated_at = now(), last_recorded_at = COALESCE($3, last_recorded_at) WHERE name = $1',
    [name, position.toString(), lastRecordedAt]);
}
