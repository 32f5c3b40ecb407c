import { assertNoOpenMajorFinding, openMajorFindings } from '../../rules/audit-outcome.rules';
import { assertExcellenceEligible } from '../../rules/excellence.rules';
import { assertAwardNotFinal } from '../../rules/final-award.rules';
import { assertIndependentDecider } from '../../rules/separation-of-duties.rules';
import { assertRenewalBeforeExpiry, initialValidity, renewalValidity } from '../../rules/validity.rules';
import { getScheme } from '../../scheme/scheme.registry';
import type { DecisionContext } from '../../shared/decision-context';
import { DomainRuleBroken } from '../../shared/domain-errors';
import type { CentreEvent } from '../centre.events';
import type { Award, KnownCentre, WorkAt } from '../centre.state';
import { type CommandData, completedAudit } from './decide-support';
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

/** Rules 4 and 7: first grant runs from the decision; a re-certification from the old validUntil. */
export function grantAccreditation(d: CommandData<'GrantAccreditation'>, state: KnownCentre, ctx: DecisionContext): CentreEvent[] {
  assertNotSuspended(state, 'Granting accreditation');
  if (state.status === 'Expired' && state.work) {
    throw new DomainRuleBroken('RenewalAfterExpiry', `The award expired on ${state.ended.lastAward.validUntil}; only a new cycle (initial application) can lead to a new accreditation.`);
  }
  assertAwardNotFinal(state, 'Granting accreditation');
  const work = passedAuditForDecision(state, ctx, d.decider, 'Granting accreditation');
  const scheme = getScheme(work.audit.schemeVersion);
  let validity;
  if (state.award) {
    assertRenewalBeforeExpiry(state.award, ctx.occurredAt);
    validity = renewalValidity(state.award, scheme);
  } else {
    validity = initialValidity(ctx.occurredAt, scheme);
  }
  return [{
    type: 'AccreditationGranted',
    data: {
      centreId: d.centreId, auditId: work.audit.auditId, certificateNumber: d.certificateNumber, ...validity,
      schemeVersion: scheme.version, decidedAt: ctx.occurredAt, decidedBy: ctx.actor.id,
    },
  }];
}

/** Rule 5: the seal continues the completed term: validUntil = old validUntil + 4 years. */
export function awardExcellenceSeal(d: CommandData<'AwardExcellenceSeal'>, state: KnownCentre, ctx: DecisionContext): CentreEvent[] {
  assertNotSuspended(state, 'Awarding the Centre of Excellence seal');
  if (state.status !== 'Expired') assertAwardNotFinal(state, 'Awarding the Centre of Excellence seal');
  const work = passedAuditForDecision(state, ctx, d.decider, 'Awarding the Centre of Excellence seal');
  const base: Award | null = state.award ?? (state.status === 'Expired' ? state.ended.lastAward : null);
  assertExcellenceEligible(state.terms, work.application.kind, work.outcome, ctx.occurredAt);
  if (!base) {
    throw new DomainRuleBroken('ExcellenceRequiresCompletedTerm', 'The Centre of Excellence seal follows an accredited term; the centre holds none.');
  }
  const scheme = getScheme(work.audit.schemeVersion);
  return [{
    type: 'ExcellenceSealAwarded',
    data: {
      centreId: d.centreId, auditId: work.audit.auditId, certificateNumber: d.certificateNumber, ...renewalValidity(base, scheme),
      schemeVersion: scheme.version, decidedAt: ctx.occurredAt, decidedBy: ctx.actor.id,
    },
  }];
}

/** A refusal closes the application; it is appealable. Same independence as a grant. */
export function refuseAccreditation(d: CommandData<'RefuseAccreditation'>, state: KnownCentre, ctx: DecisionContext): CentreEvent[] {
  const work = completedAudit(state, 'Refusing accreditation');
  assertIndependentDecider(ctx.actor.id, state.auditTeams[work.audit.auditId], d.decider);
  return [{ type: 'AccreditationRefused', data: { centreId: d.centreId, auditId: work.audit.auditId, reasons: [...d.reasons], decidedAt: ctx.occurredAt, decidedBy: ctx.actor.id } }];
}
