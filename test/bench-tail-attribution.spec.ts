import { type LevelSample, attributeTail } from '../bench/support/tail-attribution';
import { checkpointsBetween, onPostgresLog } from '../bench/support/pg-activity';

// S3's attribution of slow requests (bench/support/tail-attribution.ts): pure, on synthetic times.
const T = 1_000_000;
const sample = (id: number, due: number, latency: number, late = 0): LevelSample => ({ id: `x:${id}`, level: '80%', due, sent: due + late, done: due + latency, latency });
const none = { stalls: [], gcs: [], checkpoints: [], requests: new Map(), activity: [] };

describe('S3 tail attribution', () => {
  const ordinary = Array.from({ length: 98 }, (_, i) => sample(i, T + i * 100, 10));
  const p50 = new Map([['80%', 10]]);
  const p99 = new Map([['80%', 200]]);

  it('charges a request sent late to the generator, not to the engine', () => {
    const a = attributeTail([...ordinary, sample(98, T + 20_000, 210, 150), sample(99, T + 30_000, 200)], p50, p99, none);
    expect(a.tailCount).toBe(2);
    expect(a.rows.find((r) => r.source === 'generator')).toMatchObject({ tail: 1, primary: 1, all: 1 });
    expect(a.rows.find((r) => r.source === 'none')).toMatchObject({ tail: 1, primary: 1 });
  });

  it('splits a loop stall into GC, waiting for a core and own work', () => {
    const slow = [sample(98, T + 20_000, 210), sample(99, T + 30_000, 200), sample(100, T + 40_000, 205)];
    const a = attributeTail([...ordinary, ...slow], p50, p99, {
      ...none,
      gcs: [{ start: T + 20_050, dur: 120, kind: 1 }],
      // Each stall: the loop blocked for `dur` ms, the thread running `run` and runnable-but-waiting `wait` of it.
      stalls: [
        { end: T + 20_170, dur: 120, run: 115, wait: 5 },
        { end: T + 30_150, dur: 150, run: 10, wait: 140 },
        { end: T + 40_150, dur: 150, run: 148, wait: 2 },
      ],
    });
    const primary = Object.fromEntries(a.rows.map((r) => [r.source, r.primary]));
    expect(primary).toMatchObject({ gc: 1, wait: 1, busy: 1, none: 0 });
  });

  it('counts a timed checkpoint only in its fsync phase', () => {
    onPostgresLog('2030-01-01 00:00:00.000 UTC [42] LOG:  checkpoint starting: time');
    onPostgresLog('2030-01-01 00:04:30.000 UTC [42] LOG:  checkpoint complete: wrote 1768 buffers (1.3%); 0 WAL file(s) added, 0 removed, 0 recycled; write=269.000 s, sync=1.000 s, total=270.000 s');
    const end = Date.parse('2030-01-01T00:04:30.000Z');
    const [cp] = checkpointsBetween(end - 1, end);
    expect(cp).toMatchObject({ reason: 'time', buffers: 1768, writeS: 269, syncS: 1, end });
    const during = [sample(1, end - 200_000, 300), sample(2, end - 1_200, 300)];
    const a = attributeTail([...ordinary, ...during], p50, new Map([['80%', 300]]), { ...none, checkpoints: [cp!] });
    expect(a.rows.find((r) => r.source === 'checkpoint')).toMatchObject({ tail: 1, primary: 1 });
  });
});
