/**
 * A 10-event append bound as a VALUES list (what the store sends for up to MAX_VALUES_EVENTS
 * events) against the same append bound as four arrays (unnest, what it sends beyond), in turns on
 * one server and one connection: wall time, Node CPU and the serving backend's CPU per event
 * (/proc), the last two being what a loaded machine disturbs least.
 *
 *   node -r @swc-node/register bench/experiments/multi-event-append.ts [appends per turn=2000] [turns=4]
 */
import { Client, Pool } from 'pg';
import { validateAppend } from '../../libs/event-store/src/validation/append-validation';
import { migrate } from '../../libs/event-store/src/postgres/postgres-migrator';
import { MAX_VALUES_EVENTS, appendStatement, appendValues } from '../../libs/event-store/src/postgres/postgres-sql';
import { freshDatabase, startBenchDatabase } from '../support/database';
import { sampleEvent } from '../support/payloads';
import { cpuSecondsOf } from '../support/child-process';

const procCpuMicros = (pid: number): number => cpuSecondsOf(pid) * 1e6;

async function main(): Promise<void> {
  const appends = Number(process.argv[2] ?? 2000);
  const turns = Number(process.argv[3] ?? 4);
  const db = await startBenchDatabase();
  try {
    const url = await freshDatabase(db.adminUrl, 'multi_append');
    const owner = new Pool({ connectionString: url, max: 1 });
    await migrate(owner);
    await owner.end();
    const client = new Client({ connectionString: url });
    await client.connect();
    const backend = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    const forms = {
      'VALUES list': (stream: string, events: ReturnType<typeof validateAppend>) => ({ ...appendStatement('new', 10), values: appendValues(stream, events, undefined) }),
      // The arrays variant's statement, bound as it binds any longer append.
      'four arrays': (stream: string, events: ReturnType<typeof validateAppend>) => ({ ...appendStatement('new', MAX_VALUES_EVENTS + 1), values: [stream, events.map((e) => e.id), events.map((e) => e.type), events.map((e) => e.dataJson), events.map((e) => e.metadataJson)] }),
    };
    let n = 0;
    for (let turn = 0; turn < turns; turn++) {
      for (const [name, form] of Object.entries(forms)) {
        const batches = Array.from({ length: appends }, () => {
          const stream = `multi-${n++}`;
          return { stream, events: validateAppend(stream, Array.from({ length: 10 }, (_, i) => { const e = sampleEvent(stream, i); return { id: e.id, type: e.type, data: e.data, metadata: e.metadata }; }), 'no_stream', 1 << 20) };
        });
        const c0 = process.cpuUsage(); const p0 = procCpuMicros(backend); const t0 = performance.now();
        for (const b of batches) await client.query(form(b.stream, b.events));
        const wall = performance.now() - t0; const c = process.cpuUsage(c0); const pg = procCpuMicros(backend) - p0;
        const events = appends * 10;
        console.log(`turn ${turn + 1} | ${name.padEnd(12)} | wall ${((wall * 1000) / events).toFixed(1)} µs/ev | node ${((c.user + c.system) / events).toFixed(1)} µs/ev | backend ${(pg / events).toFixed(1)} µs/ev`);
      }
    }
    await client.end();
  } finally {
    await db.stop();
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
