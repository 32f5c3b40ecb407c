import { centreDecider } from '../centre/centre.decider';
import type { CentreCommand } from '../centre/centre.commands';
import type { CentreEvent } from '../centre/centre.events';
import { deciderSpec } from '../testing/decider-spec';
import { CentreStory, COMMITTEE, ctx, day, importCtx, NO_FACTS, OFFICE, REPRESENTATIVE, SYSTEM } from '../testing/centre.fixtures';
import { TimerNotDue } from './timers.rules';

const spec = deciderSpec(centreDecider);
const typesOf = (events: CentreEvent[]) => events.map((e) => e.type);

/** An accredited centre that paid its enrolment years ahead (renewals extend paidUntil), so only the award's timers are due. */
function accreditedAndPaying(at: string, years = 5): CentreStory {
  const s = new CentreStory().accredited(day(at));
  for (let y = 1; y <= years; y++) s.enrolmentRenewed(day(at));
  return s;
}

/**
 * Timers refuse to run early (TimerNotDue, carrying the due instant so the job is rescheduled),
 * happen at their due instant however late they are recorded, and decide [] when done or moot.
 */
describe('deadline timers', () => {
  describe('LapseEnrolment', () => {
    const s = new CentreStory().onboarded(day('2025-03-01'));
    const lapse: CentreCommand = { type: 'LapseEnrolment', data: { centreId: s.centreId } };

    it('TimerNotDue while paid, naming when it is due', () => {
      const error = spec.given(s.events).when(lapse, ctx(SYSTEM, day('2026-02-28'))).thenBreaks('TimerNotDue');
      expect(error).toBeInstanceOf(TimerNotDue);
      expect((error as TimerNotDue).dueAt).toBe(day('2026-03-01'));
      expect(error.message).toBe(`The enrolment lapse is due on ${day('2026-03-01')}, not yet on ${day('2026-02-28')}.`);
    });

    it('lapses an unpaid enrolment at paidUntil, however late the job runs: the centre is Registered again', () => {
      const events = spec.given(s.events).when(lapse, ctx(SYSTEM, day('2026-03-09'))).then([
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

    it('the office may run a timer by hand; the event is still the timer\'s, at its due instant', () => {
      spec.given(s.events).when(lapse, ctx(OFFICE, day('2026-03-05'))).then([
        { type: 'EnrolmentLapsed', data: { centreId: s.centreId, enrolmentPaidUntil: day('2026-03-01'), lapsedAt: day('2026-03-01') } },
      ]);
    });
  });

  describe('ExpireAccreditation', () => {
    const s = accreditedAndPaying('2020-04-15');
    const expire = (validUntil?: string): CentreCommand => ({ type: 'ExpireAccreditation', data: { centreId: s.centreId, validUntil } });

    it('TimerNotDue before validUntil', () => {
      spec.given(s.events).when(expire(), ctx(SYSTEM, day('2024-04-14'))).thenBreaks('TimerNotDue');
    });

    it('expires at validUntil (end-exclusive: at exactly validUntil the award has ended), after the reminders it still owed', () => {
      spec.given(s.events).when(expire(day('2024-04-15')), ctx(SYSTEM, day('2024-04-15'))).then([
        { type: 'RenewalReminderIssued', data: { centreId: s.centreId, validUntil: day('2024-04-15'), monthsBefore: 6, issuedAt: day('2023-10-15') } },
        { type: 'RenewalReminderIssued', data: { centreId: s.centreId, validUntil: day('2024-04-15'), monthsBefore: 3, issuedAt: day('2024-01-15') } },
        { type: 'AccreditationExpired', data: { centreId: s.centreId, validUntil: day('2024-04-15'), expiredAt: day('2024-04-15') } },
      ]);
    });

    it('a late job records the expiry at validUntil, not when it ran', () => {
      const events = spec.given(s.events).when(expire(), ctx(SYSTEM, day('2024-09-01'))).thenMatches([{}, {}, { type: 'AccreditationExpired', data: { expiredAt: day('2024-04-15') } }]);
      expect(typesOf(events)).not.toContain('EnrolmentLapsed');
    });

    it('twice: []; stale (scheduled for an older validUntil): []', () => {
      const expired = accreditedAndPaying('2020-04-15');
      expired.expired(day('2024-04-15'));
      spec.given(expired.events).when(expire(), ctx(SYSTEM, day('2024-04-16'))).thenNothing();
      spec.given(s.events).when(expire(day('2023-01-01')), ctx(SYSTEM, day('2023-03-01'))).thenNothing();
    });
  });

  describe('IssueRenewalReminder', () => {
    const s = accreditedAndPaying('2020-04-15');
    const remind = (monthsBefore: number): CentreCommand => ({ type: 'IssueRenewalReminder', data: { centreId: s.centreId, monthsBefore } });

    it('ReminderOffsetNotInScheme', () => {
      spec.given(s.events).when(remind(5), ctx(SYSTEM, day('2023-09-15'))).thenBreaks('ReminderOffsetNotInScheme');
    });

    it('TimerNotDue before validUntil − 6 months; issued from then on', () => {
      spec.given(s.events).when(remind(6), ctx(SYSTEM, day('2023-10-14'))).thenBreaks('TimerNotDue');
      spec.given(s.events).when(remind(6), ctx(SYSTEM, day('2023-10-15'))).then([
        { type: 'RenewalReminderIssued', data: { centreId: s.centreId, validUntil: day('2024-04-15'), monthsBefore: 6, issuedAt: day('2023-10-15') } },
      ]);
    });

    it('twice: []; after validUntil the reminders that were owed went out before the expiry', () => {
      const reminded = accreditedAndPaying('2020-04-15');
      reminded.run(remind(6), ctx(SYSTEM, day('2023-10-15')));
      reminded.run(remind(3), ctx(SYSTEM, day('2024-01-15')));
      spec.given(reminded.events).when(remind(3), ctx(SYSTEM, day('2024-01-16'))).thenNothing();
      spec.given(reminded.events).when(remind(3), ctx(SYSTEM, day('2024-04-15'))).then([
        { type: 'AccreditationExpired', data: { centreId: s.centreId, validUntil: day('2024-04-15'), expiredAt: day('2024-04-15') } },
      ]);
    });
  });

  describe('timers due inside a history take effect at their instant', () => {
    it('any command first records the timers due before it, at their due instants, in one decision', () => {
      const s = new CentreStory().onboarded(day('2020-01-10'));
      // Paid until 2021-01-10; the volume update on 2021-02-01 finds the enrolment lapsed first.
      spec.given(s.events).when({ type: 'UpdateProcedureVolume', data: { centreId: s.centreId, proceduresPerYear: 500 } }, ctx(OFFICE, day('2021-02-01'))).then([
        { type: 'EnrolmentLapsed', data: { centreId: s.centreId, enrolmentPaidUntil: day('2021-01-10'), lapsedAt: day('2021-01-10') } },
        { type: 'ProcedureVolumeUpdated', data: { centreId: s.centreId, proceduresPerYear: 500, updatedAt: day('2021-02-01'), updatedBy: OFFICE.id } },
      ]);
    });

    it('an import after a due instant is never blocked by the timer: it is recorded before it, at its own instant', () => {
      const s = new CentreStory().onboarded(day('2019-01-07'));
      const recordedAt = day('2025-06-01');
      s.run({ type: 'EnrolCentre', data: { centreId: s.centreId, feeReference: 'FEE-2020' } }, importCtx(OFFICE, day('2020-02-01'), recordedAt));
      expect(typesOf(s.events).slice(-2)).toEqual(['EnrolmentLapsed', 'CentreEnrolled']);
      expect(s.events.at(-2)).toMatchObject({ data: { lapsedAt: day('2020-01-07') } });
      // The next imported fact, still in 2020, is accepted.
      s.run({ type: 'UpdateProcedureVolume', data: { centreId: s.centreId, proceduresPerYear: 300 } }, importCtx(OFFICE, day('2020-03-01'), recordedAt));
      expect(s.known.enrolment).toMatchObject({ enrolledAt: day('2020-02-01'), lapsedAt: null });
    });

    it('an expiry between two imported facts is recorded between them', () => {
      const s = accreditedAndPaying('2019-06-12', 5);
      const before = s.events.length;
      s.run({ type: 'UpdateProcedureVolume', data: { centreId: s.centreId, proceduresPerYear: 300 } }, importCtx(OFFICE, day('2023-07-01'), day('2025-06-01')));
      expect(typesOf(s.events.slice(before))).toEqual(['RenewalReminderIssued', 'RenewalReminderIssued', 'AccreditationExpired', 'ProcedureVolumeUpdated']);
      expect(s.known.status).toBe('Expired');
      expect(s.known.ended).toMatchObject({ kind: 'Expired', at: day('2023-06-12') });
    });

    it('importing a history and living it record the same events', () => {
      const live = accreditedAndPaying('2019-06-12', 5);
      const imported = accreditedAndPaying('2019-06-12', 5);
      live.run({ type: 'ExpireAccreditation', data: { centreId: live.centreId } }, ctx(SYSTEM, day('2023-06-12')));
      live.run({ type: 'UpdateProcedureVolume', data: { centreId: live.centreId, proceduresPerYear: 300 } }, ctx(OFFICE, day('2023-07-01')));
      imported.run({ type: 'UpdateProcedureVolume', data: { centreId: imported.centreId, proceduresPerYear: 300 } }, importCtx(OFFICE, day('2023-07-01'), day('2025-06-01')));
      expect(imported.events).toEqual(live.events);
    });
  });

  describe('rule 8: the decided suspension end is the limit that counts', () => {
    const suspendedUntilMay = () => new CentreStory().accredited(day('2025-01-15')).suspended(day('2025-02-01'), day('2025-05-01'));
    const limit = (centreId: string): CentreCommand => ({ type: 'RecordSuspensionLimitReached', data: { centreId } });

    it('the limit timer fires at suspendedUntil, not at suspendedAt + 6 months', () => {
      const s = suspendedUntilMay();
      spec.given(s.events).when(limit(s.centreId), ctx(SYSTEM, day('2025-05-01'))).then([
        { type: 'SuspensionLimitReached', data: { centreId: s.centreId, suspendedAt: day('2025-02-01'), limitReachedAt: day('2025-05-01') } },
      ]);
    });

    it('an early limit job is refused with its due instant, so it is rescheduled, not discarded', () => {
      const s = suspendedUntilMay();
      const error = spec.given(s.events).when(limit(s.centreId), ctx(SYSTEM, day('2025-04-30'))).thenBreaks('TimerNotDue');
      expect((error as TimerNotDue).dueAt).toBe(day('2025-05-01'));
    });
  });

  describe('an award restored by an upheld appeal after its validUntil still expires', () => {
    it('expires at the appeal decision, in the same decision', () => {
      const s = accreditedAndPaying('2020-04-15');
      s.withdrawn(day('2024-01-20'));
      s.run({ type: 'LodgeAppeal', data: { centreId: s.centreId, appealId: 'AP-1', against: 'withdrawal', grounds: 'Facts misread' } }, ctx(REPRESENTATIVE, day('2024-02-01')));
      const events = s.run({ type: 'DecideAppeal', data: { centreId: s.centreId, appealId: 'AP-1', outcome: 'upheld', reason: 'Withdrawal not justified', decider: NO_FACTS } }, ctx({ ...COMMITTEE, id: 'committee-9' }, day('2024-05-02')));
      expect(typesOf(events)).toEqual(['AppealDecided', 'AccreditationExpired']);
      expect(events[1]).toMatchObject({ data: { validUntil: day('2024-04-15'), expiredAt: day('2024-05-02') } });
      expect(s.known.status).toBe('Expired');
    });
  });
});
