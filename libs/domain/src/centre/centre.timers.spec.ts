import type { CentreCommand } from './centre.commands';
import { centreDecider } from './centre.decider';
import { dueTimerEvents, pendingTimers } from './centre.timers';
import { CURRENT_SCHEME_VERSION } from '../scheme/scheme.registry';
import { deciderSpec } from '../testing/decider-spec';
import type { CentreEvent } from './centre.events';
import { evolveCentre } from './centre.evolve';
import { initialCentreState } from './centre.state';
import { AUDITOR_A, CentreStory, ctx, day, REPRESENTATIVE, SYSTEM } from '../testing/centre.fixtures';

const spec = deciderSpec(centreDecider);
const RAISED = day('2025-04-01');
const MAJOR_DUE = day('2025-06-30');

/** An open audit with a major finding F1 (due 90 days on) and an observation F2 (no deadline). */
function withFindings(): CentreStory {
  const s = new CentreStory().onboarded(day('2025-03-01')).applied(day('2025-03-10')).auditOpened(day('2025-03-20')).appointed(day('2025-03-21'));
  s.run({ type: 'RaiseFinding', data: { centreId: s.centreId, auditId: s.auditId, findingId: 'F1', grade: 'major', criterionId: '8c', description: 'Incomplete procedure notes' } }, ctx(AUDITOR_A, RAISED));
  s.run({ type: 'RaiseFinding', data: { centreId: s.centreId, auditId: s.auditId, findingId: 'F2', grade: 'observation', criterionId: '8c', description: 'Template could be clearer' } }, ctx(AUDITOR_A, RAISED));
  return s;
}
const overdueTimers = (s: CentreStory) => pendingTimers(s.known).filter((t) => t.command.type === 'MarkCorrectiveActionOverdue');
const F1_TIMER = (s: CentreStory) => ({ dueAt: MAJOR_DUE, command: { type: 'MarkCorrectiveActionOverdue', data: { centreId: s.centreId, findingId: 'F1' } } });
const submit = (s: CentreStory): CentreCommand => ({ type: 'SubmitCorrectiveAction', data: { centreId: s.centreId, findingId: 'F1', plan: 'Template' } });

describe('centre timers: the corrective-action deadline', () => {
  it('given an open major finding and an observation, only the major one owes an overdue timer, at its due date', () => {
    const s = withFindings();
    expect(overdueTimers(s)).toEqual([F1_TIMER(s)]);
  });

  it('given the finding already marked overdue, it owes nothing more', () => {
    const s = withFindings();
    s.run({ type: 'MarkCorrectiveActionOverdue', data: { centreId: s.centreId, findingId: 'F1' } }, ctx(SYSTEM, MAJOR_DUE));
    expect(s.known.findings.F1.overdueAt).toBe(MAJOR_DUE);
    expect(overdueTimers(s)).toEqual([]);
  });

  it('given a submitted plan not yet accepted, the deadline still runs; once accepted, it does not', () => {
    const s = withFindings();
    s.run(submit(s), ctx(REPRESENTATIVE, day('2025-04-10')));
    expect(overdueTimers(s)).toEqual([F1_TIMER(s)]);
    s.run({ type: 'AcceptCorrectiveAction', data: { centreId: s.centreId, findingId: 'F1' } }, ctx(AUDITOR_A, day('2025-04-11')));
    expect(s.known.findings.F1.state).toBe('action_accepted');
    expect(overdueTimers(s)).toEqual([]);
  });

  it('given a closed finding with a deadline, it owes nothing', () => {
    const s = withFindings();
    s.run(submit(s), ctx(REPRESENTATIVE, day('2025-04-10')));
    s.run({ type: 'AcceptCorrectiveAction', data: { centreId: s.centreId, findingId: 'F1' } }, ctx(AUDITOR_A, day('2025-04-11')));
    s.run({ type: 'CloseFinding', data: { centreId: s.centreId, findingId: 'F1' } }, ctx(AUDITOR_A, day('2025-04-12')));
    expect(s.known.findings.F1.state).toBe('closed');
    expect(overdueTimers(s)).toEqual([]);
  });

  it('dueTimerEvents: by the due date the deadline job marks the finding overdue, at its due instant', () => {
    const s = withFindings();
    const base = { recordedAt: day('2025-07-05'), currentSchemeVersion: CURRENT_SCHEME_VERSION };
    const overdue = { type: 'CorrectiveActionOverdue', data: { centreId: s.centreId, auditId: s.auditId, findingId: 'F1', dueDate: MAJOR_DUE, detectedAt: MAJOR_DUE } };
    expect(dueTimerEvents(s.state, day('2025-06-29'), base)).toEqual([]);
    expect(dueTimerEvents(s.state, day('2025-07-05'), base)).toEqual([overdue]);
  });

  it('when a later command arrives after the deadline, the overdue mark is recorded first, then the command', () => {
    const s = withFindings();
    spec.given(s.events).when(submit(s), ctx(REPRESENTATIVE, day('2025-07-05'))).then([
      { type: 'CorrectiveActionOverdue', data: { centreId: s.centreId, auditId: s.auditId, findingId: 'F1', dueDate: MAJOR_DUE, detectedAt: MAJOR_DUE } },
      { type: 'CorrectiveActionSubmitted', data: { centreId: s.centreId, auditId: s.auditId, findingId: 'F1', plan: 'Template', submittedAt: day('2025-07-05'), submittedBy: REPRESENTATIVE.id } },
    ]);
  });
});

describe('centre timers: suspension limit and renewal reminders', () => {
  const ofType = (s: CentreStory, type: string) => pendingTimers(s.known).filter((t) => t.command.type === type);

  it('a suspension owes its limit at suspendedUntil, until the limit is recorded', () => {
    const s = new CentreStory().accredited(day('2020-04-15')).suspended(day('2020-06-01'), day('2020-09-01'));
    expect(ofType(s, 'RecordSuspensionLimitReached')).toEqual([{ dueAt: day('2020-09-01'), command: { type: 'RecordSuspensionLimitReached', data: { centreId: s.centreId } } }]);
    s.run({ type: 'RecordSuspensionLimitReached', data: { centreId: s.centreId } }, ctx(SYSTEM, day('2020-09-01')));
    expect(ofType(s, 'RecordSuspensionLimitReached')).toEqual([]);
  });

  it('an award owes each reminder of its scheme once: after the 6-month one, only the 3-month one', () => {
    const s = new CentreStory().accredited(day('2020-04-15'));
    const reminder = (monthsBefore: number, dueAt: string) => ({ dueAt, command: { type: 'IssueRenewalReminder', data: { centreId: s.centreId, monthsBefore, validUntil: day('2024-04-15') } } });
    expect(ofType(s, 'IssueRenewalReminder')).toEqual([reminder(6, day('2023-10-15')), reminder(3, day('2024-01-15'))]);
    s.run({ type: 'IssueRenewalReminder', data: { centreId: s.centreId, monthsBefore: 6, validUntil: day('2024-04-15') } }, ctx(SYSTEM, day('2023-10-15')));
    expect(ofType(s, 'IssueRenewalReminder')).toEqual([reminder(3, day('2024-01-15'))]);
  });

  it('dueTimerEvents: nothing for an unregistered centre', () => {
    expect(dueTimerEvents(initialCentreState(), day('2030-01-01'), { recordedAt: day('2030-01-01'), currentSchemeVersion: CURRENT_SCHEME_VERSION })).toEqual([]);
  });

  it('dueTimerEvents: a timer with nothing to do does not stop the later ones (reminders after the end, then the expiry)', () => {
    // A stored stream whose last event is dated after validUntil with none of the timers recorded.
    const s = new CentreStory().accredited(day('2020-04-15'));
    const late: CentreEvent = { type: 'ProcedureVolumeUpdated', data: { centreId: s.centreId, proceduresPerYear: 450, updatedAt: day('2024-05-01'), updatedBy: 'office-1' } };
    const state = evolveCentre(s.state, late);
    const events = dueTimerEvents(state, day('2024-05-01'), { recordedAt: day('2024-05-01'), currentSchemeVersion: CURRENT_SCHEME_VERSION });
    expect(events.map((e) => e.type)).toEqual(['EnrolmentLapsed', 'AccreditationExpired']);
    expect(events[1]).toEqual({ type: 'AccreditationExpired', data: { centreId: s.centreId, validUntil: day('2024-04-15'), expiredAt: day('2024-05-01') } });
  });
});
