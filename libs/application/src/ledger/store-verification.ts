import {
  type BrokenLink,
  ChainFolder,
  type ChainSweepOptions,
  type ChainSweepResult,
  type DigestLogEntry,
  type EventStore,
  HeadsTree,
  oldFormatBoundOf,
  oldFormatEraOf,
  canSweepChains,
  verifyChain,
} from '@accreditation/event-store/port';
import { checkLogEntry } from './ledger';

export interface StoreVerificationOptions {
  store: EventStore;
  /** The engine's seal key: without it, seals are not checked (a recomputed chain then shows only against a digest). */
  sealKey?: Uint8Array;
  /** The digest log, oldest first. */
  digests: readonly DigestLogEntry[];
  /** Checks each digest's signature (the ledger's public key). */
  publicKeyPem?: string;
  /** Page size of the single-thread fold over $all (stores that cannot verify their chains themselves). */
  pageSize?: number;
  /** Parallel verifiers, for a store that verifies its chains itself (PostgreSQL; default: one per core). */
  workers?: number;
  onProgress?: (eventsDone: number) => void;
}

export interface StoreVerification {
  intact: boolean;
  events: number;
  streams: number;
  millis: number;
  eventsPerSecond: number;
  digests: { count: number; latest: { sequence: number; issuedAt: string; treeSize: number } | null; problems: string[] };
  /** Each broken stream with its first broken link (classified on the whole stream). */
  broken: Array<{ streamId: string } & BrokenLink>;
}

/**
 * `npm run verify`: every digest (signature, chain of digests, root over its heads), then every
 * event of the store against its stream's verified head and its signed head: in worker threads
 * when the store can (PostgreSQL: each worker reads and folds its share of the streams), else in
 * one pass over $all. Streams found broken are read again whole to name the kind of break.
 */
export async function verifyStore(options: StoreVerificationOptions): Promise<StoreVerification> {
  const started = Date.now();
  const problems: string[] = [];
  const heads = new HeadsTree();
  let previous: DigestLogEntry | undefined;
  for (const entry of options.digests) {
    const problem = options.publicKeyPem ? checkLogEntry(entry, previous, options.publicKeyPem) : undefined;
    if (problem) problems.push(problem);
    heads.update(entry.changedHeads ?? []);
    if (heads.root() !== entry.rootHash) problems.push(`digest ${entry.sequence}: its heads do not give its root hash`);
    previous = entry;
  }
  const latest = previous;
  const anchors = new Map(heads.heads().map((h) => [h.streamId, { digestSequence: latest!.sequence, revision: h.revision, hash: h.hash }]));
  const oldFormatEra = oldFormatEraOf(options.digests);

  const { store } = options;
  const sweep = canSweepChains(store)
    ? await store.sweepChains({ sealKey: options.sealKey, anchors, oldFormatEra, workers: options.workers, onProgress: options.onProgress })
    : await foldAll(store, { sealKey: options.sealKey, anchors, oldFormatEra, pageSize: options.pageSize, onProgress: options.onProgress });

  const broken: StoreVerification['broken'] = [];
  for (const streamId of [...sweep.broken.keys()].sort()) {
    const stored = await options.store.readStream(streamId);
    const result = verifyChain(stored, { streamId, sealKey: options.sealKey, anchored: anchors.get(streamId), oldFormatUpTo: oldFormatBoundOf(oldFormatEra, streamId) });
    // Intact in revision order: the fold saw its events out of order in $all (positions are not evidence).
    if (!result.intact) broken.push({ streamId, ...result.brokenAt });
  }
  const millis = Date.now() - started;
  return {
    intact: broken.length === 0 && problems.length === 0,
    events: sweep.events,
    streams: sweep.streams,
    millis,
    eventsPerSecond: Math.round(sweep.events / Math.max(0.001, millis / 1000)),
    digests: { count: options.digests.length, latest: latest ? { sequence: latest.sequence, issuedAt: latest.issuedAt, treeSize: latest.treeSize } : null, problems },
    broken,
  };
}

/** Any store: one fold over $all in this thread, each event against its stream's verified head. */
async function foldAll(store: EventStore, options: Omit<ChainSweepOptions, 'workers'> & { pageSize?: number }): Promise<ChainSweepResult> {
  const folder = new ChainFolder({ sealKey: options.sealKey, anchors: options.anchors, oldFormatEra: options.oldFormatEra });
  const pageSize = options.pageSize ?? 10_000;
  let position = 0n;
  // The next page is read while this one is verified: reading and hashing overlap.
  let next = store.readAll({ fromPosition: position, maxCount: pageSize });
  for (;;) {
    const page = await next;
    if (page.length === 0) break;
    position = page[page.length - 1].position;
    next = page.length < pageSize ? Promise.resolve([]) : store.readAll({ fromPosition: position, maxCount: pageSize });
    for (const event of page) folder.add(event);
    options.onProgress?.(folder.events);
  }
  folder.finish();
  return { events: folder.events, streams: new Set([...folder.heads.keys(), ...folder.broken.keys()]).size, broken: folder.broken };
}
