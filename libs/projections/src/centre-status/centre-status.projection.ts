import type { CentreState } from '../../../domain/src/centre/centre.state';
import { centreEventOf, centreStateSchema, loadCentreStates, saveCentreStates } from '../framework/centre-fold';
import { CENTRE_EVENT_TYPES } from '../framework/event-types';
import type { Projection } from '../framework/projection';
import { foldCentreStatus } from './centre-status.evolve';
import { centreStatusInMemory } from './centre-status.rebuild';
import { centreStatusIndexes, centreStatusSchema, loadCentreStatusRows, upsertCentreStatusRows } from './centre-status.sql';

/**
 * Every centre event: the domain's fold needs them all, and even bookkeeping-only events move
 * `revision` and `last_position`. `states` keeps each centre's domain state between batches.
 * v2: rows are mapped from the domain's fold (upcast first); v1 re-derived the lifecycle.
 */
export const centreStatusProjection: Projection<'status' | 'states'> = {
  name: 'centre_status',
  version: 2,
  eventTypes: CENTRE_EVENT_TYPES,
  tables: { status: 'rm_centre_status', states: 'rm_centre_status_state' },
  schema: (t) => [...centreStatusSchema(t), centreStateSchema(t.states)],
  indexes: centreStatusIndexes,
  metadataKeys: ['schemaVersion', 'occurredAt'], // foldRecorded, occurredAt
  async apply(events, tx, t) {
    const ids = new Set<string>();
    for (const e of events) { const id = centreEventOf(e); if (id !== undefined) ids.add(id); }
    const [existing, loaded] = await Promise.all([loadCentreStatusRows(tx, t, [...ids]), loadCentreStates(tx, t.states, [...ids])]);
    const states = new Map<string, CentreState>(loaded);
    const rows = foldCentreStatus(existing, events, states);
    await upsertCentreStatusRows(tx, t, rows.values());
    await saveCentreStates(tx, t.states, new Map([...rows.keys()].map((id) => [id, states.get(id)!])));
  },
  rebuildInMemory: centreStatusInMemory,
};
