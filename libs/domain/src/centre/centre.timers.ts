import { awardEndsAt } from '../rules/validity.rules';
import { getScheme } from '../scheme/scheme.registry';
import type { DecisionContext } from '../shared/decision-context';
import type { Actor, IsoDateTime } from '../shared/primitives';
import { addMonths, laterOf, notBefore, toMs } from '../shared/time';
import type { CentreCommand } from './centre.commands';
import type { CentreEvent } from './centre.events';
import { evolveCentre } from './centre.evolve';
import type { CentreState, KnownCentre } from './centre.state';
import { expireAccreditation, issueRenewalReminder, recordSuspensionLimitReached } from './decide/award.decide';
import { lapseEnrolment } from './decide/enrolment.decide';
import { markCorrectiveActionOverdue } from './decide/findings.decide';

/** The engine itself, acting on a deadline: the actor of every timer event. */
export const TIMER_ACTOR: Actor = { id: 'deadline-jobs', role: 'system' };

export type TimerCommand = Extract<CentreCommand, { type: 'LapseEnrolment' | 'MarkCorrectiveActionOverdue' | 'RecordSuspensionLimitReached' | 'ExpireAccreditation' | 'IssueRenewalReminder' }>;

/** Events only timers produce (their actor is TIMER_ACTOR, their occurredAt their due instant). */
export const TIMER_EVENT_TYPES: ReadonlySet<CentreEvent['type']> = new Set([
  'EnrolmentLapsed', 'CorrectiveActionOverdue', 'SuspensionLimitReached', 'AccreditationExpired', 'RenewalReminderIssued',
  'AccreditationExtendedPendingDecision', 'AwardTermStarted',
]);

export interface PendingTimer {
  dueAt: IsoDateTime;
  command: TimerCommand;
}

/** Every timer the centre's state still owes, earliest first. The state alone says what is owed and when. */
export function pendingTimers(state: KnownCentre): PendingTimer[] {
  const centreId = state.centreId;
  const owed: PendingTimer[] = [];
  if (state.enrolment && !state.enrolment.lapsedAt) {
    owed.push({ dueAt: state.enrolment.paidUntil, command: { type: 'LapseEnrolment', data: { centreId } } });
  }
  for (const f of Object.values(state.findings)) {
    if (f.dueDate !== null && !f.overdueAt && f.state !== 'action_accepted' && f.state !== 'closed') {
      owed.push({ dueAt: f.dueDate, command: { type: 'MarkCorrectiveActionOverdue', data: { centreId, findingId: f.findingId } } });
    }
  }
  if (state.suspension && !state.suspension.limitReachedAt) {
    owed.push({ dueAt: state.suspension.suspendedUntil, command: { type: 'RecordSuspensionLimitReached', data: { centreId } } });
  }
  if (state.award) {
    const { validUntil, schemeVersion } = state.award;
    for (const monthsBefore of getScheme(schemeVersion).renewalReminderMonths) {
      if (!state.remindersIssued.includes(`${validUntil}|${monthsBefore}`)) {
        owed.push({ dueAt: addMonths(validUntil, -monthsBefore), command: { type: 'IssueRenewalReminder', data: { centreId, monthsBefore, validUntil } } });
      }
    }
    // The end of the award in force: validUntil, or the end of a recorded pending-decision period (rule 7).
    owed.push({ dueAt: awardEndsAt(state) ?? validUntil, command: { type: 'ExpireAccreditation', data: { centreId, validUntil } } });
  }
  // Stable sort: at the same instant, the order above (lapse, overdue, limit, reminders, expiry) holds.
  return owed.sort((a, b) => toMs(a.dueAt) - toMs(b.dueAt));
}

function decideTimer(command: TimerCommand, state: KnownCentre, ctx: DecisionContext): CentreEvent[] {
  switch (command.type) {
    case 'LapseEnrolment': return lapseEnrolment(command.data, state, ctx);
    case 'MarkCorrectiveActionOverdue': return markCorrectiveActionOverdue(command.data, state, ctx);
    case 'RecordSuspensionLimitReached': return recordSuspensionLimitReached(command.data, state, ctx);
    case 'ExpireAccreditation': return expireAccreditation(command.data, state, ctx);
    case 'IssueRenewalReminder': return issueRenewalReminder(command.data, state, ctx);
  }
}

/**
 * What the dates imply up to `until` (inclusive): every timer due by then, in due order, each
 * decided at its due instant, or at the stream's last event when that is later (an award restored
 * by an appeal after its validUntil expires at the appeal, never before it). Living a history and
 * importing it therefore record the same timer events at the same instants.
 */
export function dueTimerEvents(state: CentreState, until: IsoDateTime, base: Pick<DecisionContext, 'recordedAt' | 'currentSchemeVersion'>): CentreEvent[] {
  const events: CentreEvent[] = [];
  let current = state;
  // Each round records at least one event, and a state owes finitely many timers; the bound is a guard.
  for (let round = 0; round < 1000 && current.status !== 'Unregistered'; round++) {
    const known: KnownCentre = current;
    let produced: CentreEvent[] = [];
    for (const timer of pendingTimers(known).filter((t) => notBefore(until, t.dueAt))) {
      const ctx: DecisionContext = { ...base, actor: TIMER_ACTOR, occurredAt: laterOf(timer.dueAt, known.lastOccurredAt) };
      produced = decideTimer(timer.command, known, ctx);
      if (produced.length > 0) break;
    }
    if (produced.length === 0) break;
    events.push(...produced);
    current = produced.reduce(evolveCentre, current);
  }
  return events;
}
