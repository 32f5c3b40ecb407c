import 'reflect-metadata';
import '../libs/testing/src/http/native-esm-packages';
import { randomIds } from '@accreditation/application';
import { type TestApi, startTestApi } from '../libs/testing/src/http';
import { createAdminApi } from '../apps/admin-api/src/bootstrap/create-admin-api';
import { loadConfig } from '../apps/admin-api/src/config/app-config';

/**
 * Rate limiting: 429 with Retry-After (not a 500 through the error filter), one budget per verified
 * subject however the header is written, and one per client address for anonymous traffic, made-up
 * tokens included.
 */
describe('rate limiting (e2e)', () => {
  let api: TestApi;
  const MAX = 5;

  beforeAll(async () => {
    api = await startTestApi(
      async ({ store, clock, jwtSecret }) =>
        createAdminApi({
          config: loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_MAX: String(MAX), RATE_LIMIT_WINDOW_MS: '3600000', RUN_PROJECTOR: 'false', JWT_SECRET: jwtSecret }),
          store,
          readModels: store.pool,
          clock,
          ids: randomIds,
          jwtSecret,
        }),
      { databasePrefix: 'e2e_rate_limit' },
    );
  });
  afterAll(() => api?.close());

  // Any route will do (the limit runs before authentication); health probes are exempt.
  const PATH = '/centres/nobody/audit-trail/verification';
  const limited = (status: number) => (status === 429 ? 429 : 'served');
  const statuses = async (count: number, headers: (i: number) => Record<string, string>) => {
    const result: Array<number | string> = [];
    for (let i = 0; i < count; i++) result.push(limited((await api.http.get(PATH, { headers: headers(i) })).status));
    return result;
  };

  it('answers 429 with Retry-After and the error body once a subject spent its budget, however the header is spaced, whichever token', async () => {
    const token = await api.token('office', 'office-limited');
    expect(await statuses(MAX, () => ({ authorization: `Bearer ${token}` }))).toEqual(Array(MAX).fill('served'));
    const over = await api.http.get(PATH, { headers: { authorization: `Bearer ${token}` } });
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(over.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests', correlationId: expect.any(String) });
    const another = await api.token('auditor', 'office-limited'); // a second token of the same subject
    for (const authorization of [`Bearer  ${token}`, `Bearer\t${token}`, `bearer ${token}`, `Bearer ${token} `, `Bearer ${another}`]) {
      expect(`${JSON.stringify(authorization.slice(0, 8))} → ${(await api.http.get(PATH, { headers: { authorization } })).status}`).toBe(`${JSON.stringify(authorization.slice(0, 8))} → 429`);
    }
    // Somebody else still has their budget.
    expect(limited((await api.http.get(PATH, { headers: { authorization: `Bearer ${await api.token('office', 'office-other')}` } })).status)).toBe('served');
    // Health probes are never limited.
    expect((await api.http.get('/health/live', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });

  it('limits anonymous traffic by address, whatever made-up headers it rotates', async () => {
    const made = await statuses(MAX + 5, (i) => ({ authorization: `Bearer made-up-${i}`, 'x-forwarded-for': `10.0.0.${i}` }));
    expect(made.filter((s) => s === 429)).toHaveLength(5);
    expect((await api.http.get(PATH)).status).toBe(429);
    expect((await api.http.get('/health/live')).status).toBe(200);
    expect((await api.http.get('/registry', { headers: { authorization: 'Basic Zm9vOmJhcg==' } })).status).toBe(429);
  });
});
