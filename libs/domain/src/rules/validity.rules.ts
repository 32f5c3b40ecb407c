import type { Award, CentreFile, PendingDecision } from '../centre/centre.state';
import { getScheme } from '../scheme/scheme.registry';
import type { Scheme } from '../scheme/scheme.types';
import { DomainRuleBroken } from '../shared/domain-errors';
import type { IsoDateTime } from '../shared/primitives';
import { addMonths, addYears, isBefore, notBefore } from '../shared/time';

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
 * decision, so early renewal loses nothing, the current award runs to its end, and no period is
 * covered twice.
 */
export function renewalValidity(current: Award, scheme: Scheme): Validity {
  return { validFrom: current.validUntil, validUntil: addYears(current.validUntil, scheme.validityYears) };
}

/**
 * Rule 7: the award stays in force past validUntil, pending the committee's decision, only when a
 * re-certification or excellence application was lodged and its audit passed before validUntil,
 * and the award is not suspended (a suspended award cannot be renewed). A failed audit can only
 * end in a refusal, so it does not hold the award open. Null when the award just expires.
 */
export function pendingDecisionFor(file: CentreFile): PendingDecision | null {
  const { award, work } = file;
  if (!award || file.suspension || file.nextAward || work?.stage !== 'AuditPassed' || work.application.kind === 'initial') return null;
  // An audit completed before validUntil was lodged before it too (applications come before their audit).
  if (!isBefore(work.outcome.completedAt, award.validUntil)) return null;
  const months = getScheme(award.schemeVersion).pendingDecisionMonths;
  return { validUntil: award.validUntil, extendedUntil: addMonths(award.validUntil, months), applicationId: work.application.applicationId };
}

/** When the award in force ends: its validUntil, or the end of a recorded pending-decision period. */
export const awardEndsAt = (file: CentreFile): IsoDateTime | null =>
  file.award ? (file.pendingDecision?.extendedUntil ?? file.award.validUntil) : null;

/**
 * Rule 7 (end-exclusive): a renewal or seal is decided while the award is in force, i.e. before
 * validUntil, or before the end of a pending-decision period (recorded, or due now: `pending`).
 * Never after the fact, never back-dated over a period in which the centre was not covered.
 */
export function assertRenewalInForce(current: Award, decidedAt: IsoDateTime, pending: PendingDecision | null): void {
  if (!hasEnded(current, decidedAt)) return;
  if (pending && isBefore(decidedAt, pending.extendedUntil)) return;
  const until = pending ? `its pending-decision period ended on ${pending.extendedUntil}` : `it ended on ${current.validUntil} with no renewal audit completed before then`;
  throw new DomainRuleBroken('RenewalAfterExpiry', `A renewal decided on ${decidedAt} comes too late: ${until}. Record the expiry and start a new cycle.`);
}

/** A renewal already decided that is yet to start: one renewal per term. */
export function assertNoRenewalDecided(file: CentreFile, what: string): void {
  if (file.nextAward) {
    throw new DomainRuleBroken('RenewalAlreadyDecided', `${what}: the renewal ${file.nextAward.certificateNumber} is already decided and starts on ${file.nextAward.validFrom}.`);
  }
}


/**
 * The award in force at `at`, as the dates imply even before the timer recorded it: a renewal
 * decided early once its validFrom is reached; nothing once the award (or its pending-decision
 * period) has ended. For read models and replays "as of" a date.
 */
export function awardInForceAt(file: Pick<CentreFile, 'award' | 'nextAward' | 'pendingDecision'>, at: IsoDateTime): Award | null {
  const { award, nextAward } = file;
  if (!award) return null;
  if (nextAward && !isBefore(at, nextAward.validFrom)) return isBefore(at, nextAward.validUntil) ? nextAward : null;
  const endsAt = file.pendingDecision?.extendedUntil ?? award.validUntil;
  return isBefore(at, endsAt) ? award : null;
}
