import { CURRENT_SCHEMA_VERSIONS, CURRENT_SCHEME_VERSION, currentSchemaVersion, upcastEvent } from '@accreditation/domain';
import type { EventStore, RecordedEvent } from '@accreditation/event-store/port';
import type { IdSource } from '../ids/id-source';
import type { Clock } from '../ports/clock';
import { DeciderRunner, type DeciderRunnerOptions } from './decider-runner';

/**
 * Reads a stored event in the domain's current shape, whatever schema version it was written in.
 * An event already at its type's current version is that shape as it is: it is returned itself,
 * without the two objects upcasting builds (a replay reads thousands, and evolve reads only type and data).
 */
export const readStoredEvent = (event: RecordedEvent): { type: string; data: unknown } => {
  const schemaVersion = Number(event.metadata.schemaVersion ?? 1);
  return schemaVersion === currentSchemaVersion(event.type) ? event : upcastEvent({ type: event.type, data: event.data, schemaVersion });
};

/** The runner every command path uses (HTTP handlers and deadline jobs alike). */
export function createDeciderRunner(
  store: EventStore,
  clock: Clock,
  ids: IdSource,
  maxRetries: number,
  cachedStreams = 10_000,
  integrity: Pick<DeciderRunnerOptions, 'sealKey' | 'anchoredHead' | 'knownBreak'> = {},
): DeciderRunner {
  return new DeciderRunner(store, clock, ids, readStoredEvent, {
    ...integrity,
    maxRetries,
    cachedStreams,
    currentSchemeVersion: CURRENT_SCHEME_VERSION,
    schemaVersionOf: (type) => (CURRENT_SCHEMA_VERSIONS as Record<string, number>)[type] ?? 1,
  });
}
