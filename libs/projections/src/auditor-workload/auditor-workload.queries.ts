import { clampLimit, clampOffset, type Checkpointed, type Page } from '../framework/checkpointed';
import { freshness } from '../framework/freshness';
import { checkpointName, type Queryable, tableNames } from '../framework/projection';
import { auditorWorkloadProjection } from './auditor-workload.projection';
import type { AppointmentStatus } from './auditor-workload.fold';

export const AUDITOR_TABLES = tableNames(auditorWorkloadProjection);
export const AUDITOR_WORKLOAD_CHECKPOINT = checkpointName(auditorWorkloadProjection);

export interface AuditorWorkloadView {
  auditorId: string;
  country: string | null;
  specialties: string[];
  registeredAt: string | null;
  auditsOpen: number;
  auditsClosed: number;
  recusals: number;
  conflictsDeclared: number;
  consultations: number;
}

export interface AuditorDetailView extends AuditorWorkloadView {
  appointments: { auditId: string; centreId: string; status: AppointmentStatus; appointedAt: string; endedAt: string | null }[];
  /** Centres the auditor may not audit: declared conflicts and recorded consultations. */
  declarations: { centreId: string; kind: 'conflict' | 'consultation'; description: string; declaredAt: string }[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const toView = (x: any): AuditorWorkloadView => ({
  auditorId: x.auditor_id, country: x.country, specialties: x.specialties ?? [],
  registeredAt: x.registered_at ? x.registered_at.toISOString() : null,
  auditsOpen: x.audits_open, auditsClosed: x.audits_closed, recusals: x.recusals,
  conflictsDeclared: x.conflicts_declared, consultations: x.consultations,
});

/** Busiest first: the office uses it to spread appointments. */
export async function listAuditorWorkloads(
  db: Queryable, opts: { country?: string; limit?: number; offset?: number } = {},
): Promise<Page<AuditorWorkloadView>> {
  const checkpoint = await freshness(db, AUDITOR_WORKLOAD_CHECKPOINT);
  const limit = clampLimit(opts.limit, 1_000, 100);
  const offset = clampOffset(opts.offset);
  const r = await db.query(
    `SELECT *, count(*) OVER () AS total FROM ${AUDITOR_TABLES.auditors}
      WHERE $1::text IS NULL OR country = $1
      ORDER BY audits_open DESC, audits_closed DESC, auditor_id LIMIT $2 OFFSET $3`,
    [opts.country ?? null, limit, offset]);
  return { items: r.rows.map(toView), total: r.rows[0] ? Number(r.rows[0].total) : 0, limit, offset, checkpoint };
}

export async function getAuditorWorkload(db: Queryable, auditorId: string): Promise<Checkpointed<AuditorDetailView | null>> {
  const checkpoint = await freshness(db, AUDITOR_WORKLOAD_CHECKPOINT);
  const [a, ap, de] = await Promise.all([
    db.query(`SELECT * FROM ${AUDITOR_TABLES.auditors} WHERE auditor_id = $1`, [auditorId]),
    db.query(`SELECT * FROM ${AUDITOR_TABLES.appointments} WHERE auditor_id = $1 ORDER BY appointed_at DESC, audit_id`, [auditorId]),
    db.query(`SELECT * FROM ${AUDITOR_TABLES.declarations} WHERE auditor_id = $1 ORDER BY position`, [auditorId]),
  ]);
  if (!a.rows[0]) return { data: null, checkpoint };
  return {
    data: {
      ...toView(a.rows[0]),
      appointments: ap.rows.map((x) => ({ auditId: x.audit_id, centreId: x.centre_id, status: x.status, appointedAt: x.appointed_at.toISOString(), endedAt: x.ended_at ? x.ended_at.toISOString() : null })),
      declarations: de.rows.map((x) => ({ centreId: x.centre_id, kind: x.kind, description: x.description, declaredAt: x.declared_at.toISOString() })),
    },
    checkpoint,
  };
}
