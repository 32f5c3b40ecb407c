import { centreDecider } from '../centre/centre.decider';
import { deciderSpec } from '../testing/decider-spec';
import { assertEnrolmentActive, isEnrolmentActive } from './enrolment.rules';
import { CentreStory, ctx, day, OFFICE, REPRESENTATIVE, answers, icr, SYSTEM } from '../testing/centre.fixtures';

const spec = deciderSpec(centreDecider);
const enrol = (centreId: string) => ({ type: 'EnrolCentre' as const, data: { centreId, feeReference: 'FEE-9' } });

describe('rule 1: enrolment eligibility', () => {
  it('ProcedureVolumeBelowMinimum: fewer than 150 procedures a year', () => {
    const story = new CentreStory().registered(day('2025-03-01'), 149).signedOff(day('2025-03-01'));
    spec.given(story.events).when(enrol(story.centreId), ctx(OFFICE, day('2025-03-02'))).thenBreaks('ProcedureVolumeBelowMinimum');
  });

  it('exactly 150 procedures and a sign-off enrol the centre for 12 months', () => {
    const story = new CentreStory().registered(day('2025-03-01'), 150).signedOff(day('2025-03-01'));
    spec.given(story.events).when(enrol(story.centreId), ctx(OFFICE, day('2025-03-02'))).then([
      { type: 'CentreEnrolled', data: { centreId: story.centreId, feeReference: 'FEE-9', enrolledAt: day('2025-03-02'), enrolledBy: OFFICE.id, enrolmentPaidUntil: day('2026-03-02') } },
    ]);
  });

  it('SignOffNotAttested: no Head of Department or Hospital Director sign-off', () => {
    const story = new CentreStory().registered(day('2025-03-01'));
    spec.given(story.events).when(enrol(story.centreId), ctx(OFFICE, day('2025-03-02'))).thenBreaks('SignOffNotAttested');
  });

  it('AlreadyEnrolled: an active enrolment is renewed, not enrolled again', () => {
    const story = new CentreStory().onboarded(day('2025-03-01'));
    spec.given(story.events).when(enrol(story.centreId), ctx(OFFICE, day('2025-06-01'))).thenBreaks('AlreadyEnrolled');
  });

  it('EnrolmentNotActive: a lapsed enrolment cannot be renewed; the centre enrols again', () => {
    const story = new CentreStory().onboarded(day('2025-03-01'));
    story.run({ type: 'LapseEnrolment', data: { centreId: story.centreId } }, ctx(SYSTEM, day('2026-03-02')));
    const error = spec.given(story.events).when({ type: 'RenewEnrolment', data: { centreId: story.centreId, feeReference: 'F' } }, ctx(OFFICE, day('2026-04-01'))).thenBreaks('EnrolmentNotActive');
    expect(error.message).toBe(`Renewing the enrolment needs an active enrolment, and the centre let its enrolment lapse on ${day('2026-03-01')}.`);
    spec.given(story.events).when(enrol(story.centreId), ctx(OFFICE, day('2026-04-01'))).thenMatches([{ type: 'CentreEnrolled', data: { enrolmentPaidUntil: day('2027-04-01') } }]);
  });

  it('an early renewal continues the paid term', () => {
    const story = new CentreStory().onboarded(day('2025-03-01'));
    spec.given(story.events).when({ type: 'RenewEnrolment', data: { centreId: story.centreId, feeReference: 'F' } }, ctx(OFFICE, day('2026-02-01')))
      .thenMatches([{ type: 'EnrolmentRenewed', data: { enrolmentPaidUntil: day('2027-03-01') } }]);
  });

  it('ProcedureVolumeInvalid: volumes are whole non-negative numbers', () => {
    const story = new CentreStory().registered(day('2025-03-01'));
    spec.given(story.events).when({ type: 'UpdateProcedureVolume', data: { centreId: story.centreId, proceduresPerYear: -3 } }, ctx(REPRESENTATIVE, day('2025-03-02'))).thenBreaks('ProcedureVolumeInvalid');
    for (const invalid of [-1, 2.5, Number.NaN]) {
      const error = spec.given(story.events).when({ type: 'UpdateProcedureVolume', data: { centreId: story.centreId, proceduresPerYear: invalid } }, ctx(REPRESENTATIVE, day('2025-03-02'))).thenBreaks('ProcedureVolumeInvalid');
      expect(error.message).toBe(`${invalid} is not a whole, non-negative number of procedures.`);
    }
    // Zero is a volume (a centre that paused its IO work); it only keeps the centre from enrolling.
    spec.given(story.events).when({ type: 'UpdateProcedureVolume', data: { centreId: story.centreId, proceduresPerYear: 0 } }, ctx(REPRESENTATIVE, day('2025-03-02'))).thenMatches([{ type: 'ProcedureVolumeUpdated', data: { proceduresPerYear: 0 } }]);
  });

  it('an application needs the enrolment to be paid up even before the lapse timer ran', () => {
    const story = new CentreStory().onboarded(day('2025-03-01'));
    spec.given(story.events)
      .when({ type: 'SubmitApplication', data: { centreId: story.centreId, applicationId: 'A', kind: 'initial', answers: answers(), icr: icr() } }, ctx(REPRESENTATIVE, day('2026-03-05')))
      .thenBreaks('EnrolmentNotActive');
  });
  it('EnrolmentNotActive for a centre that never enrolled says so', () => {
    expect(() => assertEnrolmentActive(null, day('2025-03-01'), 'An application')).toThrow('An application needs an active enrolment, and the centre has never enrolled.');
  });

  it('isEnrolmentActive: paid up to (not including) paidUntil, and never once a lapse is recorded', () => {
    const paid = { enrolledAt: day('2025-03-01'), paidUntil: day('2026-03-01'), lapsedAt: null };
    expect(isEnrolmentActive(paid, day('2026-02-28'))).toBe(true);
    expect(isEnrolmentActive(paid, day('2026-03-01'))).toBe(false);
    expect(isEnrolmentActive({ ...paid, lapsedAt: day('2025-09-01') }, day('2025-10-01'))).toBe(false);
  });
});
