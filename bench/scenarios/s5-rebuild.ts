import { sampleMemory, startNodeChild } from '../support/child-process';
import { progress } from '../support/report';
import type { BenchContext } from '../support/context';

export interface RebuildFigures {
  eventsPerSec: number;
  events: number;
  peakRssMb: number;
}

/** S5: rebuild one projection from position 0 over the imported history, in a child process. */
export async function s5Rebuild(ctx: BenchContext, historyUrl: string, projection: 'centre_status' | 'centre_history', batchSize?: number): Promise<RebuildFigures> {
  const { report } = ctx;
  const child = startNodeChild('bench/support/rebuild-child.ts', [historyUrl, projection, ...(batchSize ? [String(batchSize)] : [])], {}, (process.env.BENCH_REBUILD_NODE_ARGS ?? '').split(' ').filter(Boolean));
  const memory = sampleMemory(child.pid, 100);
  const p = progress(`S5 rebuild ${projection}`, 'events');
  const timer = setInterval(() => {
    const last = child.output().filter((l) => l.startsWith('progress ')).pop();
    if (last) p.set(Number(last.split(' ')[1]));
  }, 500);
  try {
    const line = await child.waitFor(/^result /, 30 * 60_000);
    const result = JSON.parse(line.slice('result '.length)) as { events: number; millis: number; maxRssMb: number };
    const sampled = memory.stop();
    const peakRssMb = Math.max(result.maxRssMb, sampled.peakMb);
    const eventsPerSec = result.events / (result.millis / 1000);
    const short = projection === 'centre_status' ? 'status' : 'history';
    report.figure('S5', `s5.${short}`, `rebuild ${projection}${batchSize ? ` (batches of ${batchSize})` : ''}`, eventsPerSec, 'ev/s', `${result.events.toLocaleString('en-US')} events in ${(result.millis / 1000).toFixed(2)} s`);
    report.figure('S5', `s5.${short}.rss`, `rebuild ${projection}: peak RSS of the process`, peakRssMb, 'MB');
    return { eventsPerSec, events: result.events, peakRssMb };
  } finally {
    clearInterval(timer);
    p.stop();
    memory.stop();
    await child.stop();
  }
}
