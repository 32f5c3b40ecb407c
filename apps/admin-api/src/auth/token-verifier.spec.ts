import '../../../../libs/testing/src/http/native-esm-packages';
import { signTestToken } from '../../../../libs/testing/src/http/test-tokens';
import { InvalidToken, TokenVerifier } from './token-verifier';

const SECRET = 'unit-test-secret-0123456789-abcdefghij';

describe('TokenVerifier', () => {
  it('reads subject, role and centre from a valid HS256 token', async () => {
    const verifier = new TokenVerifier({ secret: SECRET });
    await expect(verifier.verify(await signTestToken(SECRET, 'centre', 'rep-1', 'c-1'))).resolves.toEqual({ id: 'rep-1', role: 'centre', centreId: 'c-1' });
  });

  it('rejects a token signed with another secret, an unknown role and a centre token without its centre', async () => {
    const verifier = new TokenVerifier({ secret: SECRET });
    await expect(verifier.verify(await signTestToken('another-secret-0123456789-abcdefghij', 'office', 'o-1'))).rejects.toBeInstanceOf(InvalidToken);
    await expect(verifier.verify(await signTestToken(SECRET, 'superuser', 'o-1'))).rejects.toThrow(/role must be one of/);
    await expect(verifier.verify(await signTestToken(SECRET, 'centre', 'rep-1'))).rejects.toThrow(/must name its centre/);
  });

  it('rejects an expired token even after it was accepted once', async () => {
    const verifier = new TokenVerifier({ secret: SECRET });
    const token = await signTestToken(SECRET, 'office', 'o-1', undefined, '1s');
    await expect(verifier.verify(token)).resolves.toMatchObject({ id: 'o-1' });
    await new Promise((r) => setTimeout(r, 2100));
    await expect(verifier.verify(token)).rejects.toBeInstanceOf(InvalidToken);
  });
});
