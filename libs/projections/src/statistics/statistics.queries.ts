import { AUDIT_OUTCOMES_TABLE, AUDIT_OUTCOMES_CHECKPOINT } from '../audit-outcomes/audit-outcomes.queries';
import { CENTRE_STATUS_CHECKPOINT, CENTRE_STATUS_TABLE } from '../centre-status/centre-status.queries';
import type { Checkpointed } from '../framework/checkpointed';
import { freshness } from '../framework/freshness';
import type { Queryable } from '../framework/projection';

export interface CountryStatusCount { country: string; status: string; centres: number }
export interface StatusCount { status: string; centres: number }
export interface PassRateRow { period: string; kind: string | null; passed: number; failed: number; passRate: number | null }

/** Centres per (country, status); served by the (country, status) index. */
export async function statisticsByCountry(db: Queryable): Promise<Checkpointed<CountryStatusCount[]>> {
  const checkpoint = await freshness(db, CENTRE_STATUS_CHECKPOINT);
  const r = await db.query(`SELECT country, status, count(*)::int AS centres FROM ${CENTRE_STATUS_TABLE} GROUP BY country, status ORDER BY country, status`);
  return { data: r.rows.map((x) => ({ country: x.country, status: x.status, centres: x.centres })), checkpoint };
}

export async function statisticsByStatus(db: Queryable): Promise<Checkpointed<StatusCount[]>> {
  const checkpoint = await freshness(db, CENTRE_STATUS_CHECKPOINT);
  const r = await db.query(`SELECT status, count(*)::int AS centres FROM ${CENTRE_STATUS_TABLE} GROUP BY status ORDER BY status`);
  return { data: r.rows.map((x) => ({ status: x.status, centres: x.centres })), checkpoint };
}

export type Period = 'month' | 'quarter' | 'year' | 'all';

/**
 * Audit pass rate = passed / (passed + failed) over audits completed in [from, to), per period and
 * optionally per audit kind and country. Reported with the audit-outcomes checkpoint.
 */
export async function auditPassRate(
  db: Queryable, opts: { from?: string; to?: string; period?: Period; byKind?: boolean; country?: string } = {},
): Promise<Checkpointed<PassRateRow[]>> {
  const checkpoint = await freshness(db, AUDIT_OUTCOMES_CHECKPOINT);
  const period = opts.period ?? 'all';
  // Interpolated into SQL below: only the four known values may pass.
  if (!(['month', 'quarter', 'year', 'all'] as const).includes(period)) throw new RangeError(`Unknown period ${JSON.stringify(period)}`);
  const periodSql = period === 'all' ? `'all'` : `to_char(date_trunc('${period}', a.completed_at AT TIME ZONE 'UTC'), ${period === 'year' ? `'YYYY'` : period === 'quarter' ? `'YYYY-"Q"Q'` : `'YYYY-MM'`})`;
  const kindSql = opts.byKind ? 'a.kind' : 'NULL::text';
  const r = await db.query(
    `SELECT ${periodSql} AS period, ${kindSql} AS kind,
            count(*) FILTER (WHERE a.outcome = 'passed')::int AS passed,
            count(*) FILTER (WHERE a.outcome = 'failed')::int AS failed
       FROM ${AUDIT_OUTCOMES_TABLE} a
       ${opts.country ? `JOIN ${CENTRE_STATUS_TABLE} c ON c.centre_id = a.centre_id AND c.country = $3` : ''}
      WHERE a.outcome IS NOT NULL
        AND ($1::timestamptz IS NULL OR a.completed_at >= $1) AND ($2::timestamptz IS NULL OR a.completed_at < $2)
      GROUP BY 1, 2 ORDER BY 1, 2`,
    opts.country ? [opts.from ?? null, opts.to ?? null, opts.country] : [opts.from ?? null, opts.to ?? null]);
  return {
    data: r.rows.map((x) => ({ period: x.period, kind: x.kind, passed: x.passed, failed: x.failed, passRate: x.passed + x.failed ? x.passed / (x.passed + x.failed) : null })),
    checkpoint,
  };
}
