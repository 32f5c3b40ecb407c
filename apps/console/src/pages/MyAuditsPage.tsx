import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { useLive } from '../api/hooks';
import type { Appointment, Freshness as FreshnessInfo } from '../api/views';
import { ErrorNote } from '../components/ErrorNote';
import { Freshness } from '../components/Freshness';
import { day } from '../components/format';

const STATUS: Record<string, string> = { active: 'in progress', recused: 'recused', completed: 'completed', closed: 'closed' };

/** The audits the signed-in auditor is appointed to, and only those. */
export function MyAuditsPage() {
  const mine = useLive(['my-audits'], () => unwrap<{ items: Appointment[]; checkpoint: FreshnessInfo }>(api.GET('/me/audits')));
  const items = mine.data?.items ?? [];
  return (
    <>
      <h1>My audits</h1>
      <Freshness checkpoint={mine.data?.checkpoint} fetchedAt={mine.dataUpdatedAt} />
      <ErrorNote error={mine.error} />
      {mine.data && items.length === 0 && <p>You are not appointed to any audit yet.</p>}
      <ul className="tiles">
        {items.map((a) => (
          <li key={a.auditId} className="card">
            <h2>
              <Link to={`/centres/${a.centreId}/audits/${a.auditId}`}>{a.centreId}</Link>
            </h2>
            <p>
              Appointed {day(a.appointedAt)} · {STATUS[a.status] ?? a.status}
              {a.endedAt && <> · ended {day(a.endedAt)}</>}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
