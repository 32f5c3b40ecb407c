import { createHash } from 'node:crypto';
import { EMPTY_ROOT, inclusionProof, leafHash, leafHashOfText, merkleLevels, merkleRoot, nodeHash, rootFromInclusionProof } from './merkle-tree';

/** RFC 6962 §2.1 as written: MTH(D[n]) = HASH(0x01 || MTH(D[0:k]) || MTH(D[k:n])), k the largest power of two < n. */
function referenceRoot(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return createHash('sha256').digest();
  if (leaves.length === 1) return leaves[0];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(referenceRoot(leaves.slice(0, k)), referenceRoot(leaves.slice(k)));
}

/** RFC 9162 §2.1.3.1 as written: PATH(m, D[n]) = PATH(m, D[0:k]) : MTH(D[k:n]) if m < k, else PATH(m - k, D[k:n]) : MTH(D[0:k]). */
function referenceProof(m: number, leaves: Buffer[]): Buffer[] {
  if (leaves.length <= 1) return [];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return m < k ? [...referenceProof(m, leaves.slice(0, k)), referenceRoot(leaves.slice(k))] : [...referenceProof(m - k, leaves.slice(k)), referenceRoot(leaves.slice(0, k))];
}

const leaves = (n: number) => Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`leaf-${i}`)));

describe('Merkle tree (RFC 6962 / 9162)', () => {
  it('prefixes leaves with 0x00 and nodes with 0x01', () => {
    expect(leafHash(Buffer.from('')).toString('hex')).toBe(createHash('sha256').update(Buffer.from([0])).digest('hex'));
    expect(leafHash(Buffer.from('')).toString('hex')).toBe('6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
    expect(merkleRoot([])).toEqual(EMPTY_ROOT);
  });

  it('hashes a leaf given as text as its UTF-8 bytes', () => {
    for (const text of ['', '{"hash":"ab","revision":3,"streamId":"centre-é😀"}', '\u0000x']) expect(leafHashOfText(text)).toEqual(leafHash(Buffer.from(text, 'utf8')));
  });

  it('computes the same root as the recursive definition for every size up to 40', () => {
    for (let n = 1; n <= 40; n++) expect(merkleRoot(leaves(n)).toString('hex')).toBe(referenceRoot(leaves(n)).toString('hex'));
  });

  it('proves the inclusion of every leaf, and refuses a wrong leaf, index or size', () => {
    for (const n of [1, 2, 3, 5, 8, 13, 31]) {
      const tree = leaves(n);
      const root = merkleRoot(tree);
      for (let i = 0; i < n; i++) {
        const proof = inclusionProof(i, merkleLevels(tree));
        expect(proof).toEqual(referenceProof(i, tree));
        expect(rootFromInclusionProof(tree[i], i, n, proof)).toEqual(root);
        if (n > 1) {
          expect(rootFromInclusionProof(tree[(i + 1) % n], i, n, proof)).not.toEqual(root);
          expect(rootFromInclusionProof(tree[i], (i + 1) % n, n, proof)).not.toEqual(root);
        }
      }
    }
    expect(rootFromInclusionProof(leaves(1)[0], 3, 2, [])).toBeUndefined();
  });
});
