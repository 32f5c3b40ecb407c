import { copyRows } from '../framework/copy-in';
import { CENTRE_EVENT_TYPES } from '../framework/event-types';
import type { Projection } from '../framework/projection';
import { HISTORY_COLUMNS, historyCopyText } from './centre-history.rows';
import { centreHistoryIndexes, centreHistorySchema } from './centre-history.sql';

/** Append-only: one COPY per batch. The checkpoint guarantees each event is copied once. */
export const centreHistoryProjection: Projection<'history'> = {
  name: 'centre_history',
  version: 1,
  eventTypes: CENTRE_EVENT_TYPES,
  tables: { history: 'rm_centre_history' },
  schema: centreHistorySchema,
  indexes: centreHistoryIndexes,
  metadataKeys: ['schemaVersion', 'occurredAt', 'recordedAt', 'actor'], // readStored, occurredAt, recordedAt, actorOf
  async apply(events, tx, t) {
    await copyRows(tx, t.history, HISTORY_COLUMNS, historyCopyText(events));
  },
};
