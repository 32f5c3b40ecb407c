import { randomBytes, randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../../../testing/src/database/test-database';
import { GENESIS_HASH, type SealedChainVersion, sealEvent, verifyChain } from '../../envelope/integrity-chain';
import { importStreams } from '../postgres-bulk-import';
import { PostgresEventStore } from '../postgres-event-store';
import { readRangePage, splitStreams } from './stream-range-read';

/** A stream of `length` 'Noted' events sealed as the engine seals them, each revision's data, metadata and chain rule from `at`. */
function sealedStream(streamId: string, length: number, key: Uint8Array, at: (revision: number) => { data: Record<string, unknown>; metadata: Record<string, unknown>; chain?: SealedChainVersion }) {
  let previousHash = GENESIS_HASH;
  const events = Array.from({ length }, (_, revision) => {
    const id = randomUUID();
    const { data, metadata: unsealed, chain } = at(revision);
    const metadata = sealEvent({ streamId, revision, eventId: id, type: 'Noted', data, metadata: unsealed, previousHash }, key, chain);
    previousHash = String(metadata.hash);
    return { id, type: 'Noted', data, metadata };
  });
  return { streamId, events };
}

/** The chain sweep's own parts: the split of the streams, and breaks found inside a worker's share. */
describe('PostgreSQL chain sweep', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const key = randomBytes(32);
  const streamIds = Array.from({ length: 40 }, (_, i) => `auditor-a${String(i).padStart(2, '0')}`);

  beforeAll(async () => {
    db = await createTestDatabase('chain_sweep');
    store = await PostgresEventStore.connect({ connectionString: db.connectionString });
    const streams = streamIds.map((streamId, s) => sealedStream(streamId, 1 + (s % 5), key, (revision) => ({ data: { auditorId: streamId, n: revision }, metadata: { actor: { id: 'office-1', role: 'office' } } })));
    await importStreams(store.pool, streams);
  });

  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it('splits the streams into disjoint ranges that together hold every event once, each stream whole', async () => {
    const ranges = await splitStreams(store.pool, 4);
    expect(ranges).toHaveLength(4);
    expect(ranges[0].lower).toBeNull();
    expect(ranges[3].upper).toBeNull();
    const seen: string[] = [];
    for (const range of ranges) {
      const client = await store.pool.connect();
      try {
        // Pages of 3 events: a stream may straddle pages, never ranges.
        let after: { streamId: string; revision: number } | null = null;
        const inRange: string[] = [];
        for (;;) {
          const page = await readRangePage(client, range, after, 3);
          if (page.length === 0) break;
          for (const e of page) inRange.push(`${e.streamId}#${e.revision}`);
          after = { streamId: page[page.length - 1].streamId, revision: page[page.length - 1].revision };
        }
        expect(inRange.length).toBeGreaterThan(0);
        seen.push(...inRange);
      } finally {
        client.release();
      }
    }
    const expected = streamIds.flatMap((s, i) => Array.from({ length: 1 + (i % 5) }, (_, r) => `${s}#${r}`));
    expect(seen).toEqual(expected);
  });

  it('a break inside one worker share is found by that worker; a signed stream no worker saw is deleted', async () => {
    await store.pool.query(`BEGIN; SET LOCAL session_replication_role = replica;
      UPDATE events SET metadata = jsonb_set(metadata, '{actor,role}', '"committee"') WHERE stream_id = 'auditor-a37' AND revision = 1; COMMIT;`);
    const anchors = new Map([['auditor-zz-gone', { digestSequence: 1, revision: 2, hash: 'f'.repeat(64) }]]);
    let progress = 0;
    const result = await store.sweepChains({ sealKey: key, anchors, workers: 4, onProgress: (n) => (progress = n) });
    expect(result.events).toBe(120);
    expect(progress).toBe(120);
    expect(result.streams).toBe(41);
    expect([...result.broken].map(([s, b]) => [s, b.revision, b.reason])).toEqual([
      ['auditor-a37', 1, 'metadata_edited'],
      ['auditor-zz-gone', 0, 'stream_deleted'],
    ]);
  });
});

/** The sweep hashes chain v3 events as PostgreSQL prints them; whatever SQL changes, it must answer as the per-stream verification of the parsed events does. */
describe('PostgreSQL chain sweep over stored text', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const key = randomBytes(32);
  const tamperings: Array<[string, string]> = [
    ['data edited', `data = jsonb_set(data, '{n}', '7')`],
    ['actor rewritten', `metadata = jsonb_set(metadata, '{actor}', '{"id": "office-mallory", "role": "office"}')`],
    ['recordedAt moved', `metadata = jsonb_set(metadata, '{recordedAt}', '"2019-01-01T00:00:00.000Z"')`],
    ['chain stated as a string', `metadata = jsonb_set(metadata, '{chain}', '"3"')`],
    ['chain restated as 2', `metadata = jsonb_set(metadata, '{chain}', '2')`],
    ['seal removed', `metadata = metadata - 'seal'`],
    ['hash turned into a number', `metadata = jsonb_set(metadata, '{hash}', '12345')`],
    ['metadata replaced by a string', `metadata = '"gone"'`],
    ['metadata replaced by an array', `metadata = '["hash", "seal"]'`],
    ['data replaced by {}', `data = '{}'`],
    ['type changed', `type = 'AccreditationWithdrawn'`],
    ['event id changed', `event_id = gen_random_uuid()`],
    ['a number written as 100.0 (same value, other text)', `data = jsonb_set(data, '{n}', '100.0')`],
  ];
  const streamOf = (i: number) => `centre-t${String(i).padStart(2, '0')}`;

  beforeAll(async () => {
    db = await createTestDatabase('chain_sweep_text');
    store = await PostgresEventStore.connect({ connectionString: db.connectionString });
    const streams = tamperings.map((_, i) =>
      sealedStream(streamOf(i), 4, key, (revision) => ({
        data: { centreId: streamOf(i), n: revision === 2 ? 100 : revision, ratio: 1.5e-7, big: 1e21, note: 'ü "q" \n', nested: { zz: [1, { b: true, a: null }], a: '' } },
        metadata: { actor: { id: 'office-1', role: 'office' }, recordedAt: '2026-01-01T00:00:00.000Z' },
        // Revisions 0–1 as the engine sealed before chain v3, 2–3 with v3.
        chain: revision < 2 ? 2 : 3,
      })),
    );
    await importStreams(store.pool, streams);
  });

  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it('finds every intact v2 and v3 record intact, then each SQL change where the per-stream verification finds it', async () => {
    const before = await store.sweepChains({ sealKey: key, anchors: new Map(), workers: 2 });
    expect({ events: before.events, broken: [...before.broken] }).toEqual({ events: tamperings.length * 4, broken: [] });
    await store.pool.query(
      `BEGIN; SET LOCAL session_replication_role = replica; ${tamperings.map(([, set], i) => `UPDATE events SET ${set} WHERE stream_id = '${streamOf(i)}' AND revision = 2;`).join(' ')} COMMIT;`,
    );
    const after = await store.sweepChains({ sealKey: key, anchors: new Map(), workers: 2 });
    const perStream = await Promise.all(
      tamperings.map(async (_, i) => {
        const result = verifyChain(await store.readStream(streamOf(i)), { streamId: streamOf(i), sealKey: key });
        return result.intact ? undefined : { revision: result.brokenAt.revision, reason: result.brokenAt.reason };
      }),
    );
    const swept = tamperings.map((_, i) => {
      const link = after.broken.get(streamOf(i));
      return link && { revision: link.revision, reason: link.reason };
    });
    expect(swept).toEqual(perStream);
    // Every change but the equal number is a break at the changed revision.
    expect(perStream.map((p, i) => [tamperings[i][0], p?.revision])).toEqual(tamperings.map(([name]) => [name, name.startsWith('a number') ? undefined : 2]));
  });
});
