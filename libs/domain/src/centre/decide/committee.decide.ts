import { assertNoOpenMajorFinding, openMajorFindings } from '../../rules/audit-outcome.rules';
import { assertExcellenceEligible } from '../../rules/excellence.rules';
import { assertAwardNotFinal } from '../../rules/final-award.rules';
import { assertIndependentDecider } from '../../rules/separation-of-duties.rules';
import { assertNoRenewalDecided, assertRenewalInForce, initialValidity, pendingDecisionFor, renewalValidity } from '../../rules/validity.rules';
import { getScheme } from '../../scheme/scheme.registry';
import type { DecisionContext } from '../../shared/decision-context';
import { DomainRuleBroken } from '../../shared/domain-errors';
import { isBefore } from '../../shared/time';
import type { CentreEvent } from '../centre.events';
import type { Award, KnownCentre, WorkAt } from '../centre.state';
import { type CommandData, completedAudit, extensionEvent } from './decide-support';
import type { PersonFacts } from '../centre.commands';

function assertNotSuspended(state: KnownCentre, what: string): void {
  if (state.status === 'Suspended') {
    throw new DomainRuleBroken('AwardSuspended', `${what}: the award is suspended since ${state.suspension.suspendedAt}; reinstate it first.`);
  }
}

/** Rule 4: the passed audit, an independent decider, and no open major finding. */
function passedAuditForDecision(state: KnownCentre, ctx: DecisionContext, decider: PersonFacts, what: string): WorkAt<'AuditPassed'> {
  const work = completedAudit(state, what);
  if (work.stage !== 'AuditPassed') {
    throw new DomainRuleBroken('GrantRequiresPassedAudit', `${what} needs a passed audit; audit ${work.audit.auditId} failed (unmet core criteria: ${work.outcome.unmetCoreCriteria.join(', ') || 'none'}).`);
  }
  assertIndependentDecider(ctx.actor.id, state.auditTeams[work.audit.auditId], decider);
  assertNoOpenMajorFinding(openMajorFindings(state.findings), what);
  return work;
}

/**
 * Rule 7: a renewal is decided while the award is in force. Decided in the pending-decision
 * period before the expiry timer recorded it, the period is recorded first: never silent.
 */
function renewalBase(state: KnownCentre, award: Award, ctx: DecisionContext, what: string): CentreEvent[] {
  assertNoRenewalDecided(state, what);
  const pending = state.pendingDecision ?? pendingDecisionFor(state);
  assertRenewalInForce(award, ctx.occurredAt, pending);
  if (state.pendingDecision || !pending || isBefore(ctx.occurredAt, award.validUntil)) return [];
  return [extensionEvent(state.centreId, pending, state.work)];
}

/** Expired is final for the cycle (rule 9): no renewal, no seal, no back-dating over the gap. */
function assertNotExpired(state: KnownCentre, what: string): void {
  if (state.status === 'Expired') {
    throw new DomainRuleBroken('RenewalAfterExpiry', `${what}: the award expired on ${state.ended.at}; only a new cycle (initial application) can lead to a new award.`);
  }
}

/** Rules 4 and 7: first grant runs from the decision; a re-certification from the old validUntil. */
export function grantAccreditation(d: CommandData<'GrantAccreditation'>, state: KnownCentre, ctx: DecisionContext): CentreEvent[] {
  const what = 'Granting accreditation';
  assertNotSuspended(state, what);
  assertNotExpired(state, what);
  assertAwardNotFinal(state, what);
  const work = passedAuditForDecision(state, ctx, d.decider, what);
  const scheme = getScheme(work.audit.schemeVersion);
  const before = state.award ? renewalBase(state, state.award, ctx, what) : [];
  const validity = state.award ? renewalValidity(state.award, scheme) : initialValidity(ctx.occurredAt, scheme);
  return [...before, {
    type: 'AccreditationGranted',
    data: {
      centreId: d.centreId, auditId: work.audit.auditId, certificateNumber: d.certificateNumber, ...validity,
      schemeVersion: scheme.version, decidedAt: ctx.occurredAt, decidedBy: ctx.actor.id,
    },
  }];
}

/** Rule 5: the seal continues the term in force: validFrom = old validUntil, validUntil = that + 4 years. */
export function awardExcellenceSeal(d: CommandData<'AwardExcellenceSeal'>, state: KnownCentre, ctx: DecisionContext): CentreEvent[] {
  const what = 'Awarding the Centre of Excellence seal';
  assertNotSuspended(state, what);
  assertNotExpired(state, what);
  assertAwardNotFinal(state, what);
  const work = passedAuditForDecision(state, ctx, d.decider, what);
  const award = state.award;
  assertExcellenceEligible(state.terms, work.application.kind, work.outcome, award?.validUntil ?? ctx.occurredAt);
  // Stryker disable all: unreachable, a type guard. Without an award the centre could only lodge an initial application
  // (assertMayApply), which assertExcellenceEligible above refuses; final statuses are refused by assertAwardNotFinal.
  if (!award) {
    throw new DomainRuleBroken('ExcellenceRequiresCompletedTerm', 'The Centre of Excellence seal follows an accredited term; the centre holds none.');
  }
  // Stryker restore all
  const before = renewalBase(state, award, ctx, what);
  const scheme = getScheme(work.audit.schemeVersion);
  return [...before, {
    type: 'ExcellenceSealAwarded',
    data: {
      centreId: d.centreId, auditId: work.audit.auditId, certificateNumber: d.certificateNumber, ...renewalValidity(award, scheme),
      schemeVersion: scheme.version, decidedAt: ctx.occurredAt, decidedBy: ctx.actor.id,
    },
  }];
}

/**
 * A refusal closes the application; it is appealable. Same independence as a grant. Refusing the
 * renewal the award was kept in force for ends the pending-decision period: the award expires then.
 */
export function refuseAccreditation(d: CommandData<'RefuseAccreditation'>, state: KnownCentre, ctx: DecisionContext): CentreEvent[] {
  const work = completedAudit(state, 'Refusing accreditation');
  assertIndependentDecider(ctx.actor.id, state.auditTeams[work.audit.auditId], d.decider);
  const refused: CentreEvent = { type: 'AccreditationRefused', data: { centreId: d.centreId, auditId: work.audit.auditId, reasons: [...d.reasons], decidedAt: ctx.occurredAt, decidedBy: ctx.actor.id } };
  const award = state.award;
  const pending = state.pendingDecision ?? pendingDecisionFor(state);
  if (!award || !pending || isBefore(ctx.occurredAt, award.validUntil) || !isBefore(ctx.occurredAt, pending.extendedUntil)) return [refused];
  const period = state.pendingDecision ? [] : [extensionEvent(state.centreId, pending, state.work)];
  return [...period, refused, { type: 'AccreditationExpired', data: { centreId: d.centreId, validUntil: award.validUntil, expiredAt: ctx.occurredAt } }];
}
