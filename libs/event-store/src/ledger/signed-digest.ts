import { type KeyObject, createHash, createPublicKey, verify } from 'node:crypto';
import { canonicalJson } from '../envelope/integrity-chain';
import { GENESIS_HASH, type OldFormatEra } from '../envelope/integrity-chain';
import { leafHashOfText, merkleRoot } from './merkle-tree';

export const DIGEST_FORMAT = 'accreditation-ledger-digest/1';

/** One stream's head: the leaf of the digest's Merkle tree. */
export interface StreamHead {
  streamId: string;
  revision: number;
  hash: string;
}

/**
 * The signed tree head: what the signature covers. Modelled on Certificate Transparency's STH:
 * the tree is over every stream's head (sorted by stream id), and each digest names the hash of
 * the previous one, so the sequence of digests is itself a chain.
 */
export interface DigestBody {
  format: typeof DIGEST_FORMAT;
  sequence: number;
  issuedAt: string;
  /** Global position of the event store ($all) the heads are current to (decimal string). */
  position: string;
  /** Number of streams (leaves). */
  treeSize: number;
  /** RFC 6962 Merkle tree hash over the heads, hex. */
  rootHash: string;
  /** digestHash() of the previous digest; 64 zeros for the first. */
  previousDigestHash: string;
  /** SHA-256 of the public key (raw 32 bytes), hex: which key signed. */
  keyId: string;
}

export interface SignedDigest extends DigestBody {
  /** Ed25519 signature of canonicalJson(body), base64. */
  signature: string;
}

/** A line of the digest log: the signed digest plus the heads that changed since the previous one. */
export interface DigestLogEntry extends SignedDigest {
  changedHeads: StreamHead[];
}

/**
 * Where old-format (chain v1) events must end, from the digest log: the heads of its first digest,
 * which signs every record's head (its changed heads are all of them). Undefined for an empty log.
 */
export function oldFormatEraOf(entries: readonly DigestLogEntry[]): OldFormatEra | undefined {
  const first = entries[0];
  return first && { digestSequence: first.sequence, heads: new Map((first.changedHeads ?? []).map((h) => [h.streamId, h.revision])) };
}

export const FIRST_PREVIOUS_DIGEST = GENESIS_HASH;

export function digestBodyOf(digest: DigestBody): DigestBody {
  const { format, sequence, issuedAt, position, treeSize, rootHash, previousDigestHash, keyId } = digest;
  return { format, sequence, issuedAt, position, treeSize, rootHash, previousDigestHash, keyId };
}

/** The bytes the signature covers. */
export function digestSigningInput(digest: DigestBody): Buffer {
  return Buffer.from(canonicalJson(digestBodyOf(digest)));
}

/** Identifies a digest (what the next one links to). */
export function digestHash(digest: DigestBody): string {
  return createHash('sha256').update(digestSigningInput(digest)).digest('hex');
}

export function headLeaf(head: StreamHead): Buffer {
  return Buffer.from(headLeafText(head));
}

function headLeafText(head: StreamHead): string {
  return canonicalJson({ streamId: head.streamId, revision: head.revision, hash: head.hash });
}

export function headLeafHash(head: StreamHead): Buffer {
  return leafHashOfText(headLeafText(head));
}

/** Leaves in tree order: by stream id (UTF-16 code unit order, as JavaScript sorts). */
export function sortedHeads(heads: Iterable<StreamHead>): StreamHead[] {
  return [...heads].sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
}

export function headsRoot(sorted: readonly StreamHead[]): string {
  return merkleRoot(sorted.map(headLeafHash)).toString('hex');
}

/** Key id of an Ed25519 public key: SHA-256 of its raw 32 bytes. */
export function keyIdOf(publicKey: KeyObject): string {
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url');
  return createHash('sha256').update(raw).digest('hex');
}

/** Checks the signature with the given public key (PEM or KeyObject), and that the key is the one named. */
export function verifyDigestSignature(digest: SignedDigest, publicKey: KeyObject | string): boolean {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  if (keyIdOf(key) !== digest.keyId) return false;
  try {
    return verify(null, digestSigningInput(digest), key, Buffer.from(digest.signature, 'base64'));
  } catch {
    return false;
  }
}

/** What the ledger needs of its key: sign, say which key, and seal events. The private key stays inside. */
export interface LedgerSigner {
  keyId: string;
  publicKeyPem: string;
  /** HMAC key of the per-event seal. */
  sealKey: Uint8Array;
  /** Ed25519 signature, base64. */
  sign(input: Buffer): string;
}

/** Where signed digests are kept: append-only, outside the event store. */
export interface DigestLog {
  readonly location: string;
  readAll(): DigestLogEntry[];
  append(entry: DigestLogEntry): void;
}

/** In memory, for tests. */
export class MemoryDigestLog implements DigestLog {
  readonly location = 'memory';
  private readonly entries: DigestLogEntry[] = [];
  readAll(): DigestLogEntry[] {
    return [...this.entries];
  }
  append(entry: DigestLogEntry): void {
    this.entries.push(entry);
  }
}
