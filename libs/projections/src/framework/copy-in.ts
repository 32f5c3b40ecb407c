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
