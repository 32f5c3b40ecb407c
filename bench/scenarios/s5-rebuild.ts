import { sampleMemory, startNodeChild } from '../support/child-process';
import { fmt, progress } from '../support/report';
import type { BenchContext } from '../support/context';

export interface RebuildFigures {
  eventsPerSec: number;
  events: number;
  peakRssMb: number;
  /** The same rebuild by the path before range reads and in-memory folds, run just before. */
  beforeEventsPerSec: number;
}

type Mode = 'before' | 'after';

/** One rebuild from position 0 in a child process (bench/support/rebuild-child.ts). */
async function runChild(historyUrl: string, projection: string, mode: Mode, batchSize?: number): Promise<{ events: number; millis: number; peakRssMb: number }> {
  const child = startNodeChild('bench/support/rebuild-child.ts', [historyUrl, projection, batchSize ? String(batchSize) : '-', mode], {}, (process.env.BENCH_REBUILD_NODE_ARGS ?? '').split(' ').filter(Boolean));
  const memory = sampleMemory(child.pid, 100);
  const p = progress(`S5 rebuild ${projection} (${mode})`, 'events');
  const timer = setInterval(() => {
    const last = child.output().filter((l) => l.startsWith('progress ')).pop();
    if (last) p.set(Number(last.split(' ')[1]));
  }, 500);
  try {
    const line = await child.waitFor(/^result /, 30 * 60_000);
    const result = JSON.parse(line.slice('result '.length)) as { events: number; millis: number; maxRssMb: number };
    const sampled = memory.stop();
    return { events: result.events, millis: result.millis, peakRssMb: Math.max(result.maxRssMb, sampled.peakMb) };
  } finally {
    clearInterval(timer);
    p.stop();
    memory.stop();
    await child.stop();
  }
}

/**
 * S5: rebuild one projection from position 0 over the imported history, in a child process: first
 * by the path before range reads and in-memory folds ("before"), then as rebuildProjection does it
 * now, back to back on the same database, so the speed-up is a ratio measured in the same run.
 */
export async function s5Rebuild(ctx: BenchContext, historyUrl: string, projection: 'centre_status' | 'centre_history', batchSize?: number): Promise<RebuildFigures> {
  const { report } = ctx;
  const short = projection === 'centre_status' ? 'status' : 'history';
  const batches = batchSize ? ` (batches of ${batchSize})` : '';
  const before = await runChild(historyUrl, projection, 'before', batchSize);
  const after = await runChild(historyUrl, projection, 'after', batchSize);
  const rate = (r: { events: number; millis: number }) => r.events / (r.millis / 1000);
  const detail = (r: { events: number; millis: number }) => `${r.events.toLocaleString('en-US')} events in ${(r.millis / 1000).toFixed(2)} s`;
  report.figure('S5', `s5.${short}.before`, `rebuild ${projection}${batches}, before: readAll pages applied batch by batch`, rate(before), 'ev/s', detail(before));
  report.figure('S5', `s5.${short}`, `rebuild ${projection}${batches}`, rate(after), 'ev/s', detail(after));
  report.ratio('S5', `s5.${short}.speedup`, `rebuild ${projection}: now ÷ before (same run, back to back)`, rate(after) / rate(before), `${fmt(rate(after))} ÷ ${fmt(rate(before))}`);
  report.figure('S5', `s5.${short}.rss`, `rebuild ${projection}: peak RSS of the process`, after.peakRssMb, 'MB');
  return { eventsPerSec: rate(after), events: after.events, peakRssMb: after.peakRssMb, beforeEventsPerSec: rate(before) };
}
