import type { CentreCommand } from '../centre.commands';
import { centreDecider } from '../centre.decider';
import { deciderSpec } from '../../testing/decider-spec';
import { answers, AUDITOR_A, CentreStory, CLEAN_AUDITOR, COMMITTEE, ctx, day, OFFICE, icr, REPRESENTATIVE } from '../../testing/centre.fixtures';
import type { Actor } from '../../shared/primitives';

const spec = deciderSpec(centreDecider);
const AT = day('2025-03-25');

describe('audit decisions', () => {
  describe('each names itself when no audit is in progress (the application is only submitted)', () => {
    const s = new CentreStory().onboarded(day('2025-03-01')).applied(day('2025-03-10'));
    const data = { centreId: s.centreId, auditId: 'AUD-X' };
    it.each<[string, CentreCommand, Actor]>([
      ['An objection to an auditor', { type: 'ObjectToAuditor', data: { ...data, auditorId: AUDITOR_A.id, grounds: 'Former colleague' } }, REPRESENTATIVE],
      ['Deciding an objection', { type: 'DecideAuditorObjection', data: { ...data, auditorId: AUDITOR_A.id, upheld: true, reason: 'Grounds stand' } }, COMMITTEE],
      ['Recusing an auditor', { type: 'RecuseAuditor', data: { ...data, auditorId: AUDITOR_A.id, reason: 'Leave' } }, OFFICE],
      ['Requesting evidence', { type: 'RequestEvidence', data: { ...data, requestId: 'EV-1', description: 'Registry extract' } }, AUDITOR_A],
      ['Appointing an auditor', { type: 'AppointAuditor', data: { ...data, auditorId: AUDITOR_A.id, auditor: CLEAN_AUDITOR } }, OFFICE],
      ['Judging a criterion', { type: 'JudgeCriterion', data: { ...data, criterionId: '1a', met: true, note: '' } }, AUDITOR_A],
      ['Completing an audit', { type: 'CompleteAudit', data: { ...data, recommendation: 'pass', reason: 'All met' } }, AUDITOR_A],
      ['Providing evidence', { type: 'ProvideEvidence', data: { ...data, requestId: 'EV-1', documentReferences: ['DOC-1'] } }, REPRESENTATIVE],
    ])('%s', (what, command, actor) => {
      const error = spec.given(s.events).when(command, ctx(actor, AT)).thenBreaks('NotAllowedInStatus');
      expect(error.message).toBe(`${what} needs an audit in progress; the centre is ${s.known.status} with its application at ApplicationSubmitted.`);
    });
  });

  it('given an audit with nobody appointed yet (an empty team), recusing anyone breaks AuditorNotAppointed', () => {
    const s = new CentreStory().onboarded(day('2025-03-01')).applied(day('2025-03-10')).auditOpened(day('2025-03-20'));
    expect(s.known.auditTeams[s.auditId]).toEqual({ everAppointed: [], active: [] });
    const error = spec.given(s.events).when({ type: 'RecuseAuditor', data: { centreId: s.centreId, auditId: s.auditId, auditorId: AUDITOR_A.id, reason: 'Leave' } }, ctx(OFFICE, AT))
      .thenBreaks('AuditorNotAppointed');
    expect(error.message).toBe(`${AUDITOR_A.id} is not appointed to audit ${s.auditId}.`);
  });

  it('when the centre provides requested evidence, the event carries its document references', () => {
    const s = new CentreStory().onboarded(day('2025-03-01')).applied(day('2025-03-10')).auditOpened(day('2025-03-20')).appointed(day('2025-03-21'));
    s.run({ type: 'RequestEvidence', data: { centreId: s.centreId, auditId: s.auditId, requestId: 'EV-1', description: 'Registry extract' } }, ctx(AUDITOR_A, day('2025-03-22')));
    spec.given(s.events).when({ type: 'ProvideEvidence', data: { centreId: s.centreId, auditId: s.auditId, requestId: 'EV-1', documentReferences: ['DOC-1', 'DOC-2'] } }, ctx(REPRESENTATIVE, AT)).then([
      { type: 'EvidenceProvided', data: { centreId: s.centreId, auditId: s.auditId, requestId: 'EV-1', documentReferences: ['DOC-1', 'DOC-2'], providedAt: AT, providedBy: REPRESENTATIVE.id } },
    ]);
  });

  it('an application needs an active enrolment: the refusal says it is about an application', () => {
    const s = new CentreStory().registered(day('2025-03-01')).signedOff(day('2025-03-01'));
    const error = spec.given(s.events).when({ type: 'SubmitApplication', data: { centreId: s.centreId, applicationId: 'APP-1', kind: 'initial', answers: answers(), icr: icr() } }, ctx(REPRESENTATIVE, AT))
      .thenBreaks('EnrolmentNotActive');
    expect(error.message).toBe('An application needs an active enrolment, and the centre has never enrolled.');
  });
});
