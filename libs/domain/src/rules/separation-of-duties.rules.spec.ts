import { centreDecider } from '../centre/centre.decider';
import type { CentreCommand, PersonFacts } from '../centre/centre.commands';
import type { Audit, Finding } from '../centre/centre.state';
import { deciderSpec } from '../testing/decider-spec';
import { assertActiveAuditor, assertAppointable, assertIndependentDecider, assertMayVerifyFinding, removedAuditors } from './separation-of-duties.rules';
import { AUDITOR_A, AUDITOR_B, CentreStory, CLEAN_AUDITOR, COMMITTEE, ctx, day, NO_FACTS, OFFICE, REPRESENTATIVE } from '../testing/centre.fixtures';

const spec = deciderSpec(centreDecider);
const T = day('2025-06-01');
const grant = (centreId: string, decider: PersonFacts = NO_FACTS): CentreCommand => ({ type: 'GrantAccreditation', data: { centreId, certificateNumber: 'C-1', decider } });
const appoint = (story: CentreStory, auditorId: string, auditor: PersonFacts = CLEAN_AUDITOR): CentreCommand => ({ type: 'AppointAuditor', data: { centreId: story.centreId, auditId: story.auditId, auditorId, auditor } });
const underAudit = () => new CentreStory().onboarded(day('2025-03-01')).applied(day('2025-03-10')).auditOpened(day('2025-03-20'));

describe('rule 4: who may decide', () => {
  const passed = new CentreStory().onboarded(day('2025-03-01')).passedAudit(day('2025-04-01'));

  it('an independent committee member grants', () => {
    spec.given(passed.events).when(grant(passed.centreId), ctx(COMMITTEE, T)).thenMatches([{ type: 'AccreditationGranted', data: { decidedBy: COMMITTEE.id } }]);
  });

  it('AssessorCannotDecide: an auditor on the audit, sitting on the committee, cannot decide', () => {
    spec.given(passed.events).when(grant(passed.centreId), ctx({ id: AUDITOR_A.id, role: 'committee' }, T)).thenBreaks('AssessorCannotDecide');
  });

  it('AssessorCannotDecide: also for a refusal', () => {
    spec.given(passed.events).when({ type: 'RefuseAccreditation', data: { centreId: passed.centreId, reasons: [], decider: NO_FACTS } }, ctx({ id: AUDITOR_A.id, role: 'committee' }, T)).thenBreaks('AssessorCannotDecide');
  });

  it('ConsultantCannotDecide: whoever consulted for the centre cannot decide', () => {
    spec.given(passed.events).when(grant(passed.centreId, { ...NO_FACTS, consultedForCentre: true }), ctx(COMMITTEE, T)).thenBreaks('ConsultantCannotDecide');
  });

  it('ConflictedPersonCannotDecide: a declared conflict excludes the decider', () => {
    spec.given(passed.events).when(grant(passed.centreId, { ...NO_FACTS, conflictDeclared: true }), ctx(COMMITTEE, T)).thenBreaks('ConflictedPersonCannotDecide');
  });

  it('an auditor recused from the audit still cannot decide on it', () => {
    const story = underAudit().appointed(day('2025-03-21')).appointed(day('2025-03-21'), AUDITOR_B);
    story.run({ type: 'RecuseAuditor', data: { centreId: story.centreId, auditId: story.auditId, auditorId: AUDITOR_B.id, reason: 'Leave' } }, ctx(OFFICE, day('2025-03-22')));
    story.judged(day('2025-04-01')).completed(day('2025-04-02'));
    spec.given(story.events).when(grant(story.centreId), ctx({ id: AUDITOR_B.id, role: 'committee' }, T)).thenBreaks('AssessorCannotDecide');
  });
});

describe('rule 6: who may be appointed', () => {
  const story = underAudit();
  const at = ctx(OFFICE, day('2025-03-21'));

  it('a registered auditor without conflict is appointed, having declared conflicts', () => {
    spec.given(story.events).when(appoint(story, AUDITOR_A.id), at).thenMatches([{ type: 'AuditorAppointed', data: { auditorId: AUDITOR_A.id, conflictsDeclared: true } }]);
  });

  it('AuditorNotRegistered', () => {
    spec.given(story.events).when(appoint(story, 'stranger', NO_FACTS), at).thenBreaks('AuditorNotRegistered');
  });

  it('ConflictedAuditorCannotBeAppointed', () => {
    spec.given(story.events).when(appoint(story, AUDITOR_A.id, { ...CLEAN_AUDITOR, conflictDeclared: true }), at).thenBreaks('ConflictedAuditorCannotBeAppointed');
  });

  it('ConsultantCannotAudit', () => {
    spec.given(story.events).when(appoint(story, AUDITOR_A.id, { ...CLEAN_AUDITOR, consultedForCentre: true }), at).thenBreaks('ConsultantCannotAudit');
  });

  it('ObjectionPending, then ObjectionBlocksAppointment once upheld', () => {
    const s = underAudit();
    s.run({ type: 'ObjectToAuditor', data: { centreId: s.centreId, auditId: s.auditId, auditorId: AUDITOR_A.id, grounds: 'Former colleague' } }, ctx(REPRESENTATIVE, day('2025-03-21')));
    spec.given(s.events).when(appoint(s, AUDITOR_A.id), at).thenBreaks('ObjectionPending');
    s.run({ type: 'DecideAuditorObjection', data: { centreId: s.centreId, auditId: s.auditId, auditorId: AUDITOR_A.id, upheld: true, reason: 'Close tie' } }, ctx(OFFICE, day('2025-03-21')));
    spec.given(s.events).when(appoint(s, AUDITOR_A.id), at).thenBreaks('ObjectionBlocksAppointment');
  });

  it('a rejected objection lets the appointment go ahead', () => {
    const s = underAudit();
    s.run({ type: 'ObjectToAuditor', data: { centreId: s.centreId, auditId: s.auditId, auditorId: AUDITOR_A.id, grounds: 'x' } }, ctx(REPRESENTATIVE, day('2025-03-21')));
    s.run({ type: 'DecideAuditorObjection', data: { centreId: s.centreId, auditId: s.auditId, auditorId: AUDITOR_A.id, upheld: false, reason: 'No tie' } }, ctx(OFFICE, day('2025-03-21')));
    spec.given(s.events).when(appoint(s, AUDITOR_A.id), at).thenMatches([{ type: 'AuditorAppointed' }]);
  });

  it('an objection upheld after appointment removes the auditor from the audit', () => {
    const s = underAudit().appointed(day('2025-03-21'));
    s.run({ type: 'ObjectToAuditor', data: { centreId: s.centreId, auditId: s.auditId, auditorId: AUDITOR_A.id, grounds: 'x' } }, ctx(REPRESENTATIVE, day('2025-03-22')));
    s.run({ type: 'DecideAuditorObjection', data: { centreId: s.centreId, auditId: s.auditId, auditorId: AUDITOR_A.id, upheld: true, reason: 'y' } }, ctx(OFFICE, day('2025-03-23')));
    spec.given(s.events).when({ type: 'JudgeCriterion', data: { centreId: s.centreId, auditId: s.auditId, criterionId: '1a', met: true, note: '' } }, ctx(AUDITOR_A, day('2025-03-24'))).thenBreaks('OnlyAppointedAuditorsAssess');
  });

  it('ObjectionAlreadyRaised and NoPendingObjection', () => {
    const s = underAudit();
    const object: CentreCommand = { type: 'ObjectToAuditor', data: { centreId: s.centreId, auditId: s.auditId, auditorId: AUDITOR_A.id, grounds: 'x' } };
    spec.given(s.events).when({ type: 'DecideAuditorObjection', data: { centreId: s.centreId, auditId: s.auditId, auditorId: AUDITOR_A.id, upheld: true, reason: '' } }, at).thenBreaks('NoPendingObjection');
    s.run(object, ctx(REPRESENTATIVE, day('2025-03-21')));
    spec.given(s.events).when(object, ctx(REPRESENTATIVE, day('2025-03-22'))).thenBreaks('ObjectionAlreadyRaised');
  });

  it('AuditorAlreadyAppointed', () => {
    const s = underAudit().appointed(day('2025-03-21'));
    spec.given(s.events).when(appoint(s, AUDITOR_A.id), at).thenBreaks('AuditorAlreadyAppointed');
  });

  it('AuditorNotAppointed: only an appointed auditor is recused; an auditor recuses only themself', () => {
    const s = underAudit().appointed(day('2025-03-21'));
    spec.given(s.events).when({ type: 'RecuseAuditor', data: { centreId: s.centreId, auditId: s.auditId, auditorId: AUDITOR_B.id, reason: '' } }, at).thenBreaks('AuditorNotAppointed');
    spec.given(s.events).when({ type: 'RecuseAuditor', data: { centreId: s.centreId, auditId: s.auditId, auditorId: AUDITOR_A.id, reason: '' } }, ctx(AUDITOR_B, day('2025-03-22'))).thenBreaks('RoleNotPermitted');
    spec.given(s.events).when({ type: 'RecuseAuditor', data: { centreId: s.centreId, auditId: s.auditId, auditorId: AUDITOR_A.id, reason: 'Conflict found' } }, ctx(AUDITOR_A, day('2025-03-22'))).thenMatches([{ type: 'AuditorRecused' }]);
  });

  it('OnlyAppointedAuditorsAssess: an auditor not on the audit cannot judge', () => {
    const s = underAudit().appointed(day('2025-03-21'));
    spec.given(s.events).when({ type: 'JudgeCriterion', data: { centreId: s.centreId, auditId: s.auditId, criterionId: '1a', met: true, note: '' } }, ctx(AUDITOR_B, day('2025-03-22'))).thenBreaks('OnlyAppointedAuditorsAssess');
  });

  it('AuditMismatch: commands name the current audit', () => {
    const s = underAudit().appointed(day('2025-03-21'));
    spec.given(s.events).when({ type: 'JudgeCriterion', data: { centreId: s.centreId, auditId: 'OTHER', criterionId: '1a', met: true, note: '' } }, ctx(AUDITOR_A, day('2025-03-22'))).thenBreaks('AuditMismatch');
  });
});

describe('removed auditors and conflicts after appointment', () => {
  const judgedByA = () => {
    const story = underAudit().appointed(day('2025-03-21')).appointed(day('2025-03-21'), AUDITOR_B).judged(day('2025-03-25'));
    return story;
  };
  const complete = (story: CentreStory): CentreCommand => ({ type: 'CompleteAudit', data: { centreId: story.centreId, auditId: story.auditId, recommendation: 'pass', reason: 'All met' } });

  it('repro: A judged every criterion, the objection to A is upheld → B cannot pass the audit on A\'s judgements', () => {
    const story = judgedByA();
    story.run({ type: 'ObjectToAuditor', data: { centreId: story.centreId, auditId: story.auditId, auditorId: AUDITOR_A.id, grounds: 'Former colleague' } }, ctx(REPRESENTATIVE, day('2025-03-26')));
    story.run({ type: 'DecideAuditorObjection', data: { centreId: story.centreId, auditId: story.auditId, auditorId: AUDITOR_A.id, upheld: true, reason: 'Well founded' } }, ctx(OFFICE, day('2025-03-27')));
    spec.given(story.events).when(complete(story), ctx(AUDITOR_B, day('2025-03-28'))).thenBreaks('CoreCriteriaNotMet');
    // B judges everything again: now it passes.
    story.judged(day('2025-03-29'), [], AUDITOR_B);
    spec.given(story.events).when(complete(story), ctx(AUDITOR_B, day('2025-03-30'))).thenMatches([{ type: 'AuditPassed', data: { completedBy: AUDITOR_B.id } }]);
  });

  it('a recused auditor\'s judgements do not count either, and a fail lists them as unmet', () => {
    const story = judgedByA();
    story.run({ type: 'RecuseAuditor', data: { centreId: story.centreId, auditId: story.auditId, auditorId: AUDITOR_A.id, reason: 'Conflict found' } }, ctx(OFFICE, day('2025-03-26')));
    spec.given(story.events).when(complete(story), ctx(AUDITOR_B, day('2025-03-28'))).thenBreaks('CoreCriteriaNotMet');
    const failed = spec.given(story.events).when({ ...complete(story), data: { ...complete(story).data, recommendation: 'fail' } } as CentreCommand, ctx(AUDITOR_B, day('2025-03-28'))).thenMatches([{ type: 'AuditFailed' }]);
    expect((failed[0].data as { unmetCoreCriteria: string[] }).unmetCoreCriteria).toContain('1a');
  });

  it('ConflictedAuditorCannotAct: a conflict declared after appointment blocks the auditor at once', () => {
    const story = underAudit().appointed(day('2025-03-21'));
    const conflicted: PersonFacts = { ...CLEAN_AUDITOR, conflictDeclared: true };
    const judge: CentreCommand = { type: 'JudgeCriterion', data: { centreId: story.centreId, auditId: story.auditId, criterionId: '1a', met: true, note: '', assessor: conflicted } };
    spec.given(story.events).when(judge, ctx(AUDITOR_A, day('2025-03-22'))).thenBreaks('ConflictedAuditorCannotAct');
    spec.given(story.events).when({ type: 'RaiseFinding', data: { centreId: story.centreId, auditId: story.auditId, findingId: 'F', grade: 'minor', criterionId: '1a', description: '', assessor: { ...CLEAN_AUDITOR, consultedForCentre: true } } }, ctx(AUDITOR_A, day('2025-03-22'))).thenBreaks('ConflictedAuditorCannotAct');
    spec.given(story.events).when({ type: 'CompleteAudit', data: { centreId: story.centreId, auditId: story.auditId, recommendation: 'fail', reason: '', assessor: conflicted } }, ctx(AUDITOR_A, day('2025-03-22'))).thenBreaks('ConflictedAuditorCannotAct');
    spec.given(story.events).when({ ...judge, data: { ...judge.data, assessor: CLEAN_AUDITOR } } as CentreCommand, ctx(AUDITOR_A, day('2025-03-22'))).thenMatches([{ type: 'CriterionJudged' }]);
  });

  it('AuditorAppointed records whether the auditor had declared their interests', () => {
    const story = underAudit();
    spec.given(story.events).when(appoint(story, AUDITOR_A.id, { ...CLEAN_AUDITOR, interestsDeclared: false }), ctx(OFFICE, day('2025-03-21'))).then([
      { type: 'AuditorAppointed', data: { centreId: story.centreId, auditId: story.auditId, auditorId: AUDITOR_A.id, conflictsDeclared: false, appointedAt: day('2025-03-21'), appointedBy: OFFICE.id } },
    ]);
    spec.given(story.events).when(appoint(story, AUDITOR_A.id), ctx(OFFICE, day('2025-03-21'))).then([
      { type: 'AuditorAppointed', data: { centreId: story.centreId, auditId: story.auditId, auditorId: AUDITOR_A.id, conflictsDeclared: true, appointedAt: day('2025-03-21'), appointedBy: OFFICE.id } },
    ]);
  });
  describe('finding verification and removed auditors, on teams as given (direct rule calls)', () => {
    const finding: Finding = { findingId: 'F1', auditId: 'AUD-1', grade: 'major', criterionId: '8c', dueDate: null, raisedAt: day('2025-03-01'), state: 'action_submitted', overdueAt: null };
    it('no team recorded for the raising audit or the audit in progress: nobody verifies', () => {
      expect(() => assertMayVerifyFinding(ctx(AUDITOR_A, day('2025-03-02')), finding, {}, null)).toThrow(expect.objectContaining({ rule: 'OnlyAppointedAuditorsAssess' }));
      expect(() => assertMayVerifyFinding(ctx(AUDITOR_A, day('2025-03-02')), finding, {}, 'AUD-2')).toThrow(expect.objectContaining({ rule: 'OnlyAppointedAuditorsAssess' }));
    });
    it('no team: nobody removed', () => {
      expect(removedAuditors(undefined)).toEqual([]);
      expect(removedAuditors({ everAppointed: ['a', 'b'], active: ['b'] })).toEqual(['a']);
    });
  });
});

describe('an audit without a team record (the rules take the team as optional)', () => {
  const audit = (underAudit().known.work as { audit: Audit }).audit;
  it('nobody on it: any independent member may decide, a registered auditor may be appointed, nobody may assess', () => {
    expect(() => assertIndependentDecider(COMMITTEE.id, undefined, NO_FACTS)).not.toThrow();
    expect(() => assertAppointable(AUDITOR_A.id, CLEAN_AUDITOR, audit, undefined)).not.toThrow();
    expect(() => assertActiveAuditor(ctx(AUDITOR_A, T), 'AUD-X', undefined)).toThrow(expect.objectContaining({ rule: 'OnlyAppointedAuditorsAssess' }));
  });
});
