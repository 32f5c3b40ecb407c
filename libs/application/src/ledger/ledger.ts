import {
  type BrokenLink,
  ChainFolder,
  canSweepChains,
  DIGEST_FORMAT,
  type DigestLog,
  type DigestLogEntry,
  FIRST_PREVIOUS_DIGEST,
  type EventStore,
  type LedgerSigner,
  type OldFormatBound,
  type OldFormatEra,
  type SignedDigest,
  type StreamHead,
  digestBodyOf,
  digestHash,
  digestSigningInput,
  HeadsTree,
  oldFormatBoundOf,
  oldFormatEraOf,
  sortedHeads,
  verifyDigestSignature,
} from '@accreditation/event-store/port';
import type { Clock } from '../ports/clock';

/** Events checked between two turns of the event loop (~2.5 ms of work). */
const FOLD_SLICE = 250;

export interface LedgerOptions {
  store: EventStore;
  signer: LedgerSigner;
  log: DigestLog;
  clock: Clock;
  /** How often heads are signed (only when some head moved); 0: on demand only. */
  intervalMs: number;
  /** Events read per page while folding $all. */
  pageSize?: number;
  /**
   * How often new events are verified between digests (default 1 s; 0: only when signing). Folding
   * a whole interval's events at once held the process's thread for a second at a time under load.
   */
  followIntervalMs?: number;
  /** Threads of the start-up verification, on a store that verifies its chains itself (default: one per core). */
  workers?: number;
  onError?: (message: string, error: unknown) => void;
}

/** A stream's head as signed in the latest digest. */
export interface AnchoredHead {
  digestSequence: number;
  revision: number;
  hash: string;
}

export interface InclusionEvidence {
  digest: SignedDigest;
  leaf: StreamHead;
  leafIndex: number;
  /** Sibling hashes from the leaf to the root (hex), RFC 9162 audit path. */
  inclusionProof: string[];
}

export interface LedgerHealth {
  ok: boolean;
  /** 'verifying' while the start-up pass over the whole store runs. */
  state: 'verifying' | 'verified';
  eventsVerified: number;
  streams: number;
  latestDigest: { sequence: number; issuedAt: string; treeSize: number; rootHash: string } | null;
  brokenStreams: number;
  /** The first broken streams, each with its first broken link. */
  broken: Array<{ streamId: string } & BrokenLink>;
  /** Problems with the digest log itself (bad signature, broken digest chain). */
  digestLogProblems: string[];
}

/**
 * Anchors the stream heads outside the database. It folds $all (verifying every link with the
 * engine's seal key as it goes: the start-up pass is a full verification), and signs a digest of
 * every stream's verified head (RFC 6962 Merkle tree, Ed25519) into an append-only log that the
 * database does not hold. A stream found broken keeps its last signed head in later digests: the
 * engine never signs over tampering.
 */
export class Ledger {
  private folder: ChainFolder;
  private position = 0n;
  /** The heads the latest digest signed, as its Merkle tree. */
  private readonly signed = new HeadsTree();
  private latest: SignedDigest | undefined;
  /** The first digest's heads: old-format events beyond them are not the engine's. */
  private oldFormatEra: OldFormatEra | undefined;
  private readonly logProblems: string[] = [];
  private readonly reported = new Map<string, BrokenLink>();
  private state: LedgerHealth['state'] = 'verifying';
  private timer: NodeJS.Timeout | undefined;
  private follower: NodeJS.Timeout | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private started: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly options: LedgerOptions) {
    this.loadLog();
    this.folder = this.newFolder();
  }

  get publicKeyPem(): string {
    return this.options.signer.publicKeyPem;
  }

  get keyId(): string {
    return this.options.signer.keyId;
  }

  get sealKey(): Uint8Array {
    return this.options.signer.sealKey;
  }

  /** Starts the verification pass and the periodic digests; resolves when the pass is done. */
  start(): Promise<void> {
    this.started ??= this.exclusive(async () => {
      const swept = await this.sweepAtStart();
      await this.catchUp();
      // The sweep checked every signed head itself (those it did not see are reported deleted).
      if (!swept) this.folder.finish();
      this.state = 'verified';
    }).catch((error: unknown) => {
      // The store was unreachable: the next call resumes the pass where it stopped.
      this.started = undefined;
      throw error;
    }).then(() => {
      if (this.options.intervalMs > 0 && !this.stopped) {
        this.timer = setInterval(() => void this.digestIfChanged().catch((e: unknown) => this.options.onError?.('ledger digest failed', e)), this.options.intervalMs);
        this.timer.unref();
      }
      const followMs = this.options.followIntervalMs ?? 1_000;
      if (followMs > 0 && !this.stopped) {
        let following = false;
        let failing = false;
        this.follower = setInterval(() => {
          if (following) return;
          following = true;
          void this.exclusive(() => this.catchUp())
            .then(
              () => {
                if (failing) this.options.onError?.('ledger verification of new events resumed', undefined);
                failing = false;
              },
              // Said once per outage, not every second while the store is away.
              (e: unknown) => {
                if (!failing) this.options.onError?.('ledger verification of new events failed; retrying every second', e);
                failing = true;
              },
            )
            .finally(() => (following = false));
        }, followMs);
        this.follower.unref();
      }
    });
    return this.started;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.follower) clearInterval(this.follower);
    await this.queue.catch(() => undefined);
  }

  /** The head signed for a stream in the latest digest (what a truncation is measured against). */
  anchoredHead(streamId: string): AnchoredHead | undefined {
    const head = this.signed.get(streamId);
    return head && this.latest ? { digestSequence: this.latest.sequence, revision: head.revision, hash: head.hash } : undefined;
  }

  latestDigest(): SignedDigest | undefined {
    return this.latest;
  }

  oldFormatUpTo(streamId: string): OldFormatBound | undefined {
    return oldFormatBoundOf(this.oldFormatEra, streamId);
  }

  allDigests(): DigestLogEntry[] {
    return this.options.log.readAll();
  }

  /** Signs a digest now if any head moved since the last one (always signs the first). */
  async digestNow(): Promise<SignedDigest> {
    await this.start();
    return this.exclusive(async () => {
      await this.catchUp();
      return this.sign();
    });
  }

  private async digestIfChanged(): Promise<void> {
    await this.exclusive(async () => {
      await this.catchUp();
      await this.sign();
    });
  }

  /** The latest digest (made now when the stream's head is not in it yet) and the stream head's inclusion proof. */
  async inclusionEvidence(streamId: string): Promise<InclusionEvidence | undefined> {
    await this.digestNow();
    return this.exclusive(async () => {
      const digest = this.latest;
      const leaf = this.signed.get(streamId);
      if (!digest || !leaf) return undefined;
      const { leafIndex, path } = this.signed.inclusionProof(streamId)!;
      return { digest: digestBodyOfSigned(digest), leaf, leafIndex, inclusionProof: path.map((b) => b.toString('hex')) };
    });
  }

  /** The first break known in a stream (found by the fold or reported by a verification). */
  knownBreak(streamId: string): BrokenLink | undefined {
    return this.folder.broken.get(streamId) ?? this.reported.get(streamId);
  }

  /** A break found elsewhere (a per-stream verification, a replay that could not read an event). */
  report(streamId: string, link: BrokenLink): void {
    if (!this.folder.broken.has(streamId) && !this.reported.has(streamId)) this.reported.set(streamId, link);
  }

  health(): LedgerHealth {
    const broken = new Map([...this.reported, ...this.folder.broken]);
    const latest = this.latest;
    return {
      ok: broken.size === 0 && this.logProblems.length === 0,
      state: this.state,
      eventsVerified: this.folder.events,
      streams: this.folder.heads.size,
      latestDigest: latest ? { sequence: latest.sequence, issuedAt: latest.issuedAt, treeSize: latest.treeSize, rootHash: latest.rootHash } : null,
      brokenStreams: broken.size,
      broken: [...broken].slice(0, 20).map(([streamId, link]) => ({ streamId, ...link })),
      digestLogProblems: [...this.logProblems],
    };
  }

  private newFolder(): ChainFolder {
    return new ChainFolder({ sealKey: this.options.signer.sealKey, anchors: this.anchors(), oldFormatEra: this.oldFormatEra });
  }

  /** Every signed stream's head, as the latest digest holds it. */
  private anchors(): Map<string, AnchoredHead> {
    return new Map([...this.signed.keys()].map((streamId) => [streamId, this.anchoredHead(streamId)!]));
  }

  /**
   * The start-up pass on a store that verifies its chains itself (PostgreSQL): every event below a
   * position fixed at the start, in worker threads, with the same checks as the fold; the fold then
   * carries on from that position. Other stores: false, and the fold over $all does it all.
   */
  private async sweepAtStart(): Promise<boolean> {
    const { store, signer } = this.options;
    if (this.position !== 0n || !canSweepChains(store)) return false;
    let result: Awaited<ReturnType<typeof store.sweepChains>>;
    try {
      result = await store.sweepChains({
        sealKey: signer.sealKey,
        anchors: this.anchors(),
        oldFormatEra: this.oldFormatEra,
        workers: this.options.workers,
        withHeads: true,
        onProgress: (events) => (this.folder.events = events),
      });
    } catch (error) {
      // No threads here, or the store went away: the fold in this thread does it all (or fails the same way).
      this.options.onError?.('ledger start-up sweep failed; verifying in one thread instead', error);
      this.folder.events = 0;
      return false;
    }
    if (!result.heads || result.sweptBelow === undefined) return false;
    for (const [streamId, head] of result.heads) this.folder.heads.set(streamId, head);
    for (const [streamId, link] of result.broken) this.folder.broken.set(streamId, link);
    this.folder.events = result.events;
    this.position = result.sweptBelow - 1n;
    return true;
  }

  private async catchUp(): Promise<void> {
    const pageSize = this.options.pageSize ?? 5_000;
    for (;;) {
      const page = await this.options.store.readAll({ fromPosition: this.position, maxCount: pageSize });
      for (let i = 0; i < page.length; i++) {
        this.folder.add(page[i]);
        // Checking an event costs ~10 µs of this thread: requests get their turn between slices.
        if (i % FOLD_SLICE === FOLD_SLICE - 1) await new Promise<void>((resolve) => setImmediate(resolve));
      }
      if (page.length === 0) return;
      this.position = page[page.length - 1].position;
      if (page.length < pageSize) return;
    }
  }

  /** Signs the current verified heads when they differ from the signed ones (or nothing was signed yet). */
  private async sign(): Promise<SignedDigest> {
    const changedHeads: StreamHead[] = [];
    for (const [streamId, head] of this.folder.heads) {
      // A broken stream keeps the head it had when it was last signed.
      if ((this.folder.broken.has(streamId) || this.reported.has(streamId)) && this.signed.has(streamId)) continue;
      const before = this.signed.get(streamId);
      if (!before || before.revision !== head.revision || before.hash !== head.hash) changedHeads.push({ streamId, revision: head.revision, hash: head.hash });
    }
    if (this.latest && changedHeads.length === 0) return this.latest;
    this.signed.update(changedHeads);
    const body = {
      format: DIGEST_FORMAT,
      sequence: (this.latest?.sequence ?? 0) + 1,
      issuedAt: this.options.clock.now().toISOString(),
      position: this.position.toString(),
      treeSize: this.signed.size,
      rootHash: this.signed.root(),
      previousDigestHash: this.latest ? digestHash(this.latest) : FIRST_PREVIOUS_DIGEST,
      keyId: this.options.signer.keyId,
    } as const;
    const signed: SignedDigest = { ...body, signature: this.options.signer.sign(digestSigningInput(body)) };
    const entry = { ...signed, changedHeads: sortedHeads(changedHeads) };
    this.options.log.append(entry);
    if (!this.latest) this.folder.oldFormatEra = this.oldFormatEra = oldFormatEraOf([entry]);
    this.latest = signed;
    return signed;
  }

  /** Reads the digest log: checks each signature, the digest chain and each root, and keeps the heads of the last. */
  private loadLog(): void {
    let entries: DigestLogEntry[];
    try {
      entries = this.options.log.readAll();
    } catch (error) {
      this.logProblems.push((error as Error).message);
      return;
    }
    let previous: SignedDigest | undefined;
    for (const entry of entries) {
      const problem = checkLogEntry(entry, previous, this.options.signer.publicKeyPem);
      if (problem) this.logProblems.push(problem);
      this.signed.update(entry.changedHeads ?? []);
      if (!problem && this.signed.root() !== entry.rootHash) {
        this.logProblems.push(`digest ${entry.sequence}: its heads do not give its root hash`);
      }
      previous = entry;
    }
    this.latest = previous && digestBodyOfSigned(previous);
    this.oldFormatEra = oldFormatEraOf(entries);
  }

  /** One thing at a time: folding, signing and proving share the heads. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function digestBodyOfSigned(digest: SignedDigest): SignedDigest {
  return { ...digestBodyOf(digest), signature: digest.signature };
}

/** Problems with one line of the digest log, given the line before it. */
export function checkLogEntry(entry: SignedDigest, previous: SignedDigest | undefined, publicKeyPem: string): string | undefined {
  if (entry.format !== DIGEST_FORMAT) return `digest ${entry.sequence}: unknown format ${String(entry.format)}`;
  if (!verifyDigestSignature(entry, publicKeyPem)) return `digest ${entry.sequence}: the signature does not verify with the ledger key`;
  const expectedSequence = (previous?.sequence ?? 0) + 1;
  if (entry.sequence !== expectedSequence) return `digest ${entry.sequence}: expected digest ${expectedSequence} (digests missing from the log)`;
  const expectedPrevious = previous ? digestHash(previous) : FIRST_PREVIOUS_DIGEST;
  if (entry.previousDigestHash !== expectedPrevious) return `digest ${entry.sequence}: does not follow digest ${previous?.sequence ?? 0}`;
  return undefined;
}
