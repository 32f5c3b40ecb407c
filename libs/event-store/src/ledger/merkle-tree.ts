import { createHash } from 'node:crypto';
import { oneShotHash as oneShot } from '../envelope/one-shot-hash';

/**
 * Merkle tree hashing of RFC 6962 (Certificate Transparency) §2.1: leaves are hashed with a 0x00
 * prefix and inner nodes with 0x01, so a leaf can never pass for a node (second-preimage
 * attacks). Inclusion proofs and their verification follow RFC 9162 §2.1.3.
 */
export function leafHash(leaf: Uint8Array): Buffer {
  return createHash('sha256').update(Buffer.from([0])).update(leaf).digest();
}

/** leafHash of a text's UTF-8 bytes in one call ("\u0000" is the 0x00 prefix in UTF-8): a digest has a leaf per stream. */
export function leafHashOfText(text: string): Buffer {
  return oneShot ? oneShot('sha256', `\u0000${text}`, 'buffer') : leafHash(Buffer.from(text));
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

/** SHA-256 of the empty string: the root of an empty tree. */
export const EMPTY_ROOT = createHash('sha256').digest();

/**
 * A node over children 2p and 2p + 1 of the level below, the last child carried up unchanged when
 * it has no sibling: built bottom-up this way, the tree is RFC 6962's recursive split.
 */
export function parentNode(below: readonly Buffer[], parent: number): Buffer {
  const left = below[2 * parent];
  return 2 * parent + 1 < below.length ? nodeHash(left, below[2 * parent + 1]) : left;
}

/** Every level of the tree over already hashed leaves, leaves first, the root's level last. */
export function merkleLevels(leafHashes: readonly Buffer[]): Buffer[][] {
  const levels = [[...leafHashes]];
  for (let below = levels[0]; below.length > 1; ) {
    const level = Array.from({ length: Math.ceil(below.length / 2) }, (_, parent) => parentNode(below, parent));
    levels.push(level);
    below = level;
  }
  return levels;
}

/** MTH(D[n]) over already hashed leaves. */
export function merkleRoot(leafHashes: readonly Buffer[]): Buffer {
  if (leafHashes.length === 0) return EMPTY_ROOT;
  const levels = merkleLevels(leafHashes);
  return levels[levels.length - 1][0];
}

/**
 * PATH(m, D[n]) (RFC 9162 §2.1.3.1), read off the tree's levels (merkleLevels, or a tree kept
 * level by level): the sibling at each level where there is one, from the leaf up.
 */
export function inclusionProof(index: number, levels: ReadonlyArray<readonly Buffer[]>): Buffer[] {
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
