import type { Pool } from 'pg';
import { GENESIS_HASH, type SealedChainVersion, sealEvent } from '../../libs/event-store/src/envelope/integrity-chain';
import type { EventToAppend } from '../../libs/event-store/src/event-store.port';
import type { StreamHead } from '../../libs/event-store/src/ledger/signed-digest';
import { importStreams } from '../../libs/event-store/src/postgres/postgres-bulk-import';
import { PopulationChunks } from './population';

/**
 * At least `target` events of the historical population, sealed as the engine seals them (chain v3
 * with `sealKey`) and bulk-imported, then analysed: the store that `npm run verify` is measured on.
 * Returns every stream's head (for a digest) and the events written.
 */
export async function seedSealedPopulation(pool: Pool, target: number, sealKey: Uint8Array, options: { population?: PopulationChunks; onProgress?: (events: number) => void; chain?: SealedChainVersion } = {}): Promise<{ events: number; heads: StreamHead[] }> {
  const population = options.population ?? new PopulationChunks();
  const heads: StreamHead[] = [];
  let seeded = 0;
  for (let k = 0; seeded < target; k++) {
    const streams = population.chunk(k).map((s) => {
      let previousHash = GENESIS_HASH;
      const events = s.events.map((e, revision): EventToAppend => {
        const metadata = sealEvent({ streamId: s.streamId, revision, eventId: e.id, type: e.type, data: e.data, metadata: e.metadata ?? {}, previousHash }, sealKey, options.chain);
        previousHash = String(metadata.hash);
        return { ...e, metadata };
      });
      heads.push({ streamId: s.streamId, revision: events.length - 1, hash: previousHash });
      return { streamId: s.streamId, events };
    });
    seeded += (await importStreams(pool, streams, { eventsPerTransaction: 50_000 })).events;
    options.onProgress?.(seeded);
  }
  await pool.query('VACUUM ANALYZE events');
  return { events: seeded, heads };
}
