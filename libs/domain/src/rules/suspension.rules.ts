import type { Scheme } from '../scheme/scheme.types';
import { DomainRuleBroken } from '../shared/domain-errors';
import type { IsoDateTime } from '../shared/primitives';
import { addMonths, isAfter } from '../shared/time';

/** Rule 8: the latest a suspension may last to. */
export const suspensionLimitAt = (suspendedAt: IsoDateTime, scheme: Scheme): IsoDateTime => addMonths(suspendedAt, scheme.suspensionLimitMonths);

/** Rule 8: a requested end within the limit, or the limit itself. validUntil is never touched (rule 7). */
export function suspensionEnd(suspendedAt: IsoDateTime, requestedUntil: IsoDateTime | undefined, scheme: Scheme): IsoDateTime {
  const limit = suspensionLimitAt(suspendedAt, scheme);
  if (requestedUntil === undefined) return limit;
  if (!isAfter(requestedUntil, suspendedAt)) {
    throw new DomainRuleBroken('SuspensionPeriodInvalid', `A suspension from ${suspendedAt} cannot end on ${requestedUntil}.`);
  }
  if (isAfter(requestedUntil, limit)) {
    throw new DomainRuleBroken('SuspensionLimitExceeded', `A suspension lasts at most ${scheme.suspensionLimitMonths} months (until ${limit}), not until ${requestedUntil}.`);
  }
  return requestedUntil;
}

