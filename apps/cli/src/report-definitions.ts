import {
  auditPassRate, type Freshness, listAuditOutcomes, listAuditorWorkloads, listExpiringAccreditations, type Period,
  type Queryable, statisticsByCountry,
} from '@accreditation/projections';

/** A report's result: tabular rows with their column order, and how current the read model was. */
export interface ReportResult {
  name: string;
  title: string;
  columns: string[];
  rows: Array<Record<string, unknown>>;
  checkpoint: Freshness;
  /** Extra data for charts. */
  chart?: StatusChartData;
}

export interface StatusChartData {
  statuses: string[];
  countries: Array<{ country: string; counts: Record<string, number>; total: number }>;
}

export interface ReportParams {
  now: Date;
  days?: number;
  from?: string;
  to?: string;
  period?: Period;
}

/** The standings in lifecycle order, so columns and chart legends read naturally. */
export const STATUS_ORDER = [
  'registered', 'enrolled', 'enrolment_lapsed', 'application_submitted', 'under_audit', 'audit_passed', 'audit_failed',
  'accredited', 'excellence', 'suspended', 'withdrawn', 'relinquished', 'expired',
];

async function statusSummary(db: Queryable): Promise<ReportResult> {
  const { data, checkpoint } = await statisticsByCountry(db);
  const present = new Set(data.map((d) => d.status));
  const statuses = [...STATUS_ORDER.filter((s) => present.has(s)), ...[...present].filter((s) => !STATUS_ORDER.includes(s)).sort()];
  const byCountry = new Map<string, Record<string, number>>();
  for (const d of data) {
    const counts = byCountry.get(d.country) ?? {};
    counts[d.status] = d.centres;
    byCountry.set(d.country, counts);
  }
  const countries = [...byCountry].map(([country, counts]) => ({ country, counts, total: Object.values(counts).reduce((a, b) => a + b, 0) }));
  const rows = countries.map((c) => ({ country: c.country, total: c.total, ...Object.fromEntries(statuses.map((s) => [s, c.counts[s] ?? 0])) }));
  const totals: Record<string, unknown> = { country: 'ALL', total: countries.reduce((a, c) => a + c.total, 0) };
  for (const s of statuses) totals[s] = countries.reduce((a, c) => a + (c.counts[s] ?? 0), 0);
  if (rows.length) rows.push(totals as (typeof rows)[number]);
  return { name: 'status-summary', title: 'Centres by country and status', columns: ['country', 'total', ...statuses], rows, checkpoint, chart: { statuses, countries } };
}

async function expiring(db: Queryable, p: ReportParams): Promise<ReportResult> {
  const days = p.days ?? 90;
  const rows: Array<Record<string, unknown>> = [];
  let checkpoint: Freshness = { position: '0', updatedAt: null };
  for (let offset = 0; ; offset += 10_000) {
    const page = await listExpiringAccreditations(db, { now: p.now, days, limit: 10_000, offset });
    checkpoint = offset === 0 ? page.checkpoint : checkpoint;
    rows.push(...page.items.map((x) => ({ ...x })));
    if (page.items.length < 10_000) break;
  }
  return {
    name: 'expiring', title: `Accreditations expiring within ${days} days of ${p.now.toISOString().slice(0, 10)}`,
    columns: ['validUntil', 'daysLeft', 'name', 'country', 'city', 'status', 'certificateNumber', 'centreId'], rows, checkpoint,
  };
}

async function auditOutcomes(db: Queryable, p: ReportParams): Promise<ReportResult> {
  const { data, checkpoint } = await auditPassRate(db, { from: p.from, to: p.to, period: p.period ?? 'month', byKind: true });
  const rows = data.map((r) => ({ ...r, audits: r.passed + r.failed, passRate: r.passRate === null ? null : Number((r.passRate * 100).toFixed(1)) }));
  const range = `${p.from ?? 'the start'} to ${p.to ?? 'now'}`;
  return { name: 'audit-outcomes', title: `Audit outcomes by ${p.period ?? 'month'}, ${range}`, columns: ['period', 'kind', 'audits', 'passed', 'failed', 'passRate'], rows, checkpoint };
}

async function auditDetails(db: Queryable, p: ReportParams): Promise<ReportResult> {
  const rows: Array<Record<string, unknown>> = [];
  let checkpoint: Freshness = { position: '0', updatedAt: null };
  for (let offset = 0; ; offset += 10_000) {
    const page = await listAuditOutcomes(db, { from: p.from, to: p.to, limit: 10_000, offset });
    checkpoint = offset === 0 ? page.checkpoint : checkpoint;
    rows.push(...page.items.map((x) => ({ ...x })));
    if (page.items.length < 10_000) break;
  }
  return { name: 'audit-list', title: 'Completed audits', columns: ['completedAt', 'auditId', 'centreId', 'kind', 'outcome', 'unmetCoreCriteria', 'decision', 'decidedAt'], rows, checkpoint };
}

async function auditorWorkload(db: Queryable): Promise<ReportResult> {
  const rows: Array<Record<string, unknown>> = [];
  let checkpoint: Freshness = { position: '0', updatedAt: null };
  for (let offset = 0; ; offset += 1_000) {
    const page = await listAuditorWorkloads(db, { limit: 1_000, offset });
    checkpoint = offset === 0 ? page.checkpoint : checkpoint;
    rows.push(...page.items.map((x) => ({ ...x, specialties: x.specialties.join(' ') })));
    if (page.items.length < 1_000) break;
  }
  return {
    name: 'auditor-workload', title: 'Auditor workload (busiest first)',
    columns: ['auditorId', 'country', 'specialties', 'auditsOpen', 'auditsClosed', 'recusals', 'conflictsDeclared', 'consultations', 'registeredAt'], rows, checkpoint,
  };
}

export const REPORTS: Record<string, { describe: string; run(db: Queryable, p: ReportParams): Promise<ReportResult> }> = {
  'status-summary': { describe: 'centres by country and status (also --format svg)', run: statusSummary },
  expiring: { describe: 'accreditations expiring within --days N (default 90)', run: expiring },
  'audit-outcomes': { describe: 'audits passed/failed and pass rate by --period month|quarter|year|all, --from/--to', run: auditOutcomes },
  'audit-list': { describe: 'every completed audit in --from/--to', run: auditDetails },
  'auditor-workload': { describe: 'open and closed audits, recusals, conflicts and consultations per auditor', run: auditorWorkload },
};
