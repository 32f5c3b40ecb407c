import { clampLimit, clampOffset, type Checkpointed, type Page } from '../framework/checkpointed';
import { freshness } from '../framework/freshness';
import { checkpointName, type Queryable, tableNames } from '../framework/projection';
import { AUDITOR_TABLES } from '../auditor-workload/auditor-workload.queries';
import { centreStatusProjection } from './centre-status.projection';
import type { CentreStanding, CentreStatusRow } from './centre-status.row';
import { fromRecord } from './centre-status.sql';

export const CENTRE_STATUS_TABLE = tableNames(centreStatusProjection).status;
export const CENTRE_STATUS_CHECKPOINT = checkpointName(centreStatusProjection);

export interface CentreStatusView extends Omit<CentreStatusRow, 'openFindings'> {
  openFindings: { major: number; minor: number; observation: number };
}

export interface CentreListFilter {
  country?: string;
  city?: string;
  status?: CentreStanding | CentreStanding[];
  seal?: 'enrolled' | 'accredited' | 'excellence';
  /** Case-insensitive substring of the centre's name. */
  q?: string;
  /** Only awards whose validUntil is before this instant (ISO). */
  validUntilBefore?: string;
  /** Only centres with at least one appeal not yet decided. */
  withOpenAppeals?: boolean;
  sort?: 'name' | 'validUntil' | 'registeredAt';
  /** Only centres this auditor is or was appointed to (confidentiality, ISO/IEC 17011 §8.1). */
  appointedAuditorId?: string;
  limit?: number;
  offset?: number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function toView(rec: any): CentreStatusView {
  const row = fromRecord(rec);
  const { openFindings: _ids, ...rest } = row;
  return { ...rest, openFindings: { major: rec.open_major_findings, minor: rec.open_minor_findings, observation: rec.open_observations } };
}

const ORDER = { name: 'lower(name), centre_id', validUntil: 'valid_until NULLS LAST, centre_id', registeredAt: 'registered_at, centre_id' };

export async function listCentres(db: Queryable, filter: CentreListFilter = {}): Promise<Page<CentreStatusView>> {
  const checkpoint = await freshness(db, CENTRE_STATUS_CHECKPOINT);
  const where: string[] = [];
  const args: unknown[] = [];
  const add = (sql: string, v: unknown) => { args.push(v); where.push(sql.replace('?', `$${args.length}`)); };
  if (filter.country) add('country = ?', filter.country);
  if (filter.city) add('city = ?', filter.city);
  if (filter.status) add('status = ANY(?::text[])', Array.isArray(filter.status) ? filter.status : [filter.status]);
  if (filter.seal) add('seal = ?', filter.seal);
  if (filter.q) add(`lower(name) LIKE '%' || ? || '%'`, filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`));
  if (filter.validUntilBefore) add('valid_until < ?', filter.validUntilBefore);
  if (filter.appointedAuditorId !== undefined) add(`centre_id IN (SELECT centre_id FROM ${AUDITOR_TABLES.appointments} WHERE auditor_id = ?)`, filter.appointedAuditorId);
  if (filter.withOpenAppeals) where.push('open_appeals > 0');
  const limit = clampLimit(filter.limit);
  const offset = clampOffset(filter.offset);
  args.push(limit, offset);
  const r = await db.query(
    `SELECT *, count(*) OVER () AS total FROM ${CENTRE_STATUS_TABLE}
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY ${ORDER[filter.sort ?? 'name'] ?? ORDER.name} LIMIT $${args.length - 1} OFFSET $${args.length}`, args);
  const total = r.rows[0] ? Number(r.rows[0].total) : await countAll(db, where, args.slice(0, -2));
  return { items: r.rows.map(toView), total, limit, offset, checkpoint };
}

/** Past the last page the window count is unavailable; count separately so `total` stays right. */
async function countAll(db: Queryable, where: string[], args: unknown[]): Promise<number> {
  const r = await db.query(`SELECT count(*)::int AS n FROM ${CENTRE_STATUS_TABLE} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`, args);
  return r.rows[0].n;
}

export async function getCentreStatus(db: Queryable, centreId: string): Promise<Checkpointed<CentreStatusView | null>> {
  const checkpoint = await freshness(db, CENTRE_STATUS_CHECKPOINT);
  const r = await db.query(`SELECT * FROM ${CENTRE_STATUS_TABLE} WHERE centre_id = $1`, [centreId]);
  return { data: r.rows[0] ? toView(r.rows[0]) : null, checkpoint };
}

export interface ExpiringAccreditation {
  centreId: string;
  name: string;
  country: string;
  city: string;
  status: CentreStanding;
  certificateNumber: string | null;
  validUntil: string;
  daysLeft: number;
}

/** Awards (incl. suspended ones) whose validUntil falls within [now, now + days]. Uses the partial index. */
export async function listExpiringAccreditations(
  db: Queryable, opts: { now: Date; days: number; country?: string; limit?: number; offset?: number },
): Promise<Page<ExpiringAccreditation>> {
  const checkpoint = await freshness(db, CENTRE_STATUS_CHECKPOINT);
  const limit = clampLimit(opts.limit, 10_000, 1_000);
  const offset = clampOffset(opts.offset);
  const r = await db.query(
    `SELECT centre_id, name, country, city, status, certificate_number, valid_until,
            floor(extract(epoch FROM valid_until - $1::timestamptz) / 86400)::int AS days_left,
            count(*) OVER () AS total
       FROM ${CENTRE_STATUS_TABLE}
      WHERE status IN ('accredited', 'excellence', 'suspended')
        AND valid_until > $1::timestamptz AND valid_until < $1::timestamptz + make_interval(days => $2::int)
        AND ($3::text IS NULL OR country = $3)
      ORDER BY valid_until, centre_id LIMIT $4 OFFSET $5`,
    [opts.now.toISOString(), opts.days, opts.country ?? null, limit, offset]);
  return {
    items: r.rows.map((x) => ({
      centreId: x.centre_id, name: x.name, country: x.country, city: x.city, status: x.status,
      certificateNumber: x.certificate_number, validUntil: x.valid_until.toISOString(), daysLeft: x.days_left,
    })),
    total: r.rows[0] ? Number(r.rows[0].total) : 0, limit, offset, checkpoint,
  };
}
