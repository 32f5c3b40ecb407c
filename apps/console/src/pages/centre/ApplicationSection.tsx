import { api, unwrap } from '../../api/client';
import { lastOf } from '../../api/case-file';
import type { components } from '../../api/schema';
import type { CaseFile, CommandResult, Scheme } from '../../api/views';
import { CommandForm, Field } from '../../components/CommandForm';
import { day } from '../../components/format';

type Compliance = components['schemas']['CriterionAnswerDto']['compliance'];
const COMPLIANCE: Record<Compliance, string> = { met: 'Met', partially_met: 'Partially met', not_met: 'Not met' };

/** The application in progress: every criterion answered and the internal case review's references. */
export function ApplicationSection({ file, scheme }: { file: CaseFile; scheme?: Scheme }) {
  const application = file.state.work?.application;
  if (!application) return null;
  const submitted = lastOf<{ icr: { caseReferences: string[]; summary: string } }>(file.events, 'ApplicationSubmitted', { applicationId: application.applicationId });
  const criteria = scheme?.criteria ?? Object.keys(application.answers).map((id) => ({ id, level: 'core' as const, standard: 0 }));
  return (
    <section className="card" aria-labelledby="application-heading">
      <h2 id="application-heading">Application ({application.kind}, submitted {day(application.submittedAt)})</h2>
      <details>
        <summary>
          {Object.keys(application.answers).length} criteria answered · internal case review of {submitted?.icr.caseReferences.length ?? application.caseCount} cases
        </summary>
        <table className="grid compact">
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              <th scope="col">Level</th>
              <th scope="col">Answer</th>
              <th scope="col">Comment</th>
            </tr>
          </thead>
          <tbody>
            {criteria
              .filter((c) => application.answers[c.id])
              .map((c) => (
                <tr key={c.id}>
                  <td>{c.id}</td>
                  <td>{c.level}</td>
                  <td>{COMPLIANCE[application.answers[c.id]!.compliance as Compliance] ?? application.answers[c.id]!.compliance}</td>
                  <td>{application.answers[c.id]!.comment}</td>
                </tr>
              ))}
          </tbody>
        </table>
        {submitted && (
          <>
            <h3>Internal case review</h3>
            <p>{submitted.icr.summary}</p>
            <ol className="case-refs">
              {submitted.icr.caseReferences.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ol>
          </>
        )}
      </details>
    </section>
  );
}

interface ApplyValues {
  answers: Record<string, { compliance: Compliance; comment: string }>;
  caseReferences: string;
  summary: string;
}

/** The centre applies: an answer to every core criterion (extended ones optional) and the ICR's case references. */
export function ApplyForm({ centreId, scheme }: { centreId: string; scheme: Scheme }) {
  const defaults = Object.fromEntries(scheme.criteria.map((c) => [c.id, { compliance: c.level === 'core' ? 'met' : '', comment: '' }]));
  return (
    <section className="card" aria-labelledby="apply-heading">
      <h2 id="apply-heading">Apply for accreditation</h2>
      <CommandForm<ApplyValues>
        title="Application"
        submitLabel="Submit application"
        defaultValues={{ answers: defaults as ApplyValues['answers'], caseReferences: '', summary: '' }}
        send={(v) => {
          const answers = Object.fromEntries(Object.entries(v.answers).filter(([, a]) => a.compliance).map(([id, a]) => [id, { compliance: a.compliance, comment: a.comment || '—' }]));
          const caseReferences = v.caseReferences.split(/[\s,]+/).filter(Boolean);
          return unwrap<CommandResult>(
            api.POST('/centres/{id}/applications', { params: { path: { id: centreId } }, body: { kind: 'initial', answers, icr: { caseReferences, summary: v.summary } } }),
          );
        }}
      >
        {(f) => (
          <>
            <table className="grid compact">
              <thead>
                <tr>
                  <th scope="col">Criterion</th>
                  <th scope="col">Answer</th>
                  <th scope="col">Comment</th>
                </tr>
              </thead>
              <tbody>
                {scheme.criteria.map((c) => (
                  <tr key={c.id}>
                    <td>
                      {c.id} <small>({c.level})</small>
                    </td>
                    <td>
                      <select aria-label={`Answer to ${c.id}`} {...f.register(`answers.${c.id}.compliance`)}>
                        {c.level === 'extended' && <option value="">Not answered</option>}
                        {Object.entries(COMPLIANCE).map(([k, label]) => (
                          <option key={k} value={k}>
                            {label}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <input aria-label={`Comment on ${c.id}`} {...f.register(`answers.${c.id}.comment`)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Field id="case-references" label={`Internal case review: the ${scheme.icrCases} case references (one per line; references only, no patient data)`}>
              <textarea id="case-references" rows={6} {...f.register('caseReferences', { required: true })} />
            </Field>
            <Field id="icr-summary" label="Case review summary">
              <input id="icr-summary" {...f.register('summary', { required: true })} />
            </Field>
          </>
        )}
      </CommandForm>
    </section>
  );
}
