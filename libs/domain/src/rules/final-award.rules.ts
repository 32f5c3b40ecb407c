import type { KnownCentre } from '../centre/centre.state';
import { DomainRuleBroken } from '../shared/domain-errors';

/**
 * Rule 9: withdrawn, relinquished and expired awards are final for the cycle. Commands that act
 * on an award say so plainly instead of a generic "not allowed".
 */
export function assertAwardNotFinal(state: KnownCentre, what: string): void {
  if (state.status === 'Expired' || state.status === 'Withdrawn' || state.status === 'Relinquished') {
    throw new DomainRuleBroken('AwardIsFinal', `${what}: the award was ${state.status.toLowerCase()} on ${state.ended.at} and that is final for the cycle; a new cycle starts with a new initial application.`);
  }
}
