import type { BrokenLink, OldFormatBound, SignedDigest, StreamHead, VerifyChainOptions } from '@accreditation/event-store/port';

/**
 * What verification needs from the ledger (the signed heads and the seal key outside the
 * database), and where it reports a break so that readiness says so. Optional: without it, the
 * chain alone is checked.
 */
export interface TrailIntegrity {
  sealKey?: Uint8Array;
  anchoredHead(streamId: string): VerifyChainOptions['anchored'];
  /** Where the stream's old-format (chain v1) events must end (undefined: no digest yet). */
  oldFormatUpTo?(streamId: string): OldFormatBound | undefined;
  report(streamId: string, link: BrokenLink): void;
  latestDigest?(): SignedDigest | undefined;
}

/** The ledger's side of an evidence bundle. */
export interface EvidenceSource {
  publicKeyPem: string;
  inclusionEvidence(streamId: string): Promise<{ digest: SignedDigest; leaf: StreamHead; leafIndex: number; inclusionProof: string[] } | undefined>;
}
