import { type LoadResult, closedLoop } from '../support/load';
import { pool, warmPool, withClient } from '../support/database';
import { sampleEvent } from '../support/payloads';
import { type BenchContext, ms } from '../support/context';
import { RAW_COLUMNS, recreateRawTable } from './raw-schema';

const INSERT_ONE = `INSERT INTO raw_events (${RAW_COLUMNS}) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)`;

export async function prepareRawEvents(ctx: BenchContext): Promise<void> {
  await withClient(ctx.rawUrl, (c) => recreateRawTable(c, 'raw_events'));
}

/** Raw single-row INSERT through `pg` (autocommit: one durable transaction per row) at c clients. */
export async function rawInsertRun(ctx: BenchContext, concurrency: number, seconds: number): Promise<LoadResult> {
  const { opts, report } = ctx;
  const p = pool(ctx.rawUrl, concurrency);
  await warmPool(p, concurrency);
  const tag = Math.random().toString(36).slice(2, 8);
  const seq = Array.from({ length: concurrency }, () => 0);
  try {
    const result = await closedLoop({
      label: `raw INSERT c=${concurrency}`,
      workers: concurrency,
      durationMs: ms(seconds),
      warmupMs: ms(opts.warmupSeconds),
      unit: 'rows',
      op: async (w) => {
        const i = seq[w]!++;
        const e = sampleEvent(`raw-${tag}-${w}`, i);
        await p.query(INSERT_ONE, [`raw-${tag}-${w}`, i, e.id, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata)]);
      },
    });
    if (result.errors) report.note(`raw INSERT c=${concurrency}: ${result.errors} errors (${String(result.firstError)})`);
    return result;
  } finally {
    await p.end();
  }
}

/** Raw 10-row transactions: one multi-row INSERT (one round trip, one commit) per transaction. */
export async function rawBatchRun(ctx: BenchContext, concurrency: number, seconds: number, rowsPerTx = 10): Promise<LoadResult> {
  const { opts, report } = ctx;
  const tag = Math.random().toString(36).slice(2, 8);
  const values = Array.from({ length: rowsPerTx }, (_, r) => `($${r * 6 + 1}, $${r * 6 + 2}, $${r * 6 + 3}, $${r * 6 + 4}, $${r * 6 + 5}::jsonb, $${r * 6 + 6}::jsonb)`).join(', ');
  const sql = `INSERT INTO raw_events (${RAW_COLUMNS}) VALUES ${values}`;
  const p = pool(ctx.rawUrl, concurrency);
  await warmPool(p, concurrency);
  const seq = Array.from({ length: concurrency }, () => 0);
  try {
    const result = await closedLoop({
      label: `raw ${rowsPerTx}-row tx c=${concurrency}`,
      workers: concurrency,
      durationMs: ms(seconds),
      warmupMs: ms(opts.warmupSeconds),
      unit: 'rows',
      op: async (w) => {
        const params: unknown[] = [];
        for (let r = 0; r < rowsPerTx; r++) {
          const i = seq[w]!++;
          const e = sampleEvent(`raw-${tag}-${w}`, i);
          params.push(`raw-${tag}-${w}`, i, e.id, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata));
        }
        await p.query(sql, params);
        return rowsPerTx;
      },
    });
    if (result.errors) report.note(`raw batch: ${result.errors} errors (${String(result.firstError)})`);
    return result;
  } finally {
    await p.end();
  }
}
