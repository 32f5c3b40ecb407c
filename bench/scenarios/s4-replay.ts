import { Client } from 'pg';
import { centreDecider } from '../../libs/domain/src';
import { PostgresEventStore } from '../../libs/event-store/src/postgres/postgres-event-store';
import { AuditTrailReplay } from '../../libs/application/src/replay/audit-trail.replay';
import { readStoredEvent } from '../../libs/application/src/runner/create-decider-runner';
import { foldStream } from '../../libs/application/src/runner/stream-folding';
import { systemClock } from '../../libs/application/src/ports/clock';
import type { EventToAppend } from '../../libs/event-store/src/event-store.port';
import { median, nowMs } from '../support/stats';
import { progress } from '../support/report';
import type { BenchContext } from '../support/context';

export const TRAIL_CENTRE = 'trail-10k';

export interface ReplayFigures {
  rawMs: number;
  readMs: number;
  replayMs: number;
}

/**
 * S4: a 10,000-event trail, written through the store, then read back warm many times by:
 * raw SQL through `pg` (the denominator), the store's readStream, readStream + upcast + fold with
 * the domain's evolve (the replay), and the full compliance replay (AuditTrailReplay: trail
 * entries, time travel, hash-chain verification). Rounds interleave the four to share the noise.
 */
export async function s4Replay(ctx: BenchContext, engineUrl: string, trail: EventToAppend[]): Promise<ReplayFigures> {
  const { opts, report } = ctx;
  const store = await PostgresEventStore.connect({ connectionString: engineUrl, poolSize: 4 });
  const streamId = `centre-${TRAIL_CENTRE}`;
  const raw = new Client({ connectionString: engineUrl });
  await raw.connect();
  try {
    for (let i = 0; i < trail.length; i += 1000) {
      await store.appendToStream(streamId, trail.slice(i, i + 1000), i === 0 ? 'no_stream' : i - 1);
    }
    const replay = new AuditTrailReplay(store, readStoredEvent, systemClock);
    const rounds = opts.quick ? 8 : 30;
    const rawTimes: number[] = [];
    const readTimes: number[] = [];
    const foldTimes: number[] = [];
    const fullTimes: number[] = [];
    let rawCold = NaN;
    const p = progress('S4 replay rounds', 'rounds');
    for (let r = 0; r <= rounds; r++) {
      let t0 = nowMs();
      const rows = (await raw.query('SELECT position, stream_id, revision, event_id, type, data, metadata, recorded_at FROM events WHERE stream_id = $1 ORDER BY revision', [streamId])).rows;
      const rawMs = nowMs() - t0;
      if (rows.length !== trail.length) throw new Error(`raw read returned ${rows.length} rows`);
      t0 = nowMs();
      const read = await store.readStream(streamId);
      const readMs = nowMs() - t0;
      t0 = nowMs();
      const stored = await store.readStream(streamId);
      const state = foldStream(centreDecider, stored, readStoredEvent);
      const foldMs = nowMs() - t0;
      if (read.length !== trail.length || state.status === 'Unregistered') throw new Error('replay did not fold the trail');
      t0 = nowMs();
      const dossier = await replay.replay(TRAIL_CENTRE, { kind: 'latest' });
      const fullMs = nowMs() - t0;
      if (!dossier.integrity.intact) throw new Error(`trail integrity: ${JSON.stringify(dossier.integrity).slice(0, 200)}`);
      if (r === 0) rawCold = rawMs; // first round warms caches (and JIT): not counted
      else {
        rawTimes.push(rawMs);
        readTimes.push(readMs);
        foldTimes.push(foldMs);
        fullTimes.push(fullMs);
      }
      p.set(r);
    }
    p.stop();
    const rawMs = median(rawTimes);
    const readMs = median(readTimes);
    const replayMs = median(foldTimes);
    const fullMs = median(fullTimes);
    const n = trail.length.toLocaleString('en-US');
    report.figure('calibration', 'raw.stream10k', `raw read of one ${n}-row stream (pg, warm median)`, rawMs, 'ms', `first read ${rawCold.toFixed(1)} ms; ${Math.round(trail.length / (rawMs / 1000)).toLocaleString('en-US')} rows/s`);
    report.figure('S4', 's4.read', `engine readStream, ${n} events (median)`, readMs, 'ms');
    report.figure('S4', 's4.replay', `engine replay: read + upcast + fold (median)`, replayMs, 'ms', `${Math.round(trail.length / (replayMs / 1000)).toLocaleString('en-US')} ev/s`);
    report.figure('S4', 's4.full', `AuditTrailReplay (+ trail, time travel, hash chain)`, fullMs, 'ms');
    return { rawMs, readMs, replayMs };
  } finally {
    await raw.end();
    await store.close();
  }
}
