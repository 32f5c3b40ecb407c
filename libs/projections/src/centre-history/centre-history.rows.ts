import type { RecordedEvent } from '../../../event-store/src/event-store.port';
import { copyLine } from '../framework/copy-text';
import { actorOf, occurredAt, recordedAt } from '../framework/event-view';
import { upcastEvent } from '../../../domain/src/upcasting/upcasters';
import { centreIdOf } from '../framework/centre-fold';
import { summarise } from './centre-history.summary';

export interface CentreHistoryRow {
  centreId: string;
  revision: number;
  position: string;
  eventId: string;
  type: string;
  summary: string;
  actorId: string | null;
  actorRole: string | null;
  occurredAt: string;
  recordedAt: string;
}

export const HISTORY_COLUMNS = ['centre_id', 'revision', 'position', 'event_id', 'type', 'summary', 'actor_id', 'actor_role', 'occurred_at', 'recorded_at'] as const;

/** Pure: one history row per centre event. */
export function historyRow(e: RecordedEvent): CentreHistoryRow | undefined {
  if (!e.streamId.startsWith('centre-')) return undefined; // auditor events naming a centre are not its history
  const centreId = centreIdOf(e);
  if (centreId === undefined) return undefined;
  const actor = actorOf(e);
  return {
    centreId, revision: e.revision, position: e.position.toString(), eventId: e.id, type: e.type,
    summary: summarise(readStored(e)), actorId: actor.id, actorRole: actor.role, occurredAt: occurredAt(e), recordedAt: recordedAt(e),
  };
}

/** The event in its current shape, upcast like the command path reads it (v1 registrations name their city). */
function readStored(e: RecordedEvent): { type: string; data: unknown } {
  const v = (e.metadata as { schemaVersion?: unknown } | null)?.schemaVersion;
  return upcastEvent({ type: e.type, data: e.data, schemaVersion: v === undefined ? undefined : Number(v) });
}

/** The batch as COPY text, in HISTORY_COLUMNS order. */
export function historyCopyText(events: readonly RecordedEvent[]): string {
  let text = '';
  for (const e of events) {
    const r = historyRow(e);
    if (r) text += copyLine([r.centreId, r.revision, r.position, r.eventId, r.type, r.summary, r.actorId, r.actorRole, r.occurredAt, r.recordedAt]);
  }
  return text;
}
