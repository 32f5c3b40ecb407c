import * as cryptoModule from 'node:crypto';
import { createHash } from 'node:crypto';

/**
 * Merkle tree hashing of RFC 6962 (Certificate Transparency) §2.1: leaves are hashed with a 0x00
 * prefix and inner nodes with 0x01, so a leaf can never pass for a node (second-preimage
 * attacks). Inclusion proofs and their verification follow RFC 9162 §2.1.3.
 */
export function leafHash(leaf: Uint8Array): Buffer {
  return createHash('sha256').update(Buffer.from([0])).update(leaf).digest();
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  if (oneShot && left.length === 32 && right.length === 32) {
    // One call over a buffer kept for it: a digest's tree has a node per stream.
    nodeInput.set(left, 1);
    nodeInput.set(right, 33);
    return oneShot('sha256', nodeInput, 'buffer');
  }
  return createHash('sha256').update(Buffer.from([1])).update(left).update(right).digest();
}

/** 0x01 || left || right, for SHA-256 children. */
const nodeInput = Buffer.alloc(65, 1);
/** One-shot SHA-256 where the runtime has it (Node ≥ 20.12). */
const oneShot = (cryptoModule as { hash?: (algorithm: string, data: Uint8Array, encoding: 'buffer') => Buffer }).hash;

/** SHA-256 of the empty string: the root of an empty tree. */
export const EMPTY_ROOT = createHash('sha256').digest();

/** Largest power of two strictly less than n (n ≥ 2). */
function split(n: number): number {
  let k = 1;
  while (k << 1 < n) k <<= 1;
  return k;
}

/** MTH(D[n]) over already hashed leaves. */
export function merkleRoot(leafHashes: readonly Buffer[]): Buffer {
  if (leafHashes.length === 0) return EMPTY_ROOT;
  // Bottom-up, carrying an odd last node up unchanged: the same tree as RFC 6962's recursive split.
  let level = [...leafHashes];
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) next.push(nodeHash(level[i], level[i + 1]));
    if (level.length % 2 === 1) next.push(level[level.length - 1]);
    level = next;
  }
  return level[0];
}

/** PATH(m, D[n]): the sibling hashes from leaf m up to the root. */
export function inclusionProof(index: number, leafHashes: readonly Buffer[]): Buffer[] {
  if (index < 0 || index >= leafHashes.length) throw new RangeError(`leaf ${index} is not in a tree of ${leafHashes.length}`);
  const path = (m: number, leaves: readonly Buffer[]): Buffer[] => {
    if (leaves.length <= 1) return [];
    const k = split(leaves.length);
    return m < k ? [...path(m, leaves.slice(0, k)), merkleRoot(leaves.slice(k))] : [...path(m - k, leaves.slice(k)), merkleRoot(leaves.slice(0, k))];
  };
  return path(index, leafHashes);
}

/**
 * PATH(m, D[n]) read off a tree kept level by level (levels[0] the leaf hashes, each next level
 * pairing the one below with an odd last node carried up, as merkleRoot builds it): the sibling
 * at each level where there is one. Same path as inclusionProof, without rehashing subtrees.
 */
export function inclusionProofFromLevels(index: number, levels: ReadonlyArray<readonly Buffer[]>): Buffer[] {
  if (index < 0 || index >= levels[0].length) throw new RangeError(`leaf ${index} is not in a tree of ${levels[0].length}`);
  const path: Buffer[] = [];
  for (let level = 0, i = index; level < levels.length - 1; level++, i >>= 1) {
    const sibling = i ^ 1;
    if (sibling < levels[level].length) path.push(levels[level][sibling]);
  }
  return path;
}

/** RFC 9162 §2.1.3.2: recomputes the root from a leaf hash, its index, the tree size and the path. */
export function rootFromInclusionProof(leaf: Buffer, index: number, treeSize: number, path: readonly Buffer[]): Buffer | undefined {
  if (index < 0 || index >= treeSize) return undefined;
  let fn = index;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return undefined;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 ? r : undefined;
}
