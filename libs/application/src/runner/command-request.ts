import type { Actor } from '@accreditation/domain';

/** A command plus everything the engine records about who sent it and why. */
export interface CommandRequest<C extends { type: string }> {
  command: C;
  /** Who acted; for a historical import, the person who really acted back then. */
  actor: Actor;
  /** When it happened in the world, for historical imports; defaults to the engine's clock. */
  occurredAt?: string;
  /**
   * Historical imports only: the clerk who keyed it in, holding the import capability. Stored as
   * `metadata.recordedBy`; the domain refuses a back-dated command without it.
   */
  recordedBy?: Actor;
  correlationId: string;
  /** What caused this command (a prior event or request); defaults to the correlation id. */
  causationId?: string;
  /** Makes the command's and events' ids deterministic, so a retry appends nothing new. */
  idempotencyKey?: string;
  /** From If-Match: the stream revision the client last saw (-1 for "no stream yet"). */
  expectedRevision?: number;
}

export interface AppendedEventView {
  id: string;
  type: string;
  revision: number;
  data: unknown;
}

export interface CommandOutcome {
  streamId: string;
  /** Revision of the stream's last event after the command; -1 if the stream is still empty. */
  revision: number;
  commandId: string;
  /** True when an identical earlier request (same Idempotency-Key) had already been applied. */
  replayed: boolean;
  events: AppendedEventView[];
}
