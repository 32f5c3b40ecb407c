import { createHash, createPublicKey } from 'node:crypto';
import { type ChainVerification, verifyChain } from '../envelope/integrity-chain';
import { DIGEST_FORMAT, type SignedDigest, type StreamHead, headLeafHash, keyIdOf, verifyDigestSignature } from './signed-digest';
import { rootFromInclusionProof } from './merkle-tree';

export const BUNDLE_FORMAT = 'accreditation-evidence-bundle/1';

/**
 * Everything needed to check a stream's trail without the engine: the events as stored, the
 * signed digest, the stream head's inclusion proof in the digest's Merkle tree, and the public key.
 */
export interface EvidenceBundle {
  format: typeof BUNDLE_FORMAT;
  generatedAt: string;
  subject: { kind: 'centre' | 'auditor'; id: string; streamId: string };
  events: Array<{ revision: number; id: string; type: string; data: unknown; metadata: Record<string, unknown> }>;
  digest: SignedDigest;
  leaf: StreamHead;
  leafIndex: number;
  /** Hex sibling hashes, leaf to root (RFC 9162 §2.1.3). */
  inclusionProof: string[];
  /** Ed25519 public key, SPKI PEM. */
  publicKey: string;
}

export interface BundleCheck {
  check: string;
  ok: boolean;
  detail: string;
}

export interface BundleVerdict {
  ok: boolean;
  checks: BundleCheck[];
  chain: ChainVerification | undefined;
  keyFingerprint: string | undefined;
  /** Plain sentences: what a successful check establishes, and what it cannot. */
  proves: string[];
  limits: string[];
}

/** Checks a bundle with nothing but its content (and, if given, the key the body publishes). */
export function verifyEvidenceBundle(bundle: EvidenceBundle, options: { trustedPublicKeyPem?: string } = {}): BundleVerdict {
  const checks: BundleCheck[] = [];
  const add = (check: string, ok: boolean, detail: string) => checks.push({ check, ok, detail });
  let keyFingerprint: string | undefined;

  add('format', bundle?.format === BUNDLE_FORMAT && bundle.digest?.format === DIGEST_FORMAT, `bundle ${String(bundle?.format)}, digest ${String(bundle?.digest?.format)}`);
  try {
    const key = createPublicKey(bundle.publicKey);
    keyFingerprint = keyIdOf(key);
    add('signature', verifyDigestSignature(bundle.digest, key), `digest ${bundle.digest.sequence} of ${bundle.digest.issuedAt}, signed by key ${keyFingerprint}`);
    if (options.trustedPublicKeyPem) {
      const trusted = keyIdOf(createPublicKey(options.trustedPublicKeyPem));
      add('trusted key', trusted === keyFingerprint, trusted === keyFingerprint ? 'the bundle key is the published key' : `the bundle key ${keyFingerprint} is not the published key ${trusted}`);
    }
  } catch (error) {
    add('signature', false, `the public key does not read: ${(error as Error).message}`);
  }
  add('subject', bundle.leaf?.streamId === bundle.subject?.streamId, `leaf of stream ${String(bundle.leaf?.streamId)}`);
  const root = rootFromInclusionProof(headLeafHash(bundle.leaf), bundle.leafIndex, bundle.digest.treeSize, (bundle.inclusionProof ?? []).map((h) => Buffer.from(h, 'hex')));
  add('inclusion', root?.toString('hex') === bundle.digest.rootHash, `head at revision ${bundle.leaf.revision} is leaf ${bundle.leafIndex} of ${bundle.digest.treeSize} in the signed tree`);
  const chain: ChainVerification = verifyChain(bundle.events, { streamId: bundle.subject.streamId, anchored: { digestSequence: bundle.digest.sequence, revision: bundle.leaf.revision, hash: bundle.leaf.hash } });
  add(
    'chain',
    chain.intact,
    chain.intact
      ? `${chain.verified} events chained from the first to the signed head`
      : `broken at revision ${chain.brokenAt.revision}: ${chain.brokenAt.reason} — ${chain.brokenAt.detail}`,
  );
  const after = bundle.events.filter((e) => e.revision > bundle.leaf.revision).length;
  const ok = checks.every((c) => c.ok);
  const digestOf = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);
  return {
    ok,
    checks,
    chain,
    keyFingerprint,
    proves: ok
      ? [
          `The ${bundle.leaf.revision + 1} events of ${bundle.subject.streamId} up to revision ${bundle.leaf.revision} are exactly those the engine had recorded when it signed digest ${bundle.digest.sequence} on ${bundle.digest.issuedAt}: none was edited, removed, reordered or added since (content and metadata: who, in which role, when in the world, when recorded).`,
          `The signature was made with the private key whose public key has fingerprint ${keyFingerprint}.`,
          ...(after > 0 ? [`${after} later event(s) are correctly chained but no signed digest covers them yet.`] : []),
        ]
      : [],
    limits: [
      'That the signing key is the accreditation body\'s: compare the key fingerprint with the one the body publishes (or pass --key).',
      'Anything about events recorded after the digest, or changes made by someone holding both the database and the signing key.',
      'That the recorded facts are true in the world: only that the record was not altered after it was made.',
      `Bundle fingerprint ${digestOf(JSON.stringify(bundle.events))} (first 16 hex of SHA-256 of the events as shipped).`,
    ],
  };
}
