import { AggregateNotFound, type CentreEvent, type PointInTime, type TimedEvent, centreStateAt, centreStreamId, includesEvent } from '@accreditation/domain';
import { type EventStore, type RecordedEvent, verifyChain } from '@accreditation/event-store/port';
import type { Clock } from '../ports/clock';
import type { StoredEventReader } from '../runner/stream-folding';
import type { AuditTrailDossier, TrailEntry, TrailPoint } from './audit-trail';

/**
 * Rebuilds a centre's audit trail from the event store itself (never from a read model), at any
 * point of its history, and checks that nothing in it was altered.
 */
export class AuditTrailReplay {
  constructor(
    private readonly store: EventStore,
    private readonly read: StoredEventReader,
    private readonly clock: Clock,
  ) {}

  async replay(centreId: string, point: TrailPoint): Promise<AuditTrailDossier> {
    const streamId = centreStreamId(centreId);
    const stored = await this.store.readStream(streamId);
    if (stored.length === 0) throw new AggregateNotFound(`Centre ${centreId} is not registered`);
    const at = pointInTime(point);
    const trail = stored.map((event) => toEntry(event, this.read(event).data as Record<string, unknown>)).filter((entry) => !at || includesEvent(entry, at));
    // The domain's own time travel recomputes the state: the replay never re-implements evolve.
    const state = centreStateAt(trail.map(toTimedEvent), at ?? { revision: Number.MAX_SAFE_INTEGER });
    return {
      centreId,
      streamId,
      point,
      trail,
      streamLength: stored.length,
      state,
      integrity: verifyChain(stored),
      generatedAt: this.clock.now().toISOString(),
    };
  }
}

function pointInTime(point: TrailPoint): PointInTime | undefined {
  switch (point.kind) {
    case 'latest':
      return undefined;
    case 'revision':
      return { revision: point.revision };
    case 'asOf':
      return { asOf: point.at };
    case 'knownAt':
      return { knownAt: point.at };
  }
}

function toEntry(event: RecordedEvent, data: Record<string, unknown>): TrailEntry {
  const m = event.metadata as Record<string, unknown> & { actor?: { id?: string; role?: string } };
  return {
    revision: event.revision,
    position: event.position.toString(),
    eventId: event.id,
    type: event.type,
    data,
    actorId: String(m.actor?.id ?? ''),
    actorRole: String(m.actor?.role ?? ''),
    occurredAt: String(m.occurredAt ?? ''),
    recordedAt: String(m.recordedAt ?? event.recordedAt.toISOString()),
    correlationId: String(m.correlationId ?? ''),
    causationId: String(m.causationId ?? ''),
    commandId: String(m.commandId ?? ''),
    schemeVersion: String(m.schemeVersion ?? ''),
    hash: String(m.hash ?? ''),
  };
}

/** Entries already hold the upcast data, so no schemaVersion: the domain folds them as they are. */
function toTimedEvent(entry: TrailEntry): TimedEvent {
  const event = { type: entry.type, data: entry.data } as CentreEvent;
  return { ...event, revision: entry.revision, occurredAt: entry.occurredAt, recordedAt: entry.recordedAt };
}
