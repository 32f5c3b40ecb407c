import type { CentreProfile, Enrolment } from '../centre/centre.state';
import type { Scheme } from '../scheme/scheme.types';
import { DomainRuleBroken } from '../shared/domain-errors';
import type { IsoDateTime } from '../shared/primitives';
import { addMonths, isBefore } from '../shared/time';

/** Rule 1: eligibility to enrol. */
export function assertEligibleToEnrol(profile: CentreProfile, scheme: Scheme): void {
  if (profile.proceduresPerYear < scheme.minProceduresPerYear) {
    throw new DomainRuleBroken('ProcedureVolumeBelowMinimum', `The centre performs ${profile.proceduresPerYear} therapeutic IO procedures a year; enrolment needs at least ${scheme.minProceduresPerYear}.`);
  }
  if (!profile.signOff) {
    throw new DomainRuleBroken('SignOffNotAttested', 'The Head of Department or Hospital Director has not signed off the enrolment yet.');
  }
}

/** Paid, not lapsed, and not past its paid-until date (even if the lapse timer has not run yet). */
export function isEnrolmentActive(enrolment: Enrolment, at: IsoDateTime): boolean {
  return enrolment.lapsedAt === null && isBefore(at, enrolment.paidUntil);
}

export function assertNotEnrolled(enrolment: Enrolment | null, at: IsoDateTime): void {
  if (enrolment && isEnrolmentActive(enrolment, at)) {
    throw new DomainRuleBroken('AlreadyEnrolled', `The centre is enrolled until ${enrolment.paidUntil}; renew the enrolment instead.`);
  }
}

export function assertEnrolmentActive(enrolment: Enrolment | null, at: IsoDateTime, forWhat: string): asserts enrolment is Enrolment {
  if (!enrolment || !isEnrolmentActive(enrolment, at)) {
    const why = !enrolment ? 'has never enrolled' : enrolment.lapsedAt ? `let its enrolment lapse on ${enrolment.lapsedAt}` : `has paid only until ${enrolment.paidUntil}`;
    throw new DomainRuleBroken('EnrolmentNotActive', `${forWhat} needs an active enrolment, and the centre ${why}.`);
  }
}

/** A renewal paid before the end continues the term; one paid late starts a fresh term. */
export function renewedPaidUntil(enrolment: Enrolment, at: IsoDateTime, scheme: Scheme): IsoDateTime {
  const from = isBefore(at, enrolment.paidUntil) ? enrolment.paidUntil : at;
  return addMonths(from, scheme.enrolmentTermMonths);
}

export function assertProcedureVolume(volume: number): void {
  if (!Number.isInteger(volume) || volume < 0) {
    throw new DomainRuleBroken('ProcedureVolumeInvalid', `${volume} is not a whole, non-negative number of procedures.`);
  }
}
