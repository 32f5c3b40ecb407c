import { AggregateNotFound, centreDecider, centreStreamId } from '@accreditation/domain';
import { type EventStore, type RecordedEvent, verifyChain } from '@accreditation/event-store';
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
    const shown = stored.filter((event) => includes(point, event));
    let state = centreDecider.initialState();
    const trail: TrailEntry[] = [];
    for (const event of shown) {
      const current = this.read(event);
      state = centreDecider.evolve(state, current as Parameters<typeof centreDecider.evolve>[1]);
      trail.push(toEntry(event, current.data as Record<string, unknown>));
    }
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

function includes(point: TrailPoint, event: RecordedEvent): boolean {
  switch (point.kind) {
    case 'latest':
      return true;
    case 'revision':
      return event.revision <= point.revision;
    case 'asOf':
      return Date.parse(String(event.metadata.occurredAt)) <= Date.parse(point.at);
    case 'knownAt':
      return Date.parse(String(event.metadata.recordedAt ?? event.recordedAt.toISOString())) <= Date.parse(point.at);
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
