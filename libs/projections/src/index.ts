/** Read side: projections (apply + SQL), their queries, and the framework that runs and rebuilds them. */
export * from './framework/projection';
export * from './framework/checkpoint.sql';
export * from './framework/checkpointed';
export * from './framework/checkpointed-batch';
export * from './framework/schema';
export * from './framework/rebuild';
export * from './framework/dead-letter';
export * from './framework/event-types';
export * from './framework/freshness';
export { foldRecorded, centreEventOf } from './framework/centre-fold';
export * from './projections.registry';

export * from './centre-status/centre-status.row';
export { centreStatusRowOf, foldCentreStatus } from './centre-status/centre-status.evolve';
export { centreStatusProjection } from './centre-status/centre-status.projection';
export * from './centre-status/centre-status.queries';

export { summarise } from './centre-history/centre-history.summary';
export { historyRow, type CentreHistoryRow } from './centre-history/centre-history.rows';
export { centreHistoryProjection } from './centre-history/centre-history.projection';
export * from './centre-history/centre-history.queries';

export { foldAuditorWorkload, type AppointmentRow, type AuditorDelta, type DeclarationRow } from './auditor-workload/auditor-workload.fold';
export { auditorWorkloadProjection } from './auditor-workload/auditor-workload.projection';
export * from './auditor-workload/auditor-workload.queries';

export { registryRowOf, certificateRowsOf, foldRegistry, type PublicSeal, type PublicStatus, type RegistryRow, type CertificateRow } from './public-registry/public-registry.evolve';
export { publicRegistryProjection } from './public-registry/public-registry.projection';
export * from './public-registry/public-registry.queries';

export { foldAuditOutcomes, type AuditOutcomeRow } from './audit-outcomes/audit-outcomes.fold';
export { auditOutcomesProjection } from './audit-outcomes/audit-outcomes.projection';
export * from './audit-outcomes/audit-outcomes.queries';

export * from './statistics/statistics.queries';
