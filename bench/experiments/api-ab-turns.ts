/**
 * Two builds of the admin API compared in turns, in one run, on one PostgreSQL: S2's lifecycle walk
 * (closed loop over HTTP) against build A, then B, then A… Each turn reports commands/s and the
 * API process's CPU per command (utime + stime from /proc), which a loaded machine disturbs far less
 * than throughput. Each build gets its own database and data folder.
 *
 *   node -r @swc-node/register bench/experiments/api-ab-turns.ts <dirA> <dirB> [turns=3] [seconds=8] [clients=64]
 *
 * <dir> is a checkout whose dist/ holds a build (`node tools/build.js` in it). Extra Node flags for
 * a side: AB_NODE_ARGS_A / AB_NODE_ARGS_B (e.g. "--max-semi-space-size=8"). AB_PROFILE=1 runs both
 * under --cpu-prof and prints each side's CPU split (bench/support/profile-split.ts) over its turns
 * after the first (warm-up).
 */
import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findFreePort } from '../../libs/event-store/src/postgres/embedded-postgres';
import { benchApiEnv, startScriptV8Flags } from '../support/api-process';
import { type NodeChild, cpuWindow, memoryOf, startNodeChild } from '../support/child-process';
import { freshDatabase, startBenchDatabase } from '../support/database';
import { JsonHttp } from '../support/http-client';
import { CentreWalk, castTokens, registerAuditor } from '../support/lifecycle';
import { closedLoop } from '../support/load';
import { type ProfileSplit, monotonicMicros, readProfile, splitProfile } from '../support/profile-split';

async function startApi(dir: string, databaseUrl: string, nodeArgs: string[]): Promise<{ child: NodeChild; baseUrl: string }> {
  const port = await findFreePort();
  const child = startNodeChild(join(dir, 'dist/apps/admin-api/src/main.js'), [], benchApiEnv(databaseUrl, port, mkdtempSync(join(tmpdir(), 'ab-data-'))), [...startScriptV8Flags(dir), ...nodeArgs]);
  await child.waitFor(/"message":"ready"/, 180_000);
  return { child, baseUrl: `http://127.0.0.1:${port}` };
}

async function main(): Promise<void> {
  const [dirA, dirB, turnsArg, secondsArg, clientsArg] = process.argv.slice(2);
  if (!dirA || !dirB) throw new Error('usage: api-ab-turns.ts <dirA> <dirB> [turns] [seconds] [clients]');
  const turns = Number(turnsArg ?? 3);
  const seconds = Number(secondsArg ?? 8);
  const clients = Number(clientsArg ?? 64);
  const db = await startBenchDatabase();
  const profile = Boolean(process.env.AB_PROFILE);
  const sides: Array<{
    name: string;
    api: { child: NodeChild; baseUrl: string };
    http: JsonHttp;
    rows: Array<{ cmdPerSec: number; msPerCmd: number }>;
    profileDir?: string;
    windows: Array<{ fromUs: number; toUs: number; commands: number }>;
  }> = [];
  try {
    for (const [name, dir] of [['A', dirA], ['B', dirB]] as const) {
      const url = await freshDatabase(db.adminUrl, `ab_${name.toLowerCase()}`);
      const profileDir = profile ? mkdtempSync(join(tmpdir(), `ab-profile-${name}-`)) : undefined;
      const args = [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), ...(process.env[`AB_NODE_ARGS_${name}`] ?? '').split(' ').filter(Boolean)];
      const api = await startApi(resolve(dir), url, args);
      sides.push({ name, api, http: new JsonHttp(api.baseUrl, clients + 8), rows: [], profileDir, windows: [] });
    }
    const cast = await castTokens();
    for (const side of sides) await registerAuditor(side.http, cast);
    const run = Date.now().toString(36);
    for (let turn = 1; turn <= turns; turn++) {
      for (const side of sides) {
        const walks: Array<CentreWalk | undefined> = [];
        let n = 0;
        const cpu = cpuWindow({ api: side.api.child.pid });
        const fromUs = monotonicMicros();
        const result = await closedLoop({
          label: `${side.name} turn ${turn}`,
          workers: clients,
          durationMs: seconds * 1000,
          unit: 'commands',
          op: async (w) => {
            let walk = walks[w];
            if (!walk || walk.done) walk = walks[w] = new CentreWalk(side.http, cast, `ab${run}-${side.name.toLowerCase()}-${turn}-${w}-${n++}`);
            try {
              await walk.next();
            } catch (error) {
              walks[w] = undefined;
              throw error;
            }
          },
        });
        // Commands that finished after the window still used CPU in it: count every one started.
        const split = cpu.stop();
        if (turn > 1) side.windows.push({ fromUs, toUs: monotonicMicros(), commands: result.ops });
        const msPerCmd = (split.seconds.api! * 1000) / Math.max(1, result.ops);
        side.rows.push({ cmdPerSec: result.opsPerSec, msPerCmd });
        const rss = memoryOf(side.api.child.pid);
        process.stdout.write(`${side.name} turn ${turn}: ${result.opsPerSec.toFixed(0)} cmd/s, API CPU ${msPerCmd.toFixed(2)} ms/cmd, errors ${result.errors}${result.errors ? ` (first: ${String((result.firstError as Error)?.message ?? result.firstError).slice(0, 300)})` : ''}, RSS ${rss?.rssMb.toFixed(0)} MB (peak ${rss?.peakMb.toFixed(0)}), machine other ${(split.seconds.other! / split.wallSeconds).toFixed(2)} cores\n`);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    for (const side of sides) {
      process.stdout.write(`${side.name}: median ${median(side.rows.map((r) => r.cmdPerSec)).toFixed(0)} cmd/s, median API CPU ${median(side.rows.map((r) => r.msPerCmd)).toFixed(2)} ms/cmd\n`);
    }
    // e.g. AB_NODE_ARGS_A=--trace-gc: the API's last lines show its heap after the last collections.
    if (process.env.AB_SHOW_OUTPUT) for (const side of sides) process.stdout.write(`${side.name} output:\n${side.api.child.output().slice(-Number(process.env.AB_SHOW_OUTPUT)).join('\n')}\n`);
  } finally {
    for (const side of sides) {
      side.http.close();
      await side.api.child.stop();
    }
    await db.stop();
  }
  if (!profile) return;
  const splits = sides.map((side) => {
    const whole = readProfile(side.profileDir!);
    const parts = side.windows.map((w) => splitProfile(whole, w));
    const commands = side.windows.reduce((a, w) => a + w.commands, 0);
    return { side, parts, commands };
  });
  const busy = (parts: ProfileSplit[]) => parts.reduce((a, p) => a + p.busyMs, 0);
  const bucketMs = (parts: ProfileSplit[], i: number) => parts.reduce((a, p) => a + p.buckets[i]!.ms, 0);
  process.stdout.write(`\n| Bucket | ${splits.map((s) => `${s.side.name}: share | ${s.side.name}: µs/cmd`).join(' | ')} |\n| --- |${splits.map(() => ' ---: | ---: |').join('')}\n`);
  for (let i = 0; i < splits[0]!.parts[0]!.buckets.length; i++) {
    const name = splits[0]!.parts[0]!.buckets[i]!.bucket;
    process.stdout.write(`| ${name} | ${splits.map((s) => `${((bucketMs(s.parts, i) / busy(s.parts)) * 100).toFixed(1)} % | ${((bucketMs(s.parts, i) * 1000) / Math.max(1, s.commands)).toFixed(0)}`).join(' | ')} |\n`);
  }
  process.stdout.write(`| busy, total | ${splits.map((s) => `100 % | ${((busy(s.parts) * 1000) / Math.max(1, s.commands)).toFixed(0)}`).join(' | ')} |\n`);
  for (const s of splits) {
    const top = new Map<string, number>();
    for (const part of s.parts) for (const f of part.top) top.set(`${f.fn} ${f.where} [${f.bucket}]`, (top.get(`${f.fn} ${f.where} [${f.bucket}]`) ?? 0) + f.ms);
    process.stdout.write(`\n${s.side.name} heaviest (µs/cmd): ${[...top].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${k} ${((v * 1000) / Math.max(1, s.commands)).toFixed(0)}`).join('; ')}\n`);
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    process.stderr.write(`${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
