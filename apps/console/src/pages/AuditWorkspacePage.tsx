import { useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { lastOf } from '../api/case-file';
import { CASE_FILE_POLL_MS, useCommand, useLive } from '../api/hooks';
import type { components } from '../api/schema';
import type { CaseFile, CommandResult, Scheme } from '../api/views';
import { CommandForm, Field } from '../components/CommandForm';
import { ErrorNote } from '../components/ErrorNote';
import { day } from '../components/format';
import { EvidenceRequests } from './centre/AuditSection';

type Grade = components['schemas']['RaiseFindingDto']['grade'];

/** One criterion: met or not met, with a note; saved on its own (PUT is idempotent per criterion). */
function CriterionRow({ centreId, auditId, criterion, title, file }: { centreId: string; auditId: string; criterion: Scheme['criteria'][number]; title: string; file: CaseFile }) {
  const judged = file.state.work?.audit?.judged[criterion.id];
  const last = lastOf<{ note: string }>(file.events, 'CriterionJudged', { auditId, criterionId: criterion.id });
  const form = useForm<{ met: string; note: string }>({ values: { met: judged ? String(judged.met) : '', note: last?.note ?? '' } });
  const judge = useCommand((v: { met: string; note: string }) =>
    unwrap<CommandResult>(
      api.PUT('/centres/{id}/audits/{auditId}/criteria/{criterionId}', {
        params: { path: { id: centreId, auditId, criterionId: criterion.id } },
        body: { met: v.met === 'true', note: v.note },
      }),
    ),
  );
  const name = `criterion-${criterion.id}`;
  return (
    <li className={`criterion ${judged ? (judged.met ? 'is-met' : 'is-unmet') : ''}`}>
      <form aria-label={`Criterion ${criterion.id}`} onSubmit={form.handleSubmit((v) => judge.mutate(v))}>
        <div className="criterion-id">
          <strong>{criterion.id}</strong> <span className={`badge level-${criterion.level}`}>{criterion.level}</span>
          <div className="hint">{title}</div>
        </div>
        <fieldset>
          <legend className="sr-only">Is {criterion.id} met?</legend>
          <label>
            <input type="radio" value="true" {...form.register('met', { required: true })} /> Met
          </label>
          <label>
            <input type="radio" value="false" {...form.register('met', { required: true })} /> Not met
          </label>
        </fieldset>
        <label className="note">
          <span className="sr-only">Note on {criterion.id}</span>
          <input placeholder="Note" {...form.register('note', { required: true })} id={`${name}-note`} />
        </label>
        <button type="submit" disabled={judge.isPending}>
          Save
        </button>
        <span className="state" role="status">
          {judged ? (judged.met ? '✓ met' : '✗ not met') : 'not judged'}
        </span>
      </form>
      <ErrorNote error={judge.error} />
    </li>
  );
}

/** The auditor's workspace for one audit: criteria, evidence requests, findings, completion. Tablet-friendly. */
export function AuditWorkspacePage() {
  const { centreId = '', auditId = '' } = useParams();
  const file = useLive(['file', centreId], () => unwrap<CaseFile>(api.GET('/centres/{id}/file', { params: { path: { id: centreId } } })), { every: CASE_FILE_POLL_MS });
  const scheme = useQuery({ queryKey: ['scheme'], queryFn: () => unwrap<Scheme>(api.GET('/scheme')), staleTime: Infinity });
  const data = file.data;
  const audit = data?.state.work?.audit;
  const current = audit?.auditId === auditId;
  const path = { id: centreId, auditId };
  const judgedCount = audit ? Object.keys(audit.judged).length : 0;
  const findings = data ? Object.values(data.state.findings).filter((f) => f.auditId === auditId) : [];

  return (
    <div className="workspace">
      <div className="page-head">
        <h1>Audit of {centreId}</h1>
        <Link to={`/centres/${centreId}`}>Centre page</Link>
      </div>
      <p className="freshness" role="status">
        Case file current to revision {data?.revision ?? '…'} (checked {file.dataUpdatedAt ? new Date(file.dataUpdatedAt).toLocaleTimeString() : '—'}, refreshes every 5 s)
      </p>
      <ErrorNote error={file.error} />
      {data && !current && <p className="warning">This audit is not the centre’s audit in progress: it can no longer be changed.</p>}
      {data && audit && current && scheme.data && (
        <>
          <p>
            Due {day(audit.dueDate)} · {judgedCount} of {scheme.data.criteria.length} criteria judged
            {data.state.work?.outcome && <strong> · completed: {data.state.work.outcome.passed ? 'passed' : 'failed'}</strong>}
          </p>
          <section className="card" aria-labelledby="criteria-heading">
            <h2 id="criteria-heading">Criteria</h2>
            {scheme.data.sections.map((section) => (
              <div key={section.number}>
                <h3>
                  Section {section.number}: {section.title}
                </h3>
                <ul className="criteria">
                  {scheme.data!.criteria
                    .filter((c) => scheme.data!.standards.find((s) => s.number === c.standard)?.section === section.number)
                    .map((c) => (
                      <CriterionRow key={c.id} centreId={centreId} auditId={auditId} criterion={c} title={scheme.data!.standards.find((s) => s.number === c.standard)?.title ?? ''} file={data} />
                    ))}
                </ul>
              </div>
            ))}
          </section>
          <section className="card" aria-labelledby="evidence-heading">
            <h2 id="evidence-heading">Evidence requests</h2>
            <EvidenceRequests centreId={centreId} file={data} auditId={auditId} canAnswer={false} />
            <CommandForm<{ description: string }>
              title="Request evidence"
              submitLabel="Request evidence"
              send={(body) => unwrap<CommandResult>(api.POST('/centres/{id}/audits/{auditId}/evidence-requests', { params: { path }, body }))}
            >
              {(f) => (
                <Field id="evidence-description" label="What the centre must provide">
                  <input id="evidence-description" {...f.register('description', { required: true })} />
                </Field>
              )}
            </CommandForm>
          </section>
          <section className="card" aria-labelledby="findings-ws-heading">
            <h2 id="findings-ws-heading">Findings and corrective actions</h2>
            <ul className="findings">
              {findings.map((f) => {
                const raised = lastOf<{ description: string }>(data.events, 'FindingRaised', { findingId: f.findingId });
                const plan = lastOf<{ plan: string }>(data.events, 'CorrectiveActionSubmitted', { findingId: f.findingId });
                const findingPath = { params: { path: { id: centreId, findingId: f.findingId } }, body: {} };
                return (
                  <li key={f.findingId}>
                    <span className={`badge grade-${f.grade}`}>{f.grade}</span> {f.criterionId}: {raised?.description} — <em>{f.state.replace('_', ' ')}</em>
                    {plan && <div className="hint">Plan: {plan.plan}</div>}
                    {f.state === 'action_submitted' && (
                      <CommandForm<Record<string, never>>
                        title="Accept the corrective action"
                        name={`accept-${f.findingId}`}
                        submitLabel="Accept corrective action"
                        send={() => unwrap<CommandResult>(api.POST('/centres/{id}/findings/{findingId}/corrective-action/acceptance', findingPath))}
                      />
                    )}
                    {f.state !== 'closed' && (f.grade === 'observation' || f.state === 'action_accepted') && (
                      <CommandForm<Record<string, never>>
                        title="Close the finding"
                        name={`close-${f.findingId}`}
                        submitLabel="Close finding"
                        send={() => unwrap<CommandResult>(api.POST('/centres/{id}/findings/{findingId}/closure', findingPath))}
                      />
                    )}
                  </li>
                );
              })}
            </ul>
            <CommandForm<{ grade: Grade; criterionId: string; description: string }>
              title="Raise a finding"
              submitLabel="Raise finding"
              defaultValues={{ grade: 'minor', criterionId: '', description: '' }}
              send={(body) => unwrap<CommandResult>(api.POST('/centres/{id}/audits/{auditId}/findings', { params: { path }, body }))}
            >
              {(f) => (
                <>
                  <Field id="finding-grade" label="Grade">
                    <select id="finding-grade" {...f.register('grade')}>
                      <option value="major">Major</option>
                      <option value="minor">Minor</option>
                      <option value="observation">Observation</option>
                    </select>
                  </Field>
                  <Field id="finding-criterion" label="Criterion">
                    <select id="finding-criterion" {...f.register('criterionId', { required: true })}>
                      <option value="">Choose…</option>
                      {scheme.data!.criteria.map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.id}
                        </option>
                      ))}
                    </select>
                  </Field>
                  <Field id="finding-description" label="Description">
                    <input id="finding-description" {...f.register('description', { required: true })} />
                  </Field>
                </>
              )}
            </CommandForm>
          </section>
          {!data.state.work?.outcome && (
            <section className="card" aria-labelledby="complete-heading">
              <h2 id="complete-heading">Complete the audit</h2>
              <CommandForm<{ recommendation: 'pass' | 'fail'; reason: string }>
                title="Completion"
                submitLabel="Complete audit"
                defaultValues={{ recommendation: 'pass', reason: '' }}
                confirm={(v) => `Complete the audit recommending ${v.recommendation === 'pass' ? 'a pass' : 'a fail'}? Criteria can no longer be judged afterwards.`}
                send={(body) => unwrap<CommandResult>(api.POST('/centres/{id}/audits/{auditId}/completion', { params: { path }, body }))}
              >
                {(f) => (
                  <>
                    <Field id="recommendation" label="Recommendation">
                      <select id="recommendation" {...f.register('recommendation')}>
                        <option value="pass">Pass</option>
                        <option value="fail">Fail</option>
                      </select>
                    </Field>
                    <Field id="completion-reason" label="Reason">
                      <input id="completion-reason" {...f.register('reason', { required: true })} />
                    </Field>
                  </>
                )}
              </CommandForm>
            </section>
          )}
        </>
      )}
    </div>
  );
}
