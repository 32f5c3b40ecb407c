import { centreDecider } from '../centre/centre.decider';
import type { CentreCommand } from '../centre/centre.commands';
import type { FindingGrade } from '../centre/centre.events';
import { deciderSpec } from '../testing/decider-spec';
import { AUDITOR_A, AUDITOR_B, CentreStory, ctx, day, REPRESENTATIVE, SYSTEM } from '../testing/centre.fixtures';

const spec = deciderSpec(centreDecider);
const RAISED = day('2025-04-01');

function withFinding(grade: FindingGrade): CentreStory {
  const s = new CentreStory().onboarded(day('2025-03-01')).applied(day('2025-03-10')).auditOpened(day('2025-03-20')).appointed(day('2025-03-21'));
  s.run({ type: 'RaiseFinding', data: { centreId: s.centreId, auditId: s.auditId, findingId: 'F1', grade, criterionId: '8c', description: 'Incomplete procedure notes' } }, ctx(AUDITOR_A, RAISED));
  return s;
}
const submit = (s: CentreStory): CentreCommand => ({ type: 'SubmitCorrectiveAction', data: { centreId: s.centreId, findingId: 'F1', plan: 'Template' } });
const accept = (s: CentreStory): CentreCommand => ({ type: 'AcceptCorrectiveAction', data: { centreId: s.centreId, findingId: 'F1' } });
const close = (s: CentreStory): CentreCommand => ({ type: 'CloseFinding', data: { centreId: s.centreId, findingId: 'F1' } });
const overdue = (s: CentreStory): CentreCommand => ({ type: 'MarkCorrectiveActionOverdue', data: { centreId: s.centreId, findingId: 'F1' } });

describe('findings', () => {
  it.each([
    ['major', day('2025-06-30')],
    ['minor', day('2025-09-28')],
    ['observation', null],
  ] as const)('a %s finding is due per the scheme (%s)', (grade, due) => {
    expect(withFinding(grade).events.at(-1)).toMatchObject({ type: 'FindingRaised', data: { grade, dueDate: due, raisedBy: AUDITOR_A.id } });
  });

  it('FindingAlreadyExists', () => {
    const s = withFinding('minor');
    spec.given(s.events).when({ type: 'RaiseFinding', data: { centreId: s.centreId, auditId: s.auditId, findingId: 'F1', grade: 'minor', criterionId: '8c', description: '' } }, ctx(AUDITOR_A, RAISED)).thenBreaks('FindingAlreadyExists');
  });

  it('UnknownCriterion: findings name a criterion of the audit\'s scheme', () => {
    const s = withFinding('minor');
    spec.given(s.events).when({ type: 'RaiseFinding', data: { centreId: s.centreId, auditId: s.auditId, findingId: 'F2', grade: 'minor', criterionId: '99z', description: '' } }, ctx(AUDITOR_A, RAISED)).thenBreaks('UnknownCriterion');
  });

  it('FindingNotFound', () => {
    const s = withFinding('minor');
    spec.given(s.events).when({ type: 'CloseFinding', data: { centreId: s.centreId, findingId: 'NOPE' } }, ctx(AUDITOR_A, RAISED)).thenBreaks('FindingNotFound');
  });

  it('ObservationNeedsNoResponse, and an observation closes any time', () => {
    const s = withFinding('observation');
    spec.given(s.events).when(submit(s), ctx(REPRESENTATIVE, RAISED)).thenBreaks('ObservationNeedsNoResponse');
    spec.given(s.events).when(close(s), ctx(AUDITOR_A, RAISED)).thenMatches([{ type: 'FindingClosed' }]);
  });

  it('major: submit → accept (verified) → close', () => {
    const s = withFinding('major');
    spec.given(s.events).when(close(s), ctx(AUDITOR_A, RAISED)).thenBreaks('FindingCloseRequiresAcceptedAction');
    spec.given(s.events).when(accept(s), ctx(AUDITOR_A, RAISED)).thenBreaks('CorrectiveActionNotSubmitted');
    s.run(submit(s), ctx(REPRESENTATIVE, day('2025-04-10')));
    spec.given(s.events).when(submit(s), ctx(REPRESENTATIVE, day('2025-04-10'))).thenBreaks('FindingNotAwaitingAction');
    spec.given(s.events).when(close(s), ctx(AUDITOR_A, day('2025-04-10'))).thenBreaks('FindingCloseRequiresAcceptedAction');
    spec.given(s.events).when(accept(s), ctx(AUDITOR_B, day('2025-04-11'))).thenBreaks('OnlyAppointedAuditorsAssess');
    s.run(accept(s), ctx(AUDITOR_A, day('2025-04-11')));
    s.run(close(s), ctx(AUDITOR_A, day('2025-04-12')));
    expect(s.known.findings.F1.state).toBe('closed');
    spec.given(s.events).when(close(s), ctx(AUDITOR_A, day('2025-04-13'))).thenBreaks('FindingAlreadyClosed');
  });

  describe('the overdue timer (returns [] when done or moot)', () => {
    it('TimerNotDue before the deadline', () => {
      const s = withFinding('major');
      spec.given(s.events).when(overdue(s), ctx(SYSTEM, day('2025-06-29'))).thenBreaks('TimerNotDue');
    });

    it('marks an unverified corrective action overdue', () => {
      const s = withFinding('major');
      spec.given(s.events).when(overdue(s), ctx(SYSTEM, day('2025-06-30'))).then([
        { type: 'CorrectiveActionOverdue', data: { centreId: s.centreId, auditId: s.auditId, findingId: 'F1', dueDate: day('2025-06-30'), detectedAt: day('2025-06-30') } },
      ]);
    });

    it('twice, after acceptance, or for an observation: []', () => {
      const twice = withFinding('major');
      twice.run(overdue(twice), ctx(SYSTEM, day('2025-07-01')));
      spec.given(twice.events).when(overdue(twice), ctx(SYSTEM, day('2025-07-02'))).thenNothing();
      const done = withFinding('minor');
      done.run(submit(done), ctx(REPRESENTATIVE, day('2025-04-10')));
      done.run(accept(done), ctx(AUDITOR_A, day('2025-04-11')));
      spec.given(done.events).when(overdue(done), ctx(SYSTEM, day('2025-12-01'))).thenNothing();
      const observation = withFinding('observation');
      spec.given(observation.events).when(overdue(observation), ctx(SYSTEM, day('2026-02-01'))).thenNothing();
    });
  });

  it('a closed finding takes no corrective action and no acceptance; nothing is accepted before it is submitted', () => {
    const s = withFinding('observation');
    const error = spec.given(s.events).when(accept(s), ctx(AUDITOR_A, day('2025-04-10'))).thenBreaks('CorrectiveActionNotSubmitted');
    expect(error.message).toBe('Finding F1 has no corrective action awaiting review.');
    s.run(close(s), ctx(AUDITOR_A, day('2025-04-10')));
    expect(spec.given(s.events).when(submit(s), ctx(REPRESENTATIVE, day('2025-04-11'))).thenBreaks('FindingAlreadyClosed').message).toBe('Finding F1 is closed.');
    expect(spec.given(s.events).when(accept(s), ctx(AUDITOR_A, day('2025-04-11'))).thenBreaks('FindingAlreadyClosed').message).toBe('Finding F1 is closed.');
    expect(spec.given(s.events).when(close(s), ctx(AUDITOR_A, day('2025-04-11'))).thenBreaks('FindingAlreadyClosed').message).toBe('Finding F1 is already closed.');
  });

  it('the refusal of a second plan says whether the first awaits review or was accepted', () => {
    const s = withFinding('major');
    s.run(submit(s), ctx(REPRESENTATIVE, day('2025-04-10')));
    expect(spec.given(s.events).when(submit(s), ctx(REPRESENTATIVE, day('2025-04-11'))).thenBreaks('FindingNotAwaitingAction').message).toBe('Finding F1 already has a corrective action awaiting review.');
    s.run(accept(s), ctx(AUDITOR_A, day('2025-04-12')));
    expect(spec.given(s.events).when(submit(s), ctx(REPRESENTATIVE, day('2025-04-13'))).thenBreaks('FindingNotAwaitingAction').message).toBe('Finding F1 already has a corrective action accepted.');
  });

  it('an open major finding does not block for ever: an auditor of a later audit verifies and closes it, and that audit can pass', () => {
    const s = withFinding('major');
    s.judged(day('2025-04-02')).completed(day('2025-04-03'), 'fail').refused(day('2025-04-10'));
    s.applied(day('2025-05-01')).auditOpened(day('2025-05-02')).appointed(day('2025-05-02'), AUDITOR_B);
    spec.given(s.events).when(accept(s), ctx(AUDITOR_B, day('2025-05-03'))).thenBreaks('CorrectiveActionNotSubmitted');
    s.run(submit(s), ctx(REPRESENTATIVE, day('2025-05-03')));
    const firstAudit = s.known.findings.F1.auditId;
    spec.given(s.events).when(accept(s), ctx(AUDITOR_B, day('2025-05-04'))).then([
      { type: 'CorrectiveActionAccepted', data: { centreId: s.centreId, auditId: firstAudit, findingId: 'F1', acceptedAt: day('2025-05-04'), acceptedBy: AUDITOR_B.id } },
    ]);
    s.run(accept(s), ctx(AUDITOR_B, day('2025-05-04')));
    spec.given(s.events).when(close(s), ctx(AUDITOR_B, day('2025-05-05'))).then([
      { type: 'FindingClosed', data: { centreId: s.centreId, auditId: firstAudit, findingId: 'F1', closedAt: day('2025-05-05'), closedBy: AUDITOR_B.id } },
    ]);
    s.run(close(s), ctx(AUDITOR_B, day('2025-05-05')));
    s.judged(day('2025-05-06'), [], AUDITOR_B).completed(day('2025-05-06'), 'pass', AUDITOR_B);
    expect(s.known.status).toBe('AwaitingDecision');
  });

  it('OnlyAppointedAuditorsAssess: an auditor on neither the raising audit nor the audit in progress cannot verify', () => {
    const s = withFinding('major');
    s.run(submit(s), ctx(REPRESENTATIVE, day('2025-04-10')));
    spec.given(s.events).when(accept(s), ctx({ id: 'auditor-c', role: 'auditor' }, day('2025-04-11'))).thenBreaks('OnlyAppointedAuditorsAssess');
  });

  it('ConflictedAuditorCannotAct: an auditor who declared a conflict since cannot verify a finding', () => {
    const s = withFinding('major');
    s.run(submit(s), ctx(REPRESENTATIVE, day('2025-04-10')));
    const conflicted = { registeredAuditor: true, interestsDeclared: true, conflictDeclared: true, consultedForCentre: false };
    spec.given(s.events).when({ type: 'AcceptCorrectiveAction', data: { centreId: s.centreId, findingId: 'F1', assessor: conflicted } }, ctx(AUDITOR_A, day('2025-04-11'))).thenBreaks('ConflictedAuditorCannotAct');
  });
  it('Raising a finding names itself when no audit is in progress', () => {
    const s = new CentreStory().onboarded(day('2025-03-01')).applied(day('2025-03-10'));
    const error = spec.given(s.events).when({ type: 'RaiseFinding', data: { centreId: s.centreId, auditId: 'AUD-X', findingId: 'F1', grade: 'minor', criterionId: '8c', description: '' } }, ctx(AUDITOR_A, RAISED))
      .thenBreaks('NotAllowedInStatus');
    expect(error.message).toBe(`Raising a finding needs an audit in progress; the centre is ${s.known.status} with its application at ApplicationSubmitted.`);
  });

  it('the overdue timer: TimerNotDue names the finding; a closed finding is never overdue', () => {
    const early = withFinding('major');
    const error = spec.given(early.events).when(overdue(early), ctx(SYSTEM, day('2025-06-29'))).thenBreaks('TimerNotDue');
    expect(error.message).toBe(`The corrective action for finding F1 is due on ${day('2025-06-30')}, not yet on ${day('2025-06-29')}.`);
    const closed = withFinding('major');
    closed.run(submit(closed), ctx(REPRESENTATIVE, day('2025-04-10')));
    closed.run(accept(closed), ctx(AUDITOR_A, day('2025-04-11')));
    closed.run(close(closed), ctx(AUDITOR_A, day('2025-04-12')));
    expect(closed.known.findings.F1).toMatchObject({ state: 'closed', dueDate: day('2025-06-30') });
    spec.given(closed.events).when(overdue(closed), ctx(SYSTEM, day('2025-07-01'))).thenNothing();
  });

  it('given a new application only submitted (no audit yet), an auditor of the raising audit still verifies the finding', () => {
    const s = withFinding('major');
    s.judged(day('2025-04-02')).completed(day('2025-04-03'), 'fail').refused(day('2025-04-10'));
    s.run(submit(s), ctx(REPRESENTATIVE, day('2025-04-20')));
    const raisingAudit = s.known.findings.F1.auditId;
    s.applied(day('2025-05-01'));
    expect(s.known.work?.stage).toBe('ApplicationSubmitted');
    spec.given(s.events).when(accept(s), ctx(AUDITOR_A, day('2025-05-02'))).then([
      { type: 'CorrectiveActionAccepted', data: { centreId: s.centreId, auditId: raisingAudit, findingId: 'F1', acceptedAt: day('2025-05-02'), acceptedBy: AUDITOR_A.id } },
    ]);
  });
});

