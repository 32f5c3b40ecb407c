import 'reflect-metadata';
import '../libs/testing/src/http/native-esm-packages';
import { type ClientRequest, type IncomingMessage, request } from 'node:http';
import { randomIds } from '@accreditation/application';
import { type TestApi, startTestApi } from '../libs/testing/src/http';
import { createAdminApi } from '../apps/admin-api/src/bootstrap/create-admin-api';
import { loadConfig } from '../apps/admin-api/src/config/app-config';

/**
 * Bounded concurrency (MAX_IN_FLIGHT): beyond the limit a request is refused at once with 503,
 * Retry-After and the API's error body; health probes are never refused; a finished request frees
 * its place. A request is held in flight by sending its headers with `Expect: 100-continue` and
 * not its body: the server counts it when it answers "100 Continue", and works on it until the body
 * comes.
 */
describe('in-flight limit (e2e)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi(
      async ({ store, clock, jwtSecret }) =>
        createAdminApi({
          config: loadConfig({ LOG_LEVEL: 'silent', MAX_IN_FLIGHT: '1', RATE_LIMIT_MAX: '0', RUN_PROJECTOR: 'false', JWT_SECRET: jwtSecret }),
          store,
          readModels: store.pool,
          clock,
          ids: randomIds,
          jwtSecret,
        }),
      { databasePrefix: 'e2e_in_flight' },
    );
  });
  afterAll(() => api?.close());

  const BODY = JSON.stringify({ annualProcedures: 120, periodEnd: '2019-12-31' });

  /** A POST whose headers are in and acknowledged (100 Continue) and whose body is not sent yet. */
  async function holdRequest(): Promise<{ finish(): Promise<IncomingMessage>; abandon(): void }> {
    const url = new URL('/centres/held-centre/procedure-volume', api.baseUrl);
    const held: ClientRequest = request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BODY), expect: '100-continue', connection: 'close' },
    });
    const response = new Promise<IncomingMessage>((resolve, reject) => {
      held.once('response', resolve);
      held.once('error', reject);
    });
    response.catch(() => undefined); // an abandoned request ends in an error nobody waits for
    await new Promise<void>((resolve, reject) => {
      held.once('continue', resolve);
      held.once('error', reject);
      held.flushHeaders();
    });
    return {
      finish: async () => {
        held.end(BODY);
        const res = await response;
        res.resume();
        await new Promise((resolve) => res.once('end', resolve));
        return res;
      },
      abandon: () => held.destroy(),
    };
  }

  it('answers 503 with Retry-After at once while the limit is reached, never to health probes, and serves again once a request finishes', async () => {
    const token = await api.token('office', 'office-in-flight');
    const held = await holdRequest();

    const refused = await api.http.get('/centres/some-centre/audit-trail/verification', { token });
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable', message: expect.stringContaining('1 requests in flight'), correlationId: expect.any(String) });
    // A write is refused the same way, before its body is read.
    expect((await api.http.post('/centres/other-centre/procedure-volume', { body: JSON.parse(BODY) as object, token })).status).toBe(503);
    expect((await api.http.get('/health/live')).status).toBe(200);

    // The held request is answered as usual (no token: 401), and its place is free again.
    expect((await held.finish()).statusCode).toBe(401);
    const served = await api.http.get('/centres/some-centre/audit-trail/verification', { token });
    expect(served.status).not.toBe(503);
    expect(served.status).toBeLessThan(500);
  });

  it('frees the place of a request whose client went away', async () => {
    const held = await holdRequest();
    const probe = () => api.http.get('/centres/some-centre/audit-trail/verification'); // no token: 401 when served
    expect((await probe()).status).toBe(503);
    held.abandon();
    // The server learns of the closed connection in its own time: ask again (a bounded number of
    // requests, each one round trip, no clock) until the place is free.
    let status = 503;
    for (let attempt = 0; attempt < 100 && status === 503; attempt++) status = (await probe()).status;
    expect(status).toBe(401);
  });
});
