import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import type { ProjectionTx } from './projection';

/** Streams pre-encoded COPY text rows into a table: the cheapest way to append many rows. */
export async function copyRows(tx: ProjectionTx, table: string, columns: readonly string[], text: string): Promise<void> {
  if (!text) return;
  const stream = tx.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from([text]), stream);
}

/**
 * Many rows in COPY statements of `rowsPerCopy` rows each: every statement stays short (the
 * statement timeout applies to each), and the next chunk is encoded while PostgreSQL takes the
 * previous one.
 */
export async function copyLines(tx: ProjectionTx, table: string, columns: readonly string[], lines: Iterable<string>, rowsPerCopy = 2_000): Promise<void> {
  let pending: Promise<void> = Promise.resolve();
  let text = '';
  let rows = 0;
  for (const line of lines) {
    text += line;
    if (++rows < rowsPerCopy) continue;
    await pending;
    pending = copyRows(tx, table, columns, text);
    pending.catch(() => undefined); // awaited below
    text = '';
    rows = 0;
  }
  await pending;
  await copyRows(tx, table, columns, text);
}
