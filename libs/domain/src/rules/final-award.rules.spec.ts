import { centreDecider } from '../centre/centre.decider';
import { deciderSpec } from '../testing/decider-spec';
import { answers, CentreStory, COMMITTEE, ctx, day, icr, NO_FACTS, REPRESENTATIVE } from '../testing/centre.fixtures';

const spec = deciderSpec(centreDecider);

describe('rule 9: withdrawn, relinquished and expired awards are final for the cycle', () => {
  it('AwardIsFinal: a withdrawn award is not reinstated', () => {
    const s = new CentreStory().accredited(day('2025-01-15')).suspended(day('2025-02-01')).withdrawn(day('2025-08-01'));
    spec.given(s.events).when({ type: 'ReinstateAccreditation', data: { centreId: s.centreId } }, ctx(COMMITTEE, day('2025-08-02'))).thenBreaks('AwardIsFinal');
  });

  it('AwardIsFinal: an expired award is not suspended', () => {
    const s = new CentreStory().accredited(day('2020-01-15')).expired(day('2024-01-15'));
    spec.given(s.events).when({ type: 'SuspendAccreditation', data: { centreId: s.centreId, reason: 'seal_misuse', note: '' } }, ctx(COMMITTEE, day('2024-02-01'))).thenBreaks('AwardIsFinal');
  });

  it('AwardIsFinal: a relinquished award cannot be granted again without a new application', () => {
    const s = new CentreStory().accredited(day('2025-01-15'));
    s.run({ type: 'RelinquishAccreditation', data: { centreId: s.centreId, reason: 'Service closed' } }, ctx(REPRESENTATIVE, day('2025-02-01')));
    spec.given(s.events).when({ type: 'GrantAccreditation', data: { centreId: s.centreId, certificateNumber: 'X', decider: NO_FACTS } }, ctx(COMMITTEE, day('2025-02-02'))).thenBreaks('AwardIsFinal');
  });

  it('a new initial application starts a new cycle', () => {
    const s = new CentreStory().accredited(day('2025-01-15')).withdrawn(day('2025-06-01'));
    s.run({ type: 'SubmitApplication', data: { centreId: s.centreId, applicationId: 'NEW', kind: 'initial', answers: answers(), icr: icr() } }, ctx(REPRESENTATIVE, day('2025-07-01')));
    expect(s.known.status).toBe('ApplicationSubmitted');
    expect(s.known.cycle).toBe(2);
    expect(s.known.terms).toEqual([]);
  });
});
