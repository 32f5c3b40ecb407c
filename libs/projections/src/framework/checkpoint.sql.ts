import type { Queryable } from './projection';

/**
 * One row per projection or processor. `position` is the global position of the last event applied
 * (exclusive start for the next read); `last_recorded_at` is that event's store time, kept so any
 * process can compute the lag in seconds. `source_store` names the event store the position
 * belongs to ('postgresql', 'eventstoredb'...): positions of one store mean nothing in another.
 */
export const CHECKPOINTS_DDL = `
CREATE TABLE IF NOT EXISTS projection_checkpoints (
  name text PRIMARY KEY,
  position bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now(),
  last_recorded_at timestamptz,
  source_store text
);
DO $$ BEGIN
  -- Tables created before source_store existed. Checked first: ALTER TABLE would take an
  -- exclusive lock on every run, and this DDL also runs inside a rebuild's swap.
  IF NOT EXISTS (SELECT 1 FROM information_schema.columns
                  WHERE table_schema = current_schema() AND table_name = 'projection_checkpoints' AND column_name = 'source_store') THEN
    ALTER TABLE projection_checkpoints ADD COLUMN source_store text;
  END IF;
END $$`;

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

/** The checkpoint was written against another event store: applying from it would skip or repeat events. */
export class CheckpointStoreMismatchError extends Error {
  constructor(readonly checkpoint: string, readonly recordedFor: string, readonly store: string, readonly position: bigint) {
    super(
      `Checkpoint ${checkpoint} is at position ${position} of the ${recordedFor} event store, but this process reads ${store}: ` +
        `positions of one store mean nothing in another. Rebuild the read model from ${store}, or use a database of its own.`,
    );
    this.name = 'CheckpointStoreMismatchError';
  }
}

/**
 * Binds a checkpoint to the event store it is read from, or refuses loudly when it belongs to
 * another. A row not yet bound is claimed when it is still at 0; a bound-less row that has moved
 * predates this column and was written by the PostgreSQL store (the only one that ran before).
 */
export async function claimCheckpointStore(db: Queryable, name: string, store: string): Promise<void> {
  const r = await db.query<{ source_store: string | null; position: string }>(
    `UPDATE projection_checkpoints
        SET source_store = COALESCE(source_store, CASE WHEN position = 0 THEN $2 ELSE 'postgresql' END)
      WHERE name = $1
  RETURNING source_store, position`,
    [name, store]);
  const row = r.rows[0];
  if (!row) throw new Error(`Checkpoint ${name} does not exist`);
  if (row.source_store !== store) throw new CheckpointStoreMismatchError(name, row.source_store ?? 'unknown', store, BigInt(row.position));
}

/** A rebuild read every event from the given store: the checkpoint now belongs to it. */
export async function rebindCheckpointStore(db: Queryable, name: string, store: string): Promise<void> {
  await db.query('UPDATE projection_checkpoints SET source_store = $2 WHERE name = $1', [name, store]);
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
