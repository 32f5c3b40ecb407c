import { centreDecider } from '../centre/centre.decider';
import type { CentreCommand } from '../centre/centre.commands';
import { deciderSpec } from '../testing/decider-spec';
import { AUDITOR_A, CentreStory, ctx, day, REPRESENTATIVE } from '../testing/centre.fixtures';

const spec = deciderSpec(centreDecider);
const T = day('2025-05-01');
const complete = (story: CentreStory, recommendation: 'pass' | 'fail'): CentreCommand => ({ type: 'CompleteAudit', data: { centreId: story.centreId, auditId: story.auditId, recommendation, reason: 'r' } });
const underAudit = () => new CentreStory().onboarded(day('2025-03-01')).applied(day('2025-03-10')).auditOpened(day('2025-03-20')).appointed(day('2025-03-21'));

describe('rule 3: an audit passes only with every core criterion met and no open major finding', () => {
  it('passes when every core criterion is met; extended ones are reported, not required', () => {
    const story = underAudit().judged(day('2025-04-01'), ['1b', '9a']);
    spec.given(story.events).when(complete(story, 'pass'), ctx(AUDITOR_A, T)).then([{
      type: 'AuditPassed',
      data: { centreId: story.centreId, auditId: story.auditId, kind: 'initial', recommendation: 'pass', allExtendedMet: false, unmetExtendedCriteria: ['1b', '9a'], completedAt: T, completedBy: AUDITOR_A.id },
    }]);
  });

  it('CoreCriteriaNotMet: one core criterion judged not met', () => {
    const story = underAudit().judged(day('2025-04-01'), ['6d']);
    const error = spec.given(story.events).when(complete(story, 'pass'), ctx(AUDITOR_A, T)).thenBreaks('CoreCriteriaNotMet');
    expect(error.message).toContain('6d');
  });

  it('CoreCriteriaNotMet: an unjudged core criterion counts as not met', () => {
    const story = underAudit();
    spec.given(story.events).when(complete(story, 'pass'), ctx(AUDITOR_A, T)).thenBreaks('CoreCriteriaNotMet');
  });

  it('MajorFindingOpen: an open major finding blocks the pass', () => {
    const story = underAudit().judged(day('2025-04-01'));
    story.run({ type: 'RaiseFinding', data: { centreId: story.centreId, auditId: story.auditId, findingId: 'F1', grade: 'major', criterionId: '10c', description: 'No M&M meetings' } }, ctx(AUDITOR_A, day('2025-04-02')));
    const error = spec.given(story.events).when(complete(story, 'pass'), ctx(AUDITOR_A, T)).thenBreaks('MajorFindingOpen');
    expect(error.message).toBe('The audit cannot pass while major findings are open: F1.');
  });

  it('a closed major finding no longer blocks', () => {
    const story = underAudit().judged(day('2025-04-01'));
    const id = story.centreId;
    story.run({ type: 'RaiseFinding', data: { centreId: id, auditId: story.auditId, findingId: 'F1', grade: 'major', criterionId: '10c', description: '' } }, ctx(AUDITOR_A, day('2025-04-02')));
    story.run({ type: 'SubmitCorrectiveAction', data: { centreId: id, findingId: 'F1', plan: 'Monthly M&M' } }, ctx(REPRESENTATIVE, day('2025-04-03')));
    story.run({ type: 'AcceptCorrectiveAction', data: { centreId: id, findingId: 'F1' } }, ctx(AUDITOR_A, day('2025-04-04')));
    story.run({ type: 'CloseFinding', data: { centreId: id, findingId: 'F1' } }, ctx(AUDITOR_A, day('2025-04-05')));
    spec.given(story.events).when(complete(story, 'pass'), ctx(AUDITOR_A, T)).thenMatches([{ type: 'AuditPassed' }]);
  });

  it('AuditEvidenceOutstanding: no pass while requested evidence is awaited', () => {
    const story = underAudit().judged(day('2025-04-01'));
    story.run({ type: 'RequestEvidence', data: { centreId: story.centreId, auditId: story.auditId, requestId: 'E1', description: 'Tumour board minutes' } }, ctx(AUDITOR_A, day('2025-04-02')));
    const error = spec.given(story.events).when(complete(story, 'pass'), ctx(AUDITOR_A, T)).thenBreaks('AuditEvidenceOutstanding');
    expect(error.message).toBe('Requested evidence is still outstanding (E1).');
  });

  it('a fail names the unmet core criteria and open major findings', () => {
    const story = underAudit().judged(day('2025-04-01'), ['1a', '12b']);
    spec.given(story.events).when(complete(story, 'fail'), ctx(AUDITOR_A, T)).thenMatches([
      { type: 'AuditFailed', data: { recommendation: 'fail', unmetCoreCriteria: ['1a', '12b'], openMajorFindings: [] } },
    ]);
  });

  it('a fail names the open major findings by id, minors left out', () => {
    const story = underAudit().judged(day('2025-04-01'));
    for (const [findingId, grade] of [['F1', 'major'], ['F2', 'minor'], ['F3', 'major']] as const) {
      story.run({ type: 'RaiseFinding', data: { centreId: story.centreId, auditId: story.auditId, findingId, grade, criterionId: '10c', description: 'd' } }, ctx(AUDITOR_A, day('2025-04-02')));
    }
    spec.given(story.events).when(complete(story, 'fail'), ctx(AUDITOR_A, T)).thenMatches([
      { type: 'AuditFailed', data: { unmetCoreCriteria: [], openMajorFindings: ['F1', 'F3'] } },
    ]);
  });
});
