import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import type { CaseFile, CommandResult } from '../../api/views';
import { CommandForm, Field } from '../../components/CommandForm';

type SuspensionReason = components['schemas']['SuspendAccreditationDto']['reason'];
const REASONS: Record<SuspensionReason, string> = {
  persistent_nonconformity: 'Persistent non-conformity',
  unpaid_fees: 'Unpaid fees',
  seal_misuse: 'Misuse of the seal',
  voluntary: 'At the centre’s request',
};

/** The committee's decisions on this centre, each confirmed before it is sent. */
export function CommitteeActions({ centreId, file }: { centreId: string; file: CaseFile }) {
  const path = { params: { path: { id: centreId } } };
  const { status } = file.state;
  const outcome = file.state.work?.outcome;
  const deciding = status === 'AwaitingDecision' || status === 'AuditFailed' || (outcome && ['Accredited', 'CentreOfExcellence', 'Expired'].includes(status));
  const holding = status === 'Accredited' || status === 'CentreOfExcellence';
  return (
    <section className="card" aria-labelledby="committee-heading">
      <h2 id="committee-heading">Committee decisions</h2>
      {outcome && (
        <p>
          Audit outcome: <strong>{outcome.passed ? 'passed' : 'failed'}</strong>
          {outcome.unmetCoreCriteria.length > 0 && <> · core criteria not met: {outcome.unmetCoreCriteria.join(', ')}</>}
          {outcome.unmetExtendedCriteria.length > 0 && <> · extended criteria not met: {outcome.unmetExtendedCriteria.join(', ')}</>}
        </p>
      )}
      <div className="commands">
        {deciding && !holding && (
          <CommandForm<Record<string, never>>
            title="Grant accreditation"
            submitLabel="Grant accreditation"
            confirm={() => 'Grant accreditation for 4 years from today?'}
            send={() => unwrap<CommandResult>(api.POST('/centres/{id}/accreditation', { ...path, body: {} }))}
          />
        )}
        {holding && outcome && (
          <CommandForm<Record<string, never>>
            title="Award the Centre of Excellence seal"
            submitLabel="Award seal"
            confirm={() => 'Award the Centre of Excellence seal?'}
            send={() => unwrap<CommandResult>(api.POST('/centres/{id}/excellence-seal', { ...path, body: {} }))}
          />
        )}
        {deciding && !holding && (
          <CommandForm<{ reasons: string }>
            title="Refuse accreditation"
            submitLabel="Refuse"
            confirm={() => 'Refuse accreditation? The centre may appeal.'}
            send={(v) => unwrap<CommandResult>(api.POST('/centres/{id}/refusal', { ...path, body: { reasons: v.reasons.split('\n').map((r) => r.trim()).filter(Boolean) } }))}
          >
            {(f) => (
              <Field id="refusal-reasons" label="Reasons (one per line)">
                <textarea id="refusal-reasons" rows={2} {...f.register('reasons', { required: true })} />
              </Field>
            )}
          </CommandForm>
        )}
        {holding && (
          <CommandForm<{ reason: SuspensionReason; note: string; suspendedUntil: string }>
            title="Suspend accreditation"
            submitLabel="Suspend"
            defaultValues={{ reason: 'persistent_nonconformity', note: '', suspendedUntil: '' }}
            confirm={(v) => `Suspend the accreditation (${REASONS[v.reason]})?`}
            send={(v) => unwrap<CommandResult>(api.POST('/centres/{id}/suspension', { ...path, body: { reason: v.reason, note: v.note, ...(v.suspendedUntil ? { suspendedUntil: v.suspendedUntil } : {}) } }))}
          >
            {(f) => (
              <>
                <Field id="suspension-reason" label="Reason">
                  <select id="suspension-reason" {...f.register('reason')}>
                    {Object.entries(REASONS).map(([k, label]) => (
                      <option key={k} value={k}>
                        {label}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field id="suspension-note" label="Note">
                  <input id="suspension-note" {...f.register('note', { required: true })} />
                </Field>
                <Field id="suspended-until" label="Suspended until (optional)">
                  <input id="suspended-until" type="date" {...f.register('suspendedUntil')} />
                </Field>
              </>
            )}
          </CommandForm>
        )}
        {status === 'Suspended' && (
          <CommandForm<Record<string, never>>
            title="Reinstate accreditation"
            submitLabel="Reinstate"
            confirm={() => 'Reinstate the accreditation?'}
            send={() => unwrap<CommandResult>(api.POST('/centres/{id}/reinstatement', { ...path, body: {} }))}
          />
        )}
        {(holding || status === 'Suspended') && (
          <CommandForm<{ reason: string }>
            title="Withdraw accreditation"
            submitLabel="Withdraw"
            confirm={() => 'Withdraw the accreditation? The centre loses its seal at once.'}
            send={(body) => unwrap<CommandResult>(api.POST('/centres/{id}/withdrawal', { ...path, body }))}
          >
            {(f) => (
              <Field id="withdrawal-reason" label="Reason">
                <input id="withdrawal-reason" {...f.register('reason', { required: true })} />
              </Field>
            )}
          </CommandForm>
        )}
        {!deciding && !holding && status !== 'Suspended' && <p className="hint">No decision is due on this centre now.</p>}
      </div>
    </section>
  );
}
