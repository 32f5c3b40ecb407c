import { centreDecider } from '../centre.decider';
import { deciderSpec } from '../../testing/decider-spec';
import { CentreStory, COMMITTEE, ctx, day, SYSTEM } from '../../testing/centre.fixtures';
import { expireAccreditation } from './award.decide';

const spec = deciderSpec(centreDecider);

describe('award decisions', () => {
  it('given a centre that holds no award, reinstating says what was attempted', () => {
    const s = new CentreStory().onboarded(day('2025-03-01'));
    const error = spec.given(s.events).when({ type: 'ReinstateAccreditation', data: { centreId: s.centreId } }, ctx(COMMITTEE, day('2025-03-02'))).thenBreaks('NotAllowedInStatus');
    expect(error.message).toBe('Reinstating the accreditation does not apply to a centre that is Enrolled.');
  });

  it('given a renewal decided early, an expiry timer run after the renewed term is over too starts that term and expires it at its own end', () => {
    // decideCentre fires the timer at validUntil; this is the timer decision itself, handed a late instant.
    const s = new CentreStory().accredited(day('2020-04-15'))
      .enrolmentRenewed(day('2021-04-01')).enrolmentRenewed(day('2022-04-01')).enrolmentRenewed(day('2023-04-01'))
      .passedAudit(day('2024-03-01'), 'recertification').granted(day('2024-03-05'));
    const { award, nextAward } = s.known;
    expect(nextAward).toMatchObject({ kind: 'accreditation', validFrom: day('2024-04-15'), validUntil: day('2028-04-15') });
    const late = day('2028-05-01');
    expect(expireAccreditation({ centreId: s.centreId, validUntil: day('2024-04-15') }, s.known, ctx(SYSTEM, late))).toEqual([
      {
        type: 'AwardTermStarted',
        data: {
          centreId: s.centreId, kind: 'accreditation', certificateNumber: nextAward?.certificateNumber, previousCertificateNumber: award?.certificateNumber,
          validFrom: day('2024-04-15'), validUntil: day('2028-04-15'), startedAt: day('2024-04-15'),
        },
      },
      { type: 'AccreditationExpired', data: { centreId: s.centreId, validUntil: day('2028-04-15'), expiredAt: day('2028-04-15') } },
    ]);
  });
});
