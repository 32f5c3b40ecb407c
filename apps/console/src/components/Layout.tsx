import { NavLink, Navigate, Outlet, useLocation } from 'react-router';
import { ROLE_LABELS, type Role, useSession } from '../session/session';

const NAV: Record<Role, { to: string; label: string }[]> = {
  office: [
    { to: '/centres', label: 'Centres' },
    { to: '/centres/new', label: 'Register a centre' },
    { to: '/auditors', label: 'Auditors' },
    { to: '/decisions', label: 'Awaiting decision' },
    { to: '/dashboard', label: 'Dashboard' },
  ],
  auditor: [
    { to: '/my-audits', label: 'My audits' },
    { to: '/centres', label: 'Centres' },
  ],
  committee: [
    { to: '/decisions', label: 'Awaiting decision' },
    { to: '/centres', label: 'Centres' },
    { to: '/dashboard', label: 'Dashboard' },
  ],
  centre: [],
  compliance: [
    { to: '/centres', label: 'Centres' },
    { to: '/dashboard', label: 'Dashboard' },
  ],
  reporting: [
    { to: '/dashboard', label: 'Dashboard' },
    { to: '/centres', label: 'Centres' },
  ],
};

/** The frame of every signed-in page: who is signed in, where they can go. */
export function Layout() {
  const { session, signOut } = useSession();
  const location = useLocation();
  if (!session) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  const links = session.role === 'centre' ? [{ to: `/centres/${session.centre}`, label: 'Our centre' }] : NAV[session.role];
  return (
    <>
      <header className="top">
        <span className="brand">Accreditation console</span>
        <nav aria-label="Main">
          {links.map((l) => (
            <NavLink key={l.to} to={l.to} end>
              {l.label}
            </NavLink>
          ))}
        </nav>
        <span className="who">
          {session.sub} · {ROLE_LABELS[session.role]}
          <button type="button" className="link" onClick={signOut}>
            Sign out
          </button>
        </span>
      </header>
      <main>
        <Outlet />
      </main>
    </>
  );
}
