import { type BrokenLink, type ChainedEvent, GENESIS_HASH, type OldFormatEra, type VerifyChainOptions, checkAgainstAnchor, checkLink, oldFormatBoundOf } from './integrity-chain';

/** What the fold knows of a stream after the events seen so far. */
export interface FoldedHead {
  revision: number;
  hash: string;
  sawV2: boolean;
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
  private readonly seenAtAnchor = new Map<string, { hash: string; eventId: string; v2: boolean }>();

  /** The first digest's heads (set when the ledger signs its first digest after this fold began). */
  oldFormatEra: OldFormatEra | undefined;

  constructor(private readonly options: { sealKey?: Uint8Array; anchors?: ReadonlyMap<string, Anchor>; oldFormatEra?: OldFormatEra } = {}) {
    this.oldFormatEra = options.oldFormatEra;
  }

  add(event: ChainedEvent & { streamId: string }): BrokenLink | undefined {
    this.events++;
    const streamId = event.streamId;
    if (this.broken.has(streamId)) return undefined;
    const head = this.heads.get(streamId);
    const anchored = this.options.anchors?.get(streamId);
    const problem = checkLink(event, {
      expectedRevision: head ? head.revision + 1 : 0,
      previous: head?.hash ?? GENESIS_HASH,
      sawV2: head?.sawV2 ?? false,
      streamId,
      sealKey: this.options.sealKey,
      anchored,
      oldFormatUpTo: oldFormatBoundOf(this.oldFormatEra, streamId),
    });
    if (problem) {
      this.broken.set(streamId, problem);
      return problem;
    }
    const v2 = event.metadata.chain === 2;
    this.heads.set(streamId, { revision: event.revision, hash: String(event.metadata.hash), sawV2: (head?.sawV2 ?? false) || v2 });
    if (anchored && event.revision === anchored.revision) this.seenAtAnchor.set(streamId, { hash: String(event.metadata.hash), eventId: event.id, v2 });
    return undefined;
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
      const problem = checkAgainstAnchor(head && { revision: head.revision, hashAtAnchor: at?.hash, eventIdAtAnchor: at?.eventId, sealedV2AtAnchor: at?.v2 }, anchored, this.options.sealKey);
      if (problem) this.broken.set(streamId, problem);
    }
    return this.broken;
  }
}
