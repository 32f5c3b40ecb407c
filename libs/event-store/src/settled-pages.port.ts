import type { RecordedEvent } from './event-store.port';

/** What a bulk reader of $all (a projection rebuild) asks for. */
export interface SettledPagesOptions {
  /** Only these event types (all when omitted). */
  eventTypes?: readonly string[];
  /**
   * Only these metadata keys are read (all of the metadata when omitted): a rebuild that needs two
   * keys does not pay for parsing the whole envelope. Keys absent from an event stay absent.
   */
  metadataKeys?: readonly string[];
  /** Events per page at most (default 5,000). */
  pageSize?: number;
  /** Pages read at once, each on its own connection (default 3). */
  parallelism?: number;
}

/**
 * A store that can read the part of $all settled when the read starts, in position order, as pages
 * fetched several at a time by position range. The pages end at that start point: whatever was
 * appended later is read with readAll from the last position returned.
 */
export interface SettledPagesReader {
  readSettledPages(options: SettledPagesOptions): AsyncIterable<RecordedEvent[]>;
}

export function canReadSettledPages(store: unknown): store is SettledPagesReader {
  return typeof (store as Partial<SettledPagesReader> | null)?.readSettledPages === 'function';
}
