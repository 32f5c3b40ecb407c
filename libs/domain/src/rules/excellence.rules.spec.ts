import { centreDecider } from '../centre/centre.decider';
import type { CentreCommand } from '../centre/centre.commands';
import type { Award } from '../centre/centre.state';
import { deciderSpec } from '../testing/decider-spec';
import { CentreStory, COMMITTEE, ctx, day, NO_FACTS } from '../testing/centre.fixtures';
import { hasCompletedTerm } from './excellence.rules';

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

  it('is awarded after a completed term, and continues it: validUntil = old validUntil + 4 years', () => {
    const story = excellenceCandidate('2024-01-10');
    const events = spec.given(story.events).when(seal(story.centreId), ctx(COMMITTEE, day('2024-07-01'))).run();
    // The expiry (and what else fell due) is recorded first, at its own instant.
    expect(events.map((e) => e.type)).toEqual(['RenewalReminderIssued', 'EnrolmentLapsed', 'AccreditationExpired', 'ExcellenceSealAwarded']);
    expect(events.slice(-1)).toEqual([{
      type: 'ExcellenceSealAwarded',
      data: {
        centreId: story.centreId, auditId: story.auditId, certificateNumber: 'COE-1', validFrom: day('2024-04-15'), validUntil: day('2028-04-15'),
        schemeVersion: 'IASIOS-2019.1', decidedAt: day('2024-07-01'), decidedBy: COMMITTEE.id,
      },
    }]);
  });

  it('ExcellenceRequiresCompletedTerm: after three years the term is not complete', () => {
    const story = excellenceCandidate('2023-03-10');
    spec.given(story.events).when(seal(story.centreId), ctx(COMMITTEE, day('2023-04-20'))).thenBreaks('ExcellenceRequiresCompletedTerm');
  });

  it('ExcellenceRequiresAllCriteria: one extended criterion not met', () => {
    const story = excellenceCandidate('2024-01-10', ['13b']);
    spec.given(story.events).when(seal(story.centreId), ctx(COMMITTEE, day('2024-07-01'))).thenBreaks('ExcellenceRequiresAllCriteria');
  });

  it('a re-certification audit with everything met qualifies too', () => {
    const story = excellenceCandidate('2024-01-10', [], 'recertification');
    expect(spec.given(story.events).when(seal(story.centreId), ctx(COMMITTEE, day('2024-07-01'))).run().at(-1)).toMatchObject({ type: 'ExcellenceSealAwarded' });
  });

  it('ExcellenceRequiresRecertificationAudit: never on an initial audit', () => {
    const story = new CentreStory().onboarded(day('2025-03-01')).passedAudit(day('2025-04-01'));
    spec.given(story.events).when(seal(story.centreId), ctx(COMMITTEE, day('2025-05-01'))).thenBreaks('ExcellenceRequiresRecertificationAudit');
  });

  it('an excellence application lodged before expiry can still be sealed after the expiry timer ran', () => {
    const story = excellenceCandidate('2024-01-10').expired(day('2024-04-15'));
    expect(story.known.status).toBe('Expired');
    spec.given(story.events).when(seal(story.centreId), ctx(COMMITTEE, day('2024-07-01'))).thenMatches([
      { type: 'ExcellenceSealAwarded', data: { validFrom: day('2024-04-15'), validUntil: day('2028-04-15') } },
    ]);
  });
});
