import type { FoldedHead } from './chain-folder';
import type { BrokenLink, OldFormatEra, VerifyChainOptions } from './integrity-chain';

export type SignedHead = NonNullable<VerifyChainOptions['anchored']>;

export interface ChainSweepOptions {
  /** The engine's seal key (undefined: seals are not checked). */
  sealKey?: Uint8Array;
  /** Each stream's head as signed in the latest digest. */
  anchors: ReadonlyMap<string, SignedHead>;
  /** The first digest's heads: where old-format (chain v1) events must end (undefined: no digest yet). */
  oldFormatEra?: OldFormatEra;
  /** Parallel verifiers, each over its own share of the streams (default: one per core). */
  workers?: number;
  /** Events verified so far, over all workers. */
  onProgress?: (eventsDone: number) => void;
  /**
   * Also answer every stream's verified head, for a caller that goes on folding the events
   * written after the sweep (the ledger): the sweep then reads only the events below a position
   * fixed at its start, below which every event is committed, and answers that position.
   */
  withHeads?: boolean;
}

export interface ChainSweepResult {
  events: number;
  streams: number;
  /**
   * The first break of each broken stream as the fold saw it, and each signed stream that is gone.
   * The caller reads these streams again whole to name the kind of break (verifyChain).
   */
  broken: Map<string, BrokenLink>;
  /** With `withHeads`: each stream's last verified event (a broken stream's is the one before its break). */
  heads?: Map<string, FoldedHead>;
  /** With `withHeads`: every event below this position was swept, none at or above it. */
  sweptBelow?: bigint;
}

/**
 * An adapter that verifies every chain of the store itself, faster than a fold over $all: it
 * reads only the columns the chain needs, stream by stream, in parallel over disjoint shares of
 * the streams. Same checks as ChainFolder, event by event.
 */
export interface ChainSweepSource {
  sweepChains(options: ChainSweepOptions): Promise<ChainSweepResult>;
}

export function canSweepChains(store: object): store is ChainSweepSource {
  return typeof (store as Partial<ChainSweepSource>).sweepChains === 'function';
}
