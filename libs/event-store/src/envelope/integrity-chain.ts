import { createHash } from 'node:crypto';

/** Previous-hash of a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface ChainLinkInput {
  type: string;
  data: unknown;
  occurredAt: string;
  previousHash: string;
}

/** The hash that seals one event to its predecessor: any later change to either shows. */
export function chainHash(link: ChainLinkInput): string {
  return createHash('sha256')
    .update(canonicalJson({ type: link.type, data: link.data, occurredAt: link.occurredAt, previousHash: link.previousHash }))
    .digest('hex');
}

export interface ChainedEvent {
  revision: number;
  id: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
}

export type ChainVerification =
  | { intact: true; verified: number; lastHash: string }
  | { intact: false; verified: number; brokenAt: { revision: number; eventId: string; reason: 'hash_mismatch' | 'previous_hash_mismatch' | 'missing_hash'; expected: string; found: string } };

/**
 * Recomputes the chain over a stream's events as stored (before any upcasting: the hash covers
 * what was written). Returns the first broken link, if any.
 */
export function verifyChain(events: readonly ChainedEvent[]): ChainVerification {
  let previous = GENESIS_HASH;
  let verified = 0;
  for (const event of events) {
    const meta = event.metadata;
    const found = typeof meta.hash === 'string' ? meta.hash : '';
    const link = { revision: event.revision, eventId: event.id };
    if (!found || typeof meta.occurredAt !== 'string') {
      return { intact: false, verified, brokenAt: { ...link, reason: 'missing_hash', expected: 'a hash', found } };
    }
    if (meta.previousHash !== previous) {
      return { intact: false, verified, brokenAt: { ...link, reason: 'previous_hash_mismatch', expected: previous, found: String(meta.previousHash) } };
    }
    const expected = chainHash({ type: event.type, data: event.data, occurredAt: meta.occurredAt, previousHash: previous });
    if (expected !== found) {
      return { intact: false, verified, brokenAt: { ...link, reason: 'hash_mismatch', expected, found } };
    }
    previous = found;
    verified++;
  }
  return { intact: true, verified, lastHash: previous };
}
