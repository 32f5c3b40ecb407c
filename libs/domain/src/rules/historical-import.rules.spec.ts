import { auditorDecider } from '../auditor/auditor.decider';
import { centreDecider } from '../centre/centre.decider';
import { deciderSpec } from '../testing/decider-spec';
import { CentreStory, COMMITTEE, ctx, day, NO_FACTS, OFFICE, registerCommand, REPRESENTATIVE } from '../testing/centre.fixtures';
import { isHistoricalImport } from './historical-import.rules';

const spec = deciderSpec(centreDecider);

describe('rule 10: historical imports', () => {
  it('an import is a command that happened before it is recorded', () => {
    expect(isHistoricalImport(ctx(OFFICE, day('2020-04-15'), day('2025-01-01')))).toBe(true);
    expect(isHistoricalImport(ctx(OFFICE, day('2025-01-01')))).toBe(false);
  });

  it('OccurredAtInFuture: occurredAt may not lie after recordedAt', () => {
    spec.given([]).when(registerCommand(), ctx(OFFICE, day('2025-02-01'), day('2025-01-01'))).thenBreaks('OccurredAtInFuture');
  });

  it('ImportRequiresOffice: only the office imports the past', () => {
    const story = new CentreStory().onboarded(day('2019-01-10'));
    spec.given(story.events)
      .when({ type: 'SubmitApplication', data: { centreId: story.centreId, applicationId: 'A', kind: 'initial', answers: {}, icr: { caseReferences: [], summary: '' } } }, ctx(REPRESENTATIVE, day('2019-02-01'), day('2025-01-01')))
      .thenBreaks('ImportRequiresOffice');
  });

  it('the office may import any command, e.g. a 2020 committee decision, recorded in 2025', () => {
    const story = new CentreStory().onboarded(day('2019-06-10')).passedAudit(day('2020-02-01'));
    spec.given(story.events)
      .when({ type: 'GrantAccreditation', data: { centreId: story.centreId, certificateNumber: 'C-1', decider: NO_FACTS } }, ctx(OFFICE, day('2020-04-15'), day('2025-01-01')))
      .thenMatches([{ type: 'AccreditationGranted', data: { validFrom: day('2020-04-15'), validUntil: day('2024-04-15'), decidedBy: OFFICE.id } }]);
  });

  it('OccurredAtBeforeStreamHistory: occurredAt never goes backwards in a stream', () => {
    const story = new CentreStory().onboarded(day('2020-03-01'));
    spec.given(story.events)
      .when({ type: 'UpdateProcedureVolume', data: { centreId: story.centreId, proceduresPerYear: 500 } }, ctx(OFFICE, day('2020-02-01'), day('2025-01-01')))
      .thenBreaks('OccurredAtBeforeStreamHistory');
  });

  it('an event at the same instant as the last one is fine', () => {
    const story = new CentreStory().onboarded(day('2020-03-01'));
    spec.given(story.events).when({ type: 'UpdateProcedureVolume', data: { centreId: story.centreId, proceduresPerYear: 500 } }, ctx(OFFICE, day('2020-03-01'))).thenMatches([{ type: 'ProcedureVolumeUpdated' }]);
  });

  it('applies to the auditor stream too', () => {
    const auditors = deciderSpec(auditorDecider);
    auditors.given([]).when({ type: 'RegisterAuditor', data: { auditorId: 'x', country: 'DE', specialties: [] } }, ctx(COMMITTEE, day('2020-01-01'), day('2021-01-01'))).thenBreaks('ImportRequiresOffice');
  });
});
