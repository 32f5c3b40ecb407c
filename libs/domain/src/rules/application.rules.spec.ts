import { centreDecider } from '../centre/centre.decider';
import type { CentreCommand } from '../centre/centre.commands';
import type { ApplicationKind } from '../centre/centre.events';
import { deciderSpec } from '../testing/decider-spec';
import { IASIOS_2019_1 } from '../scheme/iasios-2019-1.scheme';
import { answers, CentreStory, ctx, day, icr, REPRESENTATIVE } from '../testing/centre.fixtures';
import { assertApplicationComplete, assertMayApply } from './application.rules';

const spec = deciderSpec(centreDecider);
const submit = (centreId: string, over: Partial<Extract<CentreCommand, { type: 'SubmitApplication' }>['data']> = {}, kind: ApplicationKind = 'initial'): CentreCommand => ({
  type: 'SubmitApplication',
  data: { centreId, applicationId: 'APP-X', kind, answers: answers(), icr: icr(), ...over },
});

describe('rule 2: applications', () => {
  const enrolled = new CentreStory().onboarded(day('2025-03-01'));
  const at = ctx(REPRESENTATIVE, day('2025-04-01'));

  it('an enrolled centre submits a complete initial application under the current scheme', () => {
    spec.given(enrolled.events).when(submit(enrolled.centreId), at).thenMatches([
      { type: 'ApplicationSubmitted', data: { applicationId: 'APP-X', kind: 'initial', schemeVersion: 'IASIOS-2019.1', submittedAt: day('2025-04-01'), submittedBy: REPRESENTATIVE.id } },
    ]);
  });

  it('extended criteria may be left unanswered', () => {
    const coreOnly = Object.fromEntries(Object.entries(answers()).filter(([id]) => ['1a', '1c', '1e', '1f', '1g', '2b', '3a', '3c', '4b', '4c', '4d', '5d', '6a', '6b', '6c', '6d', '7a', '7b', '8a', '8b', '8c', '8d', '8e', '10c', '11a', '12a', '12b'].includes(id)));
    spec.given(enrolled.events).when(submit(enrolled.centreId, { answers: coreOnly }), at).thenMatches([{ type: 'ApplicationSubmitted' }]);
  });

  it('EnrolmentNotActive: a registered centre that never enrolled cannot apply', () => {
    const registered = new CentreStory().registered(day('2025-03-01'));
    spec.given(registered.events).when(submit(registered.centreId), at).thenBreaks('EnrolmentNotActive');
  });

  it('CoreCriteriaUnanswered: every core criterion is answered', () => {
    const { '8e': _, ...missing } = answers();
    const error = spec.given(enrolled.events).when(submit(enrolled.centreId, { answers: missing }), at).thenBreaks('CoreCriteriaUnanswered');
    expect(error.message).toContain('8e');
  });

  it('UnknownCriterion: answers name criteria of the scheme only', () => {
    spec.given(enrolled.events).when(submit(enrolled.centreId, { answers: { ...answers(), '14a': { compliance: 'met', comment: '' } } }), at).thenBreaks('UnknownCriterion');
  });

  it.each([
    ['29 cases', icr(29)],
    ['31 cases', icr(31)],
    ['duplicate references', { caseReferences: [...icr(29).caseReferences, 'ICR-001'], summary: '' }],
    ['blank references', { caseReferences: [...icr(29).caseReferences, ' '], summary: '' }],
    ['30 distinct references and one of them again', { caseReferences: [...icr(30).caseReferences, 'ICR-001'], summary: '' }],
    ['30 distinct references and a blank one', { caseReferences: [...icr(30).caseReferences, ''], summary: '' }],
  ])('InternalCaseReviewIncomplete: %s', (_, review) => {
    spec.given(enrolled.events).when(submit(enrolled.centreId, { icr: review }), at).thenBreaks('InternalCaseReviewIncomplete');
  });

  it('ApplicationInProgress: one application at a time', () => {
    const applied = new CentreStory().onboarded(day('2025-03-01')).applied(day('2025-03-10'));
    spec.given(applied.events).when(submit(applied.centreId), at).thenBreaks('ApplicationInProgress');
  });

  it('ApplicationKindNotAllowed: a centre without an award cannot ask for re-certification', () => {
    spec.given(enrolled.events).when(submit(enrolled.centreId, {}, 'recertification'), at).thenBreaks('ApplicationKindNotAllowed');
  });

  it('ApplicationKindNotAllowed: an accredited centre does not apply for initial accreditation', () => {
    const accredited = new CentreStory().accredited(day('2025-03-01'));
    spec.given(accredited.events).when(submit(accredited.centreId), at).thenBreaks('ApplicationKindNotAllowed');
  });

  it('an accredited centre applies for re-certification or excellence', () => {
    const accredited = new CentreStory().accredited(day('2025-03-01'));
    spec.given(accredited.events).when(submit(accredited.centreId, {}, 'excellence'), at).thenMatches([{ type: 'ApplicationSubmitted', data: { kind: 'excellence' } }]);
  });

  it('a suspended centre cannot apply', () => {
    const suspended = new CentreStory().accredited(day('2025-03-01')).suspended(day('2025-03-20'));
    spec.given(suspended.events).when(submit(suspended.centreId, {}, 'recertification'), at).thenBreaks('NotAllowedInStatus');
  });

  it('ApplicationInProgress: an accredited centre with a renewal in progress does not lodge another', () => {
    const renewing = new CentreStory().accredited(day('2025-03-01')).applied(day('2025-03-10'), 'recertification');
    const error = spec.given(renewing.events).when(submit(renewing.centreId, {}, 'excellence'), at).thenBreaks('ApplicationInProgress');
    expect(error.message).toBe(`Application ${renewing.known.work!.application.applicationId} is still in progress.`);
  });

  it.each(['recertification', 'excellence'] as const)('ApplicationKindNotAllowed: after the award ended, %s is not a way back; an initial application is', (kind) => {
    const withdrawn = new CentreStory().accredited(day('2025-03-01')).withdrawn(day('2025-03-20'));
    const error = spec.given(withdrawn.events).when(submit(withdrawn.centreId, {}, kind), at).thenBreaks('ApplicationKindNotAllowed');
    expect(error.message).toBe('A centre without a current award (Withdrawn) starts with an initial application.');
    spec.given(withdrawn.events).when(submit(withdrawn.centreId), at).thenMatches([{ type: 'ApplicationSubmitted', data: { kind: 'initial' } }]);
  });

  it('the ICR message counts distinct references of all given', () => {
    const error = spec.given(enrolled.events).when(submit(enrolled.centreId, { icr: { caseReferences: [...icr(29).caseReferences, 'ICR-001'], summary: '' } }), at).thenBreaks('InternalCaseReviewIncomplete');
    expect(error.message).toBe('The Internal Case Review needs exactly 30 distinct case references; it has 29 distinct of 30.');
  });

  it('the ICR count: exactly 30 distinct references pass, and the event carries them all', () => {
    spec.given(enrolled.events).when(submit(enrolled.centreId), at).then([{
      type: 'ApplicationSubmitted',
      data: {
        centreId: enrolled.centreId, applicationId: 'APP-X', kind: 'initial', schemeVersion: 'IASIOS-2019.1', answers: answers(),
        icr: { caseReferences: icr().caseReferences, summary: icr().summary }, submittedAt: day('2025-04-01'), submittedBy: REPRESENTATIVE.id,
      },
    }]);
    expect(() => assertApplicationComplete(answers(), icr(30), IASIOS_2019_1)).not.toThrow();
    expect(() => assertApplicationComplete(answers(), icr(30), { ...IASIOS_2019_1, icrCases: 29 })).toThrow(/exactly 29/);
  });

  describe('assertMayApply, on both sides of every status', () => {
    const accredited = () => new CentreStory().accredited(day('2025-01-15'));
    /** Sealed in 2024 while accredited; the seal's term starts at the old validUntil. */
    const centreOfExcellence = () => {
      const s = new CentreStory().accredited(day('2020-04-15'));
      for (const year of ['2021', '2022', '2023']) s.enrolmentRenewed(day(`${year}-04-01`));
      s.passedAudit(day('2024-02-01'), 'excellence').sealAwarded(day('2024-03-20')).expired(day('2024-04-15'));
      expect(s.known.status).toBe('CentreOfExcellence');
      return s;
    };
    const cases: Array<[string, () => CentreStory, Record<ApplicationKind, string | null>]> = [
      ['Registered', () => new CentreStory().registered(day('2025-01-15')), { initial: null, recertification: 'ApplicationKindNotAllowed', excellence: 'ApplicationKindNotAllowed' }],
      ['Enrolled', () => new CentreStory().onboarded(day('2025-01-15')), { initial: null, recertification: 'ApplicationKindNotAllowed', excellence: 'ApplicationKindNotAllowed' }],
      ['ApplicationSubmitted', () => new CentreStory().onboarded(day('2025-01-15')).applied(day('2025-01-16')), { initial: 'ApplicationInProgress', recertification: 'ApplicationInProgress', excellence: 'ApplicationInProgress' }],
      ['UnderAudit', () => new CentreStory().onboarded(day('2025-01-15')).applied(day('2025-01-16')).auditOpened(day('2025-01-16')), { initial: 'ApplicationInProgress', recertification: 'ApplicationInProgress', excellence: 'ApplicationInProgress' }],
      ['AwaitingDecision', () => new CentreStory().onboarded(day('2025-01-15')).passedAudit(day('2025-01-16')), { initial: 'ApplicationInProgress', recertification: 'ApplicationInProgress', excellence: 'ApplicationInProgress' }],
      ['AuditFailed', () => new CentreStory().onboarded(day('2025-01-15')).applied(day('2025-01-16')).auditOpened(day('2025-01-16')).appointed(day('2025-01-16')).completed(day('2025-01-17'), 'fail'), { initial: 'ApplicationInProgress', recertification: 'ApplicationInProgress', excellence: 'ApplicationInProgress' }],
      ['Accredited', accredited, { initial: 'ApplicationKindNotAllowed', recertification: null, excellence: null }],
      ['Accredited with a renewal in progress', () => accredited().applied(day('2025-01-16'), 'recertification'), { initial: 'ApplicationInProgress', recertification: 'ApplicationInProgress', excellence: 'ApplicationInProgress' }],
      ['CentreOfExcellence', centreOfExcellence, { initial: 'ApplicationKindNotAllowed', recertification: null, excellence: null }],
      ['Suspended', () => accredited().suspended(day('2025-01-16')), { initial: 'NotAllowedInStatus', recertification: 'NotAllowedInStatus', excellence: 'NotAllowedInStatus' }],
      ['Withdrawn', () => accredited().withdrawn(day('2025-01-16')), { initial: null, recertification: 'ApplicationKindNotAllowed', excellence: 'ApplicationKindNotAllowed' }],
    ];
    it.each(cases)('%s', (_, story, expected) => {
      const s = story();
      for (const kind of ['initial', 'recertification', 'excellence'] as const) {
        const run = () => assertMayApply(s.known, kind);
        if (expected[kind] === null) expect(run).not.toThrow();
        else expect(run).toThrow(expect.objectContaining({ rule: expected[kind] }));
      }
    });
  });
});

