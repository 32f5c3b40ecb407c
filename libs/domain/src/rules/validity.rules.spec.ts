import { centreDecider } from '../centre/centre.decider';
import type { CentreCommand } from '../centre/centre.commands';
import { deciderSpec } from '../testing/decider-spec';
import { CentreStory, COMMITTEE, ctx, day, NO_FACTS, SYSTEM } from '../testing/centre.fixtures';
import { IASIOS_2019_1 } from '../scheme/iasios-2019-1.scheme';
import { assertRenewalBeforeExpiry, hasEnded, initialValidity, isInForce } from './validity.rules';

const spec = deciderSpec(centreDecider);
const grant = (centreId: string): CentreCommand => ({ type: 'GrantAccreditation', data: { centreId, certificateNumber: 'C-2', decider: NO_FACTS } });

function renewalCandidate(auditAt: string): CentreStory {
  return new CentreStory().accredited(day('2020-04-15')).enrolmentRenewed(day('2021-04-01')).enrolmentRenewed(day('2022-04-01')).enrolmentRenewed(day('2023-04-01'))
    .passedAudit(day(auditAt), 'recertification', ['1b']);
}

describe('rule 7: validity', () => {
  it('validUntil = decision date + 4 years', () => {
    expect(initialValidity(day('2020-04-15'), IASIOS_2019_1)).toEqual({ validFrom: day('2020-04-15'), validUntil: day('2024-04-15') });
  });

  it('a decision on 29 February runs to 28 February four years on... or 29 in a leap year', () => {
    expect(initialValidity(day('2024-02-29'), IASIOS_2019_1).validUntil).toBe(day('2028-02-29'));
    expect(initialValidity('2023-02-28T00:00:00.000Z', { ...IASIOS_2019_1, validityYears: 1 }).validUntil).toBe('2024-02-28T00:00:00.000Z');
  });

  it('a re-certification granted before expiry starts at the old validUntil', () => {
    const story = renewalCandidate('2024-01-10');
    // The 3-month reminder fell due on 2024-01-15: it is recorded first, at its own instant.
    spec.given(story.events).when(grant(story.centreId), ctx(COMMITTEE, day('2024-02-01'))).thenMatches([
      { type: 'RenewalReminderIssued', data: { monthsBefore: 3, issuedAt: day('2024-01-15') } },
      { type: 'AccreditationGranted', data: { validFrom: day('2024-04-15'), validUntil: day('2028-04-15'), decidedAt: day('2024-02-01') } },
    ]);
  });

  it('RenewalAfterExpiry: past validUntil there is no renewal, even if the expiry timer has not run', () => {
    const story = renewalCandidate('2024-01-10');
    spec.given(story.events).when(grant(story.centreId), ctx(COMMITTEE, day('2024-04-16'))).thenBreaks('RenewalAfterExpiry');
  });

  it('end-exclusive: at exactly validUntil the award has ended, so it expires and is no longer renewable', () => {
    const award = { validFrom: day('2020-04-15'), validUntil: day('2024-04-15') };
    expect(isInForce(award, day('2020-04-15'))).toBe(true);
    expect(isInForce(award, '2024-04-15T09:59:59.999Z')).toBe(true);
    expect(isInForce(award, day('2024-04-15'))).toBe(false);
    expect(hasEnded(award, '2024-04-15T09:59:59.999Z')).toBe(false);
    expect(hasEnded(award, day('2024-04-15'))).toBe(true);
    const story = renewalCandidate('2024-01-10');
    expect(() => assertRenewalBeforeExpiry(story.known.award!, day('2024-04-15'))).toThrow(/too late/);
    spec.given(story.events).when({ type: 'ExpireAccreditation', data: { centreId: story.centreId } }, ctx(SYSTEM, day('2024-04-15'))).thenMatches([
      { type: 'RenewalReminderIssued' }, { type: 'EnrolmentLapsed' }, { type: 'AccreditationExpired', data: { expiredAt: day('2024-04-15') } },
    ]);
  });

  it('RenewalAfterExpiry: once expired, a pending re-certification cannot be granted', () => {
    const story = renewalCandidate('2024-01-10').expired(day('2024-04-15'));
    spec.given(story.events).when(grant(story.centreId), ctx(COMMITTEE, day('2024-04-20'))).thenBreaks('RenewalAfterExpiry');
  });
});
