import { randomUUID } from 'node:crypto';
import { type EventToAppend, GENESIS_HASH, chainHash } from '@accreditation/event-store';

type Unsealed<E> = E & { type: string; data: unknown; metadata: Record<string, unknown> & { occurredAt: string } };

/**
 * Events as chain v1 sealed them (type, data, occurredAt and the previous hash; no seal, no key):
 * what a store written before chain v2 holds, and what anyone with SQL access can forge.
 */
export function inOldChainFormat<E>(events: ReadonlyArray<Unsealed<E>>, previousHash: string = GENESIS_HASH): Array<Unsealed<E>> {
  let previous = previousHash;
  return events.map((event) => {
    const hash = chainHash({ type: event.type, data: event.data, occurredAt: event.metadata.occurredAt, previousHash: previous });
    const sealed = { ...event, metadata: { ...event.metadata, previousHash: previous, hash } };
    previous = hash;
    return sealed;
  });
}

/** A centre that never was: its registration, written in the old chain format by someone without the key. */
export function forgedRegistration(centreId: string, actor: { id: string; role: string }, at = '2024-03-01T09:00:00.000Z'): EventToAppend[] {
  const data = { centreId, name: `Forged ${centreId}`, country: 'FR', city: 'Lyon', institution: 'Nowhere', proceduresPerYear: 300, representativeId: 'p1', contactId: 'p2', substituteId: 'p3', registeredAt: at };
  return inOldChainFormat([{ id: randomUUID(), type: 'CentreRegistered', data, metadata: { actor, occurredAt: at, recordedAt: at } }]);
}

/** SQL run as an attacker with superuser rights would: the append-only trigger switched off for the transaction. */
export async function rewriteBehindTheEngine(pool: { query(sql: string): Promise<unknown> }, statements: string): Promise<void> {
  await pool.query(`BEGIN; SET LOCAL session_replication_role = replica; ${statements} COMMIT;`);
}
