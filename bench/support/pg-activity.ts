import { Client } from 'pg';

/** A checkpoint seen in the server log (log_checkpoints), times in epoch ms. */
export interface Checkpoint {
  start: number;
  end?: number;
  reason: string;
  /** Seconds of the write phase (spread over checkpoint_completion_target) and of the final fsyncs. */
  writeS?: number;
  syncS?: number;
  buffers?: number;
}

const checkpoints: Checkpoint[] = [];
const STAMP = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)?) UTC \[\d+\] LOG: {2}(.*)$/;

/** Feed of the embedded server's log lines (database.ts): keeps the checkpoints. */
export function onPostgresLog(line: string): void {
  const m = STAMP.exec(line);
  if (!m) return;
  const at = Date.parse(`${m[1]!.replace(' ', 'T')}Z`);
  const text = m[2]!;
  if (text.startsWith('checkpoint starting:')) checkpoints.push({ start: at, reason: text.slice('checkpoint starting:'.length).trim() });
  else if (text.startsWith('checkpoint complete:')) {
    const open = [...checkpoints].reverse().find((c) => c.end === undefined);
    const num = (re: RegExp) => Number(re.exec(text)?.[1] ?? NaN);
    const c = open ?? { start: at, reason: '?' };
    if (!open) checkpoints.push(c);
    c.end = at;
    c.writeS = num(/write=([\d.]+) s/);
    c.syncS = num(/sync=([\d.]+) s/);
    c.buffers = num(/wrote (\d+) buffers/);
  }
}

/** Checkpoints that overlap [from, to] (a running one has no end yet). */
export function checkpointsBetween(from: number, to: number): Checkpoint[] {
  return checkpoints.filter((c) => c.start <= to && (c.end ?? Infinity) >= from);
}

/** Cumulative checkpoint, background-writer and WAL counters of the server. */
export interface PgCounters {
  at: number;
  checkpointsTimed: number;
  checkpointsRequested: number;
  checkpointWriteMs: number;
  checkpointSyncMs: number;
  checkpointBuffers: number;
  bgwriterBuffers: number;
  walRecords: number;
  walFpi: number;
  walBytes: number;
  walWrites: number;
  walSyncs: number;
  walWriteMs: number;
  walSyncMs: number;
}

export async function pgCounters(adminUrl: string): Promise<PgCounters> {
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const version = Number((await c.query<{ v: string }>("SELECT current_setting('server_version_num') AS v")).rows[0]!.v);
    // PostgreSQL 17 moved the checkpointer's counters out of pg_stat_bgwriter.
    const cp =
      version >= 170000
        ? (await c.query('SELECT num_timed AS t, num_requested AS r, write_time AS w, sync_time AS s, buffers_written AS b FROM pg_stat_checkpointer')).rows[0]
        : (await c.query('SELECT checkpoints_timed AS t, checkpoints_req AS r, checkpoint_write_time AS w, checkpoint_sync_time AS s, buffers_checkpoint AS b FROM pg_stat_bgwriter')).rows[0];
    const bg = (await c.query('SELECT buffers_clean AS b FROM pg_stat_bgwriter')).rows[0];
    const wal = (await c.query('SELECT wal_records, wal_fpi, wal_bytes, wal_write, wal_sync, wal_write_time, wal_sync_time FROM pg_stat_wal')).rows[0];
    return {
      at: Date.now(),
      checkpointsTimed: Number(cp.t),
      checkpointsRequested: Number(cp.r),
      checkpointWriteMs: Number(cp.w),
      checkpointSyncMs: Number(cp.s),
      checkpointBuffers: Number(cp.b),
      bgwriterBuffers: Number(bg.b),
      walRecords: Number(wal.wal_records),
      walFpi: Number(wal.wal_fpi),
      walBytes: Number(wal.wal_bytes),
      walWrites: Number(wal.wal_write),
      walSyncs: Number(wal.wal_sync),
      walWriteMs: Number(wal.wal_write_time),
      walSyncMs: Number(wal.wal_sync_time),
    };
  } finally {
    await c.end();
  }
}

/** What happened between two snapshots, in words. */
export function describeCounters(a: PgCounters, b: PgCounters): string {
  const d = (k: keyof PgCounters) => b[k] - a[k];
  const syncs = d('walSyncs');
  return [
    `${d('checkpointsTimed') + d('checkpointsRequested')} checkpoints (${d('checkpointBuffers')} buffers, write ${(d('checkpointWriteMs') / 1000).toFixed(1)} s, sync ${(d('checkpointSyncMs') / 1000).toFixed(2)} s)`,
    `bgwriter ${d('bgwriterBuffers')} buffers`,
    `WAL ${(d('walBytes') / 2 ** 20).toFixed(1)} MB, ${d('walRecords')} records, ${d('walFpi')} full-page images, ${syncs} fsyncs${syncs ? ` (mean ${(d('walSyncMs') / syncs).toFixed(2)} ms)` : ''}`,
  ].join('; ');
}

/** What the server's processes were doing at one instant (pg_stat_activity), epoch ms. */
export interface ActivitySample {
  t: number;
  /** Autovacuum workers running (any database). */
  autovacuum: number;
  /** Backends waiting on a WAL write or flush. */
  walWait: number;
}

/** Samples pg_stat_activity every `everyMs` on one connection until stopped. */
export function sampleActivity(adminUrl: string, everyMs = 100): { stop(): Promise<ActivitySample[]> } {
  const samples: ActivitySample[] = [];
  const c = new Client({ connectionString: adminUrl, application_name: 'bench-activity' });
  let running = true;
  const loop = (async () => {
    await c.connect();
    while (running) {
      const r = await c.query<{ av: string; wal: string }>(
        "SELECT count(*) FILTER (WHERE backend_type = 'autovacuum worker') AS av, count(*) FILTER (WHERE wait_event IN ('WALWrite', 'WALSync', 'WalSync', 'WALInsert')) AS wal FROM pg_stat_activity",
      );
      samples.push({ t: Date.now(), autovacuum: Number(r.rows[0]!.av), walWait: Number(r.rows[0]!.wal) });
      await new Promise((res) => setTimeout(res, everyMs));
    }
    await c.end();
  })().catch(() => undefined);
  return {
    stop: async () => {
      running = false;
      await loop;
      return samples;
    },
  };
}
