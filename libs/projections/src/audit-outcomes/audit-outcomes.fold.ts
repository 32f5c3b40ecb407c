import type { CentreEvent } from '../../../domain/src/centre/centre.events';
import type { RecordedEvent } from '../../../event-store/src/event-store.port';

/**
 * A partial audit row: fields the batch did not touch stay null and the upsert keeps the stored
 * value (COALESCE), so no read is needed before writing.
 */
export interface AuditOutcomeRow {
  auditId: string;
  centreId: string;
  kind: string | null;
  openedAt: string | null;
  dueDate: string | null;
  outcome: 'passed' | 'failed' | null;
  completedAt: string | null;
  unmetCoreCriteria: number | null;
  decision: 'granted' | 'excellence' | 'refused' | null;
  decidedAt: string | null;
}

export const AUDIT_OUTCOME_EVENT_TYPES = ['AuditOpened', 'AuditPassed', 'AuditFailed', 'AccreditationGranted', 'ExcellenceSealAwarded', 'AccreditationRefused'] as const;

export function foldAuditOutcomes(events: readonly RecordedEvent[]): Map<string, AuditOutcomeRow> {
  const rows = new Map<string, AuditOutcomeRow>();
  const row = (auditId: string, centreId: string): AuditOutcomeRow => {
    let r = rows.get(auditId);
    if (!r) {
      r = { auditId, centreId, kind: null, openedAt: null, dueDate: null, outcome: null, completedAt: null, unmetCoreCriteria: null, decision: null, decidedAt: null };
      rows.set(auditId, r);
    }
    return r;
  };
  for (const e of events) {
    const ev = e as unknown as CentreEvent;
    switch (ev.type) {
      case 'AuditOpened': Object.assign(row(ev.data.auditId, ev.data.centreId), { kind: ev.data.kind, openedAt: ev.data.openedAt, dueDate: ev.data.dueDate }); break;
      case 'AuditPassed': Object.assign(row(ev.data.auditId, ev.data.centreId), { kind: ev.data.kind, outcome: 'passed', completedAt: ev.data.completedAt, unmetCoreCriteria: 0 }); break;
      case 'AuditFailed': Object.assign(row(ev.data.auditId, ev.data.centreId), { kind: ev.data.kind, outcome: 'failed', completedAt: ev.data.completedAt, unmetCoreCriteria: ev.data.unmetCoreCriteria.length }); break;
      case 'AccreditationGranted': Object.assign(row(ev.data.auditId, ev.data.centreId), { decision: 'granted', decidedAt: ev.data.decidedAt }); break;
      case 'ExcellenceSealAwarded': Object.assign(row(ev.data.auditId, ev.data.centreId), { decision: 'excellence', decidedAt: ev.data.decidedAt }); break;
      case 'AccreditationRefused': Object.assign(row(ev.data.auditId, ev.data.centreId), { decision: 'refused', decidedAt: ev.data.decidedAt }); break;
      default: break;
    }
  }
  return rows;
}
