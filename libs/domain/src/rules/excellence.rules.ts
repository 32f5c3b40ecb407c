import type { Award, AuditOutcome } from '../centre/centre.state';
import type { ApplicationKind } from '../centre/centre.events';
import { getScheme } from '../scheme/scheme.registry';
import { DomainRuleBroken } from '../shared/domain-errors';
import type { IsoDateTime } from '../shared/primitives';
import { addYears, notBefore } from '../shared/time';

/**
 * Rule 5. "Completed 4-year term": some term of the current cycle has run its full validity by
 * the decision date. So the seal is decided at or after the end of a term; that is why an
 * Expired centre keeps a renewal application lodged before expiry, and why the seal, like any
 * renewal, starts at the old validUntil (Strasbourg: accredited April 2020, seal July 2024).
 */
export function hasCompletedTerm(terms: Award[], at: IsoDateTime): boolean {
  return terms.some((t) => notBefore(at, addYears(t.validFrom, getScheme(t.schemeVersion).validityYears)));
}

export function assertExcellenceEligible(terms: Award[], kind: ApplicationKind, outcome: AuditOutcome, at: IsoDateTime): void {
  if (kind === 'initial') {
    throw new DomainRuleBroken('ExcellenceRequiresRecertificationAudit', 'The Centre of Excellence seal is awarded on a re-certification or excellence audit, not on an initial one.');
  }
  if (!outcome.allExtendedMet) {
    throw new DomainRuleBroken('ExcellenceRequiresAllCriteria', `The seal needs every core and extended criterion met; not met: ${outcome.unmetExtendedCriteria.join(', ')}.`);
  }
  if (!hasCompletedTerm(terms, at)) {
    const first = terms[0];
    const since = first ? ` (accredited since ${first.validFrom})` : '';
    throw new DomainRuleBroken('ExcellenceRequiresCompletedTerm', `The seal needs a completed 4-year accredited term${since}.`);
  }
}
