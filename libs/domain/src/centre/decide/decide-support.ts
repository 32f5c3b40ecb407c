import { DomainRuleBroken } from '../../shared/domain-errors';
import type { CentreCommand } from '../centre.commands';
import type { CentreEvent } from '../centre.events';
import type { KnownCentre, PendingDecision, Work, WorkAt } from '../centre.state';

/** The data of one centre command, by type. */
export type CommandData<T extends CentreCommand['type']> = Extract<CentreCommand, { type: T }>['data'];

/** The audit in progress, whatever the award status around it (a re-certification runs while accredited). */
export function auditInProgress(state: KnownCentre, auditId: string, what: string): WorkAt<'UnderAudit'> {
  const work = state.work;
  if (work?.stage !== 'UnderAudit') {
    throw new DomainRuleBroken('NotAllowedInStatus', `${what} needs an audit in progress; the centre is ${state.status}${work ? ` with its application at ${work.stage}` : ''}.`);
  }
  if (work.audit.auditId !== auditId) {
    throw new DomainRuleBroken('AuditMismatch', `Audit ${auditId} is not the centre's current audit (${work.audit.auditId}).`);
  }
  return work;
}

/** A completed audit awaiting the committee: passed for a grant, passed or failed for a refusal. */
export function completedAudit(state: KnownCentre, what: string): WorkAt<'AuditPassed'> | WorkAt<'AuditFailed'> {
  const work = state.work;
  if (work?.stage !== 'AuditPassed' && work?.stage !== 'AuditFailed') {
    throw new DomainRuleBroken('GrantRequiresPassedAudit', `${what} needs a completed audit; the centre is ${state.status}${work ? ` with its application at ${work.stage}` : ''}.`);
  }
  return work;
}

export function notAllowed(state: KnownCentre, what: string): never {
  throw new DomainRuleBroken('NotAllowedInStatus', `${what} does not apply to a centre that is ${state.status}.`);
}

/** Rule 7: the award stays in force from validUntil pending the committee's decision (dated at validUntil). */
export function extensionEvent(centreId: string, pending: PendingDecision, work: Work | null): CentreEvent {
  const auditId = work && work.stage !== 'ApplicationSubmitted' ? work.audit.auditId : '';
  return {
    type: 'AccreditationExtendedPendingDecision',
    data: { centreId, applicationId: pending.applicationId, auditId, validUntil: pending.validUntil, extendedUntil: pending.extendedUntil, extendedAt: pending.validUntil },
  };
}

/** The audit of the application in progress, if one is open or completed. */
export const currentAuditId = (state: KnownCentre): string | null =>
  state.work && state.work.stage !== 'ApplicationSubmitted' ? state.work.audit.auditId : null;
