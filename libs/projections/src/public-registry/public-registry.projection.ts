import type { CentreState } from '../../../domain/src/centre/centre.state';
import { centreEventOf, centreStateSchema, loadCentreStates, saveCentreStates } from '../framework/centre-fold';
import { CENTRE_EVENT_TYPES } from '../framework/event-types';
import type { Projection } from '../framework/projection';
import { foldRegistry } from './public-registry.evolve';
import { publicRegistryInMemory } from './public-registry.rebuild';
import { registryIndexes, registrySchema, writeRegistry } from './public-registry.sql';

/**
 * Every centre event: rows are mapped from the domain's fold, which needs them all (an upheld
 * appeal, a new cycle...). The domain state per centre lives in a private table beside the public ones.
 * v2: certificates carry supersededFrom and standing; v1 re-derived the lifecycle.
 */
export const publicRegistryProjection: Projection<'registry' | 'certificates' | 'states'> = {
  name: 'public_registry',
  version: 2,
  eventTypes: CENTRE_EVENT_TYPES,
  tables: { registry: 'rm_public_registry', certificates: 'rm_public_certificates', states: 'rm_public_registry_state' },
  schema: (t) => [...registrySchema(t), centreStateSchema(t.states)],
  indexes: registryIndexes,
  metadataKeys: ['schemaVersion'], // foldRecorded
  async apply(events, tx, t) {
    const ids = new Set<string>();
    for (const e of events) { const id = centreEventOf(e); if (id !== undefined) ids.add(id); }
    const states = new Map<string, CentreState>(await loadCentreStates(tx, t.states, [...ids]));
    const { rows, certificates } = foldRegistry(states, events);
    await writeRegistry(tx, t, rows.values(), certificates);
    await saveCentreStates(tx, t.states, new Map([...rows.keys()].map((id) => [id, states.get(id)!])));
  },
  rebuildInMemory: publicRegistryInMemory,
};
