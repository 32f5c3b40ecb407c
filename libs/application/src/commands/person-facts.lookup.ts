import { type PersonFacts, auditorDecider, auditorStreamId, personDecider, personFactsFor, personStreamId } from '@accreditation/domain';
import type { RunnableDecider } from '../runner/decider-runner';

/** Where the states come from: the runner's current view of each stream (see DeciderRunner.currentState). */
export interface CurrentStates {
  currentState<S, E>(decider: RunnableDecider<unknown, E, S>, streamId: string): Promise<S>;
}

/**
 * Reads what a centre decision needs to know about a person from their person record
 * (`person-<id>`: declared interests, conflicts, consultations; anyone, auditor or not) and their
 * auditor stream, each as it is now; the domain (personFactsFor) says what both mean for the centre.
 * Each aggregate stays its own consistency boundary: the centre receives these as command data.
 * An auditor's stream grows with every appointment, so it is read from the cached view plus its
 * tail, not whole for every judgement.
 */
export async function lookupPersonFacts(states: CurrentStates, personId: string, centreId: string): Promise<PersonFacts> {
  const [auditor, person] = await Promise.all([states.currentState(auditorDecider, auditorStreamId(personId)), states.currentState(personDecider, personStreamId(personId))]);
  return personFactsFor(auditor, centreId, person);
}
