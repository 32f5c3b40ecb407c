/**
 * The metadata every event written by the engine carries. The event store itself treats metadata
 * as opaque JSON; the application writes this shape and projections and the replay read it.
 */
export interface EventMetadata {
  actor: { id: string; role: string };
  correlationId: string;
  causationId: string;
  commandId: string;
  /** When the engine stored the event (ISO 8601). */
  recordedAt: string;
  /** When it happened in the world (ISO 8601); earlier than recordedAt only for historical imports. */
  occurredAt: string;
  schemeVersion: string;
  /** Version of the event's data shape; upcasters lift older versions on read. */
  schemaVersion: number;
  /** SHA-256 (hex) of this event's canonical form, chained to the previous event of the stream. */
  hash: string;
  /** Hash of the previous event of the stream; GENESIS_HASH for the first event. */
  previousHash: string;
  [key: string]: unknown;
}
