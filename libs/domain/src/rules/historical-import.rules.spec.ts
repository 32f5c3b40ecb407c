import { auditorDecider } from '../auditor/auditor.decider';
import { centreDecider } from '../centre/centre.decider';
import { deciderSpec } from '../testing/decider-spec';
import { AUDITOR_A, CentreStory, CLEAN_AUDITOR, COMMITTEE, ctx, day, importCtx, NO_FACTS, OFFICE, registerCommand, REPRESENTATIVE } from '../testing/centre.fixtures';
import { isHistoricalImport } from './historical-import.rules';

const spec = deciderSpec(centreDecider);
const grant = (centreId: string) => ({ type: 'GrantAccreditation' as const, data: { centreId, certificateNumber: 'C-1', decider: NO_FACTS } });

describe('rule 10: historical imports', () => {
  it('an import is a command keyed in by a recorder with the import capability, never just a past date', () => {
    expect(isHistoricalImport(importCtx(COMMITTEE, day('2020-04-15'), day('2025-01-01')))).toBe(true);
    expect(isHistoricalImport(ctx(OFFICE, day('2020-04-15'), day('2025-01-01')))).toBe(false);
    expect(isHistoricalImport(ctx(OFFICE, day('2025-01-01')))).toBe(false);
  });

  it('OccurredAtInFuture: occurredAt may not lie after recordedAt', () => {
    spec.given([]).when(registerCommand(), ctx(OFFICE, day('2025-02-01'), day('2025-01-01'))).thenBreaks('OccurredAtInFuture');
  });

  it('BackDatingRequiresImport: a live command is never back-dated, not even one second, not even by the office', () => {
    const story = new CentreStory().onboarded(day('2019-06-10')).passedAudit(day('2020-02-01'));
    spec.given(story.events).when(grant(story.centreId), ctx(OFFICE, '2020-04-15T09:59:59.000Z', day('2020-04-15'))).thenBreaks('BackDatingRequiresImport');
    spec.given(story.events).when(grant(story.centreId), ctx(COMMITTEE, '2020-04-15T09:59:59.000Z', day('2020-04-15'))).thenBreaks('BackDatingRequiresImport');
  });

  it('ImportRequiresOffice: only the office keys in imports', () => {
    const story = new CentreStory().onboarded(day('2019-01-10'));
    spec.given(story.events)
      .when({ type: 'UpdateProcedureVolume', data: { centreId: story.centreId, proceduresPerYear: 300 } }, importCtx(REPRESENTATIVE, day('2019-02-01'), day('2025-01-01'), REPRESENTATIVE))
      .thenBreaks('ImportRequiresOffice');
  });

  it('ImportMustBeInPast: an import on behalf of someone else is not a way to act for them now', () => {
    const story = new CentreStory().onboarded(day('2019-06-10')).passedAudit(day('2020-02-01'));
    spec.given(story.events).when(grant(story.centreId), importCtx(COMMITTEE, day('2020-04-15'), day('2020-04-15'))).thenBreaks('ImportMustBeInPast');
  });

  it('the office imports a 2020 committee decision on behalf of the committee member, who is the decider', () => {
    const story = new CentreStory().onboarded(day('2019-06-10')).passedAudit(day('2020-02-01'));
    spec.given(story.events)
      .when(grant(story.centreId), importCtx(COMMITTEE, day('2020-04-15'), day('2025-01-01')))
      .thenMatches([{ type: 'AccreditationGranted', data: { validFrom: day('2020-04-15'), validUntil: day('2024-04-15'), decidedBy: COMMITTEE.id } }]);
  });

  it('RoleNotPermitted: an import on behalf of the office cannot carry a committee decision', () => {
    const story = new CentreStory().onboarded(day('2019-06-10')).passedAudit(day('2020-02-01'));
    spec.given(story.events).when(grant(story.centreId), importCtx(OFFICE, day('2020-04-15'), day('2025-01-01'))).thenBreaks('RoleNotPermitted');
  });

  it('separation of duties holds against the person named: the auditor of the audit cannot be imported as its decider', () => {
    const story = new CentreStory().onboarded(day('2019-06-10')).passedAudit(day('2020-02-01'));
    spec.given(story.events).when(grant(story.centreId), importCtx({ id: AUDITOR_A.id, role: 'committee' }, day('2020-04-15'), day('2025-01-01'))).thenBreaks('AssessorCannotDecide');
  });

  it('assessment work is imported on behalf of an appointed auditor only', () => {
    const story = new CentreStory().onboarded(day('2019-06-10')).applied(day('2019-07-01')).auditOpened(day('2019-07-02'));
    story.run({ type: 'AppointAuditor', data: { centreId: story.centreId, auditId: story.auditId, auditorId: AUDITOR_A.id, auditor: CLEAN_AUDITOR } }, ctx(OFFICE, day('2019-07-03')));
    const judge = { type: 'JudgeCriterion' as const, data: { centreId: story.centreId, auditId: story.auditId, criterionId: '1a', met: true, note: '' } };
    spec.given(story.events).when(judge, importCtx({ id: 'auditor-z', role: 'auditor' }, day('2019-08-01'), day('2025-01-01'))).thenBreaks('OnlyAppointedAuditorsAssess');
    spec.given(story.events).when(judge, importCtx(AUDITOR_A, day('2019-08-01'), day('2025-01-01'))).thenMatches([{ type: 'CriterionJudged', data: { judgedBy: AUDITOR_A.id } }]);
  });

  it('OccurredAtBeforeStreamHistory: occurredAt never goes backwards in a stream', () => {
    const story = new CentreStory().onboarded(day('2020-03-01'));
    spec.given(story.events)
      .when({ type: 'UpdateProcedureVolume', data: { centreId: story.centreId, proceduresPerYear: 500 } }, importCtx(OFFICE, day('2020-02-01'), day('2025-01-01')))
      .thenBreaks('OccurredAtBeforeStreamHistory');
  });

  it('an event at the same instant as the last one is fine', () => {
    const story = new CentreStory().onboarded(day('2020-03-01'));
    spec.given(story.events).when({ type: 'UpdateProcedureVolume', data: { centreId: story.centreId, proceduresPerYear: 500 } }, ctx(OFFICE, day('2020-03-01'))).thenMatches([{ type: 'ProcedureVolumeUpdated' }]);
  });

  it('applies to the auditor stream too', () => {
    const auditors = deciderSpec(auditorDecider);
    const register = { type: 'RegisterAuditor' as const, data: { auditorId: 'x', country: 'DE', specialties: [] } };
    auditors.given([]).when(register, ctx(COMMITTEE, day('2020-01-01'), day('2021-01-01'))).thenBreaks('BackDatingRequiresImport');
    auditors.given([]).when(register, importCtx(COMMITTEE, day('2020-01-01'), day('2021-01-01'))).thenBreaks('RoleNotPermitted');
    auditors.given([]).when(register, importCtx(OFFICE, day('2020-01-01'), day('2021-01-01'))).thenMatches([{ type: 'AuditorRegistered', data: { registeredBy: OFFICE.id } }]);
  });
});
