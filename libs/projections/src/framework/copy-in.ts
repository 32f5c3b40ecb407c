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

/** A binary COPY's header (signature, no flags, no extension) and trailer. */
const BINARY_HEADER = Buffer.from('PGCOPY\n\xff\r\n\0\0\0\0\0\0\0\0\0', 'latin1');
const BINARY_TRAILER = Buffer.from([0xff, 0xff]);

/**
 * Rows of (text key, jsonb document) in binary COPY statements of `rowsPerCopy` rows each: the
 * JSON goes as it is (a version byte, then its text), where the text format would escape every
 * backslash on the way out and PostgreSQL scan each line for escapes on the way in.
 */
export async function copyJsonbRows(tx: ProjectionTx, table: string, columns: readonly [string, string], rows: Iterable<readonly [string, string]>, rowsPerCopy = 2_000): Promise<void> {
  const statement = `COPY ${table} (${columns.join(', ')}) FROM STDIN (FORMAT binary)`;
  const send = async (chunk: Array<readonly [string, string]>) => {
    let size = BINARY_HEADER.length + BINARY_TRAILER.length;
    for (const [key, json] of chunk) size += 2 + 4 + Buffer.byteLength(key) + 4 + 1 + Buffer.byteLength(json);
    const buf = Buffer.allocUnsafe(size);
    let o = BINARY_HEADER.copy(buf, 0);
    for (const [key, json] of chunk) {
      o = buf.writeInt16BE(2, o);
      const keyBytes = buf.write(key, o + 4);
      o = buf.writeInt32BE(keyBytes, o) + keyBytes;
      const jsonBytes = buf.write(json, o + 5);
      o = buf.writeInt32BE(jsonBytes + 1, o);
      o = buf.writeUInt8(1, o) + jsonBytes; // jsonb's binary format version
    }
    BINARY_TRAILER.copy(buf, o);
    await pipeline(Readable.from([buf]), tx.query(copyFrom(statement)));
  };
  let pending: Promise<void> = Promise.resolve();
  let chunk: Array<readonly [string, string]> = [];
  for (const row of rows) {
    chunk.push(row);
    if (chunk.length < rowsPerCopy) continue;
    await pending;
    pending = send(chunk);
    pending.catch(() => undefined); // awaited below
    chunk = [];
  }
  await pending;
  if (chunk.length) await send(chunk);
}
