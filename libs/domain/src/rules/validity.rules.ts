import type { Award } from '../centre/centre.state';
import type { Scheme } from '../scheme/scheme.types';
import { DomainRuleBroken } from '../shared/domain-errors';
import type { IsoDateTime } from '../shared/primitives';
import { addYears, isBefore, notBefore } from '../shared/time';

export interface Validity {
  validFrom: IsoDateTime;
  validUntil: IsoDateTime;
}

/**
 * Rule 7, end-exclusive: an award is in force from validFrom (inclusive) to validUntil (exclusive).
 * At exactly validUntil it has ended: it can expire, and can no longer be renewed. The one helper
 * every validity question goes through.
 */
export const hasEnded = (validity: Pick<Validity, 'validUntil'>, at: IsoDateTime): boolean => notBefore(at, validity.validUntil);

export const isInForce = (validity: Validity, at: IsoDateTime): boolean => notBefore(at, validity.validFrom) && isBefore(at, validity.validUntil);

/** Rule 7: a first grant runs from the decision for the scheme's validity (4 years). */
export function initialValidity(decidedAt: IsoDateTime, scheme: Scheme): Validity {
  return { validFrom: decidedAt, validUntil: addYears(decidedAt, scheme.validityYears) };
}

/**
 * Rule 7: a renewal (re-certification, or the seal) starts at the old validUntil, never at the
 * decision, so early renewal loses nothing and nothing is silently extended.
 */
export function renewalValidity(current: Award, scheme: Scheme): Validity {
  return { validFrom: current.validUntil, validUntil: addYears(current.validUntil, scheme.validityYears) };
}

/** Rule 7: a re-certification is granted before expiry, or the award has expired and a new cycle is needed. */
export function assertRenewalBeforeExpiry(current: Award, decidedAt: IsoDateTime): void {
  if (hasEnded(current, decidedAt)) {
    throw new DomainRuleBroken('RenewalAfterExpiry', `The award expired on ${current.validUntil}; a re-certification decided on ${decidedAt} comes too late. Record the expiry and start a new cycle.`);
  }
}
