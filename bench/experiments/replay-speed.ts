/**
 * Replay experiment (S4's parts, measured as CPU of this process per event, which a loaded machine
 * disturbs far less than wall time): the raw `pg` read of the 10,000-event trail, the store's
 * readStream, the fold alone (readStoredEvent + evolveCentre over events already read) and the
 * replay (readStream + fold), in turns, `rounds` times after one warm-up round; medians.
 * "objectRows" is readStream as it was before it read rows as arrays (pg's object rows, then
 * toRecordedEvent), kept to measure that change again.
 *
 *   node -r @swc-node/register bench/experiments/replay-speed.ts [rounds=30] [events=10000]
 *
 * DATABASE_URL: an existing server; otherwise an embedded PostgreSQL in a temporary folder.
 * EXP_ONLY=raw,fold,... picks tasks. EXP_PROFILE=1 runs only the replay, EXP_PROFILE=fold only
 * the fold, for `node --cpu-prof`. CPU is process.cpuUsage(): GC helper threads count too, so a
 * collection can land in any task's figure; compare medians over many rounds.
 */
import { Client } from 'pg';
import { centreDecider } from '../../libs/domain/src';
import { PostgresEventStore } from '../../libs/event-store/src/postgres/postgres-event-store';
import { EVENT_COLUMNS, type EventRow, toRecordedEvent } from '../../libs/event-store/src/postgres/postgres-sql';
import { readStoredEvent } from '../../libs/application/src/runner/create-decider-runner';
import { foldStream } from '../../libs/application/src/runner/stream-folding';
import { freshDatabase, startBenchDatabase } from '../support/database';
import { buildTrail } from '../support/trail';
import { median, nowMs } from '../support/stats';

const RAW_SQL = 'SELECT position, stream_id, revision, event_id, type, data, metadata, recorded_at FROM events WHERE stream_id = $1 ORDER BY revision';
const OBJECT_ROWS_SQL = `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1
      AND ($2::integer IS NULL OR revision >= $2::integer)
      ORDER BY revision ASC LIMIT $3`;

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 30);
  const events = Number(process.argv[3] ?? 10_000);
  const db = await startBenchDatabase();
  const url = await freshDatabase(db.adminUrl, 'bench_replay_speed');
  const store = await PostgresEventStore.connect({ connectionString: url, poolSize: 4 });
  const raw = new Client({ connectionString: url });
  await raw.connect();
  try {
    const trail = buildTrail('trail-exp', events);
    const streamId = 'centre-trail-exp';
    for (let i = 0; i < trail.length; i += 1000) await store.appendToStream(streamId, trail.slice(i, i + 1000), i === 0 ? 'no_stream' : i - 1);
    const stored = await store.readStream(streamId);
    if (process.env.EXP_PROFILE === 'fold') {
      for (let r = 0; r < rounds * 10; r++) foldStream(centreDecider, stored, readStoredEvent);
      return;
    }
    if (process.env.EXP_PROFILE) {
      for (let r = 0; r < rounds; r++) foldStream(centreDecider, await store.readStream(streamId), readStoredEvent);
      return;
    }
    const cpu = (): number => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    const tasks: Record<string, () => Promise<unknown>> = {
      raw: async () => (await raw.query(RAW_SQL, [streamId])).rows,
      readStream: () => store.readStream(streamId),
      fold: async () => foldStream(centreDecider, stored, readStoredEvent),
      replay: async () => foldStream(centreDecider, await store.readStream(streamId), readStoredEvent),
      objectRows: async () => (await store.pool.query<EventRow>(OBJECT_ROWS_SQL, [streamId, null, null])).rows.map(toRecordedEvent),
    };
    const only = process.env.EXP_ONLY?.split(',');
    if (only) for (const name of Object.keys(tasks)) if (!only.includes(name)) delete tasks[name];
    const wall: Record<string, number[]> = {};
    const used: Record<string, number[]> = {};
    for (let r = 0; r <= rounds; r++) {
      for (const [name, task] of Object.entries(tasks)) {
        const c0 = cpu();
        const t0 = nowMs();
        await task();
        if (r === 0) continue; // warm-up
        (wall[name] ??= []).push(nowMs() - t0);
        (used[name] ??= []).push(cpu() - c0);
      }
    }
    const rawWall = wall.raw ? median(wall.raw) : NaN;
    for (const name of Object.keys(tasks)) {
      const w = median(wall[name]!);
      const c = median(used[name]!);
      console.log(`${name.padEnd(10)} wall ${w.toFixed(1).padStart(6)} ms (${(w / rawWall).toFixed(2)}× raw)  cpu ${c.toFixed(1).padStart(6)} ms = ${((c * 1000) / events).toFixed(2)} µs/event`);
    }
  } finally {
    await raw.end();
    await store.close();
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
