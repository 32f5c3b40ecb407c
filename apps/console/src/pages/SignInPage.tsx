import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import { ErrorNote } from '../components/ErrorNote';
import { ROLE_LABELS, type Role, type Session, homeOf, sessionFromToken, useSession } from '../session/session';

const DEFAULT_PEOPLE: Record<Role, string> = {
  office: 'office-olivia',
  auditor: 'auditor-anna',
  committee: 'committee-carla',
  centre: 'rep-remy',
  compliance: 'compliance-chris',
  reporting: 'reporting-rita',
};

interface PickForm {
  role: Role;
  sub: string;
  centre: string;
}

/** A bearer token pasted in, or (development secret only) a token for a picked role. */
export function SignInPage() {
  const { session, signIn } = useSession();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from;
  const [token, setToken] = useState('');
  const [tokenError, setTokenError] = useState<string | null>(null);
  const options = useQuery({ queryKey: ['sign-in-options'], queryFn: () => unwrap<{ developmentTokens: boolean; roles: Role[] }>(api.GET('/sign-in/options')) });
  const pick = useForm<PickForm>({ defaultValues: { role: 'office', sub: DEFAULT_PEOPLE.office, centre: 'hus-strasbourg' } });
  const role = pick.watch('role');
  const enter = (next: Session) => {
    signIn(next);
    navigate(from && from !== '/' ? from : homeOf(next), { replace: true });
  };
  const development = useMutation({
    mutationFn: (form: PickForm) =>
      unwrap<{ token: string }>(
        api.POST('/sign-in/development-token', { body: { role: form.role, sub: form.sub, ...(form.role === 'centre' ? { centre: form.centre } : {}) } }),
      ),
    onSuccess: ({ token: issued }) => {
      const next = sessionFromToken(issued);
      if (!('error' in next)) enter(next);
    },
  });

  if (session) return <Navigate to={homeOf(session)} replace />;

  return (
    <main className="sign-in">
      <h1>Accreditation console</h1>
      <p>Sign in to work on centres, audits and decisions. The page keeps your token in this browser tab only.</p>
      <section aria-labelledby="token-heading" className="card">
        <h2 id="token-heading">Sign in with a token</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const next = sessionFromToken(token);
            if ('error' in next) setTokenError(next.error);
            else enter(next);
          }}
        >
          <label htmlFor="bearer-token">Bearer token</label>
          <textarea id="bearer-token" rows={3} value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" spellCheck={false} />
          <button type="submit">Sign in</button>
          {tokenError && (
            <div className="error-note" role="alert">
              {tokenError}
            </div>
          )}
        </form>
        <p className="hint">Tokens come from your organisation's identity provider (see docs/console.md).</p>
      </section>
      {options.data?.developmentTokens && (
        <section aria-labelledby="dev-heading" className="card">
          <h2 id="dev-heading">Try a role (development only)</h2>
          <p className="hint">The engine runs with its development secret, so it can give you a token for any role.</p>
          <form onSubmit={pick.handleSubmit((form) => development.mutate(form))}>
            <label htmlFor="dev-role">Role</label>
            <select
              id="dev-role"
              {...pick.register('role', { onChange: (e) => pick.setValue('sub', DEFAULT_PEOPLE[e.target.value as Role]) })}
            >
              {(options.data.roles ?? []).map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
            <label htmlFor="dev-sub">Person id</label>
            <input id="dev-sub" {...pick.register('sub', { required: true })} />
            {role === 'centre' && (
              <>
                <label htmlFor="dev-centre">Centre id</label>
                <input id="dev-centre" {...pick.register('centre', { required: true })} />
              </>
            )}
            <button type="submit" disabled={development.isPending}>
              Sign in as this role
            </button>
            <ErrorNote error={development.error} />
          </form>
        </section>
      )}
    </main>
  );
}
