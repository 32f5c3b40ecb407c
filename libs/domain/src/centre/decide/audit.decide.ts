import { assertAuditCanPass, evaluateAudit } from '../../rules/audit-outcome.rules';
import { assertActiveAuditor, assertAppointable, removedAuditors } from '../../rules/separation-of-duties.rules';
import { getScheme, hasCriterion } from '../../scheme/scheme.registry';
import type { DecisionContext } from '../../shared/decision-context';
import { DomainRuleBroken } from '../../shared/domain-errors';
import type { CentreEvent } from '../centre.events';
import type { KnownCentre } from '../centre.state';
import { auditInProgress, type CommandData } from './decide-support';

export function objectToAuditor(d: CommandData<'ObjectToAuditor'>, state: KnownCentre, ctx: DecisionContext): CentreEvent[] {
  const { audit } = auditInProgress(state, d.auditId, 'An objection to an auditor');
  if (audit.objections[d.auditorId]) {
    throw new DomainRuleBroken('ObjectionAlreadyRaised', `The centre already objected to ${d.auditorId} on audit ${d.auditId}.`);
  }
  return [{ type: 'AuditorObjectionRaised', data: { centreId: d.centreId, auditId: d.auditId, auditorId: d.auditorId, grounds: d.grounds, raisedAt: ctx.occurredAt, raisedBy: ctx.actor.id } }];
}

export function decideAuditorObjection(d: CommandData<'DecideAuditorObjection'>, state: KnownCentre, ctx: DecisionContext): CentreEvent[] {
  const { audit } = auditInProgress(state, d.auditId, 'Deciding an objection');
  if (audit.objections[d.auditorId] !== 'pending') {
    throw new DomainRuleBroken('NoPendingObjection', `There is no pending objection to ${d.auditorId} on audit ${d.auditId}.`);
  }
  return [{ type: 'AuditorObjectionDecided', data: { centreId: d.centreId, auditId: d.auditId, auditorId: d.auditorId, upheld: d.upheld, reason: d.reason, decidedAt: ctx.occurredAt, decidedBy: ctx.actor.id } }];
}

/** Rule 6. */
export function appointAuditor(d: CommandData<'AppointAuditor'>, state: KnownCentre, ctx: DecisionContext): CentreEvent[] {
  const { audit } = auditInProgress(state, d.auditId, 'Appointing an auditor');
  assertAppointable(d.auditorId, d.auditor, audit, state.auditTeams[d.auditId]);
  // Whether the auditor had lodged a declaration of interests when appointed, as their record says.
  return [{ type: 'AuditorAppointed', data: { centreId: d.centreId, auditId: d.auditId, auditorId: d.auditorId, conflictsDeclared: d.auditor.interestsDeclared, appointedAt: ctx.occurredAt, appointedBy: ctx.actor.id } }];
}

export function recuseAuditor(d: CommandData<'RecuseAuditor'>, state: KnownCentre, ctx: DecisionContext): CentreEvent[] {
  auditInProgress(state, d.auditId, 'Recusing an auditor');
  if (ctx.actor.role === 'auditor' && ctx.actor.id !== d.auditorId) {
    throw new DomainRuleBroken('RoleNotPermitted', `An auditor recuses only themself; ${ctx.actor.id} is not ${d.auditorId}.`);
  }
  // Stryker disable next-line OptionalChaining: AuditOpened gives every audit a team (evolve), and auditInProgress above proves this one opened
  if (!state.auditTeams[d.auditId]?.active.includes(d.auditorId)) {
    throw new DomainRuleBroken('AuditorNotAppointed', `${d.auditorId} is not appointed to audit ${d.auditId}.`);
  }
  return [{ type: 'AuditorRecused', data: { centreId: d.centreId, auditId: d.auditId, auditorId: d.auditorId, reason: d.reason, recusedAt: ctx.occurredAt, recusedBy: ctx.actor.id } }];
}

/** Pauses the decision clock until every request is answered. */
export function requestEvidence(d: CommandData<'RequestEvidence'>, state: KnownCentre, ctx: DecisionContext): CentreEvent[] {
  const { audit } = auditInProgress(state, d.auditId, 'Requesting evidence');
  assertActiveAuditor(ctx, d.auditId, state.auditTeams[d.auditId], d.assessor);
  if (audit.evidenceRequests[d.requestId]) {
    throw new DomainRuleBroken('EvidenceRequestExists', `Evidence request ${d.requestId} already exists on audit ${d.auditId}.`);
  }
  return [{ type: 'EvidenceRequested', data: { centreId: d.centreId, auditId: d.auditId, requestId: d.requestId, description: d.description, requestedAt: ctx.occurredAt, requestedBy: ctx.actor.id } }];
}

export function provideEvidence(d: CommandData<'ProvideEvidence'>, state: KnownCentre, ctx: DecisionContext): CentreEvent[] {
  const { audit } = auditInProgress(state, d.auditId, 'Providing evidence');
  const request = audit.evidenceRequests[d.requestId];
  if (!request || request.providedAt !== null) {
    throw new DomainRuleBroken('EvidenceRequestNotOpen', `Evidence request ${d.requestId} is not open on audit ${d.auditId}.`);
  }
  return [{ type: 'EvidenceProvided', data: { centreId: d.centreId, auditId: d.auditId, requestId: d.requestId, documentReferences: [...d.documentReferences], providedAt: ctx.occurredAt, providedBy: ctx.actor.id } }];
}

export function judgeCriterion(d: CommandData<'JudgeCriterion'>, state: KnownCentre, ctx: DecisionContext): CentreEvent[] {
  const { audit } = auditInProgress(state, d.auditId, 'Judging a criterion');
  assertActiveAuditor(ctx, d.auditId, state.auditTeams[d.auditId], d.assessor);
  if (!hasCriterion(getScheme(audit.schemeVersion), d.criterionId)) {
    throw new DomainRuleBroken('UnknownCriterion', `Scheme ${audit.schemeVersion} has no criterion ${d.criterionId}.`);
  }
  return [{ type: 'CriterionJudged', data: { centreId: d.centreId, auditId: d.auditId, criterionId: d.criterionId, met: d.met, note: d.note, judgedAt: ctx.occurredAt, judgedBy: ctx.actor.id } }];
}

/** Rule 3: a pass is checked; a fail names what is missing. */
export function completeAudit(d: CommandData<'CompleteAudit'>, state: KnownCentre, ctx: DecisionContext): CentreEvent[] {
  const { audit } = auditInProgress(state, d.auditId, 'Completing an audit');
  assertActiveAuditor(ctx, d.auditId, state.auditTeams[d.auditId], d.assessor);
  const evaluation = evaluateAudit(audit, state.findings, getScheme(audit.schemeVersion), removedAuditors(state.auditTeams[d.auditId]));
  const common = { centreId: d.centreId, auditId: d.auditId, kind: audit.kind, completedAt: ctx.occurredAt, completedBy: ctx.actor.id };
  if (d.recommendation === 'fail') {
    return [{
      type: 'AuditFailed',
      data: { ...common, recommendation: 'fail', unmetCoreCriteria: evaluation.unmetCore, openMajorFindings: evaluation.openMajorFindings, reason: d.reason },
    }];
  }
  assertAuditCanPass(evaluation);
  return [{
    type: 'AuditPassed',
    data: { ...common, recommendation: 'pass', allExtendedMet: evaluation.unmetExtended.length === 0, unmetExtendedCriteria: evaluation.unmetExtended },
  }];
}
