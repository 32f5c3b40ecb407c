import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { lastOf } from '../../api/case-file';
import type { CaseFile, CommandResult } from '../../api/views';
import { CommandForm, Field } from '../../components/CommandForm';
import { day } from '../../components/format';
import type { Role } from '../../session/session';

/** Evidence requests of an audit, with the centre's answer form on open ones. */
export function EvidenceRequests({ centreId, file, auditId, canAnswer }: { centreId: string; file: CaseFile; auditId: string; canAnswer: boolean }) {
  const audit = file.state.work?.audit;
  const requests = audit && audit.auditId === auditId ? Object.entries(audit.evidenceRequests) : [];
  if (requests.length === 0) return <p className="hint">No evidence requested.</p>;
  return (
    <ul className="requests">
      {requests.map(([requestId, r]) => {
        const asked = lastOf<{ description: string }>(file.events, 'EvidenceRequested', { requestId });
        const given = lastOf<{ documentReferences: string[] }>(file.events, 'EvidenceProvided', { requestId });
        return (
          <li key={requestId}>
            <strong>{asked?.description ?? requestId}</strong> — requested {day(r.requestedAt)}
            {r.providedAt ? (
              <span className="ok"> · provided {day(r.providedAt)}: {given?.documentReferences.join(', ')}</span>
            ) : (
              <span className="warning-text"> · awaiting the centre</span>
            )}
            {canAnswer && !r.providedAt && (
              <CommandForm<{ documents: string }>
                title="Provide evidence"
                name={`provide-${requestId}`}
                submitLabel="Send evidence"
                send={(v) =>
                  unwrap<CommandResult>(
                    api.POST('/centres/{id}/audits/{auditId}/evidence-requests/{requestId}/evidence', {
                      params: { path: { id: centreId, auditId, requestId } },
                      body: { documentReferences: v.documents.split(/[\s,]+/).filter(Boolean) },
                    }),
                  )
                }
              >
                {(f) => (
                  <Field id={`documents-${requestId}`} label="Document references (one per line)">
                    <textarea id={`documents-${requestId}`} rows={2} {...f.register('documents', { required: true })} />
                  </Field>
                )}
              </CommandForm>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The audit in progress or completed: due date, team, outcome, evidence requests. */
export function AuditSection({ centreId, file, role, sub }: { centreId: string; file: CaseFile; role: Role; sub: string }) {
  const work = file.state.work;
  const audit = work?.audit;
  if (!audit) return null;
  const team = file.state.auditTeams[audit.auditId];
  const appointed = team?.active.includes(sub);
  return (
    <section className="card" aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit</h2>
      <p>
        Due {day(audit.dueDate)} · team: {team?.active.length ? team.active.join(', ') : 'nobody appointed yet'} ·{' '}
        {Object.keys(audit.judged).length} criteria judged
        {work?.outcome && (
          <>
            {' '}
            · <strong>{work.outcome.passed ? 'passed' : 'failed'}</strong> on {day(work.outcome.completedAt)}
          </>
        )}
      </p>
      {role === 'auditor' && appointed && (
        <p>
          <Link className="button" to={`/centres/${centreId}/audits/${audit.auditId}`}>
            Open the audit workspace
          </Link>
        </p>
      )}
      <h3>Evidence requests</h3>
      <EvidenceRequests centreId={centreId} file={file} auditId={audit.auditId} canAnswer={role === 'centre'} />
    </section>
  );
}
