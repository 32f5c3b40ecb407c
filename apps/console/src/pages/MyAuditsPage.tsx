import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import type { CommandResult } from '../api/views';
import { CommandForm, Field } from '../components/CommandForm';
import { useSession } from '../session/session';
import { useLive } from '../api/hooks';
import type { Appointment, Freshness as FreshnessInfo } from '../api/views';
import { ErrorNote } from '../components/ErrorNote';
import { Freshness } from '../components/Freshness';
import { day } from '../components/format';

const STATUS: Record<string, string> = { active: 'in progress', recused: 'recused', completed: 'completed', closed: 'closed' };

/** The audits the signed-in auditor is appointed to, and only those. */
export function MyAuditsPage() {
  const { session } = useSession();
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
      <section className="card" aria-labelledby="conflict-heading">
        <h2 id="conflict-heading">Declare a conflict of interest</h2>
        <p className="hint">A centre you have a conflict with cannot be given to you to audit; declare it before an appointment.</p>
        <CommandForm<{ centreId: string; description: string }>
          title="Conflict"
          submitLabel="Declare conflict"
          send={(body) => unwrap<CommandResult>(api.POST('/auditors/{id}/conflicts', { params: { path: { id: session!.sub } }, body }))}
        >
          {(f) => (
            <>
              <Field id="conflict-centre" label="Centre id">
                <input id="conflict-centre" {...f.register('centreId', { required: true })} />
              </Field>
              <Field id="conflict-description" label="What the conflict is">
                <input id="conflict-description" {...f.register('description', { required: true })} />
              </Field>
            </>
          )}
        </CommandForm>
      </section>
    </>
  );
}
