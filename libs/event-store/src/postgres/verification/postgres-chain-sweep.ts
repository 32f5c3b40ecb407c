import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Pool } from 'pg';
import { checkAgainstAnchor } from '../../envelope/integrity-chain';
import type { ChainSweepOptions, ChainSweepResult } from '../../envelope/chain-sweep';
import { splitStreams } from './stream-range-read';
import type { SweepWorkerData, SweepWorkerMessage } from './chain-sweep.worker';

/**
 * The worker's entry: compiled JavaScript next to this file (dist), or the TypeScript source,
 * compiled on load by @swc/core alone (npm run verify, tests, benchmarks run from source):
 * @swc-node/register would load the TypeScript compiler into every worker, ~0.3 s of CPU each,
 * so its preload (`-r @swc-node/register`, which workers inherit) is left out of their options.
 */
function startWorker(workerData: SweepWorkerData): Worker {
  const entry = `${__dirname}/chain-sweep.worker${__filename.endsWith('.ts') ? '.ts' : '.js'}`;
  if (entry.endsWith('.js')) return new Worker(entry, { workerData });
  const swc = JSON.stringify(require.resolve('@swc/core'));
  const loader = `
    const { readFileSync } = require('node:fs');
    const { transformSync } = require(${swc});
    const options = { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' }, sourceMaps: 'inline' };
    require.extensions['.ts'] = (module, file) => module._compile(transformSync(readFileSync(file, 'utf8'), { ...options, filename: file }).code, file);
    require(${JSON.stringify(entry)});`;
  return new Worker(loader, { eval: true, workerData, execArgv: withoutPreload(process.execArgv, '@swc-node/register') });
}

function withoutPreload(execArgv: readonly string[], module: string): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    if ((execArgv[i] === '-r' || execArgv[i] === '--require') && execArgv[i + 1] === module) i++;
    else if (execArgv[i] !== `--require=${module}` && execArgv[i] !== `-r=${module}`) kept.push(execArgv[i]);
  }
  return kept;
}

/**
 * Verifies every chain of the store in worker threads: the streams split into ranges of about
 * equal events, each worker reads and folds its range on its own connection (see
 * chain-sweep.worker.ts), and this thread sums their progress and merges their breaks. A signed
 * stream that no worker saw is gone: reported as deleted here.
 */
export async function sweepChainsInWorkers(pool: Pool, connectionString: string, options: ChainSweepOptions & { pageSize?: number }): Promise<ChainSweepResult> {
  // Everything below es_horizon() is committed (or gone): a follower of $all resumes there.
  const below = options.withHeads ? (await pool.query<{ horizon: string }>('SELECT es_horizon()::text AS horizon')).rows[0].horizon : undefined;
  const ranges = await splitStreams(pool, Math.max(1, options.workers ?? availableParallelism()));
  const anchors = [...options.anchors];
  const era = options.oldFormatEra;
  const oldFormatEra = era && { digestSequence: era.digestSequence, heads: [...era.heads] };
  let done = 0;
  const workers: Worker[] = [];
  const results = await Promise.all(
    ranges.map(
      (range) =>
        new Promise<Extract<SweepWorkerMessage, { kind: 'done' }>>((resolve, reject) => {
          const worker = startWorker({ connectionString, range, sealKey: options.sealKey, anchors, oldFormatEra, pageSize: options.pageSize ?? 5000, below });
          workers.push(worker);
          let result: Extract<SweepWorkerMessage, { kind: 'done' }> | undefined;
          worker.on('message', (message: SweepWorkerMessage) => {
            if (message.kind === 'progress') options.onProgress?.((done += message.events));
            else result = message;
          });
          worker.on('error', reject);
          worker.on('exit', (code) => (result ? resolve(result) : reject(new Error(`verification worker exited with code ${code} before its result`))));
        }),
    ),
  ).catch(async (error: unknown) => {
    // One worker failed (connection lost...): the verification has no answer; stop the others.
    await Promise.all(workers.map((w) => w.terminate()));
    throw error;
  });
  const broken = new Map(results.flatMap((r) => r.broken));
  const seen = new Set(results.flatMap((r) => r.seenSigned));
  let deleted = 0;
  for (const [streamId, anchored] of options.anchors) {
    if (seen.has(streamId)) continue;
    broken.set(streamId, checkAgainstAnchor(undefined, anchored, options.sealKey)!);
    deleted++;
  }
  // A deleted stream counts as a stream checked (as in the fold over $all): it is one of the broken.
  const events = results.reduce((n, r) => n + r.events, 0);
  const streams = results.reduce((n, r) => n + r.streams, 0) + deleted;
  if (below === undefined) return { events, streams, broken };
  return { events, streams, broken, heads: new Map(results.flatMap((r) => r.heads ?? [])), sweptBelow: BigInt(below) };
}
