/**
 * One verifier thread of PostgresChainSweep: folds the chains of its share of the streams, read
 * by itself on its own connection, and posts its progress and result to the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Client } from 'pg';
import { ChainFolder, type FoldedHead } from '../../envelope/chain-folder';
import type { SignedHead } from '../../envelope/chain-sweep';
import type { BrokenLink } from '../../envelope/integrity-chain';
import { type StreamRange, readRangePage } from './stream-range-read';

export interface SweepWorkerData {
  connectionString: string;
  range: StreamRange;
  sealKey?: Uint8Array;
  anchors: Array<[string, SignedHead]>;
  oldFormatEra?: { digestSequence: number; heads: Array<[string, number]> };
  pageSize: number;
  /** Only events below this position (decimal), and answer the heads. */
  below?: string;
}

export type SweepWorkerMessage =
  | { kind: 'progress'; events: number }
  | { kind: 'done'; events: number; streams: number; broken: Array<[string, BrokenLink]>; seenSigned: string[]; heads?: Array<[string, FoldedHead]> };

async function sweep(data: SweepWorkerData): Promise<void> {
  const client = new Client({ connectionString: data.connectionString, application_name: 'verify', statement_timeout: 0 });
  await client.connect();
  try {
    const anchors = new Map(data.anchors);
    const era = data.oldFormatEra;
    const folder = new ChainFolder({ sealKey: data.sealKey, anchors, oldFormatEra: era && { digestSequence: era.digestSequence, heads: new Map(era.heads) } });
    // The next page is read while this one is verified: the database and this thread overlap.
    const below = data.below ?? null;
    let next = readRangePage(client, data.range, null, data.pageSize, below);
    for (;;) {
      const page = await next;
      if (page.length === 0) break;
      const last = page[page.length - 1];
      next = page.length < data.pageSize ? Promise.resolve([]) : readRangePage(client, data.range, { streamId: last.streamId, revision: last.revision }, data.pageSize, below);
      for (let i = 0; i < page.length; i++) folder.add(page[i]);
      parentPort!.postMessage({ kind: 'progress', events: page.length } satisfies SweepWorkerMessage);
    }
    folder.finish('seen');
    const seenSigned: string[] = [];
    for (const streamId of anchors.keys()) if (folder.heads.has(streamId) || folder.broken.has(streamId)) seenSigned.push(streamId);
    const streams = new Set([...folder.heads.keys(), ...folder.broken.keys()]).size;
    const heads = below !== null ? [...folder.heads] : undefined;
    parentPort!.postMessage({ kind: 'done', events: folder.events, streams, broken: [...folder.broken], seenSigned, heads } satisfies SweepWorkerMessage);
  } finally {
    await client.end();
  }
}

sweep(workerData as SweepWorkerData).catch((error: unknown) => {
  // Rethrown outside the promise: the main thread gets it as the worker's 'error' event.
  setImmediate(() => {
    throw error;
  });
});
