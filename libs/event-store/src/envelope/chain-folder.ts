import { type BrokenLink, type ChainedEvent, GENESIS_HASH, type OldFormatEra, type VerifyChainOptions, chainVersionOf, checkAgainstAnchor, checkLink, oldFormatBoundOf } from './integrity-chain';
import { type StoredChainRow, isStoredChainRow, parseStoredRow, storedLinkHolds } from './stored-link';

/** What the fold knows of a stream after the events seen so far. */
export interface FoldedHead {
  revision: number;
  hash: string;
  /** An event of the stream so far was sealed (v2, v3). */
  sawSealed: boolean;
}

type Anchor = NonNullable<VerifyChainOptions['anchored']>;

/**
 * Verifies a whole store in one pass over $all (global order): each event against the verified
 * head of its stream, so memory is one head per stream and the cost one hash per event. Records
 * the first break of each stream (the per-stream verification then names it precisely). Anchors
 * (signed heads) are checked as the fold passes them, and at the end for streams that fell short.
 */
export class ChainFolder {
  readonly heads = new Map<string, FoldedHead>();
  readonly broken = new Map<string, BrokenLink>();
  events = 0;
  private readonly seenAtAnchor = new Map<string, { hash: string; eventId: string; sealed: boolean }>();

  /** The first digest's heads (set when the ledger signs its first digest after this fold began). */
  oldFormatEra: OldFormatEra | undefined;

  constructor(private readonly options: { sealKey?: Uint8Array; anchors?: ReadonlyMap<string, Anchor>; oldFormatEra?: OldFormatEra } = {}) {
    this.oldFormatEra = options.oldFormatEra;
  }

  /** One event, parsed or as the database printed it (a v3 row whose link holds is never parsed). */
  add(input: (ChainedEvent & { streamId: string }) | StoredChainRow): BrokenLink | undefined {
    this.events++;
    const streamId = input.streamId;
    if (this.broken.has(streamId)) return undefined;
    const head = this.heads.get(streamId);
    const anchored = this.options.anchors?.get(streamId);
    const expectedRevision = head ? head.revision + 1 : 0;
    const previous = head?.hash ?? GENESIS_HASH;
    if (isStoredChainRow(input) && storedLinkHolds(input, expectedRevision, previous, this.options.sealKey)) {
      this.advance(streamId, head, input.revision, input.hash!, input.id, true, anchored);
      return undefined;
    }
    const event = isStoredChainRow(input) ? parseStoredRow(input) : input;
    const problem = checkLink(event, {
      expectedRevision,
      previous,
      sawSealed: head?.sawSealed ?? false,
      streamId,
      sealKey: this.options.sealKey,
      anchored,
      oldFormatUpTo: oldFormatBoundOf(this.oldFormatEra, streamId),
    });
    if (problem) {
      this.broken.set(streamId, problem);
      return problem;
    }
    this.advance(streamId, head, event.revision, String(event.metadata.hash), event.id, chainVersionOf(event.metadata) !== 1, anchored);
    return undefined;
  }

  /** The event checked out: it becomes its stream's head after `head`. `sealed`: the event itself was sealed (v2, v3). */
  private advance(streamId: string, head: FoldedHead | undefined, revision: number, hash: string, eventId: string, sealed: boolean, anchored: Anchor | undefined): void {
    this.heads.set(streamId, { revision, hash, sawSealed: (head?.sawSealed ?? false) || sealed });
    if (anchored && revision === anchored.revision) this.seenAtAnchor.set(streamId, { hash, eventId, sealed });
  }

  /**
   * After the last event: streams that end short of, or diverge from, their signed head.
   * `seen`: only the streams this fold saw (a fold over one partition of the streams: whoever
   * merges the partitions reports the signed streams that none of them saw as deleted).
   */
  finish(scope: 'all' | 'seen' = 'all'): Map<string, BrokenLink> {
    for (const [streamId, anchored] of this.options.anchors ?? []) {
      if (this.broken.has(streamId)) continue;
      const head = this.heads.get(streamId);
      if (!head && scope === 'seen') continue;
      const at = this.seenAtAnchor.get(streamId);
      const problem = checkAgainstAnchor(head && { revision: head.revision, hashAtAnchor: at?.hash, eventIdAtAnchor: at?.eventId, sealedAtAnchor: at?.sealed }, anchored, this.options.sealKey);
      if (problem) this.broken.set(streamId, problem);
    }
    return this.broken;
  }
}
