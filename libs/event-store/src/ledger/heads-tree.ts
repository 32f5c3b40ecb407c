import { EMPTY_ROOT, inclusionProof, parentNode } from './merkle-tree';
import { type StreamHead, headLeafHash } from './signed-digest';

/**
 * The digest's Merkle tree over every stream's head, kept from one digest to the next, with the
 * same root as `headsRoot(sortedHeads(heads))`. Rebuilding the tree for every digest cost one
 * hash per stream and per digest (52 ms for 10,000 streams): a ledger signing every minute
 * stalled its process each time, and reading a log of D digests at start-up cost D full trees.
 * Here a digest that moves existing heads rehashes only their paths to the root; new streams
 * shift the leaves after the first of them, so the tree is rehashed from there on.
 */
export class HeadsTree {
  private readonly byStream = new Map<string, { head: StreamHead; index: number }>();
  /** Stream ids in tree order (UTF-16 code unit order, as sortedHeads). */
  private order: string[] = [];
  /** levels[0]: leaf hashes in tree order; each next level pairs the one below, an odd last node carried up. */
  private levels: Buffer[][] = [[]];

  get size(): number {
    return this.order.length;
  }

  get(streamId: string): StreamHead | undefined {
    return this.byStream.get(streamId)?.head;
  }

  has(streamId: string): boolean {
    return this.byStream.has(streamId);
  }

  keys(): IterableIterator<string> {
    return this.byStream.keys();
  }

  /** The heads in tree order. */
  heads(): StreamHead[] {
    return this.order.map((id) => this.byStream.get(id)!.head);
  }

  /** Sets these heads (moved or new; the last one given for a stream wins). */
  update(changed: Iterable<StreamHead>): void {
    const moved = new Map<string, StreamHead>();
    const added = new Map<string, StreamHead>();
    for (const head of changed) (this.byStream.has(head.streamId) ? moved : added).set(head.streamId, { streamId: head.streamId, revision: head.revision, hash: head.hash });
    if (added.size > 0) return this.insert(moved, added);
    const leaves = this.levels[0];
    let dirty = new Set<number>();
    for (const head of moved.values()) {
      const entry = this.byStream.get(head.streamId)!;
      entry.head = head;
      leaves[entry.index] = headLeafHash(head);
      dirty.add(entry.index);
    }
    for (let level = 1; level < this.levels.length && dirty.size > 0; level++) {
      const parents = new Set<number>();
      for (const index of dirty) parents.add(index >> 1);
      for (const parent of parents) this.levels[level][parent] = parentNode(this.levels[level - 1], parent);
      dirty = parents;
    }
  }

  /** The root, hex. */
  root(): string {
    return (this.order.length === 0 ? EMPTY_ROOT : this.levels[this.levels.length - 1][0]).toString('hex');
  }

  /** RFC 9162 audit path of a stream's head (undefined: not in the tree). */
  inclusionProof(streamId: string): { leafIndex: number; path: Buffer[] } | undefined {
    const entry = this.byStream.get(streamId);
    return entry && { leafIndex: entry.index, path: inclusionProof(entry.index, this.levels) };
  }

  private insert(moved: Map<string, StreamHead>, added: Map<string, StreamHead>): void {
    const leaves = this.levels[0];
    let from = leaves.length;
    for (const head of moved.values()) {
      const entry = this.byStream.get(head.streamId)!;
      entry.head = head;
      leaves[entry.index] = headLeafHash(head);
      from = Math.min(from, entry.index);
    }
    // Each new stream goes in at its place in the order; the leaves after it move right.
    for (const head of [...added.values()].sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0))) {
      const at = this.placeOf(head.streamId);
      this.order.splice(at, 0, head.streamId);
      leaves.splice(at, 0, headLeafHash(head));
      this.byStream.set(head.streamId, { head, index: at });
      from = Math.min(from, at);
    }
    for (let i = from; i < this.order.length; i++) this.byStream.get(this.order[i])!.index = i;
    // Nodes whose leaves all lie before `from` keep their hashes.
    let width = leaves.length;
    for (let level = 1; width > 1; level++) {
      width = Math.ceil(width / 2);
      from >>= 1;
      const nodes = (this.levels[level] ??= []);
      nodes.length = width;
      for (let parent = from; parent < width; parent++) nodes[parent] = parentNode(this.levels[level - 1], parent);
    }
  }

  /** Where a stream id not in the tree goes in the order (binary search). */
  private placeOf(streamId: string): number {
    let low = 0;
    let high = this.order.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.order[middle] < streamId) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
