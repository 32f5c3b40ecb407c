import type { Projection } from '../framework/projection';
import { centreIdOf } from '../centre-status/centre-status.evolve';
import { foldRegistry, REGISTRY_EVENT_TYPES } from './public-registry.evolve';
import { loadRegistryRows, registryIndexes, registrySchema, writeRegistry } from './public-registry.sql';

export const publicRegistryProjection: Projection<'registry' | 'certificates'> = {
  name: 'public_registry',
  version: 1,
  eventTypes: REGISTRY_EVENT_TYPES,
  tables: { registry: 'rm_public_registry', certificates: 'rm_public_certificates' },
  schema: registrySchema,
  indexes: registryIndexes,
  async apply(events, tx, t) {
    const ids = new Set<string>();
    for (const e of events) { const id = centreIdOf(e); if (id !== undefined) ids.add(id); }
    const { rows, certificates } = foldRegistry(await loadRegistryRows(tx, t, [...ids]), events);
    await writeRegistry(tx, t, rows.values(), certificates);
  },
};
