import type { CaseFileEvent } from './views';

/** Event data of one type, in stream order (notes and descriptions live only in the events). */
export function eventsOf<T = Record<string, unknown>>(events: CaseFileEvent[] | undefined, type: string): (T & { _revision: number })[] {
  return (events ?? []).filter((e) => e.type === type).map((e) => ({ ...(e.data as T), _revision: e.revision }));
}

/** The last event of `type` whose data matches `where`. */
export function lastOf<T = Record<string, unknown>>(events: CaseFileEvent[] | undefined, type: string, where: Partial<Record<string, unknown>>): T | undefined {
  const list = eventsOf<T>(events, type).filter((d) => Object.entries(where).every(([k, v]) => (d as Record<string, unknown>)[k] === v));
  return list[list.length - 1];
}
