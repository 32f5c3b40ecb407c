import { centreDecider } from '../centre.decider';
import { deciderSpec } from '../../testing/decider-spec';
import type { CentreCommand } from '../centre.commands';
import { CentreStory, COMMITTEE, ctx, day, REPRESENTATIVE, SYSTEM } from '../../testing/centre.fixtures';
import type { Actor } from '../../shared/primitives';
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
  describe('given a centre that holds no award, each award decision names itself', () => {
    const s = new CentreStory().onboarded(day('2025-03-01'));
    it.each<[string, CentreCommand, Actor]>([
      ['Suspending the accreditation', { type: 'SuspendAccreditation', data: { centreId: s.centreId, reason: 'persistent_nonconformity', note: 'Registry' } }, COMMITTEE],
      ['Withdrawing the accreditation', { type: 'WithdrawAccreditation', data: { centreId: s.centreId, reason: 'Limit reached' } }, COMMITTEE],
      ['Relinquishing the accreditation', { type: 'RelinquishAccreditation', data: { centreId: s.centreId, reason: 'Unit closing' } }, REPRESENTATIVE],
    ])('%s', (what, command, actor) => {
      const error = spec.given(s.events).when(command, ctx(actor, day('2025-03-02'))).thenBreaks('NotAllowedInStatus');
      expect(error.message).toBe(`${what} does not apply to a centre that is Enrolled.`);
    });
  });

  it('TimerNotDue: the suspension limit names itself and its due instant', () => {
    const s = new CentreStory().accredited(day('2020-04-15')).suspended(day('2020-06-01'), day('2020-09-01'));
    const error = spec.given(s.events).when({ type: 'RecordSuspensionLimitReached', data: { centreId: s.centreId } }, ctx(SYSTEM, day('2020-07-01'))).thenBreaks('TimerNotDue');
    expect(error.message).toBe(`The suspension limit is due on ${day('2020-09-01')}, not yet on ${day('2020-07-01')}.`);
  });

  it('TimerNotDue: a renewed term decided early does not start before the old validUntil', () => {
    const s = new CentreStory().accredited(day('2020-04-15'))
      .enrolmentRenewed(day('2021-04-01')).enrolmentRenewed(day('2022-04-01')).enrolmentRenewed(day('2023-04-01'))
      .passedAudit(day('2024-03-01'), 'recertification').granted(day('2024-03-05'));
    const error = spec.given(s.events).when({ type: 'ExpireAccreditation', data: { centreId: s.centreId, validUntil: day('2024-04-15') } }, ctx(SYSTEM, day('2024-03-10'))).thenBreaks('TimerNotDue');
    expect(error.message).toBe(`The start of the renewed term is due on ${day('2024-04-15')}, not yet on ${day('2024-03-10')}.`);
  });

  it('ReminderOffsetNotInScheme: a reminder the scheme does not send', () => {
    const s = new CentreStory().accredited(day('2020-04-15'));
    const error = spec.given(s.events).when({ type: 'IssueRenewalReminder', data: { centreId: s.centreId, monthsBefore: 5 } }, ctx(SYSTEM, day('2020-05-01'))).thenBreaks('ReminderOffsetNotInScheme');
    expect(error.message).toBe('Scheme IASIOS-2019.1 sends renewal reminders 6 and 3 months before expiry, not 5.');
  });

  it('TimerNotDue: the expiry names itself and validUntil', () => {
    const s = new CentreStory().accredited(day('2020-04-15'));
    const error = spec.given(s.events).when({ type: 'ExpireAccreditation', data: { centreId: s.centreId, validUntil: day('2024-04-15') } }, ctx(SYSTEM, day('2020-05-01'))).thenBreaks('TimerNotDue');
    expect(error.message).toBe(`The expiry is due on ${day('2024-04-15')}, not yet on ${day('2020-05-01')}.`);
  });

  it('TimerNotDue: a renewal reminder names its offset', () => {
    const s = new CentreStory().accredited(day('2020-04-15'));
    const error = spec.given(s.events).when({ type: 'IssueRenewalReminder', data: { centreId: s.centreId, monthsBefore: 3 } }, ctx(SYSTEM, day('2020-05-01'))).thenBreaks('TimerNotDue');
    expect(error.message).toBe(`The 3-month renewal reminder is due on ${day('2024-01-15')}, not yet on ${day('2020-05-01')}.`);
  });
});
