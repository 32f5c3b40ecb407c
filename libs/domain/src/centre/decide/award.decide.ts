import { assertAwardNotFinal } from '../../rules/final-award.rules';
import { suspensionEnd } from '../../rules/suspension.rules';
import { assertDue } from '../../rules/timers.rules';
import { awardEndsAt, pendingDecisionFor } from '../../rules/validity.rules';
import { getScheme } from '../../scheme/scheme.registry';
import type { DecisionContext } from '../../shared/decision-context';
import { DomainRuleBroken } from '../../shared/domain-errors';
import { addMonths, isBefore, toMs } from '../../shared/time';
import { hasEnded } from '../../rules/validity.rules';
import type { CentreEvent } from '../centre.events';
import type { Award, KnownCentre } from '../centre.state';
import { type CommandData, extensionEvent, notAllowed } from './decide-support';

function heldAward(state: KnownCentre, what: string): Award {
  assertAwardNotFinal(state, what);
  if (!state.award) return notAllowed(state, what);
  return state.award;
}

/** Rule 8; rule 7: validUntil is not touched. */
export function suspendAccreditation(d: CommandData<'SuspendAccreditation'>, state: KnownCentre, ctx: DecisionContext): CentreEvent[] {
  const award = heldAward(state, 'Suspending the accreditation');
  if (state.status === 'Suspended') throw new DomainRuleBroken('NotAllowedInStatus', `The award is already suspended since ${state.suspension.suspendedAt}.`);
  const until = suspensionEnd(ctx.occurredAt, d.suspendedUntil, getScheme(award.schemeVersion));
  return [{ type: 'AccreditationSuspended', data: { centreId: d.centreId, reason: d.reason, note: d.note, suspendedAt: ctx.occurredAt, suspendedUntil: until, decidedBy: ctx.actor.id } }];
}

export function reinstateAccreditation(d: CommandData<'ReinstateAccreditation'>, state: KnownCentre, ctx: DecisionContext): CentreEvent[] {
  heldAward(state, 'Reinstating the accreditation');
  if (state.status !== 'Suspended') return notAllowed(state, 'Reinstating (only a suspended award is reinstated)');
  return [{ type: 'AccreditationReinstated', data: { centreId: d.centreId, reinstatedAt: ctx.occurredAt, decidedBy: ctx.actor.id } }];
}

/**
 * Timer, rule 8. [] when not suspended any more or already recorded. The limit that counts is the
 * one decided (suspendedUntil, at most the scheme's 6 months), not the scheme's maximum.
 */
export function recordSuspensionLimitReached(d: CommandData<'RecordSuspensionLimitReached'>, state: KnownCentre, ctx: DecisionContext): CentreEvent[] {
  if (state.status !== 'Suspended' || state.suspension.limitReachedAt) return [];
  const { suspendedAt, suspendedUntil } = state.suspension;
  assertDue(ctx.occurredAt, suspendedUntil, 'The suspension limit');
  return [{ type: 'SuspensionLimitReached', data: { centreId: d.centreId, suspendedAt, limitReachedAt: ctx.occurredAt } }];
}

export function withdrawAccreditation(d: CommandData<'WithdrawAccreditation'>, state: KnownCentre, ctx: DecisionContext): CentreEvent[] {
  heldAward(state, 'Withdrawing the accreditation');
  return [{ type: 'AccreditationWithdrawn', data: { centreId: d.centreId, reason: d.reason, withdrawnAt: ctx.occurredAt, decidedBy: ctx.actor.id } }];
}

/** A suspended award is reinstated or withdrawn by the committee; relinquishing it would sidestep the withdrawal. */
export function relinquishAccreditation(d: CommandData<'RelinquishAccreditation'>, state: KnownCentre, ctx: DecisionContext): CentreEvent[] {
  heldAward(state, 'Relinquishing the accreditation');
  if (state.status === 'Suspended') {
    throw new DomainRuleBroken('RelinquishWhileSuspended', `The award is suspended since ${state.suspension.suspendedAt}: the committee reinstates or withdraws it; it cannot be relinquished meanwhile.`);
  }
  return [{ type: 'AccreditationRelinquished', data: { centreId: d.centreId, reason: d.reason, relinquishedAt: ctx.occurredAt, relinquishedBy: ctx.actor.id } }];
}

/** A timer naming the validUntil it was scheduled for is stale once a renewal moved validUntil. */
const isStale = (award: Award, scheduledFor: string | undefined): boolean =>
  scheduledFor !== undefined && toMs(scheduledFor) !== toMs(award.validUntil);

/**
 * Timer, rule 7, at the end of the award in force. In turn: a renewal decided early takes over
 * (AwardTermStarted); a renewal audit passed before validUntil keeps the award in force pending
 * the decision (AccreditationExtendedPendingDecision, once); otherwise the award expires, at
 * validUntil or at the end of the pending-decision period. [] when there is no award or the timer is stale.
 */
export function expireAccreditation(d: CommandData<'ExpireAccreditation'>, state: KnownCentre, ctx: DecisionContext): CentreEvent[] {
  const award = state.award;
  if (!award || isStale(award, d.validUntil)) return [];
  const next = state.nextAward;
  if (next) {
    assertDue(ctx.occurredAt, award.validUntil, 'The start of the renewed term');
    const started: CentreEvent = {
      type: 'AwardTermStarted',
      data: {
        centreId: d.centreId, kind: next.kind, certificateNumber: next.certificateNumber, previousCertificateNumber: award.certificateNumber,
        validFrom: next.validFrom, validUntil: next.validUntil, startedAt: next.validFrom,
      },
    };
    // A timer fired late enough may find the renewed term over too (no renewal of it can be pending).
    if (isBefore(ctx.occurredAt, next.validUntil)) return [started];
    return [started, { type: 'AccreditationExpired', data: { centreId: d.centreId, validUntil: next.validUntil, expiredAt: next.validUntil } }];
  }
  // The expiry due at validUntil was the pending-decision period (recorded): its own end is due later.
  if (state.pendingDecision && isBefore(ctx.occurredAt, state.pendingDecision.extendedUntil)) return [];
  const endsAt = awardEndsAt(state) ?? award.validUntil;
  assertDue(ctx.occurredAt, endsAt, 'The expiry');
  const pending = state.pendingDecision ? null : pendingDecisionFor(state);
  if (pending) return [extensionEvent(d.centreId, pending, state.work)];
  return [{ type: 'AccreditationExpired', data: { centreId: d.centreId, validUntil: award.validUntil, expiredAt: ctx.occurredAt } }];
}

/** Timer. [] when there is no award, a renewal is decided already, the timer is stale, the reminder went out already, or expiry has passed. */
export function issueRenewalReminder(d: CommandData<'IssueRenewalReminder'>, state: KnownCentre, ctx: DecisionContext): CentreEvent[] {
  const award = state.award;
  if (!award || state.nextAward || isStale(award, d.validUntil)) return [];
  const scheme = getScheme(award.schemeVersion);
  if (!scheme.renewalReminderMonths.includes(d.monthsBefore)) {
    throw new DomainRuleBroken('ReminderOffsetNotInScheme', `Scheme ${scheme.version} sends renewal reminders ${scheme.renewalReminderMonths.join(' and ')} months before expiry, not ${d.monthsBefore}.`);
  }
  if (state.remindersIssued.includes(`${award.validUntil}|${d.monthsBefore}`) || hasEnded(award, ctx.occurredAt)) return [];
  assertDue(ctx.occurredAt, addMonths(award.validUntil, -d.monthsBefore), `The ${d.monthsBefore}-month renewal reminder`);
  return [{ type: 'RenewalReminderIssued', data: { centreId: d.centreId, validUntil: award.validUntil, monthsBefore: d.monthsBefore, issuedAt: ctx.occurredAt } }];
}
