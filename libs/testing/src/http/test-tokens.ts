import { SignJWT } from 'jose';

/** A known secret for test apps: tokens signed with it are what the API under test accepts. */
export const TEST_JWT_SECRET = 'e2e-test-secret-not-for-production-0123456789';

export type TestRole = 'office' | 'auditor' | 'committee' | 'centre' | 'compliance' | 'reporting';

/**
 * Signs an HS256 bearer token like `npm run token` does: subject, role and, for `centre`, its
 * centre; `scope: 'import'` like `npm run token -- --import`.
 */
export async function signTestToken(secret: string, role: TestRole | string, sub: string, centre?: string, ttl = '1h', scope?: string): Promise<string> {
  return new SignJWT({ role, ...(centre ? { centre } : {}), ...(scope ? { scope } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(new TextEncoder().encode(secret));
}
