/**
 * A burst of commands after the API idled for 12 s, two configurations in turns on one PostgreSQL,
 * each API on its own database: the backends the API had to open for the burst, the API's CPU and
 * GC time in the burst's first 2 s, and its latency in the first second and overall. This is the
 * pattern of every S3 turn (hello-world or raw INSERT turns in between leave the engine idle 10 s).
 *
 *   node -r @swc-node/register bench/experiments/burst-after-idle.ts pool|young|flush [rounds=2] [rate=150]
 *
 * pool: the pool kept warm (PG_POOL_KEEP_IDLE, default: every connection) against PG_POOL_KEEP_IDLE=0.
 * young: npm start's V8 flags against the same with the young generation pinned at its maximum
 * (--min-semi-space-size equal to --max-semi-space-size), which V8 otherwise shrinks when idle.
 * flush: npm start's V8 flags against the same with --no-flush-bytecode (V8 otherwise drops the
 * bytecode of functions unused over several collections, to compile them again when called).
 */
import 'reflect-metadata';
import { type ApiProcess, startApiProcess } from '../support/api-process';
import { freshDatabase, startBenchDatabase, withClient } from '../support/database';
import { GeneratorProcess, samplesOf } from '../support/generator';
import { JsonHttp } from '../support/http-client';
import { castTokens, registerAuditor } from '../support/lifecycle';
import { Latencies } from '../support/stats';
import { prepareCentres } from '../scenarios/s3-latency';
import { cpuSecondsOf } from '../support/child-process';

const cpuMicros = (pid: number): number => cpuSecondsOf(pid) * 1e6;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const compare = process.argv[2];
  const rounds = Number(process.argv[3] ?? 2);
  const rate = Number(process.argv[4] ?? 150);
  const configurations: Array<[string, Record<string, string>, string[]]> =
    compare === 'pool'
      ? [['warm pool (default)', {}, []], ['PG_POOL_KEEP_IDLE=0', { PG_POOL_KEEP_IDLE: '0' }, []]]
      : compare === 'young'
        ? [['npm start flags', {}, []], ['+ --min-semi-space-size=8', {}, ['--min-semi-space-size=8']]]
        : compare === 'flush'
          ? [['npm start flags', {}, []], ['+ --no-flush-bytecode', {}, ['--no-flush-bytecode']]]
          : [];
  if (!configurations.length) throw new Error('usage: burst-after-idle.ts pool|young|flush [rounds] [rate]');
  const db = await startBenchDatabase();
  const generator = await GeneratorProcess.start();
  const sides: Array<{ name: string; database: string; api: ApiProcess; centres: Array<{ centreId: string; auditId: string }>; offset: number }> = [];
  try {
    const cast = await castTokens();
    for (const [name, env, nodeArgs] of configurations) {
      const database = `burst_${sides.length}`;
      const api = await startApiProcess(await freshDatabase(db.adminUrl, database), env, nodeArgs);
      const http = new JsonHttp(api.baseUrl, 64);
      await registerAuditor(http, cast);
      sides.push({ name, database, api, centres: await prepareCentres(http, cast, 100, `${sides.length}${Date.now().toString(36)}`), offset: 0 });
    }
    const rows: string[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const side of sides) {
        const job = (label: string, durationMs: number) => ({ kind: 'judge' as const, url: side.api.baseUrl, token: cast.auditor, centres: side.centres, indexOffset: side.offset, tag: `${label}-${round}`, ratePerSec: rate, durationMs, drainMs: 30_000 });
        side.offset += (await generator.run(`${side.name}: load`, job('load', 3000))).due.length;
        await sleep(12_000);
        const burstStart = new Date();
        const cpu0 = cpuMicros(side.api.child.pid);
        const cpuAt2s = new Promise<number>((r) => setTimeout(() => r(cpuMicros(side.api.child.pid) - cpu0), 2000));
        const burst = await generator.run(`${side.name}: burst after 12 s idle`, job('burst', 3000));
        const cpu2s = await cpuAt2s;
        side.offset += burst.due.length;
        const opened = await withClient(db.adminUrl, async (c) => (await c.query<{ n: string }>(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'event-store' AND backend_start >= $2`, [side.database, burstStart])).rows[0].n);
        const first = new Latencies();
        const all = new Latencies();
        const t0 = burst.due[0]!;
        for (const s of samplesOf(burst, 'b')) {
          all.add(s.latency);
          if (s.due - t0 < 1000) first.add(s.latency);
        }
        rows.push(`| ${round + 1} | ${side.name} | ${opened} | ${(cpu2s / 1e6 / 2).toFixed(2)} | ${first.percentile(50).toFixed(1)} | ${first.percentile(99).toFixed(1)} | ${all.percentile(99).toFixed(1)} | ${burst.errors} |`);
      }
    }
    console.log(`\nBurst of ${rate} judgements/s for 3 s after 12 s idle\n`);
    console.log('| Round | API | Backends opened for the burst | API cores, first 2 s | First second p50 ms | First second p99 ms | Burst p99 ms | Errors |');
    console.log('|---|---|---:|---:|---:|---:|---:|---:|');
    for (const r of rows) console.log(r);
  } finally {
    for (const side of sides) await side.api.stop();
    await generator.stop();
    await db.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
