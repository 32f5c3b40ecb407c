import type { PersonFacts } from '../centre/centre.commands';
import type { Audit, AuditTeam } from '../centre/centre.state';
import type { DecisionContext } from '../shared/decision-context';
import { DomainRuleBroken } from '../shared/domain-errors';

/**
 * Separation of duties (ISO/IEC 17011; rules 4 and 6). Facts owned by the auditor aggregate
 * (conflicts, consultations) arrive in the command as PersonFacts, looked up by the handler.
 */

/** Rule 4: the committee member deciding was no auditor on the audit, never consulted, declared no conflict. */
export function assertIndependentDecider(deciderId: string, team: AuditTeam | undefined, facts: PersonFacts): void {
  if (team?.everAppointed.includes(deciderId)) {
    throw new DomainRuleBroken('AssessorCannotDecide', `${deciderId} was an auditor on this audit and cannot take the decision on it.`);
  }
  if (facts.consultedForCentre) {
    throw new DomainRuleBroken('ConsultantCannotDecide', `${deciderId} consulted for this centre and cannot decide for it.`);
  }
  if (facts.conflictDeclared) {
    throw new DomainRuleBroken('ConflictedPersonCannotDecide', `${deciderId} declared a conflict of interest with this centre and cannot decide for it.`);
  }
}

/** Rule 6: who may be appointed to an audit. */
export function assertAppointable(auditorId: string, facts: PersonFacts, audit: Audit, team: AuditTeam | undefined): void {
  if (!facts.registeredAuditor) {
    throw new DomainRuleBroken('AuditorNotRegistered', `${auditorId} is not a registered auditor.`);
  }
  if (facts.conflictDeclared) {
    throw new DomainRuleBroken('ConflictedAuditorCannotBeAppointed', `${auditorId} declared a conflict of interest with this centre.`);
  }
  if (facts.consultedForCentre) {
    throw new DomainRuleBroken('ConsultantCannotAudit', `${auditorId} consulted for this centre and cannot audit it.`);
  }
  const objection = audit.objections[auditorId];
  if (objection === 'upheld') {
    throw new DomainRuleBroken('ObjectionBlocksAppointment', `The centre's objection to ${auditorId} was upheld.`);
  }
  if (objection === 'pending') {
    throw new DomainRuleBroken('ObjectionPending', `The centre objected to ${auditorId}; decide the objection first.`);
  }
  if (team?.active.includes(auditorId)) {
    throw new DomainRuleBroken('AuditorAlreadyAppointed', `${auditorId} is already appointed to audit ${audit.auditId}.`);
  }
}

/** Assessment work is done by an auditor currently appointed to that audit (an import names that auditor as its actor). */
export function assertActiveAuditor(ctx: DecisionContext, auditId: string, team: AuditTeam | undefined): void {
  if (!team?.active.includes(ctx.actor.id)) {
    throw new DomainRuleBroken('OnlyAppointedAuditorsAssess', `${ctx.actor.id} is not an appointed auditor on audit ${auditId}.`);
  }
}
