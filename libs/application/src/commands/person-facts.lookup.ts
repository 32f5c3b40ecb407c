import { type PersonFacts, auditorStreamId } from '@accreditation/domain';
import type { EventStore } from '@accreditation/event-store/port';

/**
 * Reads what a centre decision needs to know about a person from that person's auditor stream.
 * Each aggregate stays its own consistency boundary: the centre receives these as command data.
 */
export async function lookupPersonFacts(store: EventStore, personId: string, centreId: string): Promise<PersonFacts> {
  const events = await store.readStream(auditorStreamId(personId));
  const aboutCentre = (type: string) =>
    events.some((e) => e.type === type && (e.data as { centreId?: string }).centreId === centreId);
  return {
    registeredAuditor: events.some((e) => e.type === 'AuditorRegistered'),
    conflictDeclared: aboutCentre('ConflictDeclared'),
    consultedForCentre: aboutCentre('ConsultationRecorded'),
  };
}
