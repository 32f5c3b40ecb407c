/**
 * Read path experiment: how fast does the PostgreSQL adapter turn `$all` into RecordedEvents, and
 * how fast do rebuilds of centre_status and centre_history run on top of it?
 *
 *   node -r @swc-node/register bench/experiments/read-all-speed.ts [events=300000] [repeats=3]
 *
 * DATABASE_URL: an existing server (the database `bench_read_speed` is filled once and reused);
 * otherwise an embedded PostgreSQL in a temporary folder. The history is the S5/S6 population
 * (bench/support/population.ts) with engine-like metadata (hash, previousHash, requestHash added).
 *
 * "before" is a frozen copy of the adapter's read path as it was before the change (same SQL,
 * pg's default jsonb/timestamptz parsing, row objects); "after" is the adapter itself
 * (PostgresEventStore.readAll). Both run on the same database, in turns, `repeats` times; medians.
 * Further variants isolate single ideas (see VARIANTS; EXP_ONLY=before,after,... picks some, EXP_TASKS=rebuild
 * picks tasks by name). "lazy+epoch+array" is the lazily parsed JSON that was measured and not kept (see
 * bench/notes/changes.md).
 */
import { createHash } from 'node:crypto';
import type { Pool, QueryConfig } from 'pg';
import type { EventFilter, EventStore, ReadAllOptions, RecordedEvent } from '../../libs/event-store/src/event-store.port';
import { PostgresEventStore } from '../../libs/event-store/src/postgres/postgres-event-store';
import { importStreams } from '../../libs/event-store/src/postgres/postgres-bulk-import';
import { prefixPatterns } from '../../libs/event-store/src/postgres/postgres-sql';
import { rebuildProjection } from '../../libs/projections/src/framework/rebuild';
import { projectionByName } from '../../libs/projections/src/projections.registry';
import type { GeneratedStream } from '../../libs/projections/src/testing/centre-population';
import { databaseUrl, freshDatabase, startBenchDatabase, withClient } from '../support/database';
import { PopulationChunks } from '../support/population';
import { median, nowMs } from '../support/stats';

const BEFORE_SQL = `
WITH h AS (
  SELECT es_horizon() AS horizon, (SELECT max(position) FROM events) AS head,
         pg_snapshot_xmin(pg_current_snapshot()) AS xmin
)
SELECT h.horizon, h.head, e.*
FROM h LEFT JOIN LATERAL (
  SELECT position, stream_id, revision, event_id, type, data, metadata, recorded_at FROM events
  WHERE position > $1::bigint AND position < h.horizon AND transaction_id < h.xmin
    AND ($3::text[] IS NULL OR type = ANY ($3::text[]))
    AND ($4::text[] IS NULL OR stream_id LIKE ANY ($4::text[]))
  ORDER BY position
  LIMIT $2::integer
) e ON true`;

interface BeforeRow {
  horizon: string; head: string | null; position: string; stream_id: string; revision: number; event_id: string;
  type: string; data: unknown; metadata: Record<string, unknown>; recorded_at: Date;
}

/** The adapter's readAll before the change (postgres-event-store.ts readPage + toRecordedEvent at 674db3d). */
function beforeStore(pool: Pool): Pick<EventStore, 'readAll'> {
  return {
    async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
      const filter: EventFilter | undefined = options.filter;
      const { rows } = await pool.query<BeforeRow>({
        name: 'exp_before_read_all_page',
        text: BEFORE_SQL,
        values: [(options.fromPosition ?? 0n).toString(), options.maxCount ?? null, filter?.eventTypes ?? null, filter?.streamPrefixes ? prefixPatterns(filter.streamPrefixes) : null],
      });
      if (rows[0]!.position === null) return [];
      return rows.map((row) => ({
        streamId: row.stream_id, revision: row.revision, position: BigInt(row.position), id: row.event_id, type: row.type,
        data: row.data, metadata: row.metadata, recordedAt: row.recorded_at,
      }));
    },
  };
}

/** One idea at a time, on top of the "before" query: jsonb as text parsed here (eagerly or lazily), epoch ms, array rows. */
interface Ideas { text?: boolean; lazy?: boolean; epoch?: boolean; array?: boolean }

class LazyEvent {
  declare streamId: string; declare revision: number; declare position: bigint; declare id: string; declare type: string; declare recordedAt: Date;
  private d: unknown = undefined; private m: unknown = undefined;
  constructor(streamId: string, revision: number, position: bigint, id: string, type: string, private dt: string, private mt: string, recordedAt: Date) {
    this.streamId = streamId; this.revision = revision; this.position = position; this.id = id; this.type = type; this.recordedAt = recordedAt;
  }
  get data(): unknown { return this.d ??= JSON.parse(this.dt); }
  get metadata(): Record<string, unknown> { return (this.m ??= JSON.parse(this.mt)) as Record<string, unknown>; }
}

function ideaStore(pool: Pool, ideas: Ideas, tag: string): Pick<EventStore, 'readAll'> {
  const cols = [
    'position', 'stream_id', 'revision', 'event_id', 'type',
    ideas.text ? 'data::text AS data' : 'data', ideas.text ? 'metadata::text AS metadata' : 'metadata',
    ideas.epoch ? 'floor(extract(epoch FROM recorded_at) * 1000)::float8 AS recorded_at' : 'recorded_at',
  ].join(', ');
  const text = BEFORE_SQL.replace('position, stream_id, revision, event_id, type, data, metadata, recorded_at', cols);
  return {
    async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
      const filter = options.filter;
      const config = {
        name: `exp_${tag}`, text, ...(ideas.array ? { rowMode: 'array' as const } : {}),
        values: [(options.fromPosition ?? 0n).toString(), options.maxCount ?? null, filter?.eventTypes ?? null, filter?.streamPrefixes ? prefixPatterns(filter.streamPrefixes) : null],
      };
      const result = await pool.query(config as QueryConfig);
      const rows = result.rows as unknown[];
      const out: RecordedEvent[] = [];
      const at = (v: unknown) => (ideas.epoch ? new Date(v as number) : (v as Date));
      for (const raw of rows) {
        const [position, streamId, revision, id, type, data, metadata, recorded] = ideas.array
          ? (raw as unknown[]).slice(2)
          : (({ position: a, stream_id: b, revision: c, event_id: d, type: e, data: f, metadata: g, recorded_at: h }: Record<string, unknown>) => [a, b, c, d, e, f, g, h])(raw as Record<string, unknown>);
        if (position === null) return [];
        if (ideas.lazy) out.push(new LazyEvent(streamId as string, revision as number, BigInt(position as string), id as string, type as string, data as string, metadata as string, at(recorded)) as unknown as RecordedEvent);
        else out.push({ streamId: streamId as string, revision: revision as number, position: BigInt(position as string), id: id as string, type: type as string,
          data: ideas.text ? JSON.parse(data as string) : data, metadata: ideas.text ? JSON.parse(metadata as string) : (metadata as Record<string, unknown>), recordedAt: at(recorded) });
      }
      return out;
    },
  };
}

type Variant = { name: string; make: (store: PostgresEventStore) => Pick<EventStore, 'readAll'> };
const idea = (name: string, ideas: Ideas): Variant => ({ name, make: (s) => ideaStore(s.pool, ideas, name.replace(/\W/g, '_')) });
const VARIANTS: Variant[] = [
  { name: 'before', make: (s) => beforeStore(s.pool) },
  { name: 'after', make: (s) => s },
  idea('text', { text: true }),
  idea('epoch', { epoch: true }),
  idea('epoch+array', { epoch: true, array: true }),
  idea('text+epoch+array', { text: true, epoch: true, array: true }),
  idea('lazy+epoch+array', { text: true, lazy: true, epoch: true, array: true }),
];

/** Engine-like metadata: the runner also writes requestHash, hash and previousHash (sha-256 hex). */
function withEngineMetadata(streams: GeneratedStream[]): GeneratedStream[] {
  return streams.map((s) => {
    let previousHash: string | null = null;
    return {
      ...s,
      events: s.events.map((e) => {
        const hash = createHash('sha256').update(e.id).digest('hex');
        const metadata = { ...e.metadata, requestHash: createHash('sha256').update(`${e.id}r`).digest('hex'), hash, previousHash };
        previousHash = hash;
        return { ...e, metadata };
      }),
    };
  });
}

async function fill(url: string, target: number): Promise<number> {
  const store = await PostgresEventStore.connect({ connectionString: url, poolSize: 3 });
  try {
    const have = Number((await store.pool.query<{ n: string }>('SELECT count(*) AS n FROM events')).rows[0]!.n);
    if (have >= target) return have;
    if (have > 0) throw new Error(`bench_read_speed holds ${have} events, fewer than ${target}: drop it first`);
    const population = new PopulationChunks();
    let events = 0;
    for (let k = 0; events < target; k++) {
      const r = await importStreams(store.pool, withEngineMetadata(population.chunk(k)), { eventsPerTransaction: 50_000 });
      events += r.events;
    }
    await store.pool.query('VACUUM ANALYZE events');
    return events;
  } finally {
    await store.close();
  }
}

/** Pages through all of $all (no filter), as a catch-up subscription would. */
async function readEverything(store: Pick<EventStore, 'readAll'>, batch: number): Promise<number> {
  let position = 0n;
  let n = 0;
  let sink = 0;
  for (;;) {
    const events = await store.readAll({ fromPosition: position, maxCount: batch });
    if (!events.length) return n + (sink & 0);
    for (const e of events) sink += e.revision; // touch the events, as any consumer would
    n += events.length;
    position = events[events.length - 1]!.position;
  }
}

async function rebuild(store: Pick<EventStore, 'readAll'>, pool: Pool, name: string): Promise<number> {
  const projection = projectionByName(name)!;
  const r = await rebuildProjection({ store: store as EventStore, pool, projection, swap: false, suffix: '_rexp' });
  await withClient(process.env.__EXP_URL__!, async (c) => {
    for (const t of Object.values(r.tables)) await c.query(`DROP TABLE IF EXISTS ${t}`);
  });
  return r.events;
}

async function main(): Promise<void> {
  const target = Number(process.argv[2] ?? 300_000);
  const repeats = Number(process.argv[3] ?? 3);
  const only = process.env.EXP_ONLY?.split(',');
  const db = await startBenchDatabase();
  try {
    const url = process.env.DATABASE_URL ? databaseUrl(db.adminUrl, 'bench_read_speed') : await freshDatabase(db.adminUrl, 'bench_read_speed');
    if (process.env.DATABASE_URL) {
      await withClient(db.adminUrl, async (c) => {
        const exists = await c.query("SELECT 1 FROM pg_database WHERE datname = 'bench_read_speed'");
        if (!exists.rowCount) await c.query('CREATE DATABASE bench_read_speed');
      });
    }
    process.env.__EXP_URL__ = url;
    const t0 = nowMs();
    const events = await fill(url, target);
    process.stderr.write(`history: ${events} events (${((nowMs() - t0) / 1000).toFixed(1)} s)\n`);
    const store = await PostgresEventStore.connect({ connectionString: url, poolSize: 4, migrate: false });
    try {
      const variants = VARIANTS.filter((v) => !only || only.includes(v.name));
      const tasks: Array<{ name: string; run: (s: Pick<EventStore, 'readAll'>) => Promise<number> }> = [
        { name: 'readAll (pages of 5,000)', run: (s) => readEverything(s, 5_000) },
        { name: 'readAll (pages of 500, subscription default)', run: (s) => readEverything(s, 500) },
        { name: 'rebuild centre_status', run: (s) => rebuild(s, store.pool, 'centre_status') },
        { name: 'rebuild centre_history', run: (s) => rebuild(s, store.pool, 'centre_history') },
      ];
      const taskFilter = process.env.EXP_TASKS?.split(',');
      if (taskFilter) tasks.splice(0, tasks.length, ...tasks.filter((t) => taskFilter.some((f) => t.name.includes(f))));
      const results = new Map<string, number[]>();
      // Warm-up: one pass of each variant over the reads (JIT, buffer cache, prepared statements).
      for (const v of variants) await readEverything(v.make(store), 5_000);
      for (let r = 0; r < repeats; r++) {
        for (const task of tasks) {
          for (const v of r % 2 === 0 ? variants : [...variants].reverse()) {
            global.gc?.();
            const t = nowMs();
            const n = await task.run(v.make(store));
            const rate = n / ((nowMs() - t) / 1000);
            const key = `${task.name}\t${v.name}`;
            results.set(key, [...(results.get(key) ?? []), rate]);
            process.stderr.write(`#${r + 1} ${task.name} [${v.name}]: ${n} events, ${Math.round(rate).toLocaleString('en-US')} ev/s\n`);
          }
        }
      }
      const lines = [`| measurement | ${variants.map((v) => v.name).join(' | ')} | after ÷ before |`, `|---|${variants.map(() => '---:|').join('')}---:|`];
      for (const task of tasks) {
        const meds = variants.map((v) => median(results.get(`${task.name}\t${v.name}`)!));
        const b = meds[variants.findIndex((v) => v.name === 'before')];
        const a = meds[variants.findIndex((v) => v.name === 'after')];
        lines.push(`| ${task.name} | ${meds.map((m) => Math.round(m).toLocaleString('en-US')).join(' | ')} | ${a && b ? (a / b).toFixed(2) : '-'} |`);
      }
      process.stdout.write(`${events.toLocaleString('en-US')} events, medians of ${repeats} (ev/s)\n${lines.join('\n')}\n`);
    } finally {
      await store.close();
    }
  } finally {
    await db.stop();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
