import { api, unwrap } from '../../api/client';
import { lastOf } from '../../api/case-file';
import type { components } from '../../api/schema';
import type { CaseFile, CommandResult } from '../../api/views';
import { CommandForm, Field } from '../../components/CommandForm';
import { day } from '../../components/format';
import type { Role } from '../../session/session';

type Against = components['schemas']['LodgeAppealDto']['against'];
const FINDING_STATES: Record<string, string> = { open: 'open', action_submitted: 'corrective action submitted', action_accepted: 'corrective action accepted', closed: 'closed' };

/** Findings with their corrective actions, and appeals; the centre submits actions and lodges appeals here. */
export function FindingsAndAppeals({ centreId, file, role }: { centreId: string; file: CaseFile; role: Role }) {
  const findings = Object.values(file.state.findings);
  const appeals = Object.values(file.state.appeals);
  const appealable = (['refusal', 'suspension', 'withdrawal'] as Against[]).filter((a) => file.state.decisions[a]);
  return (
    <section className="card" aria-labelledby="findings-heading">
      <h2 id="findings-heading">Findings and corrective actions</h2>
      {findings.length === 0 && <p className="hint">No findings.</p>}
      <ul className="findings">
        {findings.map((f) => {
          const raised = lastOf<{ description: string }>(file.events, 'FindingRaised', { findingId: f.findingId });
          const plan = lastOf<{ plan: string }>(file.events, 'CorrectiveActionSubmitted', { findingId: f.findingId });
          return (
            <li key={f.findingId}>
              <span className={`badge grade-${f.grade}`}>{f.grade}</span> criterion {f.criterionId}: {raised?.description} — <em>{FINDING_STATES[f.state] ?? f.state}</em>
              {f.dueDate && <> · action due {day(f.dueDate)}</>}
              {plan && <div className="hint">Plan: {plan.plan}</div>}
              {role === 'centre' && f.state === 'open' && (
                <CommandForm<{ plan: string }>
                  title="Submit a corrective action"
                  name={`action-${f.findingId}`}
                  submitLabel="Submit corrective action"
                  send={(body) => unwrap<CommandResult>(api.POST('/centres/{id}/findings/{findingId}/corrective-action', { params: { path: { id: centreId, findingId: f.findingId } }, body }))}
                >
                  {(form) => (
                    <Field id={`plan-${f.findingId}`} label="Corrective action plan">
                      <textarea id={`plan-${f.findingId}`} rows={2} {...form.register('plan', { required: true })} />
                    </Field>
                  )}
                </CommandForm>
              )}
            </li>
          );
        })}
      </ul>
      <h2>Appeals</h2>
      {appeals.length === 0 && <p className="hint">No appeals.</p>}
      <ul>
        {appeals.map((a) => (
          <li key={a.appealId}>
            Against the {a.against}, lodged {day(a.lodgedAt)}: <strong>{a.state}</strong>
            {lastOf<{ grounds: string }>(file.events, 'AppealLodged', { appealId: a.appealId }) && (
              <div className="hint">Grounds: {lastOf<{ grounds: string }>(file.events, 'AppealLodged', { appealId: a.appealId })!.grounds}</div>
            )}
            {role === 'committee' && a.state === 'open' && <DecideAppealForm centreId={centreId} appeal={a} />}
          </li>
        ))}
      </ul>
      {role === 'centre' && appealable.length > 0 && (
        <CommandForm<{ against: Against; grounds: string }>
          title="Lodge an appeal"
          submitLabel="Lodge appeal"
          defaultValues={{ against: appealable[0], grounds: '' }}
          confirm={(v) => `Lodge an appeal against the ${v.against}?`}
          send={(body) => unwrap<CommandResult>(api.POST('/centres/{id}/appeals', { params: { path: { id: centreId } }, body }))}
        >
          {(form) => (
            <>
              <Field id="appeal-against" label="Against">
                <select id="appeal-against" {...form.register('against')}>
                  {appealable.map((a) => (
                    <option key={a} value={a}>
                      {a}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id="appeal-grounds" label="Grounds">
                <textarea id="appeal-grounds" rows={2} {...form.register('grounds', { required: true })} />
              </Field>
            </>
          )}
        </CommandForm>
      )}
    </section>
  );
}

/** The committee decides an open appeal, after confirming. */
export function DecideAppealForm({ centreId, appeal }: { centreId: string; appeal: { appealId: string; against: string } }) {
  const a = appeal;
  return (
    <CommandForm<{ outcome: 'upheld' | 'dismissed'; reason: string }>
      title="Decide the appeal"
      name={`appeal-${a.appealId}`}
      submitLabel="Decide appeal"
      defaultValues={{ outcome: 'dismissed', reason: '' }}
      confirm={(v) => `${v.outcome === 'upheld' ? 'Uphold' : 'Dismiss'} the appeal against the ${a.against}?`}
      send={(body) => unwrap<CommandResult>(api.POST('/centres/{id}/appeals/{appealId}/decision', { params: { path: { id: centreId, appealId: a.appealId } }, body }))}
    >
      {(form) => (
        <>
          <Field id={`outcome-${a.appealId}`} label="Outcome">
            <select id={`outcome-${a.appealId}`} {...form.register('outcome')}>
              <option value="dismissed">Dismiss</option>
              <option value="upheld">Uphold</option>
            </select>
          </Field>
          <Field id={`appeal-reason-${a.appealId}`} label="Reason">
            <input id={`appeal-reason-${a.appealId}`} {...form.register('reason', { required: true })} />
          </Field>
        </>
      )}
    </CommandForm>
  );
}
