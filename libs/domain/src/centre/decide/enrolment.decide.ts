import { assertEligibleToEnrol, assertEnrolmentActive, assertNotEnrolled, renewedPaidUntil } from '../../rules/enrolment.rules';
import { assertDue } from '../../rules/timers.rules';
import { getScheme } from '../../scheme/scheme.registry';
import type { DecisionContext } from '../../shared/decision-context';
import { addMonths } from '../../shared/time';
import type { CentreEvent } from '../centre.events';
import type { KnownCentre } from '../centre.state';
import type { CommandData } from './decide-support';

/** Rule 1. Also re-enrols a centre whose enrolment lapsed. */
export function enrolCentre(d: CommandData<'EnrolCentre'>, state: KnownCentre, ctx: DecisionContext): CentreEvent[] {
  const scheme = getScheme(ctx.currentSchemeVersion);
  assertNotEnrolled(state.enrolment, ctx.occurredAt);
  assertEligibleToEnrol(state.profile, scheme);
  return [{
    type: 'CentreEnrolled',
    data: {
      centreId: d.centreId, feeReference: d.feeReference, enrolledAt: ctx.occurredAt, enrolledBy: ctx.actor.id,
      enrolmentPaidUntil: addMonths(ctx.occurredAt, scheme.enrolmentTermMonths),
    },
  }];
}

/** The annual fee, paid while the enrolment is still active; after a lapse the centre enrols again. */
export function renewEnrolment(d: CommandData<'RenewEnrolment'>, state: KnownCentre, ctx: DecisionContext): CentreEvent[] {
  const scheme = getScheme(ctx.currentSchemeVersion);
  assertEnrolmentActive(state.enrolment, ctx.occurredAt, 'Renewing the enrolment');
  return [{
    type: 'EnrolmentRenewed',
    data: {
      centreId: d.centreId, feeReference: d.feeReference, renewedAt: ctx.occurredAt, renewedBy: ctx.actor.id,
      enrolmentPaidUntil: renewedPaidUntil(state.enrolment, ctx.occurredAt, scheme),
    },
  }];
}

/** Timer. [] when there is nothing to lapse (never enrolled, already lapsed). */
export function lapseEnrolment(d: CommandData<'LapseEnrolment'>, state: KnownCentre, ctx: DecisionContext): CentreEvent[] {
  const enrolment = state.enrolment;
  if (!enrolment || enrolment.lapsedAt) return [];
  assertDue(ctx.occurredAt, enrolment.paidUntil, 'The enrolment lapse');
  return [{ type: 'EnrolmentLapsed', data: { centreId: d.centreId, enrolmentPaidUntil: enrolment.paidUntil, lapsedAt: ctx.occurredAt } }];
}
