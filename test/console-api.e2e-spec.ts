import 'reflect-metadata';
import '../libs/testing/src/http/native-esm-packages';
import { randomIds } from '@accreditation/application';
import { type TestApi, startTestApi } from '../libs/testing/src/http';
import { createAdminApi } from '../apps/admin-api/src/bootstrap/create-admin-api';
import { loadConfig } from '../apps/admin-api/src/config/app-config';
import { startEngineProjector } from '../apps/projector/src/deadlines/start-engine-projector';
import { startAdminApi } from './support/admin-api';
import { AUDITOR, Journey, castFor, expectStatus } from './support/journey';

const quiet = { log: () => undefined, warn: () => undefined, error: (m: string, e?: unknown) => console.error(m, e) };

/** The console's server side: static serving, development tokens (only in development mode), its read routes. */
describe('console support in the API (e2e)', () => {
  describe('with the development secret (no JWT_SECRET, no JWKS_URL)', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi(
        async ({ store, clock, jwtSecret }) =>
          createAdminApi({ config: loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '0', RUN_PROJECTOR: 'false' }), store, readModels: store.pool, clock, ids: randomIds, jwtSecret }),
        { databasePrefix: 'console_dev' },
      );
    });
    afterAll(() => api?.close());

    it('offers development tokens, and a token it gives works on the API for its role only', async () => {
      expect(expectStatus(await api.http.get('/sign-in/options'), 200).body).toEqual({ developmentTokens: true, roles: expect.arrayContaining(['office', 'centre']) });
      const { token } = expectStatus(await api.http.post('/sign-in/development-token', { body: { role: 'office', sub: 'office-olivia' } }), 200).body;
      expectStatus(await api.http.get('/centres/not-registered/file', { token }), 404);
      expectStatus(await api.http.get('/me/audits', { token }), 403);
      expectStatus(await api.http.get('/centres/not-registered/file', { token: `${token}x` }), 401);
    });

    it('names the centre in a centre token and refuses bad requests with the fields', async () => {
      const missing = expectStatus(await api.http.post('/sign-in/development-token', { body: { role: 'centre', sub: 'rep-lea' } }), 400).body;
      expect(missing.errors).toEqual([expect.objectContaining({ field: 'centre' })]);
      const bad = expectStatus(await api.http.post('/sign-in/development-token', { body: { role: 'admin', sub: 'Not An Id' } }), 400).body;
      expect(bad.errors.map((e: { field: string }) => e.field).sort()).toEqual(['role', 'sub']);
      const { token } = expectStatus(await api.http.post('/sign-in/development-token', { body: { role: 'centre', sub: 'rep-lea', centre: 'chu-lyon' } }), 200).body;
      expect(JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString())).toMatchObject({ role: 'centre', sub: 'rep-lea', centre: 'chu-lyon' });
    });
  });

  describe('with a configured secret', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startAdminApi('console_secret');
    });
    afterAll(() => api?.close());

    it('gives no development token: the route answers 404 and the options say so', async () => {
      expect(expectStatus(await api.http.get('/sign-in/options'), 200).body.developmentTokens).toBe(false);
      const refused = expectStatus(await api.http.post('/sign-in/development-token', { body: { role: 'office', sub: 'office-olivia' } }), 404).body;
      expect(refused.message).toMatch(/Development tokens are off/);
    });

    it('serves the console without a token, deep links included, with the strict script policy', async () => {
      for (const path of ['/console', '/console/', '/console/centres/chu-lyon', '/console/centres/chu-lyon/audits/x']) {
        const page = await fetch(`${api.baseUrl}${path}`);
        // 200 with the built page; 503 with the instruction when the console was never built (fresh checkout, no npm start yet).
        expect([200, 503]).toContain(page.status);
        if (page.status === 200) {
          const html = await page.text();
          expect(html).toContain('<div id="root"></div>');
          expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
          const asset = html.match(/src="(\/console\/assets\/[^"]+\.js)"/)![1];
          const js = await fetch(`${api.baseUrl}${asset}`);
          expect(js.status).toBe(200);
          expect(js.headers.get('content-type')).toMatch(/javascript/);
          expect(js.headers.get('cache-control')).toContain('immutable');
        }
      }
    });

    it('answers the scheme publicly, the case file to the roles that work on the centre, my audits and the decision queue', async () => {
      const cast = await castFor(api);
      const journey = new Journey(api, cast);
      await journey.registerAuditors();
      const scheme = expectStatus(await api.http.get('/scheme'), 200).body;
      expect(scheme.criteria).toHaveLength(52);
      const auditId = await (async () => {
        await journey.enrolled('file-1');
        await journey.applied('file-1');
        return journey.auditing('file-1');
      })();
      const file = expectStatus(await api.http.get('/centres/file-1/file', { token: cast.auditor }), 200).body;
      expect(file).toMatchObject({ centreId: 'file-1', state: { status: 'UnderAudit' } });
      expect(file.events.map((e: { type: string }) => e.type)).toContain('AuditorAppointed');
      expect(file.revision).toBe(file.events.length - 1);
      expectStatus(await api.http.get('/centres/file-1/file', { token: await cast.centre('file-1') }), 200);
      expectStatus(await api.http.get('/centres/file-1/file', { token: await cast.centre('other-centre') }), 403);
      expectStatus(await api.http.get('/centres/file-1/file', { token: cast.reporting }), 403);
      expectStatus(await api.http.get('/centres/unknown-centre/file', { token: cast.office }), 404);
      // The read models, once the projector has caught up.
      const projector = await startEngineProjector({ store: api.store, pool: api.store.pool, clock: api.clock, logger: quiet, deadlineIntervalMs: 60_000 });
      try {
        await journey.passed('file-1', auditId);
        await projector.waitUntilCaughtUp(30_000);
      } finally {
        await projector.stop();
      }
      const mine = expectStatus(await api.http.get('/me/audits', { token: cast.auditor }), 200).body;
      expect(mine).toMatchObject({ auditorId: AUDITOR, items: [expect.objectContaining({ auditId, centreId: 'file-1' })], checkpoint: { position: expect.any(String) } });
      const queue = expectStatus(await api.http.get('/decisions/queue', { token: cast.committee }), 200).body;
      expect(queue.items.map((c: { centreId: string; status: string }) => [c.centreId, c.status])).toEqual([['file-1', 'audit_passed']]);
      expectStatus(await api.http.get('/decisions/queue', { token: cast.auditor }), 403);
      expect(expectStatus(await api.http.get('/decisions/appeals', { token: cast.office }), 200).body).toMatchObject({ items: [], total: 0 });
      expectStatus(await api.http.get('/decisions/appeals', { token: await cast.centre('file-1') }), 403);
    });
  });
});
