/**
 * Checking every digest's root, as the ledger does at start-up and `npm run verify` does for the
 * whole log: rebuilding each digest's tree from the sorted heads (before) against the tree kept
 * between digests (HeadsTree), over the same log.
 *
 *   node -r @swc-node/register bench/experiments/digest-roots.ts [streams=10000] [digests=200] [moved=50] [new=2]
 */
import { createHash } from 'node:crypto';
import { HeadsTree } from '../../libs/event-store/src/ledger/heads-tree';
import { type StreamHead, headsRoot, sortedHeads } from '../../libs/event-store/src/ledger/signed-digest';

const [streams, digests, moved, added] = [10_000, 200, 50, 2].map((fallback, i) => Number(process.argv[2 + i] ?? fallback));
const hash = (text: string) => createHash('sha256').update(text).digest('hex');
const id = (n: number) => `centre-${hash(String(n)).slice(0, 12)}`;

// The log: a first digest holding every stream, then digests that move some heads and add a few streams.
const log: StreamHead[][] = [Array.from({ length: streams }, (_, n) => ({ streamId: id(n), revision: 0, hash: hash(`0-${n}`) }))];
let count = streams;
for (let d = 1; d < digests; d++) {
  const changed: StreamHead[] = [];
  for (let k = 0; k < moved; k++) changed.push({ streamId: id((d * 7_919 + k * 104_729) % count), revision: d, hash: hash(`${d}-${k}`) });
  for (let k = 0; k < added; k++) changed.push({ streamId: id(count++), revision: 0, hash: hash(`new-${d}-${k}`) });
  log.push(changed);
}

const time = (label: string, work: () => string[]): string[] => {
  const t0 = performance.now();
  const roots = work();
  const ms = performance.now() - t0;
  console.log(`${label}: ${ms.toFixed(0)} ms for ${digests} digests (${(ms / digests).toFixed(2)} ms per digest)`);
  return roots;
};
const rebuilt = time('rebuilt per digest', () => {
  const heads = new Map<string, StreamHead>();
  return log.map((changed) => {
    for (const h of changed) heads.set(h.streamId, h);
    return headsRoot(sortedHeads(heads.values()));
  });
});
const kept = time('kept between digests', () => {
  const tree = new HeadsTree();
  return log.map((changed) => {
    tree.update(changed);
    return tree.root();
  });
});
console.log(rebuilt.every((root, i) => root === kept[i]) ? 'same roots' : 'ROOTS DIFFER');
