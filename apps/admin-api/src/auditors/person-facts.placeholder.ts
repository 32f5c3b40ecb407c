import type { PersonFacts } from '@accreditation/domain';

/**
 * What a controller puts where a command needs facts about a person (`auditor`, `decider`).
 * Clients never send these: CentreCommandHandler replaces them with facts read from the person's
 * auditor stream. Should that ever not happen, these values fail safe: an unregistered person with
 * a conflict and a consultation is refused by every separation-of-duties rule.
 */
export const LOOKED_UP_BY_HANDLER: PersonFacts = Object.freeze({ registeredAuditor: false, interestsDeclared: false, conflictDeclared: true, consultedForCentre: true });
