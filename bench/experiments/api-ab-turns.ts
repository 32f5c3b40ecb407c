/**
 * Two builds of the admin API compared in turns, in one run, on one PostgreSQL: S2's lifecycle walk
 * (closed loop over HTTP) against build A, then B, then A… Each turn reports commands/s and the
 * API process's CPU per command (utime + stime from /proc), which a loaded machine disturbs far less
 * than throughput. Each build gets its own database and data folder.
 *
 *   node -r @swc-node/register bench/experiments/api-ab-turns.ts <dirA> <dirB> [turns=3] [seconds=8] [clients=64]
 *
 * <dir> is a checkout whose dist/ holds a build (`node tools/build.js` in it). Extra Node flags for
 * a side: AB_NODE_ARGS_A / AB_NODE_ARGS_B (e.g. "--max-semi-space-size=8").
 */
import 'reflect-metadata';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findFreePort } from '../../libs/event-store/src/postgres/embedded-postgres';
import { BENCH_JWT_SECRET } from '../support/api-process';
import { type NodeChild, cpuWindow, memoryOf, startNodeChild } from '../support/child-process';
import { freshDatabase, startBenchDatabase } from '../support/database';
import { JsonHttp } from '../support/http-client';
import { CentreWalk, castTokens, registerAuditor } from '../support/lifecycle';
import { closedLoop } from '../support/load';

async function startApi(dir: string, databaseUrl: string, nodeArgs: string[]): Promise<{ child: NodeChild; baseUrl: string }> {
  const port = await findFreePort();
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const v8 = pkg.scripts.start.split(/\s+/).filter((arg) => /^--max-(semi|old)-space-size=\d+$/.test(arg));
  const child = startNodeChild(join(dir, 'dist/apps/admin-api/src/main.js'), [], {
    DATABASE_URL: databaseUrl,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'ab-data-')),
    PORT: String(port),
    HOST: '127.0.0.1',
    RATE_LIMIT_MAX: '0',
    LOG_LEVEL: 'warn',
    RUN_PROJECTOR: 'false',
    JWT_SECRET: BENCH_JWT_SECRET,
    NODE_ENV: 'production',
  }, [...v8, ...nodeArgs]);
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
  const sides: Array<{ name: string; api: { child: NodeChild; baseUrl: string }; http: JsonHttp; rows: Array<{ cmdPerSec: number; msPerCmd: number }> }> = [];
  try {
    for (const [name, dir] of [['A', dirA], ['B', dirB]] as const) {
      const url = await freshDatabase(db.adminUrl, `ab_${name.toLowerCase()}`);
      const api = await startApi(resolve(dir), url, (process.env[`AB_NODE_ARGS_${name}`] ?? '').split(' ').filter(Boolean));
      sides.push({ name, api, http: new JsonHttp(api.baseUrl, clients + 8), rows: [] });
    }
    const cast = await castTokens();
    for (const side of sides) await registerAuditor(side.http, cast);
    const run = Date.now().toString(36);
    for (let turn = 1; turn <= turns; turn++) {
      for (const side of sides) {
        const walks: Array<CentreWalk | undefined> = [];
        let n = 0;
        const cpu = cpuWindow({ api: side.api.child.pid });
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
  } finally {
    for (const side of sides) {
      side.http.close();
      await side.api.child.stop();
    }
    await db.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    process.stderr.write(`${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
