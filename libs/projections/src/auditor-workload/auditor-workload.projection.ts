import type { Projection } from '../framework/projection';
import { auditIdsOf, foldAuditorWorkload } from './auditor-workload.fold';
import { auditorWorkloadIndexes, auditorWorkloadSchema, loadAppointments, writeAuditorChanges } from './auditor-workload.sql';

export const auditorWorkloadProjection: Projection<'auditors' | 'appointments' | 'declarations'> = {
  name: 'auditor_workload',
  version: 1,
  eventTypes: ['AuditorRegistered', 'ConflictDeclared', 'ConsultationRecorded', 'AuditorAppointed', 'AuditorRecused', 'AuditPassed', 'AuditFailed'],
  tables: { auditors: 'rm_auditor_workload', appointments: 'rm_auditor_appointments', declarations: 'rm_auditor_declarations' },
  schema: auditorWorkloadSchema,
  indexes: auditorWorkloadIndexes,
  metadataKeys: ['occurredAt'], // occurredAt
  async apply(events, tx, t) {
    const stored = await loadAppointments(tx, t, auditIdsOf(events));
    await writeAuditorChanges(tx, t, foldAuditorWorkload(stored, events));
  },
};
