import { CURRENT_SCHEMA_VERSIONS, CURRENT_SCHEME_VERSION, upcastEvent } from '@accreditation/domain';
import type { EventStore, RecordedEvent } from '@accreditation/event-store/port';
import type { IdSource } from '../ids/id-source';
import type { Clock } from '../ports/clock';
import { DeciderRunner, type DeciderRunnerOptions } from './decider-runner';

/** Reads a stored event in the domain's current shape, whatever schema version it was written in. */
export const readStoredEvent = (event: RecordedEvent): { type: string; data: unknown } =>
  upcastEvent({ type: event.type, data: event.data, schemaVersion: Number(event.metadata.schemaVersion ?? 1) });

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
