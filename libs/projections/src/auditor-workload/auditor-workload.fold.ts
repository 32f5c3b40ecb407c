import type { AuditorEvent } from '../../../domain/src/auditor/auditor.events';
import type { CentreEvent } from '../../../domain/src/centre/centre.events';
import type { RecordedEvent } from '../../../event-store/src/event-store.port';
import { occurredAt } from '../framework/event-view';

export type AppointmentStatus = 'open' | 'closed' | 'recused';

export interface AppointmentRow {
  auditId: string;
  auditorId: string;
  centreId: string;
  status: AppointmentStatus;
  appointedAt: string;
  endedAt: string | null;
}

/** Changes to one auditor's counters; the SQL adds them to what is stored. */
export interface AuditorDelta {
  auditorId: string;
  profile: { country: string; specialties: string[]; registeredAt: string } | null;
  auditsOpen: number;
  auditsClosed: number;
  recusals: number;
  conflicts: number;
  consultations: number;
  lastPosition: string;
}

export interface DeclarationRow {
  auditorId: string;
  centreId: string;
  kind: 'conflict' | 'consultation';
  description: string;
  declaredAt: string;
  position: string;
}

export interface AuditorBatchChanges {
  auditors: Map<string, AuditorDelta>;
  appointments: Map<string, AppointmentRow>;
  declarations: DeclarationRow[];
}

export const appointmentKey = (auditId: string, auditorId: string): string => `${auditId}\u0000${auditorId}`;

/** Audit ids whose stored appointments the fold needs to see. */
export function auditIdsOf(events: readonly RecordedEvent[]): string[] {
  const ids = new Set<string>();
  for (const e of events) {
    const auditId = (e.data as { auditId?: unknown }).auditId;
    if (typeof auditId === 'string') ids.add(auditId);
  }
  return [...ids];
}

/**
 * Pure fold of a batch. `stored` holds the appointments already in the table for the audits the
 * batch mentions; completing an audit closes every appointment still open on it.
 */
export function foldAuditorWorkload(stored: ReadonlyMap<string, AppointmentRow>, events: readonly RecordedEvent[]): AuditorBatchChanges {
  const auditors = new Map<string, AuditorDelta>();
  const appointments = new Map<string, AppointmentRow>();
  const declarations: DeclarationRow[] = [];
  const byAudit = new Map<string, Set<string>>();
  for (const [key, a] of stored) {
    if (!byAudit.has(a.auditId)) byAudit.set(a.auditId, new Set());
    byAudit.get(a.auditId)!.add(key);
  }
  const delta = (auditorId: string, e: RecordedEvent): AuditorDelta => {
    let d = auditors.get(auditorId);
    if (!d) {
      d = { auditorId, profile: null, auditsOpen: 0, auditsClosed: 0, recusals: 0, conflicts: 0, consultations: 0, lastPosition: '0' };
      auditors.set(auditorId, d);
    }
    d.lastPosition = e.position.toString();
    return d;
  };
  const current = (key: string): AppointmentRow | undefined => appointments.get(key) ?? stored.get(key);

  for (const e of events) {
    const ev = e as unknown as CentreEvent | AuditorEvent;
    switch (ev.type) {
      case 'AuditorRegistered':
        delta(ev.data.auditorId, e).profile = { country: ev.data.country, specialties: ev.data.specialties, registeredAt: ev.data.registeredAt };
        break;
      case 'ConflictDeclared':
      case 'ConsultationRecorded': {
        const conflict = ev.type === 'ConflictDeclared';
        const d = delta(ev.data.auditorId, e);
        if (conflict) d.conflicts++; else d.consultations++;
        declarations.push({
          auditorId: ev.data.auditorId, centreId: ev.data.centreId, kind: conflict ? 'conflict' : 'consultation',
          description: ev.data.description, declaredAt: occurredAt(e), position: e.position.toString(),
        });
        break;
      }
      case 'AuditorAppointed': {
        const key = appointmentKey(ev.data.auditId, ev.data.auditorId);
        if (current(key)?.status === 'open') break; // already counted
        appointments.set(key, { auditId: ev.data.auditId, auditorId: ev.data.auditorId, centreId: ev.data.centreId, status: 'open', appointedAt: ev.data.appointedAt, endedAt: null });
        if (!byAudit.has(ev.data.auditId)) byAudit.set(ev.data.auditId, new Set());
        byAudit.get(ev.data.auditId)!.add(key);
        delta(ev.data.auditorId, e).auditsOpen++;
        break;
      }
      case 'AuditorRecused': {
        const key = appointmentKey(ev.data.auditId, ev.data.auditorId);
        const a = current(key);
        if (a?.status !== 'open') break;
        appointments.set(key, { ...a, status: 'recused', endedAt: ev.data.recusedAt });
        const d = delta(ev.data.auditorId, e);
        d.auditsOpen--;
        d.recusals++;
        break;
      }
      case 'AuditPassed':
      case 'AuditFailed':
        for (const key of byAudit.get(ev.data.auditId) ?? []) {
          const a = current(key);
          if (a?.status !== 'open') continue;
          appointments.set(key, { ...a, status: 'closed', endedAt: ev.data.completedAt });
          const d = delta(a.auditorId, e);
          d.auditsOpen--;
          d.auditsClosed++;
        }
        break;
      default: break;
    }
  }
  return { auditors, appointments, declarations };
}
