import { useForm } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import { useCommand } from '../api/hooks';
import type { components } from '../api/schema';
import type { CommandResult } from '../api/views';
import { ErrorNote } from '../components/ErrorNote';

type RegisterCentre = components['schemas']['RegisterCentreDto'];

const FIELDS: { name: keyof RegisterCentre; label: string; hint?: string; type?: string }[] = [
  { name: 'centreId', label: 'Centre id', hint: 'lower-case letters, digits and dashes, e.g. hus-strasbourg' },
  { name: 'name', label: 'Name' },
  { name: 'institution', label: 'Institution' },
  { name: 'city', label: 'City' },
  { name: 'country', label: 'Country', hint: 'two-letter code, e.g. FR' },
  { name: 'proceduresPerYear', label: 'Procedures per year', type: 'number' },
  { name: 'representativeId', label: 'Representative (person id)' },
  { name: 'contactId', label: 'Contact (person id)' },
  { name: 'substituteId', label: 'Substitute (person id)' },
];

/** The office registers a centre; the centre's page then offers sign-off and enrolment. */
export function RegisterCentrePage() {
  const navigate = useNavigate();
  const form = useForm<RegisterCentre>();
  const register = useCommand((body: RegisterCentre) => unwrap<CommandResult>(api.POST('/centres', { body })));
  return (
    <>
      <h1>Register a centre</h1>
      <form
        className="card form-grid"
        onSubmit={form.handleSubmit((values) =>
          register.mutate(
            { ...values, country: values.country.toUpperCase(), proceduresPerYear: Number(values.proceduresPerYear) },
            { onSuccess: () => navigate(`/centres/${values.centreId}`) },
          ),
        )}
      >
        {FIELDS.map((f) => (
          <div key={f.name} className="field">
            <label htmlFor={`reg-${f.name}`}>{f.label}</label>
            <input id={`reg-${f.name}`} type={f.type ?? 'text'} aria-describedby={f.hint ? `reg-${f.name}-hint` : undefined} {...form.register(f.name, { required: true })} />
            {f.hint && (
              <small id={`reg-${f.name}-hint`} className="hint">
                {f.hint}
              </small>
            )}
            {form.formState.errors[f.name] && <small className="field-error">Required</small>}
          </div>
        ))}
        <div className="actions">
          <button type="submit" disabled={register.isPending}>
            Register centre
          </button>
          <Link to="/centres">Cancel</Link>
        </div>
        <ErrorNote error={register.error} />
      </form>
    </>
  );
}
