import type { CentreEvent } from '../../../domain/src/centre/centre.events';
import type { RecordedEvent } from '../../../event-store/src/event-store.port';
import { CENTRE_EVENT_TYPES } from '../framework/event-types';
import { occurredAt } from '../framework/event-view';

const CENTRE_TYPES: ReadonlySet<string> = new Set(CENTRE_EVENT_TYPES);
import { type CentreStanding, type CentreStatusRow, holdsAward, type Seal } from './centre-status.row';

/**
 * Pure fold of one centre event into its status row. Returns the row unchanged in content (apart
 * from bookkeeping) for events that do not affect status; returns undefined only for an event of a
 * centre never registered (nothing to show yet).
 */
export function evolveCentreStatus(row: CentreStatusRow | undefined, e: RecordedEvent): CentreStatusRow | undefined {
  return applyCentreEvent(row ? { ...row } : undefined, e);
}

/**
 * The fold itself, mutating `r` (or creating the row on registration). Callers own `r`: the pure
 * evolveCentreStatus copies first; a batch fold copies each stored row once per batch, not once per event.
 */
function applyCentreEvent(row: CentreStatusRow | undefined, e: RecordedEvent): CentreStatusRow | undefined {
  const ev = e as unknown as CentreEvent;
  if (ev.type === 'CentreRegistered') {
    const meta = { lastEventType: e.type, lastOccurredAt: occurredAt(e), revision: e.revision, lastPosition: e.position.toString() };
    const d = ev.data;
    return withSeal({
      centreId: d.centreId, name: d.name, country: d.country, city: d.city, institution: d.institution,
      proceduresPerYear: d.proceduresPerYear, status: 'registered', award: null, seal: null,
      enrolment: null, enrolmentPaidUntil: null, validFrom: null, validUntil: null, certificateNumber: null,
      suspendedUntil: null, suspensionLimitReached: false, currentApplicationId: null, currentApplicationKind: null,
      currentAuditId: null, currentAuditKind: null, currentAuditStatus: null, currentAuditDueDate: null,
      openFindings: {}, openAppeals: 0, registeredAt: d.registeredAt, ...meta,
    });
  }
  if (!row) return undefined;
  const r = row;
  r.lastEventType = e.type;
  r.lastOccurredAt = occurredAt(e);
  r.revision = e.revision;
  r.lastPosition = e.position.toString();
  /** Process steps move the standing only while no award is held. */
  const step = (s: CentreStanding): void => { if (!holdsAward(r)) r.status = s; };

  switch (ev.type) {
    case 'ProcedureVolumeUpdated': r.proceduresPerYear = ev.data.proceduresPerYear; break;
    case 'CentreEnrolled':
    case 'EnrolmentRenewed':
      r.enrolment = 'active';
      r.enrolmentPaidUntil = ev.data.enrolmentPaidUntil;
      if (r.status === 'registered' || r.status === 'enrolment_lapsed') r.status = 'enrolled';
      break;
    case 'EnrolmentLapsed':
      r.enrolment = 'lapsed';
      if (r.status === 'enrolled') r.status = 'enrolment_lapsed';
      break;
    case 'ApplicationSubmitted':
      r.currentApplicationId = ev.data.applicationId;
      r.currentApplicationKind = ev.data.kind;
      step('application_submitted');
      break;
    case 'AuditOpened':
      r.currentAuditId = ev.data.auditId;
      r.currentAuditKind = ev.data.kind;
      r.currentAuditStatus = 'open';
      r.currentAuditDueDate = ev.data.dueDate;
      step('under_audit');
      break;
    case 'FindingRaised': r.openFindings = { ...r.openFindings, [ev.data.findingId]: ev.data.grade }; break;
    case 'FindingClosed': {
      const { [ev.data.findingId]: _closed, ...rest } = r.openFindings;
      r.openFindings = rest;
      break;
    }
    case 'AuditPassed':
    case 'AuditFailed':
      if (r.currentAuditId === ev.data.auditId) r.currentAuditStatus = ev.type === 'AuditPassed' ? 'passed' : 'failed';
      step(ev.type === 'AuditPassed' ? 'audit_passed' : 'audit_failed');
      break;
    case 'AccreditationGranted':
    case 'ExcellenceSealAwarded':
      r.award = ev.type === 'AccreditationGranted' ? 'accredited' : 'excellence';
      r.status = r.award;
      r.validFrom = ev.data.validFrom;
      r.validUntil = ev.data.validUntil;
      r.certificateNumber = ev.data.certificateNumber;
      r.suspendedUntil = null;
      r.suspensionLimitReached = false;
      break;
    case 'AccreditationRefused': step('refused'); break;
    case 'AccreditationSuspended':
      r.status = 'suspended';
      r.suspendedUntil = ev.data.suspendedUntil;
      break;
    case 'AccreditationReinstated':
      r.status = r.award ?? 'accredited';
      r.suspendedUntil = null;
      r.suspensionLimitReached = false;
      break;
    case 'SuspensionLimitReached': r.suspensionLimitReached = true; break;
    case 'AccreditationWithdrawn': r.status = 'withdrawn'; r.suspendedUntil = null; break;
    case 'AccreditationRelinquished': r.status = 'relinquished'; r.suspendedUntil = null; break;
    case 'AccreditationExpired': r.status = 'expired'; break;
    case 'AppealLodged': r.openAppeals += 1; break;
    case 'AppealDecided': r.openAppeals = Math.max(0, r.openAppeals - 1); break;
    default: break; // evidence, judgements, reminders, corrections…: bookkeeping only
  }
  return withSeal(r);
}

function withSeal(r: CentreStatusRow): CentreStatusRow {
  r.seal = sealOf(r);
  return r;
}

export function sealOf(r: Pick<CentreStatusRow, 'status' | 'enrolment'>): Seal | null {
  if (r.status === 'accredited' || r.status === 'excellence') return r.status;
  if (r.status === 'suspended' || r.status === 'withdrawn' || r.status === 'expired' || r.status === 'relinquished') return null;
  return r.enrolment === 'active' ? 'enrolled' : null;
}

/**
 * Folds a batch over the rows already stored for the centres it touches.
 * Returns only the rows that changed, keyed by centre id.
 */
export function foldCentreStatus(existing: ReadonlyMap<string, CentreStatusRow>, events: readonly RecordedEvent[]): Map<string, CentreStatusRow> {
  const changed = new Map<string, CentreStatusRow>();
  for (const e of events) {
    if (!CENTRE_TYPES.has(e.type)) continue; // e.g. an auditor's ConflictDeclared also names a centre
    const id = centreIdOf(e);
    if (id === undefined) continue;
    const owned = changed.get(id);
    const stored = owned ? undefined : existing.get(id);
    const next = applyCentreEvent(owned ?? (stored ? { ...stored } : undefined), e);
    if (next) changed.set(id, next);
  }
  return changed;
}

export function centreIdOf(e: RecordedEvent): string | undefined {
  const id = (e.data as { centreId?: unknown } | null)?.centreId;
  return typeof id === 'string' ? id : undefined;
}
