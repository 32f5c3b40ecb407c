import { centreDecider } from '../centre/centre.decider';
import type { CentreCommand } from '../centre/centre.commands';
import { deciderSpec } from '../testing/decider-spec';
import { IASIOS_2019_1 } from '../scheme/iasios-2019-1.scheme';
import { CentreStory, COMMITTEE, ctx, day, SYSTEM } from '../testing/centre.fixtures';
import { suspensionEnd } from './suspension.rules';

const spec = deciderSpec(centreDecider);
const suspend = (centreId: string, suspendedUntil?: string): CentreCommand => ({ type: 'SuspendAccreditation', data: { centreId, reason: 'unpaid_fees', note: 'Annual fee unpaid', suspendedUntil } });
const limit = (centreId: string): CentreCommand => ({ type: 'RecordSuspensionLimitReached', data: { centreId } });

describe('rule 8: suspension', () => {
  const accredited = new CentreStory().accredited(day('2025-01-15'));

  it('lasts by default until the scheme limit (6 months) and leaves validUntil alone', () => {
    spec.given(accredited.events).when(suspend(accredited.centreId), ctx(COMMITTEE, day('2025-03-31'))).then([{
      type: 'AccreditationSuspended',
      data: { centreId: accredited.centreId, reason: 'unpaid_fees', note: 'Annual fee unpaid', suspendedAt: day('2025-03-31'), suspendedUntil: day('2025-09-30'), decidedBy: COMMITTEE.id },
    }]);
    const s = new CentreStory().accredited(day('2025-01-15')).suspended(day('2025-03-31')).reinstated(day('2025-05-01'));
    expect(s.known.award?.validUntil).toBe(day('2029-01-15'));
  });

  it('SuspensionLimitExceeded: not beyond 6 months', () => {
    spec.given(accredited.events).when(suspend(accredited.centreId, day('2025-10-01')), ctx(COMMITTEE, day('2025-03-31'))).thenBreaks('SuspensionLimitExceeded');
  });

  it('SuspensionPeriodInvalid: it ends after it starts', () => {
    spec.given(accredited.events).when(suspend(accredited.centreId, day('2025-03-01')), ctx(COMMITTEE, day('2025-03-31'))).thenBreaks('SuspensionPeriodInvalid');
  });

  it('a suspended award is not suspended again', () => {
    const s = new CentreStory().accredited(day('2025-01-15')).suspended(day('2025-02-01'));
    spec.given(s.events).when(suspend(s.centreId), ctx(COMMITTEE, day('2025-02-02'))).thenBreaks('NotAllowedInStatus');
  });

  describe('the limit timer (returns [] when already done or moot)', () => {
    const s = new CentreStory().accredited(day('2025-01-15')).suspended(day('2025-02-01'));

    it('TimerNotDue before 6 months', () => {
      spec.given(s.events).when(limit(s.centreId), ctx(SYSTEM, day('2025-07-31'))).thenBreaks('TimerNotDue');
    });

    it('records the limit, after which only reinstatement or withdrawal remain', () => {
      spec.given(s.events).when(limit(s.centreId), ctx(SYSTEM, day('2025-08-01'))).then([
        { type: 'SuspensionLimitReached', data: { centreId: s.centreId, suspendedAt: day('2025-02-01'), limitReachedAt: day('2025-08-01') } },
      ]);
    });

    it('twice: []', () => {
      const twice = new CentreStory().accredited(day('2025-01-15')).suspended(day('2025-02-01'));
      twice.run(limit(twice.centreId), ctx(SYSTEM, day('2025-08-01')));
      spec.given(twice.events).when(limit(twice.centreId), ctx(SYSTEM, day('2025-08-02'))).thenNothing();
    });

    it('after reinstatement: []', () => {
      const back = new CentreStory().accredited(day('2025-01-15')).suspended(day('2025-02-01')).reinstated(day('2025-03-01'));
      spec.given(back.events).when(limit(back.centreId), ctx(SYSTEM, day('2025-08-02'))).thenNothing();
    });
  });

  it('an end date inside the limit is kept as decided, up to the limit itself', () => {
    spec.given(accredited.events).when(suspend(accredited.centreId, day('2025-05-15')), ctx(COMMITTEE, day('2025-03-31'))).then([{
      type: 'AccreditationSuspended',
      data: { centreId: accredited.centreId, reason: 'unpaid_fees', note: 'Annual fee unpaid', suspendedAt: day('2025-03-31'), suspendedUntil: day('2025-05-15'), decidedBy: COMMITTEE.id },
    }]);
    expect(suspensionEnd(day('2025-03-31'), day('2025-09-30'), IASIOS_2019_1)).toBe(day('2025-09-30'));
    expect(suspensionEnd(day('2025-03-31'), '2025-03-31T10:00:00.001Z', IASIOS_2019_1)).toBe('2025-03-31T10:00:00.001Z');
    expect(suspensionEnd(day('2025-03-31'), undefined, IASIOS_2019_1)).toBe(day('2025-09-30'));
    expect(() => suspensionEnd(day('2025-03-31'), '2025-09-30T10:00:00.001Z', IASIOS_2019_1)).toThrow(expect.objectContaining({ rule: 'SuspensionLimitExceeded' }));
    expect(() => suspensionEnd(day('2025-03-31'), day('2025-03-31'), IASIOS_2019_1)).toThrow(expect.objectContaining({ rule: 'SuspensionPeriodInvalid' }));
  });

  it('a suspended award still expires at validUntil (suspension never extends it)', () => {
    const s = new CentreStory().accredited(day('2020-04-15')).suspended(day('2024-03-01'));
    spec.given(s.events).when({ type: 'ExpireAccreditation', data: { centreId: s.centreId } }, ctx(SYSTEM, day('2024-04-15'))).then([
      { type: 'AccreditationExpired', data: { centreId: s.centreId, validUntil: day('2024-04-15'), expiredAt: day('2024-04-15') } },
    ]);
  });
});

