import type { PersonFacts } from '../centre/centre.commands';
import type { AuditorState } from './auditor.state';

/**
 * What a centre command needs to know about a person, read from their auditor stream by the
 * handler. A person without an auditor stream (e.g. a committee member) is simply not registered.
 */
export function personFactsFor(state: AuditorState, centreId: string): PersonFacts {
  if (state.status !== 'Registered') return { registeredAuditor: false, conflictDeclared: false, consultedForCentre: false };
  return {
    registeredAuditor: true,
    conflictDeclared: state.conflicts.includes(centreId),
    consultedForCentre: state.consultations.includes(centreId),
  };
}
