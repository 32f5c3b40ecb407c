import type { Pool, PoolClient } from 'pg';
import { inTransaction } from './in-transaction';
import type { EventStore, RecordedEvent } from '../../../event-store/src/event-store.port';
import { CHECKPOINTS_DDL, ensureCheckpointRow, lockCheckpoint, rebindCheckpointStore, writeCheckpoint } from './checkpoint.sql';
import { checkpointName, type Projection, tableNames, type TableNames } from './projection';
import { inSchemaLock } from './schema';
import { DEAD_LETTERS_DDL, applyOrDeadLetter, isEventsFault, recordDeadLetter } from './dead-letter';
import { canReadSettledPages } from '../../../event-store/src/settled-pages.port';

export interface RebuildProgress {
  /** Events applied so far. */
  done: number;
  position: bigint;
  /** Head position when the rebuild started (the swap catches up whatever arrived since). */
  headPosition: bigint | undefined;
  /** writing: an in-memory rebuild writes its tables after loading (see Projection.rebuildInMemory). */
  phase: 'loading' | 'writing' | 'indexing' | 'swapping' | 'done';
}

export interface RebuildOptions {
  store: EventStore;
  pool: Pool;
  projection: Projection;
  batchSize?: number;
  /** Head of the store, to report progress against. */
  headPosition?: bigint;
  onProgress?: (p: RebuildProgress) => void;
  /** false: fill the fresh tables and keep them (for comparisons), without swapping. */
  swap?: boolean;
  /** Table suffix; a unique one is chosen when omitted. */
  suffix?: string;
  /** Pages read at once when the store can read ahead by position range (default 3). */
  parallelism?: number;
  /** false: apply batch by batch even if the projection can rebuild in memory (for comparisons). */
  inMemory?: boolean;
}

export interface RebuildResult {
  events: number;
  /** Events that could not be applied (malformed stored data), set aside in projection_dead_letters. */
  deadLettered: Array<{ streamId: string; revision: number; type: string }>;
  position: bigint;
  tables: TableNames;
  millis: number;
}

/** Serialises rebuilds of the same projection (a second one would drop the first one's tables). */
const REBUILD_LOCK_CLASS = 0x52_42_4c_44; // 'RBLD'

/**
 * Rebuild = fill fresh tables `<base>_v<n>_r<suffix>` from position 0 while the live tables keep
 * serving, build their indexes, then swap in ONE transaction that also moves the checkpoint. The
 * swap locks the checkpoint row first, exactly like a live batch does, so the running projector's
 * next batch finds the checkpoint moved, writes nothing and resubscribes from the new position.
 */
export async function rebuildProjection(opts: RebuildOptions): Promise<RebuildResult> {
  const { store, pool, projection } = opts;
  const started = Date.now();
  const suffix = opts.suffix ?? `_r${Date.now().toString(36)}`;
  const fresh = tableNames(projection, suffix);
  const live = tableNames(projection);
  const batchSize = opts.batchSize ?? 5_000;
  const lock = await pool.connect();
  try {
    const got = await lock.query('SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', [REBUILD_LOCK_CLASS, checkpointName(projection)]);
    if (!got.rows[0].ok) throw new Error(`Another rebuild of ${checkpointName(projection)} is running`);
    let rebuildStarted = '';
    await inSchemaLock(pool, async (db) => {
      await db.query(DEAD_LETTERS_DDL);
      rebuildStarted = (await db.query<{ now: string }>('SELECT clock_timestamp()::text AS now')).rows[0].now;
      await dropLeftovers(db, projection);
      for (const sql of projection.schema(fresh)) await db.query(sql);
    });

    let position = 0n;
    let lastAt: Date | null = null;
    let done = 0;
    const name = checkpointName(projection);
    const deadLettered: RebuildResult['deadLettered'] = [];
    const setAside = (e: RecordedEvent) => deadLettered.push({ streamId: e.streamId, revision: e.revision, type: e.type });
    const applyBatch = async (events: RecordedEvent[], tx: PoolClient) => {
      const dead = await applyOrDeadLetter(tx, name, events, (batch) => projection.apply(batch, tx, fresh));
      dead.forEach(setAside);
    };
    const report = (phase: RebuildProgress['phase']) => opts.onProgress?.({ done, position, headPosition: opts.headPosition, phase });
    const pages = () => settledPages(store, projection, batchSize, opts.parallelism ?? 3);
    const loaded = (last: RecordedEvent, count: number) => {
      position = last.position;
      lastAt = last.recordedAt;
      done += count;
      report('loading');
    };

    let inMemory = projection.rebuildInMemory && opts.inMemory !== false ? projection.rebuildInMemory() : undefined;
    if (inMemory) {
      const memory = inMemory;
      const failed: Array<{ event: RecordedEvent; error: unknown }> = [];
      for await (const events of pages()) {
        const last = events[events.length - 1]!;
        const count = events.length;
        for (let i = 0; i < count; i++) {
          const e = events[i]!;
          // Dropped from the page once folded: what the fold did not keep dies young, instead of
          // surviving (and being copied by) the collections that run while the page is folded.
          (events as Array<RecordedEvent | undefined>)[i] = undefined;
          try {
            memory.add(e);
          } catch (error) {
            if (!isEventsFault(error)) throw error;
            failed.push({ event: e, error });
          }
        }
        loaded(last, count);
      }
      report('writing');
      try {
        await inTransaction(pool, async (tx) => {
          await tx.query('SET LOCAL synchronous_commit = off'); // see below: the swap's commit is the durable one
          await memory.write(tx, fresh);
          for (const f of failed) await recordDeadLetter(tx, name, f.event, f.error);
        });
        failed.forEach((f) => setAside(f.event));
      } catch (error) {
        // PostgreSQL refused a value the fold produced: redo it batch by batch, which finds the event to set aside.
        if (!isEventsFault(error)) throw error;
        inMemory = undefined;
        position = 0n;
        lastAt = null;
        done = 0;
        await inSchemaLock(pool, async (db) => {
          for (const table of Object.values(fresh)) await db.query(`DROP TABLE IF EXISTS ${table}`);
          for (const sql of projection.schema(fresh)) await db.query(sql);
        });
      }
    }
    if (!inMemory) {
      // Reads run ahead while a batch is written (see settledPages): store reads and writes overlap.
      for await (const events of pages()) {
        await inTransaction(pool, async (tx) => {
          // Fresh tables are invisible until the swap, whose synchronous commit flushes the WAL
          // before it: a crash loses only an unfinished rebuild, which is started over anyway.
          await tx.query('SET LOCAL synchronous_commit = off');
          await applyBatch(events, tx);
        });
        loaded(events[events.length - 1]!, events.length);
      }
    }
    report('indexing');
    for (const sql of projection.indexes(fresh)) await pool.query(sql);
    if (opts.swap === false) {
      report('done');
      return { events: done, deadLettered, position, tables: fresh, millis: Date.now() - started };
    }

    report('swapping');
    const sourceStore = (await store.health()).store;
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(CHECKPOINTS_DDL);
      await ensureCheckpointRow(client, name);
      await lockCheckpoint(client, name); // blocks the live projector's commits until the swap is done
      // Whatever arrived since the load: applied inside the swap so nothing is lost.
      for (;;) {
        const events = await store.readAll({ fromPosition: position, maxCount: batchSize, filter: { eventTypes: [...projection.eventTypes] } });
        if (!events.length) break;
        await applyBatch(events, client);
        position = events[events.length - 1]!.position;
        lastAt = events[events.length - 1]!.recordedAt;
        done += events.length;
      }
      for (const key of Object.keys(live)) await swapTable(client, fresh[key]!, live[key]!);
      // The rebuilt tables replace the old ones: so do their dead letters.
      await client.query('DELETE FROM projection_dead_letters WHERE projection = $1 AND dead_at < $2::timestamptz', [name, rebuildStarted]);
      await writeCheckpoint(client, name, position, lastAt);
      await rebindCheckpointStore(client, name, sourceStore); // rebuilt from this store: its positions now
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
    report('done');
    return { events: done, deadLettered, position, tables: live, millis: Date.now() - started };
  } finally {
    await lock.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
    lock.release();
  }
}

/**
 * The events a rebuild loads: from a store that can, pages read ahead in parallel by position
 * range with only the metadata keys the projection reads; else readAll pages, the next one read
 * while the current one is used.
 */
async function* settledPages(store: EventStore, projection: Projection, batchSize: number, parallelism: number): AsyncGenerator<RecordedEvent[]> {
  const eventTypes = [...projection.eventTypes];
  if (canReadSettledPages(store)) {
    yield* store.readSettledPages({ eventTypes, metadataKeys: projection.metadataKeys, pageSize: batchSize, parallelism });
    return;
  }
  const read = (from: bigint) => store.readAll({ fromPosition: from, maxCount: batchSize, filter: { eventTypes } });
  let next = read(0n);
  next.catch(() => undefined); // observed below; avoids an unhandled rejection if the caller fails first
  for (;;) {
    const events = await next;
    if (!events.length) return;
    next = read(events[events.length - 1]!.position);
    next.catch(() => undefined);
    yield events;
  }
}

/** Drop the live table, rename the fresh one and its indexes to the live names. */
async function swapTable(client: PoolClient, fresh: string, live: string): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS ${live}`);
  await client.query(`ALTER TABLE ${fresh} RENAME TO ${live}`);
  const idx = await client.query<{ indexname: string }>('SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = $1', [live]);
  for (const { indexname } of idx.rows) {
    // Explicit index names start with the table name; give them the live name so later
    // `CREATE INDEX IF NOT EXISTS <live>_…` statements find them instead of duplicating them.
    if (indexname.startsWith(fresh)) await client.query(`ALTER INDEX ${indexname} RENAME TO ${live}${indexname.slice(fresh.length)}`);
  }
}

/** Tables of an earlier rebuild that crashed before its swap. */
async function dropLeftovers(db: PoolClient, projection: Projection): Promise<void> {
  for (const base of Object.values(projection.tables)) {
    const r = await db.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE $1`, [`${base}_v${projection.version}\\_r%`]);
    for (const { tablename } of r.rows) await db.query(`DROP TABLE IF EXISTS ${tablename}`);
  }
}


export type { RecordedEvent };
