import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { withClient } from '../support/database';
import { copyField } from '../support/payloads';
import type { PopulationChunks } from '../support/population';
import { progress } from '../support/report';
import { nowMs } from '../support/stats';
import type { BenchContext } from '../support/context';
import { RAW_COLUMNS, recreateRawTable } from './raw-schema';

/**
 * COPY text of the first `rows` events of the historical population (the very events S6 imports
 * and S5 rebuilds from), pre-encoded so that only the COPY itself is timed.
 */
export function encodeCopyChunks(population: PopulationChunks, rows: number): { chunks: string[]; rows: number } {
  const chunks: string[] = [];
  let done = 0;
  for (let k = 0; done < rows; k++) {
    let text = '';
    for (const s of population.chunk(k)) {
      const stream = copyField(s.streamId);
      s.events.forEach((e, revision) => {
        text += `${stream}\t${revision}\t${e.id}\t${copyField(e.type)}\t${copyField(JSON.stringify(e.data))}\t${copyField(JSON.stringify(e.metadata ?? {}))}\n`;
      });
      done += s.events.length;
    }
    chunks.push(text);
  }
  return { chunks, rows: done };
}

/** COPY of ~N rows into the raw table (one COPY statement, one transaction) → C, rows/s. */
export async function rawCopy(ctx: BenchContext, population: PopulationChunks): Promise<void> {
  const { opts, report } = ctx;
  const { chunks, rows } = encodeCopyChunks(population, opts.copyRows);
  const perChunk = Math.ceil(rows / chunks.length);
  await withClient(ctx.rawUrl, async (client) => {
    await recreateRawTable(client, 'raw_copy');
    const p = progress(`raw COPY ${rows.toLocaleString('en-US')} rows`, 'rows');
    let sent = 0;
    const source = Readable.from(
      (function* () {
        for (const c of chunks) {
          sent += perChunk;
          p.set(Math.min(sent, rows));
          yield c;
        }
      })(),
    );
    const t0 = nowMs();
    await pipeline(source, client.query(copyFrom(`COPY raw_copy (${RAW_COLUMNS}) FROM STDIN`)));
    const seconds = (nowMs() - t0) / 1000;
    p.stop();
    report.figure('calibration', 'raw.copy', `raw COPY ${rows.toLocaleString('en-US')} rows`, rows / seconds, 'rows/s', `${seconds.toFixed(2)} s`);
    await client.query('VACUUM ANALYZE raw_copy');
  });
}

/** Raw ordered read of every row of raw_copy in keyset pages (what a rebuild's reader does) → S. */
export async function rawOrderedRead(ctx: BenchContext, pageSize = 5000): Promise<void> {
  const { report } = ctx;
  await withClient(ctx.rawUrl, async (client) => {
    const p = progress('raw ordered read', 'rows');
    const t0 = nowMs();
    let after = 0;
    let total = 0;
    for (;;) {
      const { rows } = await client.query<{ id: string }>(
        'SELECT id, stream_id, revision, event_id, type, data, metadata, recorded_at FROM raw_copy WHERE id > $1 ORDER BY id LIMIT $2',
        [after, pageSize],
      );
      if (rows.length === 0) break;
      total += rows.length;
      after = Number(rows[rows.length - 1]!.id);
      p.set(total);
    }
    const seconds = (nowMs() - t0) / 1000;
    p.stop();
    report.figure('calibration', 'raw.scan', `raw ordered read of ${total.toLocaleString('en-US')} rows (pages of ${pageSize})`, total / seconds, 'rows/s', `${seconds.toFixed(2)} s`);
  });
}
