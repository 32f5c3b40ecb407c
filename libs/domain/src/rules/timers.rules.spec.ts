import { centreDecider } from '../centre/centre.decider';
import type { CentreCommand } from '../centre/centre.commands';
import { deciderSpec } from '../testing/decider-spec';
import { CentreStory, ctx, day, OFFICE, SYSTEM } from '../testing/centre.fixtures';

const spec = deciderSpec(centreDecider);

/** Timers refuse to run early (TimerNotDue) and decide [] when their work is done or moot. */
describe('deadline timers', () => {
  describe('LapseEnrolment', () => {
    const s = new CentreStory().onboarded(day('2025-03-01'));
    const lapse: CentreCommand = { type: 'LapseEnrolment', data: { centreId: s.centreId } };

    it('TimerNotDue while paid', () => {
      spec.given(s.events).when(lapse, ctx(SYSTEM, day('2026-02-28'))).thenBreaks('TimerNotDue');
    });

    it('lapses an unpaid enrolment: the centre is Registered again', () => {
      const events = spec.given(s.events).when(lapse, ctx(SYSTEM, day('2026-03-01'))).then([
        { type: 'EnrolmentLapsed', data: { centreId: s.centreId, enrolmentPaidUntil: day('2026-03-01'), lapsedAt: day('2026-03-01') } },
      ]);
      expect(centreDecider.evolve(spec.given(s.events).state, events[0]).status).toBe('Registered');
    });

    it('twice, or never enrolled: []', () => {
      const lapsed = new CentreStory().onboarded(day('2025-03-01'));
      lapsed.run(lapse, ctx(SYSTEM, day('2026-03-01')));
      spec.given(lapsed.events).when(lapse, ctx(SYSTEM, day('2026-03-02'))).thenNothing();
      const registered = new CentreStory().registered(day('2025-03-01'));
      spec.given(registered.events).when(lapse, ctx(SYSTEM, day('2026-03-02'))).thenNothing();
    });

    it('the office may run a timer by hand; a centre may not', () => {
      spec.given(s.events).when(lapse, ctx(OFFICE, day('2026-03-01'))).thenMatches([{ type: 'EnrolmentLapsed' }]);
    });
  });

  describe('ExpireAccreditation', () => {
    const s = new CentreStory().accredited(day('2020-04-15'));
    const expire = (validUntil?: string): CentreCommand => ({ type: 'ExpireAccreditation', data: { centreId: s.centreId, validUntil } });

    it('TimerNotDue before validUntil', () => {
      spec.given(s.events).when(expire(), ctx(SYSTEM, day('2024-04-14'))).thenBreaks('TimerNotDue');
    });

    it('expires at validUntil', () => {
      spec.given(s.events).when(expire(day('2024-04-15')), ctx(SYSTEM, day('2024-04-15'))).then([
        { type: 'AccreditationExpired', data: { centreId: s.centreId, validUntil: day('2024-04-15'), expiredAt: day('2024-04-15') } },
      ]);
    });

    it('twice: []; stale (scheduled for an older validUntil): []', () => {
      const expired = new CentreStory().accredited(day('2020-04-15')).expired(day('2024-04-15'));
      spec.given(expired.events).when(expire(), ctx(SYSTEM, day('2024-04-16'))).thenNothing();
      spec.given(s.events).when(expire(day('2023-01-01')), ctx(SYSTEM, day('2024-04-16'))).thenNothing();
    });
  });

  describe('IssueRenewalReminder', () => {
    const s = new CentreStory().accredited(day('2020-04-15'));
    const remind = (monthsBefore: number): CentreCommand => ({ type: 'IssueRenewalReminder', data: { centreId: s.centreId, monthsBefore } });

    it('ReminderOffsetNotInScheme', () => {
      spec.given(s.events).when(remind(5), ctx(SYSTEM, day('2023-11-15'))).thenBreaks('ReminderOffsetNotInScheme');
    });

    it('TimerNotDue before validUntil − 6 months; issued from then on', () => {
      spec.given(s.events).when(remind(6), ctx(SYSTEM, day('2023-10-14'))).thenBreaks('TimerNotDue');
      spec.given(s.events).when(remind(6), ctx(SYSTEM, day('2023-10-15'))).then([
        { type: 'RenewalReminderIssued', data: { centreId: s.centreId, validUntil: day('2024-04-15'), monthsBefore: 6, issuedAt: day('2023-10-15') } },
      ]);
    });

    it('twice, or after validUntil: []', () => {
      const reminded = new CentreStory().accredited(day('2020-04-15'));
      reminded.run(remind(3), ctx(SYSTEM, day('2024-01-15')));
      spec.given(reminded.events).when(remind(3), ctx(SYSTEM, day('2024-01-16'))).thenNothing();
      spec.given(s.events).when(remind(3), ctx(SYSTEM, day('2024-04-15'))).thenNothing();
    });
  });
});
