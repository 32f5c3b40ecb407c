import { createHash } from 'node:crypto';
import { HeadsTree } from './heads-tree';
import { inclusionProof, merkleLevels, rootFromInclusionProof } from './merkle-tree';
import { type StreamHead, headLeafHash, headsRoot, sortedHeads } from './signed-digest';

/** A seeded generator, so a failing sequence can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const hashOf = (text: string) => createHash('sha256').update(text).digest('hex');

describe('HeadsTree (the digest tree kept between digests)', () => {
  it('given any sequence of moved and new heads, then its root is the root of the whole tree rebuilt from the sorted heads', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const next = random(seed);
      const tree = new HeadsTree();
      const all = new Map<string, StreamHead>();
      expect(tree.root()).toBe(headsRoot([]));
      for (let digest = 0; digest < 40; digest++) {
        const changed: StreamHead[] = [];
        const count = 1 + Math.floor(next() * 12);
        for (let k = 0; k < count; k++) {
          // Mostly heads that move; sometimes a new stream anywhere in the order (ids are random).
          const known = [...all.keys()];
          const streamId = known.length > 0 && next() < 0.7 ? known[Math.floor(next() * known.length)] : `centre-${Math.floor(next() * 1e9).toString(36)}`;
          const head = { streamId, revision: (all.get(streamId)?.revision ?? -1) + 1, hash: hashOf(`${seed}-${digest}-${k}`) };
          changed.push(head);
          all.set(streamId, head);
        }
        tree.update(changed);
        expect(tree.size).toBe(all.size);
        expect(tree.root()).toBe(headsRoot(sortedHeads(all.values())));
        expect(tree.heads()).toEqual(sortedHeads(all.values()));
      }
    }
  });

  it('given a tree, then the inclusion proof of every head is the proof from the whole tree rebuilt and leads to its root', () => {
    const tree = new HeadsTree();
    const heads = Array.from({ length: 37 }, (_, i) => ({ streamId: `s-${(i * 7919) % 101}`, revision: i, hash: hashOf(String(i)) }));
    tree.update(heads.slice(0, 20));
    tree.update(heads.slice(20));
    const sorted = sortedHeads(heads);
    const leaves = sorted.map(headLeafHash);
    for (const [index, head] of sorted.entries()) {
      const proof = tree.inclusionProof(head.streamId)!;
      expect(proof.leafIndex).toBe(index);
      expect(proof.path).toEqual(inclusionProof(index, merkleLevels(leaves)));
      expect(rootFromInclusionProof(leaves[index], index, sorted.length, proof.path)!.toString('hex')).toBe(tree.root());
    }
    expect(tree.inclusionProof('not-there')).toBeUndefined();
  });

  it('given the same stream twice in one update, then the last head given wins', () => {
    const tree = new HeadsTree();
    tree.update([{ streamId: 'a', revision: 0, hash: hashOf('0') }, { streamId: 'a', revision: 1, hash: hashOf('1') }]);
    tree.update([{ streamId: 'b', revision: 0, hash: hashOf('b') }, { streamId: 'a', revision: 2, hash: hashOf('2') }, { streamId: 'a', revision: 3, hash: hashOf('3') }]);
    expect(tree.get('a')).toEqual({ streamId: 'a', revision: 3, hash: hashOf('3') });
    expect(tree.root()).toBe(headsRoot(sortedHeads([tree.get('a')!, tree.get('b')!])));
  });
});
