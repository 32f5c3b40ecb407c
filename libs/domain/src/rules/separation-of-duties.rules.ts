import type { PersonFacts } from '../centre/centre.commands';
import type { Audit, AuditTeam, Finding } from '../centre/centre.state';
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

/**
 * Assessment work is done by an auditor currently appointed to that audit (an import names that
 * auditor as its actor). A conflict or consultation declared after the appointment blocks the auditor at once
 * (`assessor`: the acting auditor's facts, looked up by the handler); the office then recuses them.
 */
export function assertActiveAuditor(ctx: DecisionContext, auditId: string, team: AuditTeam | undefined, assessor?: PersonFacts): void {
  if (!team?.active.includes(ctx.actor.id)) {
    throw new DomainRuleBroken('OnlyAppointedAuditorsAssess', `${ctx.actor.id} is not an appointed auditor on audit ${auditId}.`);
  }
  assertNotConflicted(ctx.actor.id, assessor);
}

/** A conflict of interest or consultation declared after the appointment takes effect at once. */
export function assertNotConflicted(auditorId: string, facts: PersonFacts | undefined): void {
  if (facts?.conflictDeclared || facts?.consultedForCentre) {
    throw new DomainRuleBroken('ConflictedAuditorCannotAct', `${auditorId} has declared a conflict of interest with (or consulted for) this centre since the appointment and can no longer act on its audit; the office recuses them.`);
  }
}

/**
 * Findings outlive their audit. Their correction is verified by an auditor of the audit that raised
 * them, or by any auditor appointed to the centre's audit in progress (a later audit), so an open
 * major finding never blocks a centre for ever.
 */
export function assertMayVerifyFinding(ctx: DecisionContext, finding: Finding, teams: Record<string, AuditTeam>, currentAuditId: string | null, assessor?: PersonFacts): void {
  const onRaisingAudit = teams[finding.auditId]?.active.includes(ctx.actor.id) ?? false;
  const onCurrentAudit = currentAuditId !== null && (teams[currentAuditId]?.active.includes(ctx.actor.id) ?? false);
  if (!onRaisingAudit && !onCurrentAudit) {
    throw new DomainRuleBroken('OnlyAppointedAuditorsAssess', `${ctx.actor.id} is appointed neither to audit ${finding.auditId}, which raised finding ${finding.findingId}, nor to the centre's audit in progress.`);
  }
  assertNotConflicted(ctx.actor.id, assessor);
}

/** Auditors appointed to the audit and removed since (upheld objection, recusal): their judgements no longer count. */
export const removedAuditors = (team: AuditTeam | undefined): string[] => (team ? team.everAppointed.filter((id) => !team.active.includes(id)) : []);
