import { standingOf } from '../../../domain/src/centre/centre.standing';
import type { CentreState, CentreStatus, KnownCentre } from '../../../domain/src/centre/centre.state';
import type { FindingGrade } from '../../../domain/src/centre/centre.events';
import type { RecordedEvent } from '../../../event-store/src/event-store.port';
import { centreEventOf, foldRecorded, unregistered } from '../framework/centre-fold';
import { occurredAt } from '../framework/event-view';
import type { CentreStanding, CentreStatusRow } from './centre-status.row';

/** The domain's status under the read model's names; the domain's fold decides, this only renames. */
const STANDING: Record<Exclude<CentreStatus, 'Unregistered'>, CentreStanding> = {
  Registered: 'registered', Enrolled: 'enrolled', ApplicationSubmitted: 'application_submitted', UnderAudit: 'under_audit',
  AwaitingDecision: 'audit_passed', AuditFailed: 'audit_failed', Accredited: 'accredited', CentreOfExcellence: 'excellence',
  Suspended: 'suspended', Expired: 'expired', Withdrawn: 'withdrawn', Relinquished: 'relinquished',
};

const AUDIT_STATUS = { ApplicationSubmitted: null, UnderAudit: 'open', AuditPassed: 'passed', AuditFailed: 'failed' } as const;

/**
 * The row of a centre: a mapping of the domain state after event `e` (plus bookkeeping: last event,
 * revision, position). `registeredAt` comes from the row before: the domain state does not hold it.
 */
export function centreStatusRowOf(state: KnownCentre, registeredAt: string, e: RecordedEvent): CentreStatusRow {
  const s = standingOf(state);
  const p = state.profile;
  const w = state.work;
  const audit = w && w.stage !== 'ApplicationSubmitted' ? w.audit : null;
  const openFindings: Record<string, FindingGrade> = {};
  for (const f of Object.values(state.findings)) if (f.state !== 'closed') openFindings[f.findingId] = f.grade;
  let openAppeals = 0;
  for (const a of Object.values(state.appeals)) if (a.state === 'open') openAppeals += 1;
  return {
    centreId: state.centreId, name: p.name, country: p.country, city: p.city, institution: p.institution,
    proceduresPerYear: p.proceduresPerYear,
    status: state.status === 'Registered' && s.enrolment === 'lapsed' ? 'enrolment_lapsed' : STANDING[state.status],
    award: s.award ? (s.award.kind === 'excellence' ? 'excellence' : 'accredited') : null,
    seal: s.seal, enrolment: s.enrolment, enrolmentPaidUntil: s.enrolmentPaidUntil,
    validFrom: s.award?.validFrom ?? null, validUntil: s.award?.validUntil ?? null, certificateNumber: s.award?.certificateNumber ?? null,
    suspendedUntil: s.suspendedUntil, suspensionLimitReached: s.suspensionLimitReached,
    currentApplicationId: w?.application.applicationId ?? null, currentApplicationKind: w?.application.kind ?? null,
    currentAuditId: audit?.auditId ?? null, currentAuditKind: audit?.kind ?? null,
    currentAuditStatus: w ? AUDIT_STATUS[w.stage] : null, currentAuditDueDate: audit?.dueDate ?? null,
    openFindings, openAppeals,
    registeredAt,
    lastEventType: e.type, lastOccurredAt: occurredAt(e), revision: e.revision, lastPosition: e.position.toString(),
  };
}

/**
 * Folds a batch over the rows already stored for the centres it touches. `states` holds the domain
 * state of those centres (loaded with the rows) and is updated in place for the caller to save.
 * Returns only the rows that changed, keyed by centre id.
 */
export function foldCentreStatus(
  existing: ReadonlyMap<string, CentreStatusRow>, events: readonly RecordedEvent[], states: Map<string, CentreState> = new Map(),
): Map<string, CentreStatusRow> {
  const last = new Map<string, RecordedEvent>();
  const registeredAt = new Map<string, string>();
  for (const e of events) {
    const id = centreEventOf(e);
    if (id === undefined) continue;
    const before = states.get(id) ?? unregistered();
    const state = foldRecorded(before, e);
    if (state.status === 'Unregistered') continue; // a centre never registered: nothing to show
    // Just registered: the state's lastOccurredAt is the registration date.
    if (before.status === 'Unregistered') registeredAt.set(id, state.lastOccurredAt);
    states.set(id, state);
    last.set(id, e);
  }
  // One row per centre and batch, from its state after the batch's last event.
  const changed = new Map<string, CentreStatusRow>();
  for (const [id, e] of last) {
    const at = existing.get(id)?.registeredAt ?? registeredAt.get(id);
    if (at !== undefined) changed.set(id, centreStatusRowOf(states.get(id) as KnownCentre, at, e));
  }
  return changed;
}
