import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonlDigestLog } from '../../libs/event-store/src/ledger/digest-log';
import { loadLedgerKey } from '../../libs/event-store/src/ledger/ledger-key';
import { cpuSecondsOf, startNodeChild } from '../support/child-process';
import { PostgresEventStore } from '../../libs/event-store/src/postgres/postgres-event-store';
import { freshDatabase, withClient } from '../support/database';
import { firstDigest } from '../support/s7-ledger';
import { seedSealedPopulation } from '../support/sealed-population';
import type { PopulationChunks } from '../support/population';
import { progress } from '../support/report';
import { nowMs } from '../support/stats';
import type { BenchContext } from '../support/context';

/**
 * `npm run verify` on a sealed population: the historical streams sealed as the engine seals
 * them (chain v3 with the ledger's seal key), one signed digest over every head, then the
 * command itself in its own process (every digest, every event, workers = cores) against the raw
 * ordered read of the same rows on one connection, in the same run. Seeding is not timed.
 */
export async function verifyStoreScenario(ctx: BenchContext, population: PopulationChunks): Promise<void> {
  const { opts, report } = ctx;
  const target = opts.quick ? 100_000 : 500_000;
  const url = await freshDatabase(ctx.adminUrl, 'bench_verify');
  const keyDir = mkdtempSync(join(tmpdir(), 'bench-verify-key-'));
  const store = await PostgresEventStore.connect({ connectionString: url, poolSize: 4, statementTimeoutMs: 0 });
  try {
    const key = loadLedgerKey(join(keyDir, 'signing-key.pem'), { generate: true });
    const seeding = progress('verify: seeding a sealed population', 'events');
    const { heads } = await seedSealedPopulation(store.pool, target, key.sealKey, { population, onProgress: (n) => seeding.set(n) });
    seeding.stop();
    const digest = firstDigest(key, heads, 0n, new Date().toISOString());

    // The store at rest: the seeding's (and earlier scenarios') dirty pages written out before
    // anything is timed, so that no spread checkpoint competes with one side of the comparison.
    await withClient(ctx.adminUrl, (c) => c.query('CHECKPOINT'));

    // `npm run verify` itself, in its own process as an operator runs it (its figure is its own
    // measure: verifyStore's time, after start-up and the count for its progress bar), in two
    // turns with the raw read (read, verify, read, verify), each side's rate over both turns: one
    // pass of a few seconds moves with whatever else the machine does in those seconds. CPU per
    // event alongside (this process for the read; the command's, worker threads included).
    const logFile = join(keyDir, 'digests.jsonl');
    new JsonlDigestLog(logFile).append(digest);
    const turns: Array<{ read: { rows: number; seconds: number; cpu: number }; verify: { events: number; seconds: number; cpu: number; streams: number } }> = [];
    for (let turn = 1; turn <= 2; turn++) {
      const cpu0 = process.cpuUsage();
      const read = await rawOrderedEventsRead(url, turn);
      turns.push({ read: { ...read, cpu: cpuMicros(cpu0) }, verify: await runVerifyCommand(url, join(keyDir, 'signing-key.pem'), logFile, turn) });
    }
    const sum = (pick: (t: (typeof turns)[number]) => number) => turns.reduce((n, t) => n + pick(t), 0);
    const perTurn = (rate: (t: (typeof turns)[number]) => number) => turns.map((t) => Math.round(rate(t)).toLocaleString('en-US')).join(' and ');
    const readRate = sum((t) => t.read.rows) / sum((t) => t.read.seconds);
    const rows = turns[0].read.rows;
    if (turns.some((t) => t.verify.events !== rows)) report.note(`verify: ${turns.map((t) => t.verify.events).join(' and ')} events verified of ${rows}`);
    report.figure('verify', 'verify.raw', `raw ordered read of the same ${rows.toLocaleString('en-US')} events (pages of 5,000), 2 turns`, readRate, 'ev/s', `turns ${perTurn((t) => t.read.rows / t.read.seconds)} ev/s, Node CPU ${(sum((t) => t.read.cpu) / sum((t) => t.read.rows)).toFixed(1)} µs/event`);
    const verifyRate = sum((t) => t.verify.events) / sum((t) => t.verify.seconds);
    const events = turns[0].verify.events;
    const rate = report.figure('verify', 'verify.store', 'store verification (npm run verify, workers = cores), 2 turns', verifyRate, 'ev/s', `${events.toLocaleString('en-US')} events in ${turns[0].verify.streams.toLocaleString('en-US')} streams, 1 signed digest; turns ${perTurn((t) => t.verify.events / t.verify.seconds)} ev/s, Node CPU ${(sum((t) => t.verify.cpu) / sum((t) => t.verify.events)).toFixed(1)} µs/event`);
    report.check('verify', 'verify.goal', 'store verification', rate, 'ev/s', 'events verified ÷ the time npm run verify reports, over both turns (digests, every event, broken-stream re-reads)', { atLeast: 100_000 });
    report.ratio('verify', 'verify.raw.ratio', 'store verification ÷ raw ordered read (same rows)', rate / readRate, `${Math.round(rate)} ÷ ${Math.round(readRate)}`);
  } finally {
    await store.close();
    rmSync(keyDir, { recursive: true, force: true });
  }
}

/**
 * One `npm run verify` (apps/cli/src/verify.ts, as package.json runs it) on the store, with the
 * key and the digest log; fails unless it says INTACT. Its CPU is read from /proc between its
 * "verifying with" line and its result.
 */
async function runVerifyCommand(url: string, keyFile: string, logFile: string, turn: number): Promise<{ events: number; seconds: number; cpu: number; streams: number }> {
  const child = startNodeChild('apps/cli/src/verify.ts', [], { DATABASE_URL: url, LEDGER_KEY_FILE: keyFile, LEDGER_DIGEST_LOG: logFile });
  const p = progress(`verify: npm run verify, turn ${turn}`, 'events');
  const timer = setInterval(() => {
    const bar = child.output().filter((l) => l.startsWith('verify [')).pop()?.match(/\| ([\d,]+)\//);
    if (bar) p.set(Number(bar[1].replace(/,/g, '')));
  }, 500);
  try {
    await child.waitFor(/^verifying with/, 120_000);
    const cpu0 = cpuSecondsOf(child.pid);
    const line = await child.waitFor(/ events in [\d,]+ streams verified in /, 30 * 60_000);
    const cpu = (cpuSecondsOf(child.pid) - cpu0) * 1e6;
    await child.waitFor(/^(NOT )?INTACT/, 60_000);
    const verdict = child.output().find((l) => /^(NOT )?INTACT/.test(l))!;
    if (!verdict.startsWith('INTACT')) throw new Error(`verify: npm run verify says ${verdict}`);
    const [, events, streams, rate] = line.match(/^([\d,]+) events in ([\d,]+) streams verified in [\d.]+ s \(([\d,]+) events\/s\)/)!.map((x) => x.replace(/,/g, ''));
    return { events: Number(events), streams: Number(streams), seconds: Number(events) / Number(rate), cpu };
  } finally {
    clearInterval(timer);
    p.stop();
    await child.stop();
  }
}

const cpuMicros = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return used.user + used.system;
};

/** Every event in global order in keyset pages on one connection, the driver parsing each row as usual. */
async function rawOrderedEventsRead(url: string, turn: number, pageSize = 5000): Promise<{ rows: number; seconds: number }> {
  return withClient(url, async (client) => {
    const p = progress(`verify: raw ordered read, turn ${turn}`, 'events');
    const t0 = nowMs();
    let after = '0';
    let rows = 0;
    for (;;) {
      const page = await client.query<{ position: string }>('SELECT position, stream_id, revision, event_id, type, data, metadata FROM events WHERE position > $1 ORDER BY position LIMIT $2', [after, pageSize]);
      if (page.rows.length === 0) break;
      rows += page.rows.length;
      after = page.rows[page.rows.length - 1].position;
      p.set(rows);
    }
    const seconds = (nowMs() - t0) / 1000;
    p.stop();
    return { rows, seconds };
  });
}
