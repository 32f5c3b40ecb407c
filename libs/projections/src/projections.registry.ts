import { auditOutcomesProjection } from './audit-outcomes/audit-outcomes.projection';
import { auditorWorkloadProjection } from './auditor-workload/auditor-workload.projection';
import { centreHistoryProjection } from './centre-history/centre-history.projection';
import { centreStatusProjection } from './centre-status/centre-status.projection';
import type { Projection } from './framework/projection';
import { publicRegistryProjection } from './public-registry/public-registry.projection';

/** Every read model the projector runs, by name (as used by `npm run rebuild -- <name>`). */
export const ALL_PROJECTIONS: readonly Projection[] = [
  centreStatusProjection,
  centreHistoryProjection,
  auditorWorkloadProjection,
  publicRegistryProjection,
  auditOutcomesProjection,
] as Projection[];

export function projectionByName(name: string): Projection | undefined {
  const n = name.replace(/-/g, '_');
  return ALL_PROJECTIONS.find((p) => p.name === n || `${p.name}_v${p.version}` === n);
}
