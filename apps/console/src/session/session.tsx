import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';

export type Role = 'office' | 'auditor' | 'committee' | 'centre' | 'compliance' | 'reporting';

export interface Session {
  token: string;
  role: Role;
  sub: string;
  /** For the centre role: the one centre the representative acts for. */
  centre?: string;
  expiresAt?: number;
}

/** Tokens live in sessionStorage (this tab only, gone when it closes), never in a URL. */
const KEY = 'accreditation-console.token';

/** Reads the claims the console needs (it does not verify: the API does, on every call). */
export function sessionFromToken(token: string): Session | { error: string } {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return { error: 'This is not a bearer token (a JWT has three parts separated by dots).' };
  try {
    const json = atob(parts[1]!.replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(json) as { role?: string; sub?: string; centre?: string; exp?: number };
    if (!claims.role || !claims.sub) return { error: 'The token names no role or no subject.' };
    if (claims.exp && claims.exp * 1000 < Date.now()) return { error: 'The token has expired: get a new one.' };
    return { token: token.trim(), role: claims.role as Role, sub: claims.sub, centre: claims.centre, expiresAt: claims.exp ? claims.exp * 1000 : undefined };
  } catch {
    return { error: 'The token could not be read.' };
  }
}

function stored(): Session | null {
  const token = sessionStorage.getItem(KEY);
  if (!token) return null;
  const session = sessionFromToken(token);
  return 'error' in session ? null : session;
}

let current: Session | null = null;
/** The token for the API client's middleware (outside React). */
export const currentToken = (): string | null => current?.token ?? null;

interface SessionApi {
  session: Session | null;
  signIn(session: Session): void;
  signOut(): void;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(() => (current = stored()));
  const signIn = useCallback((next: Session) => {
    sessionStorage.setItem(KEY, next.token);
    current = next;
    setSession(next);
  }, []);
  const signOut = useCallback(() => {
    sessionStorage.removeItem(KEY);
    current = null;
    setSession(null);
  }, []);
  const value = useMemo(() => ({ session, signIn, signOut }), [session, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) throw new Error('useSession outside SessionProvider');
  return api;
}

/** Where each role starts. */
export function homeOf(session: Session): string {
  switch (session.role) {
    case 'office':
    case 'compliance':
      return '/centres';
    case 'auditor':
      return '/my-audits';
    case 'committee':
      return '/decisions';
    case 'centre':
      return `/centres/${session.centre}`;
    case 'reporting':
      return '/dashboard';
  }
}

export const ROLE_LABELS: Record<Role, string> = {
  office: 'Office',
  auditor: 'Auditor',
  committee: 'Committee',
  centre: 'Centre representative',
  compliance: 'Compliance officer',
  reporting: 'Reporting',
};
