import type { PersonFacts } from '../centre/centre.commands';
import type { PersonState } from '../person/person.state';
import type { AuditorState } from './auditor.state';

/**
 * What a centre command needs to know about a person: their person record (declared interests,
 * consultations; anyone, auditor or not) together with their auditor stream if they have one.
 * The handler reads both streams; the domain says what they mean for the centre.
 */
export function personFactsFor(state: AuditorState, centreId: string, person?: PersonState): PersonFacts {
  const auditor = state.status === 'Registered' ? state : null;
  return {
    registeredAuditor: auditor !== null,
    interestsDeclared: (person?.interestsDeclaredAt ?? null) !== null,
    conflictDeclared: (auditor?.conflicts.includes(centreId) ?? false) || (person?.conflicts.includes(centreId) ?? false),
    consultedForCentre: (auditor?.consultations.includes(centreId) ?? false) || (person?.consultations.includes(centreId) ?? false),
  };
}
