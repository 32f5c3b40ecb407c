import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { AuditorDetail, CaseFile, CommandResult } from '../../api/views';
import { CommandForm, Field } from '../../components/CommandForm';
import { day } from '../../components/format';

type Signatory = 'head_of_department' | 'hospital_director';

/** Conflicts and consultations an auditor has with this centre, read before the office appoints them. */
function AuditorConflicts({ auditorId, centreId }: { auditorId: string; centreId: string }) {
  const valid = /^[a-z0-9][a-z0-9-]{0,79}$/.test(auditorId);
  const detail = useQuery({
    queryKey: ['auditor', auditorId],
    queryFn: () => unwrap<{ data: AuditorDetail }>(api.GET('/auditors/{id}', { params: { path: { id: auditorId } } })),
    enabled: valid,
    retry: false,
  });
  if (!valid) return null;
  if (detail.isLoading) return <p className="hint">Checking {auditorId}…</p>;
  if (detail.isError) return <p className="warning">{auditorId} is not a registered auditor (or the read model has not caught up).</p>;
  const here = detail.data?.data.declarations.filter((d) => d.centreId === centreId) ?? [];
  if (here.length === 0) return <p className="ok">{auditorId}: no conflict or consultation with this centre on record.</p>;
  return (
    <div className="warning" role="alert">
      <strong>{auditorId} may not audit this centre:</strong>
      <ul>
        {here.map((d) => (
          <li key={d.declaredAt + d.kind}>
            {d.kind === 'conflict' ? 'Conflict declared' : 'Consultation recorded'} on {day(d.declaredAt)}: {d.description}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The office's steps: sign-off, enrolment, opening the audit and appointing auditors. */
export function OfficeActions({ centreId, file }: { centreId: string; file: CaseFile }) {
  const path = { id: centreId };
  const state = file.state as CaseFile['state'] & { profile?: { signOff: unknown } };
  const audit = state.work?.audit;
  const [auditorId, setAuditorId] = useState('');
  return (
    <section className="card" aria-labelledby="office-heading">
      <h2 id="office-heading">Office</h2>
      <div className="commands">
        {!state.profile?.signOff && (
          <CommandForm<{ signatory: Signatory; signatoryId: string }>
            title="Record the sign-off"
            submitLabel="Record sign-off"
            defaultValues={{ signatory: 'head_of_department', signatoryId: '' }}
            send={(body) => unwrap<CommandResult>(api.POST('/centres/{id}/sign-off', { params: { path }, body }))}
          >
            {(f) => (
              <>
                <Field id="signatory" label="Signed by">
                  <select id="signatory" {...f.register('signatory')}>
                    <option value="head_of_department">Head of department</option>
                    <option value="hospital_director">Hospital director</option>
                  </select>
                </Field>
                <Field id="signatory-id" label="Signatory (person id)">
                  <input id="signatory-id" {...f.register('signatoryId', { required: true })} />
                </Field>
              </>
            )}
          </CommandForm>
        )}
        {state.status === 'Registered' && (
          <CommandForm<{ feeReference: string }>
            title="Enrol the centre"
            submitLabel="Enrol"
            send={(body) => unwrap<CommandResult>(api.POST('/centres/{id}/enrolment', { params: { path }, body }))}
          >
            {(f) => (
              <Field id="fee-reference" label="Fee reference">
                <input id="fee-reference" {...f.register('feeReference', { required: true })} />
              </Field>
            )}
          </CommandForm>
        )}
        {state.work?.stage === 'ApplicationSubmitted' && (
          <CommandForm<{ dueDate: string }>
            title="Open the audit"
            submitLabel="Open audit"
            send={(body) => unwrap<CommandResult>(api.POST('/centres/{id}/audits', { params: { path }, body }))}
          >
            {(f) => (
              <Field id="due-date" label="Audit due on">
                <input id="due-date" type="date" {...f.register('dueDate', { required: true })} />
              </Field>
            )}
          </CommandForm>
        )}
        {audit && state.work?.stage === 'UnderAudit' && (
          <CommandForm<{ auditorId: string }>
            title="Appoint an auditor"
            submitLabel="Appoint auditor"
            send={(body) => unwrap<CommandResult>(api.POST('/centres/{id}/audits/{auditId}/auditors', { params: { path: { ...path, auditId: audit.auditId } }, body }))}
            warning={() => <AuditorConflicts auditorId={auditorId} centreId={centreId} />}
            onDone={() => setAuditorId('')}
          >
            {(f) => (
              <Field id="auditor-id" label="Auditor (id)">
                <input id="auditor-id" {...f.register('auditorId', { required: true, onChange: (e) => setAuditorId(e.target.value.trim()) })} />
              </Field>
            )}
          </CommandForm>
        )}
      </div>
    </section>
  );
}
