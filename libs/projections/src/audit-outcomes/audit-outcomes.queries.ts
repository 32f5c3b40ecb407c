import { clampLimit, clampOffset, type Page } from '../framework/checkpointed';
import { freshness } from '../framework/freshness';
import { checkpointName, type Queryable, tableNames } from '../framework/projection';
import { auditOutcomesProjection } from './audit-outcomes.projection';

export const AUDIT_OUTCOMES_TABLE = tableNames(auditOutcomesProjection).audits;
export const AUDIT_OUTCOMES_CHECKPOINT = checkpointName(auditOutcomesProjection);

export interface AuditOutcomeView {
  auditId: string;
  centreId: string;
  kind: string | null;
  openedAt: string | null;
  outcome: 'passed' | 'failed' | null;
  completedAt: string | null;
  unmetCoreCriteria: number | null;
  decision: 'granted' | 'excellence' | 'refused' | null;
  decidedAt: string | null;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** Completed audits in [from, to), oldest first. */
export async function listAuditOutcomes(
  db: Queryable, opts: { from?: string; to?: string; centreId?: string; limit?: number; offset?: number } = {},
): Promise<Page<AuditOutcomeView>> {
  const checkpoint = await freshness(db, AUDIT_OUTCOMES_CHECKPOINT);
  const limit = clampLimit(opts.limit, 10_000, 100);
  const offset = clampOffset(opts.offset);
  const r = await db.query(
    `SELECT *, count(*) OVER () AS total FROM ${AUDIT_OUTCOMES_TABLE}
      WHERE outcome IS NOT NULL AND ($1::timestamptz IS NULL OR completed_at >= $1) AND ($2::timestamptz IS NULL OR completed_at < $2)
        AND ($3::text IS NULL OR centre_id = $3)
      ORDER BY completed_at, audit_id LIMIT $4 OFFSET $5`,
    [opts.from ?? null, opts.to ?? null, opts.centreId ?? null, limit, offset]);
  return {
    items: r.rows.map((x) => ({
      auditId: x.audit_id, centreId: x.centre_id, kind: x.kind, openedAt: iso(x.opened_at), outcome: x.outcome,
      completedAt: iso(x.completed_at), unmetCoreCriteria: x.unmet_core_criteria, decision: x.decision, decidedAt: iso(x.decided_at),
    })),
    total: r.rows[0] ? Number(r.rows[0].total) : 0, limit, offset, checkpoint,
  };
}
