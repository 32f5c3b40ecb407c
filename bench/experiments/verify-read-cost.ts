/**
 * What the store verification's read costs per event, on each side (Node CPU of this process and
 * CPU of the PostgreSQL backend serving it, from /proc), for ways of reading the chain's columns:
 * CPU figures are what a loaded machine disturbs least.
 *
 *   node -r @swc-node/register bench/experiments/verify-read-cost.ts [events=100000]
 */
import { Client } from 'pg';
import type { ChainedEvent } from '../../libs/event-store/src/envelope/integrity-chain';
import { ChainFolder } from '../../libs/event-store/src/envelope/chain-folder';
import type { StoredChainRow } from '../../libs/event-store/src/envelope/stored-link';
import { PostgresEventStore } from '../../libs/event-store/src/postgres/postgres-event-store';
import { readRangePage } from '../../libs/event-store/src/postgres/verification/stream-range-read';
import { freshDatabase, startBenchDatabase } from '../support/database';
import { seedSealedPopulation } from '../support/sealed-population';
import { randomBytes } from 'node:crypto';
import { cpuSecondsOf } from '../support/child-process';

const procCpuMicros = (pid: number): number => cpuSecondsOf(pid) * 1e6;

type Ev = (ChainedEvent & { streamId: string }) | StoredChainRow;

async function main(): Promise<void> {
  const target = Number(process.argv[2] ?? 100_000);
  const db = await startBenchDatabase();
  try {
    const url = await freshDatabase(db.adminUrl, 'verify_cost');
    const store = await PostgresEventStore.connect({ connectionString: url, poolSize: 2, statementTimeoutMs: 0 });
    const sealKey = randomBytes(32);
    await seedSealedPopulation(store.pool, target, sealKey);
    await store.close();
    const client = new Client({ connectionString: url });
    await client.connect();
    const backend = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;

    const variants: Array<[string, (sink: (e: Ev) => void) => Promise<number>]> = [
      ['keyset (stream_id, revision), array rows', async (sink) => {
        let n = 0; let after: { streamId: string; revision: number } | null = null;
        for (;;) { const page = await readRangePage(client, { lower: null, upper: null }, after, 5000); if (!page.length) break; for (const e of page) sink(e); n += page.length; const l = page[page.length - 1]; after = { streamId: l.streamId, revision: l.revision }; }
        return n;
      }],
      ['keyset position, array rows', async (sink) => {
        let n = 0; let after = '0';
        for (;;) {
          const { rows } = await client.query<any[]>({ text: 'SELECT position, stream_id, revision, event_id, type, data, metadata FROM events WHERE position > $1 ORDER BY position LIMIT 5000', values: [after], rowMode: 'array' });
          if (!rows.length) break;
          for (const r of rows) sink({ streamId: r[1], revision: r[2], id: r[3], type: r[4], data: r[5], metadata: r[6] });
          n += rows.length; after = rows[rows.length - 1][0];
        }
        return n;
      }],
      ['keyset position, one json_agg text per page', async (sink) => {
        let n = 0; let after = '0';
        for (;;) {
          const { rows } = await client.query<any[]>({ text: `SELECT max(position)::text, json_agg(json_build_array(stream_id, revision, event_id, type, data, metadata) ORDER BY position)::text FROM (SELECT * FROM events WHERE position > $1 ORDER BY position LIMIT 5000) page`, values: [after], rowMode: 'array', types: { getTypeParser: () => (v: string) => v } as never });
          if (!rows[0][1]) break;
          const page = JSON.parse(rows[0][1]) as any[][];
          for (const r of page) sink({ streamId: r[0], revision: r[1], id: r[2], type: r[3], data: r[4], metadata: r[5] });
          n += page.length; after = rows[0][0];
        }
        return n;
      }],
    ];
    for (const check of [false, true]) {
      for (const [name, run] of variants) {
        for (let round = 0; round < 2; round++) {
          const folder = new ChainFolder({ sealKey });
          const sink = check ? (e: Ev) => void folder.add(e) : () => undefined;
          const c0 = process.cpuUsage(); const p0 = procCpuMicros(backend); const t0 = performance.now();
          const n = await run(sink);
          const wall = performance.now() - t0; const c = process.cpuUsage(c0); const pg = procCpuMicros(backend) - p0;
          if (check && folder.broken.size) throw new Error(`${name}: ${folder.broken.size} broken`);
          if (round === 1) console.log(`${check ? 'read+check' : 'read only '} | ${name.padEnd(45)} | ${n} ev | node ${((c.user + c.system) / n).toFixed(1)} µs/ev | pg ${(pg / n).toFixed(1)} µs/ev | wall ${((wall * 1000) / n).toFixed(1)} µs/ev`);
        }
      }
    }
    await client.end();
  } finally {
    await db.stop();
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
