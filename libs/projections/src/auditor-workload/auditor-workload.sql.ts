import { toIso } from '../framework/event-view';
import type { ProjectionTx, TableNames } from '../framework/projection';
import type { AppointmentRow, AuditorBatchChanges } from './auditor-workload.fold';
import { appointmentKey } from './auditor-workload.fold';

export type AuditorWorkloadTables = TableNames<'auditors' | 'appointments' | 'declarations'>;

export const auditorWorkloadSchema = (t: AuditorWorkloadTables): string[] => [
  `CREATE TABLE IF NOT EXISTS ${t.auditors} (
    auditor_id text PRIMARY KEY,
    country text,
    specialties text[],
    registered_at timestamptz,
    audits_open integer NOT NULL DEFAULT 0,
    audits_closed integer NOT NULL DEFAULT 0,
    recusals integer NOT NULL DEFAULT 0,
    conflicts_declared integer NOT NULL DEFAULT 0,
    consultations integer NOT NULL DEFAULT 0,
    last_position bigint NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS ${t.appointments} (
    audit_id text NOT NULL,
    auditor_id text NOT NULL,
    centre_id text NOT NULL,
    status text NOT NULL,
    appointed_at timestamptz NOT NULL,
    ended_at timestamptz,
    PRIMARY KEY (audit_id, auditor_id)
  )`,
  `CREATE TABLE IF NOT EXISTS ${t.declarations} (
    position bigint PRIMARY KEY,
    auditor_id text NOT NULL,
    centre_id text NOT NULL,
    kind text NOT NULL,
    description text NOT NULL,
    declared_at timestamptz NOT NULL
  )`,
];

export const auditorWorkloadIndexes = (t: AuditorWorkloadTables): string[] => [
  `CREATE INDEX IF NOT EXISTS ${t.appointments}_auditor_idx ON ${t.appointments} (auditor_id, status)`,
  `CREATE INDEX IF NOT EXISTS ${t.declarations}_auditor_idx ON ${t.declarations} (auditor_id, centre_id)`,
  `CREATE INDEX IF NOT EXISTS ${t.declarations}_centre_idx ON ${t.declarations} (centre_id)`,
];

export async function loadAppointments(tx: ProjectionTx, t: AuditorWorkloadTables, auditIds: string[]): Promise<Map<string, AppointmentRow>> {
  const out = new Map<string, AppointmentRow>();
  if (!auditIds.length) return out;
  const r = await tx.query(`SELECT * FROM ${t.appointments} WHERE audit_id = ANY($1::text[])`, [auditIds]);
  for (const x of r.rows) {
    out.set(appointmentKey(x.audit_id, x.auditor_id), {
      auditId: x.audit_id, auditorId: x.auditor_id, centreId: x.centre_id, status: x.status,
      appointedAt: toIso(x.appointed_at)!, endedAt: toIso(x.ended_at),
    });
  }
  return out;
}

/** Three statements at most per batch: counters are added (deltas), rows are upserted or appended. */
export async function writeAuditorChanges(tx: ProjectionTx, t: AuditorWorkloadTables, c: AuditorBatchChanges): Promise<void> {
  if (c.auditors.size) {
    const recs = [...c.auditors.values()].map((d) => ({
      auditor_id: d.auditorId, country: d.profile?.country ?? null, specialties: d.profile?.specialties ?? null,
      registered_at: d.profile?.registeredAt ?? null, audits_open: d.auditsOpen, audits_closed: d.auditsClosed,
      recusals: d.recusals, conflicts_declared: d.conflicts, consultations: d.consultations, last_position: d.lastPosition,
    }));
    await tx.query(
      `INSERT INTO ${t.auditors} AS a SELECT * FROM json_populate_recordset(NULL::${t.auditors}, $1::json)
       ON CONFLICT (auditor_id) DO UPDATE SET
         country = COALESCE(EXCLUDED.country, a.country),
         specialties = COALESCE(EXCLUDED.specialties, a.specialties),
         registered_at = COALESCE(EXCLUDED.registered_at, a.registered_at),
         audits_open = a.audits_open + EXCLUDED.audits_open,
         audits_closed = a.audits_closed + EXCLUDED.audits_closed,
         recusals = a.recusals + EXCLUDED.recusals,
         conflicts_declared = a.conflicts_declared + EXCLUDED.conflicts_declared,
         consultations = a.consultations + EXCLUDED.consultations,
         last_position = EXCLUDED.last_position`,
      [JSON.stringify(recs)]);
  }
  if (c.appointments.size) {
    const recs = [...c.appointments.values()].map((a) => ({
      audit_id: a.auditId, auditor_id: a.auditorId, centre_id: a.centreId, status: a.status, appointed_at: a.appointedAt, ended_at: a.endedAt,
    }));
    await tx.query(
      `INSERT INTO ${t.appointments} SELECT * FROM json_populate_recordset(NULL::${t.appointments}, $1::json)
       ON CONFLICT (audit_id, auditor_id) DO UPDATE SET status = EXCLUDED.status, appointed_at = EXCLUDED.appointed_at, ended_at = EXCLUDED.ended_at`,
      [JSON.stringify(recs)]);
  }
  if (c.declarations.length) {
    const recs = c.declarations.map((d) => ({
      position: d.position, auditor_id: d.auditorId, centre_id: d.centreId, kind: d.kind, description: d.description, declared_at: d.declaredAt,
    }));
    await tx.query(`INSERT INTO ${t.declarations} SELECT * FROM json_populate_recordset(NULL::${t.declarations}, $1::json)`, [JSON.stringify(recs)]);
  }
}
