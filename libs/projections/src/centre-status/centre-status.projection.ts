import type { Projection } from '../framework/projection';
import { CENTRE_EVENT_TYPES } from '../framework/event-types';
import { centreIdOf, foldCentreStatus } from './centre-status.evolve';
import { centreStatusIndexes, centreStatusSchema, loadCentreStatusRows, upsertCentreStatusRows } from './centre-status.sql';

/** Every centre event: even bookkeeping-only events move `revision` and `last_position`. */
export const centreStatusProjection: Projection<'status'> = {
  name: 'centre_status',
  version: 1,
  eventTypes: CENTRE_EVENT_TYPES,
  tables: { status: 'rm_centre_status' },
  schema: centreStatusSchema,
  indexes: centreStatusIndexes,
  async apply(events, tx, t) {
    const ids = new Set<string>();
    for (const e of events) { const id = centreIdOf(e); if (id !== undefined) ids.add(id); }
    const existing = await loadCentreStatusRows(tx, t, [...ids]);
    await upsertCentreStatusRows(tx, t, foldCentreStatus(existing, events).values());
  },
};
