/**
 * `npm run bench` (full, < 20 min) and `npm run bench -- --quick` (< 2 min).
 *
 * Starts its own PostgreSQL (embedded, in a temporary folder) unless DATABASE_URL is set, measures
 * the raw baselines (calibration) and the engine on that same server, prints every figure as it
 * goes, and writes docs/benchmarks.md (quick runs: bench/results/benchmarks-quick.md; --out=<path>
 * to choose). --only=calibration,s1,peer,s4,s2,s3,s6,s5,verify runs a subset (ratios whose denominator
 * was skipped are left out).
 *
 * S7 (a 10,000-centre, 20-year population: import, rebuilds, verification, replay, registry, disk)
 * is not part of the full run nor of --quick: it runs only with --only=s7 (about 10 minutes on
 * 2 cores; --s7-centres=N for a smaller trial) and writes docs/scaling-s7.md.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { named, parseOptions, wanted } from './support/options';
import { Report, fmt, machineBasics, stage } from './support/report';
import { freshDatabase, serverInfo, startBenchDatabase } from './support/database';
import type { BenchContext } from './support/context';
import { startNodeChild } from './support/child-process';
import { PopulationChunks } from './support/population';
import { buildTrail } from './support/trail';
import { writeMarkdown } from './support/markdown';
import { prepareRawEvents } from './calibration/raw-insert';
import { rawCopy, rawOrderedRead } from './calibration/raw-copy-and-scan';
import { type HelloWorld, helloWorld, startHelloWorld } from './calibration/hello-world';
import { pairedAppend } from './scenarios/s1-append';
import { TRAIL_CENTRE, s4Replay } from './scenarios/s4-replay';
import { rawStreamReads, s2EndToEnd } from './scenarios/s2-end-to-end';
import { s3Latency } from './scenarios/s3-latency';
import { s6AppendBaseline, s6BulkImport } from './scenarios/s6-bulk-import';
import { s5Rebuild } from './scenarios/s5-rebuild';
import { verifyStoreScenario } from './scenarios/verify-store';
import { s7Population } from './scenarios/s7-population';

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const report = new Report(opts.quick ? 'quick' : 'full');
  const started = Date.now();
  stage(`accreditation engine benchmarks (${report.mode}) — starting PostgreSQL`);
  const db = await startBenchDatabase();
  let hello: HelloWorld | undefined;
  const tmp = mkdtempSync(join(tmpdir(), 'bench-work-'));
  try {
    const info = await serverInfo(db.adminUrl);
    const machine = { ...machineBasics(), postgres: info.version, postgresSettings: info.settings, database: db.source };
    process.stdout.write(`${machine.cores} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}, PostgreSQL ${machine.postgres} (${db.source})\n`);
    const rawUrl = await freshDatabase(db.adminUrl, 'bench_raw');
    const ctx: BenchContext = { opts, report, adminUrl: db.adminUrl, rawUrl };
    const has = (id: string) => report.has(id);
    const ratio = (section: string, id: string, label: string, num: string, den: string, goal?: { atLeast?: number; atMost?: number }, invert = false) => {
      if (!has(num) || !has(den)) return;
      const a = report.get(num);
      const b = report.get(den);
      const value = invert ? b / a : a / b;
      report.ratio(section, id, label, value, invert ? `${fmt(b)} ÷ ${fmt(a)}` : `${fmt(a)} ÷ ${fmt(b)}`, goal);
    };
    const population = new PopulationChunks(1000);

    if (wanted(opts, 'calibration')) {
      stage('Calibration: raw PostgreSQL through pg, HTTP hello-world');
      await rawCopy(ctx, population);
      await rawOrderedRead(ctx);
    }
    if (wanted(opts, 'calibration') || wanted(opts, 's2') || wanted(opts, 's3')) {
      hello = await startHelloWorld();
      if (wanted(opts, 'calibration')) await helloWorld(ctx, hello);
    }

    const engineUrl = await freshDatabase(db.adminUrl, 'bench_engine');
    if (wanted(opts, 's1')) {
      stage('S1: append throughput, engine appendToStream and raw INSERT measured in turns');
      await prepareRawEvents(ctx);
      for (const c of [1, 16, 64]) await pairedAppend(ctx, engineUrl, c, 1);
      await pairedAppend(ctx, engineUrl, 16, 10);
      for (const c of [1, 16, 64]) ratio('S1', `append.c${c}`, `append, 1 event, c=${c} ÷ raw INSERT c=${c}`, `s1.append.c${c}`, `raw.insert.c${c}`, { atLeast: 0.9 });
      ratio('S1', 'append10', 'append, 10 events, c=16 ÷ raw 10-row tx c=16', 's1.append10.c16', 'raw.batch10.c16', { atLeast: 0.8 });
    }

    const trail = buildTrail(TRAIL_CENTRE, opts.trailEvents);
    if (wanted(opts, 'peer')) {
      stage('Peer: Emmett on the same server (own process, own database)');
      const emmettUrl = await freshDatabase(db.adminUrl, 'bench_emmett');
      const trailFile = join(tmp, 'trail.json');
      writeFileSync(trailFile, JSON.stringify(trail.map((e) => ({ type: e.type, data: e.data, metadata: { ...e.metadata, eventId: e.id } }))));
      const points = [
        { concurrency: 1, eventsPerAppend: 1 },
        { concurrency: 16, eventsPerAppend: 1 },
        { concurrency: 64, eventsPerAppend: 1 },
        { concurrency: 16, eventsPerAppend: 10 },
      ];
      const job = { appends: points, pointMs: opts.pointSeconds * 1000, warmupMs: opts.warmupSeconds * 1000, trailFile, readReps: opts.quick ? 8 : 30 };
      const child = startNodeChild('bench/support/emmett-child.ts', [emmettUrl, JSON.stringify(job)], {});
      const line = await child.waitFor(/^result /, 15 * 60_000);
      await child.stop();
      const out = JSON.parse(line.slice('result '.length)) as Record<string, { eventsPerSec?: number; p99?: number; errors?: number; firstError?: string; medianMs?: number; events?: number }>;
      for (const p of points) {
        const r = out[`append.c${p.concurrency}.x${p.eventsPerAppend}`]!;
        const id = p.eventsPerAppend === 1 ? `emmett.append.c${p.concurrency}` : `emmett.append${p.eventsPerAppend}.c${p.concurrency}`;
        if (r.errors) report.note(`Emmett c=${p.concurrency}×${p.eventsPerAppend}: ${r.errors} errors (${r.firstError})`);
        report.figure('peer', id, `Emmett appendToStream ${p.eventsPerAppend} ev/append, c=${p.concurrency}`, r.eventsPerSec!, 'ev/s', `p99 ${r.p99!.toFixed(2)} ms`);
      }
      report.figure('peer', 'emmett.read10k', `Emmett readStream of the ${opts.trailEvents.toLocaleString('en-US')}-event trail (median)`, out.readStream!.medianMs!, 'ms');
      for (const c of [1, 16, 64]) ratio('peer', `peer.append.c${c}`, `ours ÷ Emmett, append c=${c}`, `s1.append.c${c}`, `emmett.append.c${c}`, { atLeast: 2 });
      ratio('peer', 'peer.append10', 'ours ÷ Emmett, 10-event append c=16', 's1.append10.c16', 'emmett.append10.c16', { atLeast: 2 });
    }

    if (wanted(opts, 's4')) {
      stage('S4: replay of a 10,000-event audit trail');
      await s4Replay(ctx, engineUrl, trail);
      ratio('S4', 'replay', 'replay (read + upcast + fold) time ÷ raw read time', 's4.replay', 'raw.stream10k', { atMost: 1.2 });
      ratio('S4', 'replay.full', 'full AuditTrailReplay time ÷ raw read time', 's4.full', 'raw.stream10k');
      ratio('peer', 'peer.read', 'ours ÷ Emmett, stream read (Emmett time ÷ our readStream time)', 's4.read', 'emmett.read10k', { atLeast: 2 }, true);
    }

    if (wanted(opts, 's2') || wanted(opts, 's3')) {
      stage('S2: end-to-end lifecycle commands over HTTP');
      const s2Url = await freshDatabase(db.adminUrl, 'bench_s2');
      const e2e = await s2EndToEnd(ctx, s2Url, hello!);
      if (wanted(opts, 's3')) {
        stage('S3: open-loop latency and the hot stream');
        const points = await s3Latency(ctx, e2e.api, 'bench_s2', e2e.cast, hello!, e2e.commandsPerSec).catch((error: Error) => {
          report.note(`S3 stopped: ${error.message.slice(0, 300)}`);
          return [];
        });
        const at80 = points.find((p) => p.fraction === 0.8);
        if (at80) {
          // Both denominators measured at the same rate, right after S2, on the same server (the raw INSERT in turns with the engine).
          const budget = at80.helloP99 + at80.rawP99 + 2;
          const closed = has('raw.insert.c16.p99') ? ` (S1's closed-loop raw INSERT c=16 p99: ${report.get('raw.insert.c16.p99').toFixed(2)} ms)` : '';
          report.check('S3', 's3.budget', 'p99 at 80% of S2 max', at80.p99, 'ms', `budget = HTTP p99 ${at80.helloP99.toFixed(2)} + raw INSERT open-loop p99 ${at80.rawP99.toFixed(2)} + 2 ms${closed}`, { atMost: budget });
        }
      }
      e2e.http.close();
      await e2e.api.stop();
      const length = Math.max(1, Math.round(e2e.meanStreamLength));
      const reads = await rawStreamReads(ctx, s2Url, length, 16);
      if (has('http.hello') && has('raw.insert.c16')) {
        const H = report.get('http.hello');
        const I = report.get('raw.insert.c16');
        const ceiling = 1 / (1 / H + 1 / reads + 1 / I);
        report.figure('S2', 's2.ceiling', 'composite ceiling 1/(1/H + 1/R + 1/I₁₆)', ceiling, 'cmd/s', `H ${fmt(H)} req/s, R ${fmt(reads)} reads/s (${length} events), I ${fmt(I)} rows/s`);
        ratio('S2', 'e2e', 'end-to-end ÷ composite ceiling', 's2.e2e', 's2.ceiling', { atLeast: 0.7 });
      }
      if (has('s2.rss')) report.check('S2', 's2.rss.goal', 'API peak RSS under S2', report.get('s2.rss'), 'MB', 'child process, /proc VmHWM and sampled VmRSS', { atMost: 200 });
    }

    const historyUrl = await freshDatabase(db.adminUrl, 'bench_history');
    if (wanted(opts, 's6') || wanted(opts, 's5')) {
      stage('S6: bulk import of historical events');
      // One connection (a single COPY stream, like the raw baseline), then two (the import's parallelism option).
      const single = await freshDatabase(db.adminUrl, 'bench_history_single');
      await s6AppendBaseline(ctx, single, population, opts.quick ? 10_000 : 100_000);
      ratio('S6', 'bulk.append', 'import through appendToStream ÷ raw COPY (before)', 's6.append', 'raw.copy');
      if (!opts.quick) {
        await s6BulkImport(ctx, single, population, 1);
        ratio('S6', 'bulk.single', 'bulk import, 1 connection ÷ raw COPY (same events)', 's6.import', 'raw.copy');
      }
      await s6BulkImport(ctx, historyUrl, population, 2);
      ratio('S6', 'bulk', 'bulk import, 2 connections ÷ raw COPY (same events)', 's6.import.p2', 'raw.copy', { atLeast: 0.8 });
    }
    if (wanted(opts, 's5')) {
      stage('S5: projection rebuilds from position 0');
      await s5Rebuild(ctx, historyUrl, 'centre_status');
      await s5Rebuild(ctx, historyUrl, 'centre_history');
      report.check('S5', 's5.status.goal', 'rebuild centre status', report.get('s5.status'), 'ev/s', 'events applied ÷ wall time of the rebuild (read, fold, upsert, index, swap)', { atLeast: 100_000 });
      ratio('S5', 's5.status.raw', 'rebuild centre status ÷ raw ordered read', 's5.status', 'raw.scan');
      report.check('S5', 's5.history.goal', 'rebuild centre history', report.get('s5.history'), 'ev/s', 'events applied ÷ wall time of the rebuild', { atLeast: 80_000 });
      if (has('raw.scan') && has('raw.copy')) {
        const S = report.get('raw.scan');
        const C = report.get('raw.copy');
        report.figure('S5', 's5.history.ceiling', 'raw read + COPY ceiling 1/(1/S + 1/C)', 1 / (1 / S + 1 / C), 'ev/s');
        ratio('S5', 's5.history.raw', 'rebuild centre history ÷ raw read + COPY ceiling', 's5.history', 's5.history.ceiling');
      }
      const rss = Math.max(report.get('s5.status.rss'), report.get('s5.history.rss'));
      report.figure('S5', 's5.rss', 'projector (rebuild process) peak RSS during S5', rss, 'MB');
    }
    if (wanted(opts, 'verify')) {
      stage('Verify: npm run verify over a sealed population with a signed digest');
      await verifyStoreScenario(ctx, population);
    }

    if (named(opts, 's7')) {
      stage(`S7: a population of ${opts.s7Centres.toLocaleString('en-US')} centres over 20 years`);
      await s7Population(ctx);
    }

    const seconds = (Date.now() - started) / 1000;
    stage(`done in ${seconds.toFixed(0)} s`);
    const goals = report.ratios.filter((r) => r.goal);
    process.stdout.write(`Goals met: ${goals.filter((g) => g.goal!.met).length} of ${goals.length}\n`);
    for (const g of goals) process.stdout.write(`  ${g.goal!.met ? '✓' : '✗'} ${g.section} ${g.label}: ${fmt(g.value)} (goal ${g.goal!.text})\n`);
    writeMarkdown(opts.out, report, machine, seconds);
    process.stdout.write(`written: ${opts.out}\n`);
  } finally {
    await hello?.child.stop();
    await db.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    process.stderr.write(`\nbenchmark failed: ${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
