import { type PersonFacts, auditorDecider, auditorStreamId, personFactsFor } from '@accreditation/domain';
import type { EventStore } from '@accreditation/event-store/port';
import { readStoredEvent } from '../runner/create-decider-runner';
import { foldStream } from '../runner/stream-folding';

/**
 * Reads what a centre decision needs to know about a person from that person's auditor stream;
 * the domain (personFactsFor) says what the auditor's state means for the centre.
 * Each aggregate stays its own consistency boundary: the centre receives these as command data.
 */
export async function lookupPersonFacts(store: EventStore, personId: string, centreId: string): Promise<PersonFacts> {
  const events = await store.readStream(auditorStreamId(personId));
  return personFactsFor(foldStream(auditorDecider, events, readStoredEvent), centreId);
}
