import type { ApplicationKind, CriterionAnswer, InternalCaseReview } from '../centre/centre.events';
import type { KnownCentre } from '../centre/centre.state';
import { coreCriteria, hasCriterion } from '../scheme/scheme.registry';
import type { Scheme } from '../scheme/scheme.types';
import { DomainRuleBroken } from '../shared/domain-errors';
import { assertNoRenewalDecided } from './validity.rules';

/** Rule 2: every core criterion answered, no unknown criterion, an ICR of exactly the scheme's size. */
export function assertApplicationComplete(answers: Record<string, CriterionAnswer>, icr: InternalCaseReview, scheme: Scheme): void {
  const unknown = Object.keys(answers).filter((id) => !hasCriterion(scheme, id));
  if (unknown.length) {
    throw new DomainRuleBroken('UnknownCriterion', `Scheme ${scheme.version} has no criterion ${unknown.join(', ')}.`);
  }
  const unanswered = coreCriteria(scheme).map((c) => c.id).filter((id) => !answers[id]);
  if (unanswered.length) {
    throw new DomainRuleBroken('CoreCriteriaUnanswered', `The application leaves core criteria unanswered: ${unanswered.join(', ')}.`);
  }
  const refs = icr.caseReferences.map((r) => r.trim()).filter((r) => r.length > 0);
  const distinct = new Set(refs).size;
  // Exactly icrCases references, each non-blank and distinct: a blank or a repeat lowers `distinct`.
  if (distinct !== scheme.icrCases || icr.caseReferences.length !== scheme.icrCases) {
    throw new DomainRuleBroken('InternalCaseReviewIncomplete', `The Internal Case Review needs exactly ${scheme.icrCases} distinct case references; it has ${distinct} distinct of ${icr.caseReferences.length}.`);
  }
}

/**
 * Rule 2 (and 9): which application a centre may lodge in its status. An initial application is
 * for a centre without an award (including one whose award ended: that starts a new cycle); a
 * re-certification or excellence application for a centre holding an accreditation.
 */
export function assertMayApply(state: KnownCentre, kind: ApplicationKind): void {
  switch (state.status) {
    // An application in progress, whether or not the centre holds an award.
    case 'ApplicationSubmitted':
    case 'UnderAudit':
    case 'AwaitingDecision':
    case 'AuditFailed':
    case 'Accredited':
    case 'CentreOfExcellence':
      if (state.work) throw new DomainRuleBroken('ApplicationInProgress', `Application ${state.work.application.applicationId} is still in progress.`);
      if (kind === 'initial') throw new DomainRuleBroken('ApplicationKindNotAllowed', 'An accredited centre applies for re-certification or excellence, not for initial accreditation.');
      assertNoRenewalDecided(state, 'A renewal application');
      return;
    case 'Suspended':
      throw new DomainRuleBroken('NotAllowedInStatus', 'A suspended centre cannot apply until it is reinstated.');
    case 'Registered':
    case 'Enrolled':
    case 'Expired':
    case 'Withdrawn':
    case 'Relinquished':
      if (kind !== 'initial') throw new DomainRuleBroken('ApplicationKindNotAllowed', `A centre without a current award (${state.status}) starts with an initial application.`);
      return;
    // Stryker disable next-line all: exhaustive switch, unreachable (TypeScript's never check)
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}
