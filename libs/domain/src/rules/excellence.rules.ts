import type { Award, AuditOutcome } from '../centre/centre.state';
import type { ApplicationKind } from '../centre/centre.events';
import { getScheme } from '../scheme/scheme.registry';
import { DomainRuleBroken } from '../shared/domain-errors';
import type { IsoDateTime } from '../shared/primitives';
import { addYears, notBefore } from '../shared/time';

/**
 * Rule 5. "Completed 4-year term": some term of the current cycle has run its full validity by
 * the seal's start. The seal, like any renewal, starts at the old validUntil, so the committee
 * may decide it while the accreditation is in force (before validUntil, or in the bounded
 * pending-decision period after it): the term is complete on the day the seal begins
 * (Strasbourg: accredited April 2020, seal July 2024, pending decision from April).
 */
export function hasCompletedTerm(terms: Award[], at: IsoDateTime): boolean {
  return terms.some((t) => notBefore(at, addYears(t.validFrom, getScheme(t.schemeVersion).validityYears)));
}

export function assertExcellenceEligible(terms: Award[], kind: ApplicationKind, outcome: AuditOutcome, sealStartsAt: IsoDateTime): void {
  if (kind === 'initial') {
    throw new DomainRuleBroken('ExcellenceRequiresRecertificationAudit', 'The Centre of Excellence seal is awarded on a re-certification or excellence audit, not on an initial one.');
  }
  if (!outcome.allExtendedMet) {
    throw new DomainRuleBroken('ExcellenceRequiresAllCriteria', `The seal needs every core and extended criterion met; not met: ${outcome.unmetExtendedCriteria.join(', ')}.`);
  }
  if (!hasCompletedTerm(terms, sealStartsAt)) {
    const first = terms[0];
    const since = first ? ` (accredited since ${first.validFrom})` : '';
    throw new DomainRuleBroken('ExcellenceRequiresCompletedTerm', `The seal needs a 4-year accredited term completed by its start (${sealStartsAt})${since}.`);
  }
}
