import {
  assertMayAcceptAction, assertMayClose, assertMaySubmitAction, assertNewFinding, correctiveActionDue, findingOf,
} from '../../rules/findings.rules';
import { assertActiveAuditor, assertMayVerifyFinding } from '../../rules/separation-of-duties.rules';
import { assertDue } from '../../rules/timers.rules';
import { getScheme, hasCriterion } from '../../scheme/scheme.registry';
import type { DecisionContext } from '../../shared/decision-context';
import { DomainRuleBroken } from '../../shared/domain-errors';
import type { CentreEvent } from '../centre.events';
import type { KnownCentre } from '../centre.state';
import { auditInProgress, type CommandData, currentAuditId } from './decide-support';

export function raiseFinding(d: CommandData<'RaiseFinding'>, state: KnownCentre, ctx: DecisionContext): CentreEvent[] {
  const { audit } = auditInProgress(state, d.auditId, 'Raising a finding');
  assertActiveAuditor(ctx, d.auditId, state.auditTeams[d.auditId], d.assessor);
  assertNewFinding(state.findings, d.findingId);
  const scheme = getScheme(audit.schemeVersion);
  if (!hasCriterion(scheme, d.criterionId)) {
    throw new DomainRuleBroken('UnknownCriterion', `Scheme ${scheme.version} has no criterion ${d.criterionId}.`);
  }
  return [{
    type: 'FindingRaised',
    data: {
      centreId: d.centreId, auditId: d.auditId, findingId: d.findingId, grade: d.grade, criterionId: d.criterionId, description: d.description,
      dueDate: correctiveActionDue(d.grade, ctx.occurredAt, scheme), raisedAt: ctx.occurredAt, raisedBy: ctx.actor.id,
    },
  }];
}

/** Findings outlive their audit (minor ones may stay open after a grant), so these work in any status. */
export function submitCorrectiveAction(d: CommandData<'SubmitCorrectiveAction'>, state: KnownCentre, ctx: DecisionContext): CentreEvent[] {
  const finding = findingOf(state.findings, d.findingId);
  assertMaySubmitAction(finding);
  return [{ type: 'CorrectiveActionSubmitted', data: { centreId: d.centreId, auditId: finding.auditId, findingId: d.findingId, plan: d.plan, submittedAt: ctx.occurredAt, submittedBy: ctx.actor.id } }];
}

export function acceptCorrectiveAction(d: CommandData<'AcceptCorrectiveAction'>, state: KnownCentre, ctx: DecisionContext): CentreEvent[] {
  const finding = findingOf(state.findings, d.findingId);
  assertMayVerifyFinding(ctx, finding, state.auditTeams, currentAuditId(state), d.assessor);
  assertMayAcceptAction(finding);
  return [{ type: 'CorrectiveActionAccepted', data: { centreId: d.centreId, auditId: finding.auditId, findingId: d.findingId, acceptedAt: ctx.occurredAt, acceptedBy: ctx.actor.id } }];
}

export function closeFinding(d: CommandData<'CloseFinding'>, state: KnownCentre, ctx: DecisionContext): CentreEvent[] {
  const finding = findingOf(state.findings, d.findingId);
  assertMayVerifyFinding(ctx, finding, state.auditTeams, currentAuditId(state), d.assessor);
  assertMayClose(finding);
  return [{ type: 'FindingClosed', data: { centreId: d.centreId, auditId: finding.auditId, findingId: d.findingId, closedAt: ctx.occurredAt, closedBy: ctx.actor.id } }];
}

/** Timer. [] when nothing can be overdue: no deadline, action accepted, closed, or already marked. */
export function markCorrectiveActionOverdue(d: CommandData<'MarkCorrectiveActionOverdue'>, state: KnownCentre, ctx: DecisionContext): CentreEvent[] {
  const finding = findingOf(state.findings, d.findingId);
  if (finding.dueDate === null || finding.overdueAt || finding.state === 'action_accepted' || finding.state === 'closed') return [];
  assertDue(ctx.occurredAt, finding.dueDate, `The corrective action for finding ${d.findingId}`);
  return [{ type: 'CorrectiveActionOverdue', data: { centreId: d.centreId, auditId: finding.auditId, findingId: d.findingId, dueDate: finding.dueDate, detectedAt: ctx.occurredAt } }];
}
