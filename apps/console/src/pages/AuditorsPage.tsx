import { api, unwrap } from '../api/client';
import { useLive } from '../api/hooks';
import type { CommandResult, Page } from '../api/views';
import { CommandForm, Field } from '../components/CommandForm';
import { ErrorNote } from '../components/ErrorNote';
import { Freshness } from '../components/Freshness';

interface AuditorRow {
  auditorId: string;
  country: string | null;
  specialties: string[];
  auditsOpen: number;
  auditsClosed: number;
  conflictsDeclared: number;
  consultations: number;
}

/** The office's auditors: their workload (busiest first), registering one, recording a consultation. */
export function AuditorsPage() {
  const list = useLive(['auditors'], () => unwrap<Page<AuditorRow>>(api.GET('/auditors', { params: { query: { limit: 100 } } })));
  return (
    <>
      <h1>Auditors</h1>
      <Freshness checkpoint={list.data?.checkpoint} fetchedAt={list.dataUpdatedAt} />
      <ErrorNote error={list.error} />
      <table className="grid">
        <thead>
          <tr>
            <th scope="col">Auditor</th>
            <th scope="col">Country</th>
            <th scope="col">Specialties</th>
            <th scope="col">Audits open</th>
            <th scope="col">Audits closed</th>
            <th scope="col">Conflicts and consultations</th>
          </tr>
        </thead>
        <tbody>
          {list.data?.items.map((a) => (
            <tr key={a.auditorId}>
              <td>{a.auditorId}</td>
              <td>{a.country ?? '—'}</td>
              <td>{a.specialties.join(', ') || '—'}</td>
              <td>{a.auditsOpen}</td>
              <td>{a.auditsClosed}</td>
              <td>{a.conflictsDeclared + a.consultations}</td>
            </tr>
          ))}
          {list.data && list.data.items.length === 0 && (
            <tr>
              <td colSpan={6}>No auditor registered yet.</td>
            </tr>
          )}
        </tbody>
      </table>
      <div className="commands card">
        <CommandForm<{ auditorId: string; country: string; specialties: string }>
          title="Register an auditor"
          submitLabel="Register auditor"
          send={(v) =>
            unwrap<CommandResult>(
              api.POST('/auditors', { body: { auditorId: v.auditorId, country: v.country.toUpperCase(), specialties: v.specialties.split(',').map((s) => s.trim()).filter(Boolean) } }),
            )
          }
        >
          {(f) => (
            <>
              <Field id="new-auditor-id" label="Auditor id (their sign-in subject)">
                <input id="new-auditor-id" {...f.register('auditorId', { required: true })} />
              </Field>
              <Field id="new-auditor-country" label="Country (2 letters)">
                <input id="new-auditor-country" maxLength={2} {...f.register('country', { required: true })} />
              </Field>
              <Field id="new-auditor-specialties" label="Specialties (comma-separated)">
                <input id="new-auditor-specialties" {...f.register('specialties')} />
              </Field>
            </>
          )}
        </CommandForm>
        <CommandForm<{ auditorId: string; centreId: string; description: string }>
          title="Record a consultation"
          submitLabel="Record consultation"
          send={(v) => unwrap<CommandResult>(api.POST('/auditors/{id}/consultations', { params: { path: { id: v.auditorId } }, body: { centreId: v.centreId, description: v.description } }))}
        >
          {(f) => (
            <>
              <Field id="consultation-auditor" label="Auditor id">
                <input id="consultation-auditor" {...f.register('auditorId', { required: true })} />
              </Field>
              <Field id="consultation-centre" label="Centre id">
                <input id="consultation-centre" {...f.register('centreId', { required: true })} />
              </Field>
              <Field id="consultation-description" label="What the auditor advised on">
                <input id="consultation-description" {...f.register('description', { required: true })} />
              </Field>
            </>
          )}
        </CommandForm>
      </div>
    </>
  );
}
