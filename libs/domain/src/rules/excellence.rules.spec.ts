import { centreDecider } from '../centre/centre.decider';
import type { CentreCommand } from '../centre/centre.commands';
import type { Award } from '../centre/centre.state';
import { deciderSpec } from '../testing/decider-spec';
import { answers, CentreStory, COMMITTEE, ctx, day, icr, NO_FACTS, REPRESENTATIVE, SYSTEM } from '../testing/centre.fixtures';
import { assertExcellenceEligible, hasCompletedTerm } from './excellence.rules';

const spec = deciderSpec(centreDecider);
const seal = (centreId: string): CentreCommand => ({ type: 'AwardExcellenceSeal', data: { centreId, certificateNumber: 'COE-1', decider: NO_FACTS } });

/** Accredited 15 April 2020, enrolment kept paid, excellence audit passed on `auditAt`. */
function excellenceCandidate(auditAt: string, unmet: string[] = [], kind: 'excellence' | 'recertification' = 'excellence'): CentreStory {
  const story = new CentreStory().accredited(day('2020-04-15'));
  for (const year of ['2021', '2022', '2023']) {
    if (`${year}-04-01` < auditAt) story.enrolmentRenewed(day(`${year}-04-01`));
  }
  return story.passedAudit(day(auditAt), kind, unmet);
}

describe('rule 5: the Centre of Excellence seal', () => {
  it('hasCompletedTerm: a term counts once its 4 years have run', () => {
    const term = { validFrom: day('2020-04-15'), schemeVersion: 'IASIOS-2019.1' } as Award;
    expect(hasCompletedTerm([term], day('2024-04-14'))).toBe(false);
    expect(hasCompletedTerm([term], day('2024-04-15'))).toBe(true);
    expect(hasCompletedTerm([], day('2030-01-01'))).toBe(false);
  });

  it('assertExcellenceEligible: ExcellenceRequiresCompletedTerm when the term is not complete at the seal\'s start', () => {
    const term = { validFrom: day('2020-04-15'), schemeVersion: 'IASIOS-2019.1' } as Award;
    const outcome = { passed: true, allExtendedMet: true, unmetExtendedCriteria: [], unmetCoreCriteria: [], completedAt: day('2023-01-01'), completedBy: 'a' };
    expect(() => assertExcellenceEligible([term], 'excellence', outcome, day('2024-04-15'))).not.toThrow();
    let caught: unknown;
    try { assertExcellenceEligible([term], 'excellence', outcome, day('2024-04-14')); } catch (e) { caught = e; }
    expect(caught).toMatchObject({ rule: 'ExcellenceRequiresCompletedTerm' });
  });

  it('is decided while the accreditation is in force and starts at the old validUntil (repro: 2024-03-20)', () => {
    const story = excellenceCandidate('2024-02-10');
    spec.given(story.events).when(seal(story.centreId), ctx(COMMITTEE, day('2024-03-20'))).thenEndsWith([{
      type: 'ExcellenceSealAwarded',
      data: {
        centreId: story.centreId, auditId: story.auditId, certificateNumber: 'COE-1', validFrom: day('2024-04-15'), validUntil: day('2028-04-15'),
        schemeVersion: 'IASIOS-2019.1', decidedAt: day('2024-03-20'), decidedBy: COMMITTEE.id,
      },
    }]);
  });

  it('decided early, the seal waits for the old validUntil: Accredited until then, Centre of Excellence from then', () => {
    const story = excellenceCandidate('2024-02-10').sealAwarded(day('2024-03-20'));
    expect(story.known.status).toBe('Accredited');
    expect(story.known.award).toMatchObject({ kind: 'accreditation', validUntil: day('2024-04-15') });
    expect(story.known.nextAward).toMatchObject({ kind: 'excellence', validFrom: day('2024-04-15'), validUntil: day('2028-04-15') });
    spec.given(story.events).when({ type: 'ExpireAccreditation', data: { centreId: story.centreId } }, ctx(SYSTEM, day('2024-04-14'))).thenBreaks('TimerNotDue');
    const started = story.run({ type: 'ExpireAccreditation', data: { centreId: story.centreId, validUntil: day('2024-04-15') } }, ctx(SYSTEM, day('2024-04-15')));
    expect(started.filter((e) => e.type === 'AwardTermStarted')).toEqual([{
      type: 'AwardTermStarted',
      data: {
        centreId: story.centreId, kind: 'excellence', certificateNumber: 'COE-10', previousCertificateNumber: 'CERT-4',
        validFrom: day('2024-04-15'), validUntil: day('2028-04-15'), startedAt: day('2024-04-15'),
      },
    }]);
    expect(story.known.status).toBe('CentreOfExcellence');
    expect(story.known.nextAward).toBeNull();
  });

  it('RenewalAlreadyDecided: a seal decided early is not decided twice', () => {
    const story = excellenceCandidate('2024-02-10').sealAwarded(day('2024-03-20'));
    const error = spec.given(story.events).when({ type: 'SubmitApplication', data: { centreId: story.centreId, applicationId: 'A-2', kind: 'excellence', answers: answers(), icr: icr() } }, ctx(REPRESENTATIVE, day('2024-03-25')))
      .thenBreaks('RenewalAlreadyDecided');
    expect(error.message).toBe(`A renewal application: the renewal ${story.known.nextAward!.certificateNumber} is already decided and starts on ${day('2024-04-15')}.`);
  });

  it('ExcellenceRequiresAllCriteria: one extended criterion not met', () => {
    const story = excellenceCandidate('2024-01-10', ['13b']);
    spec.given(story.events).when(seal(story.centreId), ctx(COMMITTEE, day('2024-03-01'))).thenBreaks('ExcellenceRequiresAllCriteria');
  });

  it('a re-certification audit with everything met qualifies too', () => {
    const story = excellenceCandidate('2024-01-10', [], 'recertification');
    spec.given(story.events).when(seal(story.centreId), ctx(COMMITTEE, day('2024-03-01'))).thenEndsMatching([{ type: 'ExcellenceSealAwarded', data: { validFrom: day('2024-04-15') } }]);
  });

  it('ExcellenceRequiresRecertificationAudit: never on an initial audit', () => {
    const story = new CentreStory().onboarded(day('2025-03-01')).passedAudit(day('2025-04-01'));
    spec.given(story.events).when(seal(story.centreId), ctx(COMMITTEE, day('2025-05-01'))).thenBreaks('ExcellenceRequiresRecertificationAudit');
  });

  it('audit passed before validUntil: the expiry timer keeps the award in force pending the decision, and the seal then starts at the old validUntil', () => {
    const story = excellenceCandidate('2024-01-10');
    const extended = story.run({ type: 'ExpireAccreditation', data: { centreId: story.centreId } }, ctx(SYSTEM, day('2024-04-15')));
    expect(extended.slice(-1)).toEqual([{
      type: 'AccreditationExtendedPendingDecision',
      data: { centreId: story.centreId, applicationId: 'APP-8', auditId: 'AUD-9', validUntil: day('2024-04-15'), extendedUntil: day('2024-10-15'), extendedAt: day('2024-04-15') },
    }]);
    expect(story.known.status).toBe('Accredited');
    spec.given(story.events).when(seal(story.centreId), ctx(COMMITTEE, day('2024-07-01'))).thenEndsWith([{
      type: 'ExcellenceSealAwarded',
      data: {
        centreId: story.centreId, auditId: 'AUD-9', certificateNumber: 'COE-1', validFrom: day('2024-04-15'), validUntil: day('2028-04-15'),
        schemeVersion: 'IASIOS-2019.1', decidedAt: day('2024-07-01'), decidedBy: COMMITTEE.id,
      },
    }]);
    const sealed = story.fork().sealAwarded(day('2024-07-01'));
    expect(sealed.known).toMatchObject({ status: 'CentreOfExcellence', nextAward: null, pendingDecision: null, award: { validFrom: day('2024-04-15') } });
  });

  it('decided in the pending period before the timer ran: the period is recorded first, never silent', () => {
    const story = excellenceCandidate('2024-01-10');
    spec.given(story.events).when(seal(story.centreId), ctx(COMMITTEE, day('2024-05-01'))).thenEndsMatching([
      { type: 'AccreditationExtendedPendingDecision', data: { validUntil: day('2024-04-15'), extendedUntil: day('2024-10-15'), extendedAt: day('2024-04-15') } },
      { type: 'ExcellenceSealAwarded', data: { validFrom: day('2024-04-15'), validUntil: day('2028-04-15'), decidedAt: day('2024-05-01') } },
    ]);
  });

  it('RenewalAfterExpiry: the pending period ends without decision → expired at its end; no seal after that', () => {
    const story = excellenceCandidate('2024-01-10').expired(day('2024-04-15'));
    spec.given(story.events).when(seal(story.centreId), ctx(COMMITTEE, day('2024-10-15'))).thenBreaks('RenewalAfterExpiry');
    spec.given(story.events).when({ type: 'ExpireAccreditation', data: { centreId: story.centreId } }, ctx(SYSTEM, day('2024-10-14'))).thenNothing();
    story.expired(day('2024-10-16'));
    expect(story.events.at(-1)).toEqual({ type: 'AccreditationExpired', data: { centreId: story.centreId, validUntil: day('2024-04-15'), expiredAt: day('2024-10-15') } });
    expect(story.known.status).toBe('Expired');
    spec.given(story.events).when(seal(story.centreId), ctx(COMMITTEE, day('2026-07-01'))).thenBreaks('RenewalAfterExpiry');
  });

  it('repro: audit completed after validUntil → expired at validUntil, and a seal in 2026 is refused, never back-dated over the gap', () => {
    const story = new CentreStory().accredited(day('2020-04-15'));
    for (const year of ['2021', '2022', '2023']) story.enrolmentRenewed(day(`${year}-04-01`));
    story.applied(day('2024-02-01'), 'excellence').auditOpened(day('2024-02-02')).appointed(day('2024-02-02'));
    story.expired(day('2024-04-15'));
    expect(story.events.at(-1)).toEqual({ type: 'AccreditationExpired', data: { centreId: story.centreId, validUntil: day('2024-04-15'), expiredAt: day('2024-04-15') } });
    expect(story.known).toMatchObject({ status: 'Expired', work: null });
    spec.given(story.events).when(seal(story.centreId), ctx(COMMITTEE, day('2026-07-01'))).thenBreaks('RenewalAfterExpiry');
  });
  it('ExcellenceRequiresCompletedTerm without any term says so without an "accredited since"', () => {
    const outcome = { passed: true, allExtendedMet: true, unmetExtendedCriteria: [], unmetCoreCriteria: [], completedAt: day('2024-03-01'), completedBy: 'auditor-a' };
    expect(() => assertExcellenceEligible([], 'excellence', outcome, day('2024-04-15')))
      .toThrow(`The seal needs a 4-year accredited term completed by its start (${day('2024-04-15')}).`);
  });
});
