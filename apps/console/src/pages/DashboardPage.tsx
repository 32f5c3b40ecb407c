import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Title, Tooltip } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { api, unwrap } from '../api/client';
import { useLive } from '../api/hooks';
import type { Expiring, Page, Statistics } from '../api/views';
import { ErrorNote } from '../components/ErrorNote';
import { Freshness } from '../components/Freshness';
import { statusLabel } from '../components/format';
import { useSession } from '../session/session';

ChartJS.register(CategoryScale, LinearScale, BarElement, Title, Tooltip, Legend);

/** Colour-blind-safe palette (Okabe–Ito), one colour per status. */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000', '#999999', '#7570b3', '#66a61e', '#e7298a', '#a6761d', '#1b9e77'];
const animation = false as const;

function monthsAhead(n: number): string[] {
  const now = new Date();
  return Array.from({ length: n }, (_, i) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + i, 1)).toISOString().slice(0, 7));
}

/** Reporting: centres by status and by country, awards expiring in 12 months, audit outcomes over time. */
export function DashboardPage() {
  const { session } = useSession();
  const seesExpiring = session?.role !== 'compliance';
  const stats = useLive(['statistics'], () => unwrap<Statistics>(api.GET('/statistics', { params: { query: { period: 'month' } } })));
  const expiring = useLive(['expiring'], () => unwrap<Page<Expiring>>(api.GET('/accreditations/expiring', { params: { query: { days: 365, limit: 500 } } })), { enabled: seesExpiring });
  const s = stats.data;
  const statuses = [...new Set((s?.byCountry ?? []).map((r) => r.status))];
  const countries = [...new Set((s?.byCountry ?? []).map((r) => r.country))].sort();
  const months = monthsAhead(12);
  const outcomes = s?.auditPassRate ?? [];

  return (
    <>
      <h1>Dashboard</h1>
      <Freshness checkpoint={s?.checkpoints.centreStatus} fetchedAt={stats.dataUpdatedAt} />
      <ErrorNote error={stats.error} />
      <div className="charts">
        <figure className="card chart">
          <figcaption>Centres by status</figcaption>
          <Bar
            aria-label="Bar chart of centres by status"
            role="img"
            options={{ animation, responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }}
            data={{
              labels: (s?.byStatus ?? []).map((r) => statusLabel(r.status)),
              datasets: [{ label: 'Centres', data: (s?.byStatus ?? []).map((r) => r.centres), backgroundColor: '#0072B2' }],
            }}
          />
        </figure>
        <figure className="card chart">
          <figcaption>Centres by country and status</figcaption>
          <Bar
            aria-label="Stacked bar chart of centres by country, split by status"
            role="img"
            options={{ animation, responsive: true, maintainAspectRatio: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } }}
            data={{
              labels: countries,
              datasets: statuses.map((st, i) => ({
                label: statusLabel(st),
                backgroundColor: PALETTE[i % PALETTE.length],
                data: countries.map((c) => s!.byCountry.find((r) => r.country === c && r.status === st)?.centres ?? 0),
              })),
            }}
          />
        </figure>
        {seesExpiring && (
          <figure className="card chart">
            <figcaption>Accreditations expiring in the next 12 months ({expiring.data?.total ?? 0})</figcaption>
            <Bar
              aria-label="Bar chart of accreditations expiring per month over the next 12 months"
              role="img"
              options={{ animation, responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }}
              data={{
                labels: months,
                datasets: [{ label: 'Expiring', backgroundColor: '#D55E00', data: months.map((m) => (expiring.data?.items ?? []).filter((e) => e.validUntil.startsWith(m)).length) }],
              }}
            />
            <ErrorNote error={expiring.error} />
          </figure>
        )}
        <figure className="card chart">
          <figcaption>Audit outcomes by month</figcaption>
          <Bar
            aria-label="Stacked bar chart of audits passed and failed per month"
            role="img"
            options={{ animation, responsive: true, maintainAspectRatio: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } }}
            data={{
              labels: outcomes.map((o) => o.period),
              datasets: [
                { label: 'Passed', data: outcomes.map((o) => o.passed), backgroundColor: '#009E73' },
                { label: 'Failed', data: outcomes.map((o) => o.failed), backgroundColor: '#D55E00' },
              ],
            }}
          />
        </figure>
      </div>
    </>
  );
}
