import '../../../../libs/testing/src/http/native-esm-packages';
import { signTestToken } from '../../../../libs/testing/src/http/test-tokens';
import { SignJWT } from 'jose';
import { InvalidToken, TokenVerifier } from './token-verifier';

const SECRET = 'unit-test-secret-0123456789-abcdefghij';

describe('TokenVerifier', () => {
  it('reads subject, role and centre from a valid HS256 token', async () => {
    const verifier = new TokenVerifier({ secret: SECRET });
    await expect(verifier.verify(await signTestToken(SECRET, 'centre', 'rep-1', 'c-1'))).resolves.toEqual({ id: 'rep-1', role: 'centre', centreId: 'c-1', scopes: [] });
  });

  it('rejects a token signed with another secret, an unknown role and a centre token without its centre', async () => {
    const verifier = new TokenVerifier({ secret: SECRET });
    await expect(verifier.verify(await signTestToken('another-secret-0123456789-abcdefghij', 'office', 'o-1'))).rejects.toBeInstanceOf(InvalidToken);
    await expect(verifier.verify(await signTestToken(SECRET, 'superuser', 'o-1'))).rejects.toThrow(/role must be one of/);
    await expect(verifier.verify(await signTestToken(SECRET, 'centre', 'rep-1'))).rejects.toThrow(/must name its centre/);
  });

  it('reads the import capability from the scope claim', async () => {
    const verifier = new TokenVerifier({ secret: SECRET });
    await expect(verifier.verify(await signTestToken(SECRET, 'office', 'clerk-1', undefined, '1h', 'openid import'))).resolves.toMatchObject({ id: 'clerk-1', scopes: ['openid', 'import'] });
  });

  it('refuses a subject or centre that is not in canonical form, so a case variant never passes for another id', async () => {
    const verifier = new TokenVerifier({ secret: SECRET });
    await expect(verifier.verify(await signTestToken(SECRET, 'auditor', 'Auditor-Anna'))).rejects.toThrow(/not a canonical id/);
    await expect(verifier.verify(await signTestToken(SECRET, 'centre', 'rep-1', 'St-Jude'))).rejects.toThrow(/not a canonical id/);
    await expect(verifier.verify(await signTestToken(SECRET, 'auditor', 'auditor-anna'))).resolves.toMatchObject({ id: 'auditor-anna' });
  });

  it('rejects an expired token even after it was accepted once', async () => {
    let clock = Date.now();
    const verifier = new TokenVerifier({ secret: SECRET, now: () => clock });
    const token = await signTestToken(SECRET, 'office', 'o-1', undefined, '30s');
    await expect(verifier.verify(token)).resolves.toMatchObject({ id: 'o-1' });
    clock += 31_000; // past exp, within the verified-token cache's minute: the cache must not keep it alive
    await expect(verifier.verify(token)).rejects.toBeInstanceOf(InvalidToken);
  });

  const sign = (claims: { exp?: number; iat?: number }) => {
    const jwt = new SignJWT({ role: 'office', ...claims }).setProtectedHeader({ alg: 'HS256' }).setSubject('o-1');
    return jwt.sign(new TextEncoder().encode(SECRET));
  };
  const nowSeconds = () => Math.floor(Date.now() / 1000);

  it('refuses a token without exp: it would never expire', async () => {
    const verifier = new TokenVerifier({ secret: SECRET });
    await expect(verifier.verify(await sign({ iat: nowSeconds() }))).rejects.toThrow(/"exp" claim/);
  });

  it('refuses a lifetime above the configured cap, counted from iat or, without iat, from now', async () => {
    const verifier = new TokenVerifier({ secret: SECRET, maxLifetimeSeconds: 3600 });
    const now = nowSeconds();
    await expect(verifier.verify(await sign({ iat: now, exp: now + 3600 }))).resolves.toMatchObject({ id: 'o-1' });
    await expect(verifier.verify(await sign({ iat: now, exp: now + 2 * 3600 }))).rejects.toThrow(/lifetime exceeds the 3600 s/);
    await expect(verifier.verify(await sign({ exp: now + 10 * 365 * 86_400 }))).rejects.toThrow(/lifetime exceeds/);
    await expect(verifier.verify(await sign({ iat: now + 86_400, exp: now + 86_400 + 600 }))).rejects.toThrow(/lifetime exceeds/);
  });

  it('caps at eight hours by default, what npm run token issues', async () => {
    const verifier = new TokenVerifier({ secret: SECRET });
    await expect(verifier.verify(await signTestToken(SECRET, 'office', 'o-1', undefined, '8h'))).resolves.toMatchObject({ id: 'o-1' });
    await expect(verifier.verify(await signTestToken(SECRET, 'office', 'o-2', undefined, '9h'))).rejects.toThrow(/lifetime exceeds/);
  });
});
