/**
 * Appends in turns: raw INSERT, the store with its NOTIFY hint, the store without it (notify: false),
 * same server, same payloads as S1. Usage: append-speed.ts <clients> <seconds per turn> <rounds> [variants].
 * For before/after comparisons of the append path on a noisy machine (ratios within a round).
 */
import { startBenchDatabase, freshDatabase, pool, warmPool } from '../support/database';
import { closedLoop } from '../support/load';
import { sampleEvent } from '../support/payloads';
import { RAW_COLUMNS, recreateRawTable } from '../calibration/raw-schema';
import { PostgresEventStore } from '../../libs/event-store/src/postgres/postgres-event-store';
import { Client } from 'pg';
import { postgresCpuSeconds } from '../support/postgres-cpu';

const C = Number(process.argv[2] ?? 1);
const SEC = Number(process.argv[3] ?? 2);
const ROUNDS = Number(process.argv[4] ?? 3);
const variants = (process.argv[5] ?? 'raw,notify,nonotify').split(',');

async function main() {
  const db = await startBenchDatabase();
  try {
    const rawUrl = await freshDatabase(db.adminUrl, 'x_raw');
    const engUrl = await freshDatabase(db.adminUrl, 'x_eng');
    const c0 = new Client({ connectionString: rawUrl }); await c0.connect(); await recreateRawTable(c0, 'raw_events'); await c0.end();
    const INSERT_ONE = `INSERT INTO raw_events (${RAW_COLUMNS}) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)`;
    const res: Record<string, number[]> = {};
    let run = 0;
    for (let r = 0; r < ROUNDS; r++) {
      for (const v of variants) {
        run++;
        let out;
        const cpu0 = process.cpuUsage();
        const pg0 = postgresCpuSeconds();
        if (v === 'raw') {
          const p = pool(rawUrl, C); await warmPool(p, C);
          const seq = Array.from({ length: C }, () => 0);
          out = await closedLoop({ label: v, workers: C, durationMs: SEC * 1000, warmupMs: 300, op: async (w) => {
            const i = seq[w]!++; const e = sampleEvent(`raw-${run}-${w}`, i);
            await p.query(INSERT_ONE, [`raw-${run}-${w}`, i, e.id, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata)]);
          } });
          await p.end();
        } else {
          const store = await PostgresEventStore.connect({ connectionString: engUrl, poolSize: C + 1, notify: v !== 'nonotify' });
          await warmPool(store.pool, C + 1);
          const st = Array.from({ length: C }, () => ({ s: 0, rev: -1 }));
          out = await closedLoop({ label: v, workers: C, durationMs: SEC * 1000, warmupMs: 300, op: async (w) => {
            const s = st[w]!; if (s.rev + 1 >= 500) { s.s++; s.rev = -1; }
            const id = `centre-x-${run}-${w}-${s.s}`;
            const r2 = await store.appendToStream(id, [sampleEvent(id, s.rev + 1)], s.rev < 0 ? 'no_stream' : s.rev);
            s.rev = r2.nextExpectedRevision;
          } });
          await store.close();
        }
        (res[v] ??= []).push(out.unitsPerSec);
        const cpu = process.cpuUsage(cpu0);
        const units = out.unitsPerSec * (SEC + 0.3);
        process.stderr.write(`\n${v}: ${out.unitsPerSec.toFixed(0)}/s; CPU per append (incl. warm-up, set-up): node ${((cpu.user + cpu.system) / units).toFixed(0)} µs, PostgreSQL ${(((postgresCpuSeconds() - pg0) * 1e6) / units).toFixed(0)} µs\n`);
      }
    }
    for (const [v, xs] of Object.entries(res)) console.log(v, xs.map((x) => x.toFixed(0)).join(' '), 'ratio-to-raw', res.raw ? xs.map((x, i) => (x / res.raw![i]!).toFixed(2)).join(' ') : '');
  } finally { await db.stop(); }
}
void main();
