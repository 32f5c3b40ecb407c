import { centreDecider } from '../centre.decider';
import { deciderSpec } from '../../testing/decider-spec';
import { extensionEvent } from './decide-support';
import { AUDITOR_A, CentreStory, COMMITTEE, ctx, day, OFFICE } from '../../testing/centre.fixtures';

/** The status refusals every decider shares (decide-support.ts): what was asked, and where the centre stands. */
const spec = deciderSpec(centreDecider);

describe('status refusals name the step and the status', () => {
  it('a judgement needs an audit in progress: the centre\'s status, and the stage of its application when it has one', () => {
    const enrolled = new CentreStory().onboarded(day('2025-03-01'));
    const judge = { type: 'JudgeCriterion' as const, data: { centreId: enrolled.centreId, auditId: 'A-1', criterionId: '1a', met: true, note: '' } };
    const none = spec.given(enrolled.events).when(judge, ctx(AUDITOR_A, day('2025-03-05'))).thenBreaks('NotAllowedInStatus');
    expect(none.message).toMatch(/ needs an audit in progress; the centre is Enrolled\.$/);
    const applied = enrolled.fork().applied(day('2025-03-02'));
    const submitted = spec.given(applied.events).when(judge, ctx(AUDITOR_A, day('2025-03-05'))).thenBreaks('NotAllowedInStatus');
    expect(submitted.message).toMatch(/ needs an audit in progress; the centre is ApplicationSubmitted with its application at ApplicationSubmitted\.$/);
  });

  it('a grant needs a completed audit: the status, and the stage when there is an application', () => {
    const applied = new CentreStory().onboarded(day('2025-03-01')).applied(day('2025-03-02'));
    const grant = { type: 'GrantAccreditation' as const, data: { centreId: applied.centreId, certificateNumber: 'C-1', decider: { registeredAuditor: false, interestsDeclared: false, conflictDeclared: false, consultedForCentre: false } } };
    const error = spec.given(applied.events).when(grant, ctx(COMMITTEE, day('2025-03-05'))).thenBreaks('GrantRequiresPassedAudit');
    expect(error.message).toMatch(/ needs a completed audit; the centre is ApplicationSubmitted with its application at ApplicationSubmitted\.$/);
    const enrolled = new CentreStory().onboarded(day('2025-03-01'));
    const none = spec.given(enrolled.events).when({ ...grant, data: { ...grant.data, centreId: enrolled.centreId } }, ctx(COMMITTEE, day('2025-03-05'))).thenBreaks('GrantRequiresPassedAudit');
    expect(none.message).toMatch(/ needs a completed audit; the centre is Enrolled\.$/);
  });

  it('reinstating an award that is not suspended, or opening an audit without an application, does not apply', () => {
    const accredited = new CentreStory().accredited(day('2025-03-01'));
    const reinstate = spec.given(accredited.events).when({ type: 'ReinstateAccreditation', data: { centreId: accredited.centreId } }, ctx(COMMITTEE, day('2025-04-01'))).thenBreaks('NotAllowedInStatus');
    expect(reinstate.message).toBe('Reinstating (only a suspended award is reinstated) does not apply to a centre that is Accredited.');
    const enrolled = new CentreStory().onboarded(day('2025-03-01'));
    const open = spec.given(enrolled.events).when({ type: 'OpenAudit', data: { centreId: enrolled.centreId, auditId: 'A-1', dueDate: day('2025-06-01') } }, ctx(OFFICE, day('2025-03-05'))).thenBreaks('NotAllowedInStatus');
    expect(open.message).toBe('Opening an audit (it needs a submitted application) does not apply to a centre that is Enrolled.');
  });
  it('a pending-decision period recorded while no audit is on file names no audit', () => {
    const pending = { validUntil: day('2024-04-15'), extendedUntil: day('2024-10-15'), applicationId: 'APP-1' };
    const applied = new CentreStory().onboarded(day('2025-03-01')).applied(day('2025-03-10'));
    expect(extensionEvent('c-1', pending, applied.known.work)).toMatchObject({ data: { auditId: '' } });
    expect(extensionEvent('c-1', pending, null)).toEqual({
      type: 'AccreditationExtendedPendingDecision',
      data: { centreId: 'c-1', applicationId: 'APP-1', auditId: '', validUntil: day('2024-04-15'), extendedUntil: day('2024-10-15'), extendedAt: day('2024-04-15') },
    });
  });
});
