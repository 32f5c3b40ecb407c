import { type PersonFacts, auditorDecider, auditorStreamId, personDecider, personFactsFor, personStreamId } from '@accreditation/domain';
import type { EventStore } from '@accreditation/event-store/port';
import { readStoredEvent } from '../runner/create-decider-runner';
import { foldStream } from '../runner/stream-folding';

/**
 * Reads what a centre decision needs to know about a person from their person record
 * (`person-<id>`: declared interests, conflicts, consultations; anyone, auditor or not) and their
 * auditor stream; the domain (personFactsFor) says what both mean for the centre.
 * Each aggregate stays its own consistency boundary: the centre receives these as command data.
 */
export async function lookupPersonFacts(store: EventStore, personId: string, centreId: string): Promise<PersonFacts> {
  const [auditorEvents, personEvents] = await Promise.all([store.readStream(auditorStreamId(personId)), store.readStream(personStreamId(personId))]);
  return personFactsFor(foldStream(auditorDecider, auditorEvents, readStoredEvent), centreId, foldStream(personDecider, personEvents, readStoredEvent));
}
