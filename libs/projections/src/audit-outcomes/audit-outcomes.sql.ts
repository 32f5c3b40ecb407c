import type { ProjectionTx, TableNames } from '../framework/projection';
import type { AuditOutcomeRow } from './audit-outcomes.fold';

export type AuditOutcomeTables = TableNames<'audits'>;

export const auditOutcomesSchema = (t: AuditOutcomeTables): string[] => [`
CREATE TABLE IF NOT EXISTS ${t.audits} (
  audit_id text PRIMARY KEY,
  centre_id text NOT NULL,
  kind text,
  opened_at timestamptz,
  due_date timestamptz,
  outcome text,
  completed_at timestamptz,
  unmet_core_criteria integer,
  decision text,
  decided_at timestamptz
)`];

/** Pass rate by period scans completed audits by completion date. */
export const auditOutcomesIndexes = (t: AuditOutcomeTables): string[] => [
  `CREATE INDEX IF NOT EXISTS ${t.audits}_completed_idx ON ${t.audits} (completed_at) INCLUDE (outcome, kind, centre_id) WHERE outcome IS NOT NULL`,
  `CREATE INDEX IF NOT EXISTS ${t.audits}_centre_idx ON ${t.audits} (centre_id)`,
];

const COLS = ['kind', 'opened_at', 'due_date', 'outcome', 'completed_at', 'unmet_core_criteria', 'decision', 'decided_at'];

export async function upsertAuditOutcomes(tx: ProjectionTx, t: AuditOutcomeTables, rows: Iterable<AuditOutcomeRow>): Promise<void> {
  const recs = [...rows].map((r) => ({
    audit_id: r.auditId, centre_id: r.centreId, kind: r.kind, opened_at: r.openedAt, due_date: r.dueDate, outcome: r.outcome,
    completed_at: r.completedAt, unmet_core_criteria: r.unmetCoreCriteria, decision: r.decision, decided_at: r.decidedAt,
  }));
  if (!recs.length) return;
  await tx.query(
    `INSERT INTO ${t.audits} AS a SELECT * FROM json_populate_recordset(NULL::${t.audits}, $1::json)
     ON CONFLICT (audit_id) DO UPDATE SET ${COLS.map((c) => `${c} = COALESCE(EXCLUDED.${c}, a.${c})`).join(', ')}`,
    [JSON.stringify(recs)]);
}
