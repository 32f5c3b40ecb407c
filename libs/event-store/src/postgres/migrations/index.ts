import { eventStoreSchema } from './001-event-store-schema';
import { appendWithoutStreamRows } from './002-append-without-stream-rows';
import { appendOnlyEvents } from './003-append-only-events';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Append only: a released migration is never edited, a change is a new version. */
export const MIGRATIONS: readonly Migration[] = [eventStoreSchema, appendWithoutStreamRows, appendOnlyEvents];
