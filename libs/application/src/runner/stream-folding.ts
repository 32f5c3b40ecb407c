import type { RecordedEvent } from '@accreditation/event-store/port';

/** Turns a stored event into the domain's current shape (upcasting older schema versions). */
export type StoredEventReader = (event: RecordedEvent) => { type: string; data: unknown };

export function foldStream<S, E>(
  decider: { initialState(): S; evolve(state: S, event: E): S },
  stored: readonly RecordedEvent[],
  read: StoredEventReader,
): S {
  let state = decider.initialState();
  for (const event of stored) state = decider.evolve(state, read(event) as E);
  return state;
}
