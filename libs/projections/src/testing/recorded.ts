import type { AuditorEvent } from '../../../domain/src/auditor/auditor.events';
import type { CentreEvent } from '../../../domain/src/centre/centre.events';
import { currentSchemaVersion } from '../../../domain/src/upcasting/upcasters';
import type { RecordedEvent } from '../../../event-store/src/event-store.port';

/** Builds recorded events for pure projection specs: positions and revisions follow call order. */
export function recorder(start = 1n) {
  let position = start;
  const revisions = new Map<string, number>();
  return (event: CentreEvent | AuditorEvent, at = '2024-01-01T00:00:00.000Z', actor = { id: 'office-1', role: 'office' }): RecordedEvent => {
    const d = event.data as { centreId?: string; auditorId?: string };
    const streamId = 'centreId' in d && d.centreId && !event.type.startsWith('Conflict') && event.type !== 'ConsultationRecorded' && event.type !== 'AuditorRegistered'
      ? `centre-${d.centreId}` : `auditor-${d.auditorId}`;
    const revision = revisions.get(streamId) ?? 0;
    revisions.set(streamId, revision + 1);
    return {
      streamId, revision, position: position++, id: `${streamId}-${revision}`, type: event.type, data: event.data,
      metadata: { actor, occurredAt: at, recordedAt: at, schemaVersion: currentSchemaVersion(event.type) }, recordedAt: new Date(at),
    };
  };
}
