import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SingleBar } from 'cli-progress';
import { verifyStore } from '../../libs/application/src/ledger/store-verification';
import { importStreams } from '../../libs/event-store/src/postgres/postgres-bulk-import';
import { PostgresEventStore } from '../../libs/event-store/src/postgres/postgres-event-store';
import { ALL_PROJECTIONS } from '../../libs/projections/src/projections.registry';
import { benchToken, startApiProcess } from '../support/api-process';
import { sampleMemory, startNodeChild } from '../support/child-process';
import type { BenchContext } from '../support/context';
import { freshDatabase, withClient } from '../support/database';
import { HISTORY_END, HISTORY_START, HistoryPopulation } from '../support/history-population';
import { JsonHttp } from '../support/http-client';
import { progress } from '../support/report';
import { type S7Figures, writeScalingFigures } from '../support/s7-markdown';
import { seededLedgerKey, writeFirstDigest } from '../support/s7-ledger';
import { Latencies, nowMs } from '../support/stats';

const SEED = 2026;
/** The event store's table (`streams` is a view over it); every other table of the database belongs to the read models. */
const EVENT_TABLES = ['events'];

function bar(label: string, total: number, unit: string): SingleBar {
  const b = new SingleBar({
    format: `  ${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {events} events | {duration_formatted}`,
    stream: process.stderr,
    noTTYOutput: true,
    notTTYSchedule: 10_000,
    hideCursor: true,
  });
  b.start(total, 0, { events: 0 });
  return b;
}

/**
 * S7: a population of centres over 20 years, written by the engine's own command path (see
 * history-population.ts), bulk-imported, then measured as a deployment would meet it: every read
 * model rebuilt, the whole store verified against a signed digest, the compliance replay of the
 * longest centre and the public registry over HTTP from the real API process, and the disk used.
 * Writes its figures into docs/scaling-s7.md (or --s7-out).
 */
export async function s7Population(ctx: BenchContext): Promise<S7Figures> {
  const { opts, report } = ctx;
  const centres = opts.s7Centres;
  const url = await freshDatabase(ctx.adminUrl, 'bench_s7');
  const tmp = mkdtempSync(join(tmpdir(), 'bench-s7-'));
  const keyFile = join(tmp, 'ledger', 'signing-key.pem');
  const digestFile = join(tmp, 'ledger', 'digests.jsonl');
  const key = seededLedgerKey(keyFile, SEED);
  const store = await PostgresEventStore.connect({ connectionString: url, poolSize: 4, statementTimeoutMs: 0 });
  try {
    // 1. Generate (the engine's command path, in memory) and bulk-import, batch after batch.
    const population = new HistoryPopulation({ centres, seed: SEED, sealKey: key.sealKey, batchCentres: 200 });
    const b = bar('S7 generate + import', centres, 'centres');
    let generateMs = 0;
    let importMs = 0;
    let events = 0;
    let done = 0;
    let t0 = nowMs();
    for await (const batch of population.batches()) {
      generateMs += nowMs() - t0;
      t0 = nowMs();
      events += (await importStreams(store.pool, batch.streams, { eventsPerTransaction: 50_000, parallelism: 2 })).events;
      importMs += nowMs() - t0;
      done += batch.centres;
      b.update(done, { events });
      t0 = nowMs();
    }
    b.stop();
    await store.pool.query('VACUUM ANALYZE events');
    const refused = [...population.refused.values()].reduce((a, n) => a + n, 0);
    report.figure('S7', 's7.events', `population: ${centres.toLocaleString('en-US')} centres, ${population.auditors.length} auditors, 20 years`, events, 'events', `${population.heads.length.toLocaleString('en-US')} streams; longest ${population.longest.streamId} (${population.longest.events} events); ${refused} commands refused by the domain`);
    report.figure('S7', 's7.generate', 'generation through the engine command path (in memory)', events / (generateMs / 1000), 'ev/s', `${(generateMs / 1000).toFixed(1)} s`);
    report.figure('S7', 's7.import', 'bulk import (importStreams, 2 connections)', events / (importMs / 1000), 'ev/s', `${(importMs / 1000).toFixed(1)} s`);
    if (refused) report.note(`S7: commands the domain refused while generating (not written): ${[...population.refused].map(([r, n]) => `${r} ×${n}`).join(', ')}`);

    // 2. The ledger's first digest over every head, as the API would have signed it.
    const head = BigInt((await store.pool.query<{ p: string }>('SELECT max(position)::text AS p FROM events')).rows[0]!.p);
    const log = writeFirstDigest(digestFile, key, population.heads, head, new Date(HISTORY_END).toISOString());

    // 3. Every read model rebuilt from position 0, each in its own process as `npm run rebuild` runs it.
    const rebuilds: S7Figures['rebuilds'] = [];
    for (const projection of ALL_PROJECTIONS) rebuilds.push(await rebuild(ctx, url, projection.name));

    // 4. The whole store verified: every seal and link, every head against the signed digest.
    const vb = bar('S7 verify', events, 'events');
    const verification = await verifyStore({ store, sealKey: key.sealKey, digests: log.readAll(), publicKeyPem: key.publicKeyPem, onProgress: (n) => vb.update(n, { events: n }) });
    vb.stop();
    if (!verification.intact) throw new Error(`S7: the generated store does not verify: ${JSON.stringify({ digests: verification.digests, broken: verification.broken.slice(0, 3) })}`);
    report.figure('S7', 's7.verify', 'verify the whole store (verifyStore, seal key + signed digest)', verification.eventsPerSecond, 'ev/s', `${verification.events.toLocaleString('en-US')} events, ${verification.streams.toLocaleString('en-US')} streams in ${(verification.millis / 1000).toFixed(1)} s`);

    // 5. Disk.
    const disk = await diskUse(url);
    const perMillion = (bytes: number) => bytes / 2 ** 20 / (events / 1e6);
    report.figure('S7', 's7.disk.events', 'event table (events, with indexes and TOAST) per million events', perMillion(disk.eventBytes), 'MB', `${(disk.eventBytes / 2 ** 30).toFixed(2)} GiB in all`);
    report.figure('S7', 's7.disk.readmodels', 'read models (every table, with indexes) per million events', perMillion(disk.readModelBytes), 'MB', `${(disk.readModelBytes / 2 ** 30).toFixed(2)} GiB in all; ${disk.tables.filter((t) => !EVENT_TABLES.includes(t.name)).slice(0, 4).map((t) => `${t.name} ${(t.bytes / 2 ** 20).toFixed(0)} MB`).join(', ')}`);

    // 6. The real API process on that database: start-up verification, then the queries.
    const api = await startApiProcess(url, { LEDGER_KEY_FILE: keyFile, LEDGER_DIGEST_LOG: digestFile, LEDGER_DIGEST_INTERVAL_MS: '0' });
    const http = new JsonHttp(api.baseUrl, 8);
    try {
      const startupMs = await waitForVerifiedLedger(http);
      report.figure('S7', 's7.api.verified', 'API start-up: ledger verification pass over the store', startupMs / 1000, 's', 'from "ready" to the integrity check verified (queries are served meanwhile)');
      const registry = await registryLoad(http, opts.quick ? 5 : 15);
      report.figure('S7', 's7.registry.p99', `public registry query p99 (GET /registry, ${centres.toLocaleString('en-US')} centres)`, registry.p99, 'ms', `p50 ${registry.p50.toFixed(2)} ms, ${registry.rate.toFixed(0)} req/s, 4 clients; mix of unfiltered, country, city, seal and name search, pages up to offset 2,000; ${registry.total.toLocaleString('en-US')} centres listed`);
      const replay = await replayLatencies(http, population.longest.centreId, opts.quick ? 20 : 100);
      report.figure('S7', 's7.replay.asof.p99', `compliance replay asOf, longest stream (${population.longest.events} events)`, replay.asOf.p99, 'ms', `p50 ${replay.asOf.p50.toFixed(1)} ms; GET /centres/{id}/audit-trail?asOf=…, ${replay.rounds} rounds`);
      report.figure('S7', 's7.replay.knownat.p99', `compliance replay knownAt, longest stream (${population.longest.events} events)`, replay.knownAt.p99, 'ms', `p50 ${replay.knownAt.p50.toFixed(1)} ms; GET /centres/{id}/audit-trail?knownAt=…, ${replay.rounds} rounds`);
      const figures: S7Figures = {
        centres,
        auditors: population.auditors.length,
        streams: population.heads.length,
        events,
        refused,
        longest: population.longest,
        generate: { seconds: generateMs / 1000 },
        import: { seconds: importMs / 1000, eventsPerSec: events / (importMs / 1000) },
        rebuilds,
        verify: { seconds: verification.millis / 1000, eventsPerSec: verification.eventsPerSecond, streams: verification.streams },
        disk,
        apiStartupVerifySeconds: startupMs / 1000,
        registry,
        replay,
        historyFrom: new Date(HISTORY_START).toISOString().slice(0, 10),
        historyTo: new Date(HISTORY_END).toISOString().slice(0, 10),
      };
      writeScalingFigures(opts.s7Out, figures, report);
      process.stdout.write(`written: ${opts.s7Out}\n`);
      return figures;
    } finally {
      http.close();
      await api.stop();
    }
  } finally {
    await store.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function rebuild(ctx: BenchContext, url: string, name: string): Promise<S7Figures['rebuilds'][number]> {
  const child = startNodeChild('bench/support/rebuild-child.ts', [url, name], {});
  const memory = sampleMemory(child.pid, 200);
  const p = progress(`S7 rebuild ${name}`, 'events');
  const timer = setInterval(() => {
    const last = child.output().filter((l) => l.startsWith('progress ')).pop();
    if (last) p.set(Number(last.split(' ')[1]));
  }, 500);
  try {
    const line = await child.waitFor(/^result /, 60 * 60_000);
    const result = JSON.parse(line.slice('result '.length)) as { events: number; millis: number; maxRssMb: number };
    const peakRssMb = Math.max(result.maxRssMb, memory.stop().peakMb);
    const eventsPerSec = result.events / (result.millis / 1000);
    ctx.report.figure('S7', `s7.rebuild.${name}`, `rebuild ${name}`, result.millis / 1000, 's', `${Math.round(eventsPerSec).toLocaleString('en-US')} ev/s, ${result.events.toLocaleString('en-US')} events, peak RSS ${peakRssMb.toFixed(0)} MB`);
    return { name, seconds: result.millis / 1000, events: result.events, eventsPerSec, peakRssMb };
  } finally {
    clearInterval(timer);
    p.stop();
    memory.stop();
    await child.stop();
  }
}

async function diskUse(url: string): Promise<S7Figures['disk']> {
  return withClient(url, async (c) => {
    await c.query('CHECKPOINT');
    const rows = (await c.query<{ name: string; bytes: string }>(
      `SELECT c.relname AS name, pg_total_relation_size(c.oid)::text AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND n.nspname = current_schema() AND c.relname <> 'schema_migrations' ORDER BY pg_total_relation_size(c.oid) DESC`,
    )).rows.map((r) => ({ name: r.name, bytes: Number(r.bytes) }));
    const events = rows.filter((r) => EVENT_TABLES.includes(r.name));
    const models = rows.filter((r) => !EVENT_TABLES.includes(r.name));
    const sum = (xs: typeof rows) => xs.reduce((a, r) => a + r.bytes, 0);
    return { eventBytes: sum(events), readModelBytes: sum(models), tables: rows };
  });
}

/** The API verifies the whole store when it starts (the ledger's pass); measured, then out of the way of the queries. */
async function waitForVerifiedLedger(http: JsonHttp): Promise<number> {
  const t0 = nowMs();
  for (;;) {
    const r = await http.request('GET', '/health/ready');
    const integrity = r.body?.integrity;
    if (integrity?.state === 'verified') {
      if (!integrity.ok) throw new Error(`S7: the API's ledger found the store broken: ${JSON.stringify(integrity).slice(0, 300)}`);
      return nowMs() - t0;
    }
    if (nowMs() - t0 > 30 * 60_000) throw new Error(`S7: the API's ledger did not finish verifying: ${JSON.stringify(r.body).slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const REGISTRY_QUERIES = [
  '/registry',
  '/registry?country=FR',
  '/registry?country=DE&seal=accredited_centre',
  '/registry?seal=centre_of_excellence&limit=100',
  '/registry?city=Paris',
  '/registry?q=Clinic',
  '/registry?q=c-00',
  '/registry?offset=1000&limit=50',
  '/registry?country=US&offset=200',
  '/registry?seal=enrolled_centre&offset=2000&limit=20',
];

async function registryLoad(http: JsonHttp, seconds: number): Promise<S7Figures['registry']> {
  const first = await http.request('GET', '/registry?limit=1');
  if (first.status !== 200 || !(first.body.total > 0)) throw new Error(`S7: the registry lists nothing: ${first.status} ${JSON.stringify(first.body).slice(0, 200)}`);
  // Warm-up, then 4 clients in a closed loop.
  for (const q of REGISTRY_QUERIES) await http.request('GET', q);
  const latencies = new Latencies();
  const until = nowMs() + seconds * 1000;
  let n = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: 4 }, async (_, client) => {
      for (let i = client; nowMs() < until; i++) {
        const t0 = nowMs();
        const r = await http.request('GET', REGISTRY_QUERIES[i % REGISTRY_QUERIES.length]!);
        latencies.add(nowMs() - t0);
        if (r.status !== 200) errors++;
        n++;
      }
    }),
  );
  if (errors) throw new Error(`S7: ${errors} registry queries failed`);
  return { p50: latencies.percentile(50), p99: latencies.percentile(99), rate: n / seconds, requests: n, total: first.body.total };
}

async function replayLatencies(http: JsonHttp, centreId: string, rounds: number): Promise<S7Figures['replay']> {
  const token = await benchToken('compliance', 'compliance-1');
  // A point in the middle of the history: both the state then and what was known then.
  const at = new Date((HISTORY_START + HISTORY_END) / 2).toISOString();
  const asOf = new Latencies();
  const knownAt = new Latencies();
  let events = 0;
  for (let r = -2; r < rounds; r++) {
    for (const [query, samples] of [[`asOf=${at}`, asOf], [`knownAt=${at}`, knownAt]] as const) {
      const t0 = nowMs();
      const res = await http.request('GET', `/centres/${centreId}/audit-trail?${query}`, token);
      const ms = nowMs() - t0;
      if (res.status !== 200) throw new Error(`S7: replay ${query}: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      if (!res.body.integrity?.intact) throw new Error(`S7: replay ${query}: trail not intact`);
      events = res.body.streamLength ?? events;
      if (r >= 0) samples.add(ms); // two warm-up rounds
    }
  }
  return { rounds, at, events, asOf: { p50: asOf.percentile(50), p99: asOf.percentile(99) }, knownAt: { p50: knownAt.percentile(50), p99: knownAt.percentile(99) } };
}
