import type { EventFilter, RecordedEvent } from '../event-store.port';

/** In-process form of the $all filter; the PostgreSQL adapter does the same in SQL. */
export function matchesFilter(event: Pick<RecordedEvent, 'type' | 'streamId'>, filter: EventFilter | undefined): boolean {
  if (!filter) return true;
  if (filter.eventTypes && !filter.eventTypes.includes(event.type)) return false;
  if (filter.streamPrefixes && !filter.streamPrefixes.some((p) => event.streamId.startsWith(p))) return false;
  return true;
}
