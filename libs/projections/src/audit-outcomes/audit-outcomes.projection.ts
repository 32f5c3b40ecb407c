import type { Projection } from '../framework/projection';
import { AUDIT_OUTCOME_EVENT_TYPES, foldAuditOutcomes } from './audit-outcomes.fold';
import { auditOutcomesIndexes, auditOutcomesSchema, upsertAuditOutcomes } from './audit-outcomes.sql';

/** One row per audit: feeds the pass-rate statistics and the audit-outcomes report. */
export const auditOutcomesProjection: Projection<'audits'> = {
  name: 'audit_outcomes',
  version: 1,
  eventTypes: AUDIT_OUTCOME_EVENT_TYPES,
  tables: { audits: 'rm_audit_outcomes' },
  schema: auditOutcomesSchema,
  indexes: auditOutcomesIndexes,
  metadataKeys: [], // rows come from the event data alone
  async apply(events, tx, t) {
    await upsertAuditOutcomes(tx, t, foldAuditOutcomes(events).values());
  },
};
