import type { ChainVerification, ChainVersion } from '@accreditation/event-store/port';

/** One event of a centre's trail as a compliance officer reads it. */
export interface TrailEntry {
  revision: number;
  position: string;
  eventId: string;
  type: string;
  /** Current shape (upcast); `storedData` differs only when an upcaster changed it. */
  data: Record<string, unknown>;
  actorId: string;
  actorRole: string;
  /** Historical imports: the office clerk who keyed it in ('' for live events); the actor is who really acted. */
  recordedById: string;
  occurredAt: string;
  recordedAt: string;
  correlationId: string;
  causationId: string;
  commandId: string;
  schemeVersion: string;
  hash: string;
  /** Which rule sealed the event: 1 (type, data, occurredAt), 2 or 3 (the whole envelope; 3 hashes it as PostgreSQL prints jsonb). */
  chainVersion: ChainVersion;
  /** Set when the stored data no longer reads as its event type: why. */
  unreadable?: string;
}

/** Which point of the history to reconstruct. */
export type TrailPoint =
  | { kind: 'latest' }
  | { kind: 'revision'; revision: number }
  /** As it was in the world on that date (occurredAt). */
  | { kind: 'asOf'; at: string }
  /** As the engine knew it on that date (recordedAt). */
  | { kind: 'knownAt'; at: string };

export interface AuditTrailDossier {
  centreId: string;
  streamId: string;
  point: TrailPoint;
  /** Events up to the point, in stream order. */
  trail: TrailEntry[];
  /** Events in the whole stream (the point may show fewer). */
  streamLength: number;
  /** The centre's state at the point, recomputed by the domain's evolve. */
  state: unknown;
  /**
   * Timer events the dates imply by the point (expiry at validUntil, lapse at paidUntil, …) but not
   * recorded by then; `state` includes them. Empty at a revision.
   */
  implied: Array<{ type: string; occurredAt: string; data: unknown }>;
  /** Verification of the whole stream's hash chain, not only the part shown. */
  integrity: ChainVerification;
  /** The latest signed digest when the ledger runs in this process (what the integrity was checked against). */
  digest?: { sequence: number; issuedAt: string; rootHash: string; keyId: string };
  generatedAt: string;
}

/** The verification of one stream (a centre's or an auditor's). */
export type StreamVerification = ChainVerification & { streamId: string; events: number; verifiedAt: string };
