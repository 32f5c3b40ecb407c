import { connect } from 'node:net';
import type { TestApi } from '../libs/testing/src/http';
import { startAdminApi } from './support/admin-api';
import { type Cast, Journey, castFor, registerBody } from './support/journey';

/**
 * Hostile input over HTTP: each of these answered 500 once. Each is a 400 naming the field, and
 * nothing is stored. The generated test (openapi-fuzz.e2e-spec.ts) covers the class; these pin the
 * reported examples.
 */
describe('hostile input: 400 naming the field, nothing stored', () => {
  let api: TestApi;
  let cast: Cast;
  let journey: Journey;

  beforeAll(async () => {
    api = await startAdminApi('e2e_hostile_input');
    cast = await castFor(api);
    journey = new Journey(api, cast);
    await journey.registerAuditors();
  });
  afterAll(() => api?.close());

  const eventCount = async () => Number((await api.store.pool.query('SELECT count(*) AS n FROM events')).rows[0].n);
  const fields = (body: { errors?: Array<{ field: string }> }) => [...new Set((body.errors ?? []).map((e) => e.field))];

  it('refuses NUL and lone surrogates in any body string, naming the field, storing nothing', async () => {
    const before = await eventCount();
    for (const [body, field] of [
      [{ ...registerBody('nul-centre'), name: 'a\u0000b' }, 'name'],
      [{ ...registerBody('surrogate-centre'), city: 'a\ud800b' }, 'city'],
      [{ ...registerBody('surrogate-centre2'), institution: '\udc00' }, 'institution'],
    ] as const) {
      const result = await api.http.post('/centres', { token: cast.office, body });
      expect({ status: result.status, fields: fields(result.body) }).toEqual({ status: 400, fields: [field] });
    }
    // Written by hand, as an attacker would: JSON escapes of a NUL and of a lone surrogate in a key.
    const raw = `{"centreId":"raw-centre","name":"x\\u0000y","country":"FR"}`;
    const rawResult = await api.http.post('/centres', { token: cast.office, body: raw });
    expect({ status: rawResult.status, fields: fields(rawResult.body) }).toEqual({ status: 400, fields: ['name'] });
    const keyResult = await api.http.post('/centres', { token: cast.office, body: '{"\\ud800":1}' });
    expect(keyResult.status).toBe(400);
    expect(await eventCount()).toBe(before);
  });

  it('refuses NUL and lone surrogates in query strings, naming the parameter', async () => {
    for (const path of ['/centres?q=a%00b', '/centres?city=a%00b', '/centres?q=%00', '/auditors?country=a%00']) {
      const result = await api.http.get(path, { token: cast.office });
      expect(`${path} → ${result.status} ${fields(result.body)}`).toMatch(new RegExp(`^${path.replace(/[?]/g, '\\?')} → 400 \\w+`));
    }
    const registry = await api.http.get('/registry?city=a%00b');
    expect({ status: registry.status, fields: fields(registry.body) }).toEqual({ status: 400, fields: ['city'] });
  });

  /** fetch refuses to send control characters in headers, so this one is written on a socket. */
  const rawRequest = (head: string): Promise<string> =>
    new Promise((resolve, reject) => {
      const url = new URL(api.baseUrl);
      const socket = connect(Number(url.port), url.hostname, () => socket.end(head));
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
      socket.on('end', () => resolve(answer));
      socket.on('error', reject);
    });

  it('refuses NUL and control characters in headers, storing nothing', async () => {
    const before = await eventCount();
    const body = JSON.stringify(registerBody('header-centre'));
    for (const header of ['Idempotency-Key: a\u0000b', 'X-Occurred-At: 2020-01-01T00:00:00Z\u0001', 'X-Correlation-Id: a\u0000']) {
      const answer = await rawRequest(
        `POST /centres HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${cast.office}\r\nContent-Type: application/json\r\n${header}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
      );
      expect(answer.slice(0, 12)).toBe('HTTP/1.1 400');
    }
    expect(await eventCount()).toBe(before);
  });

  it('refuses out-of-range numbers in queries', async () => {
    for (const path of ['/centres', '/auditors', '/registry', '/accreditations/expiring']) {
      for (const offset of ['1e20', '9223372036854775807', '0x10', '-1', '1.5', ' 1']) {
        const result = await api.http.get(`${path}?offset=${encodeURIComponent(offset)}`, { token: cast.office });
        expect(`${path}?offset=${offset} → ${result.status} ${fields(result.body)}`).toBe(`${path}?offset=${offset} → 400 offset`);
      }
    }
    const history = await api.http.get('/centres/some-centre/history?after=1e20', { token: cast.office });
    expect({ status: history.status, fields: fields(history.body) }).toEqual({ status: 400, fields: ['after'] });
    // (This test app runs no projector, so a valid query may find no read model: anything but a 400.)
    const ok = await api.http.get('/centres?offset=10&limit=5', { token: cast.office });
    expect(ok.status).not.toBe(400);
  });

  it('refuses malformed and impossible dates in queries (one strict parser)', async () => {
    const cases: Array<[string, string]> = [
      ['/centres/c-1/audit-trail?asOf=2024-W01', 'asOf'],
      ['/centres/c-1/audit-trail?asOf=20240101', 'asOf'],
      ['/centres/c-1/audit-trail?knownAt=2024-01-01T00:00:00,5Z', 'knownAt'],
      ['/centres/c-1/audit-trail?asOf=2024-02-30', 'asOf'],
      ['/centres/c-1/audit-trail?knownAt=2023-02-29T00:00:00Z', 'knownAt'],
      ['/statistics?from=2024-W01', 'from'],
      ['/statistics?to=2024-04-31', 'to'],
    ];
    for (const [path, field] of cases) {
      const result = await api.http.get(path, { token: cast.compliance });
      expect(`${path} → ${result.status} ${fields(result.body)}`).toBe(`${path} → 400 ${field}`);
    }
    expect((await api.http.get('/statistics?from=2024-01-01&to=2024-12-31T23:59:59Z', { token: cast.compliance })).status).not.toBe(400);
    expect((await api.http.get('/centres/c-1/audit-trail?asOf=2024-02-29T10:00:00%2B02:00', { token: cast.compliance })).status).not.toBe(400);
  });

  it('refuses impossible dates in X-Occurred-At and in body fields, never rolling them over', async () => {
    const before = await eventCount();
    // A token with the import capability, so that X-Occurred-At reaches the date check (without it: 403 ImportCapabilityRequired).
    const clerk = await api.token('office', 'clerk-import', undefined, 'import');
    for (const at of ['2024-02-30T00:00:00Z', '2023-02-29T00:00:00Z', '2024-04-31T12:00:00Z', '2024-01-01T24:00:00Z', '2024-W01']) {
      const result = await api.http.post('/centres', { token: clerk, body: registerBody('dated-centre'), headers: { 'x-occurred-at': at } });
      expect(`${at} → ${result.status}`).toBe(`${at} → 400`);
    }
    expect(await eventCount()).toBe(before);
    const id = 'suspended-centre';
    await journey.accredited(id);
    const afterAccreditation = await eventCount();
    for (const until of ['2020-02-30', '2021-02-29T00:00:00Z', '2020-04-31', '2020-02-30T00:00:00.000Z']) {
      const result = await api.http.post(`/centres/${id}/suspension`, { token: cast.committee, body: { reason: 'unpaid_fees', note: 'Fee unpaid', suspendedUntil: until } });
      expect({ until, status: result.status, fields: fields(result.body) }).toEqual({ until, status: 400, fields: ['suspendedUntil'] });
    }
    expect(await eventCount()).toBe(afterAccreditation);
  });

  it('caps JSON nesting before anything walks the body: 5,000 objects or 200,000 arrays deep → 400', async () => {
    const before = await eventCount();
    const objects = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const arrays = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    for (const body of [objects, arrays, `{"name":${'['.repeat(100)}${']'.repeat(100)}}`]) {
      const result = await api.http.post('/centres', { token: cast.office, body });
      expect({ status: result.status, fields: fields(result.body) }).toEqual({ status: 400, fields: ['body'] });
    }
    // Brackets inside strings are text, not depth.
    const bracketsInText = await api.http.post('/centres', { token: cast.office, body: { ...registerBody('bracket-centre'), name: '[[[[{{{{'.repeat(20) } });
    expect(bracketsInText.status).toBe(201);
    expect(await eventCount()).toBe(before + 1);
  });

  it('scopes an Idempotency-Key to its sender: another user with the same key gets their own command', async () => {
    const id = 'idempotent-centre';
    await journey.registered(id);
    const officeA = await api.token('office', 'office-a');
    const officeB = await api.token('office', 'office-b');
    const body = { proceduresPerYear: 500 };
    const first = await api.http.post(`/centres/${id}/procedure-volume`, { token: officeA, body, headers: { 'idempotency-key': 'shared-key-1' } });
    const again = await api.http.post(`/centres/${id}/procedure-volume`, { token: officeA, body, headers: { 'idempotency-key': 'shared-key-1' } });
    const other = await api.http.post(`/centres/${id}/procedure-volume`, { token: officeB, body: { proceduresPerYear: 600 }, headers: { 'idempotency-key': 'shared-key-1' } });
    expect([first.status, again.status, other.status]).toEqual([first.status, first.status, first.status]);
    expect(again.body.replayed).toBe(true);
    expect(other.body.replayed).toBe(false);
    expect(other.body.commandId).not.toBe(first.body.commandId);
    const events = (await api.store.readStream(`centre-${id}`)).map((e) => e.metadata as { actor?: { id: string } });
    expect(events.slice(-2).map((m) => JSON.stringify(m).includes('office-b') ? 'b' : 'a')).toEqual(['a', 'b']);
  });
});
