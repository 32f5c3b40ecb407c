import type { RecordedEvent } from '@accreditation/event-store';
import type { HttpResult, TestApi } from '../libs/testing/src/http';
import { startAdminApi } from './support/admin-api';
import { ALL_CRITERIA, type Cast, Journey, castFor, registerBody } from './support/journey';

/** Every revision once, in order, each event chained to the one before it, no event id twice. */
function expectIntactStream(events: RecordedEvent[]): void {
  expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
  expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  for (let i = 1; i < events.length; i++) expect(events[i].metadata.previousHash).toBe(events[i - 1].metadata.hash);
}

const statuses = (results: HttpResult[]) => results.reduce<Record<number, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});

describe('concurrency, idempotency and correlation over HTTP', () => {
  let api: TestApi;
  let cast: Cast;
  let journey: Journey;

  beforeAll(async () => {
    api = await startAdminApi('e2e_concurrency');
    cast = await castFor(api);
    journey = new Journey(api, cast);
    await journey.registerAuditors();
  });
  afterAll(() => api?.close());

  it('20 racing writers with the same If-Match: exactly one wins, 19 get 412, one event is appended', async () => {
    const id = 'race-if-match';
    await journey.registered(id);
    const before = await journey.events(id);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api.http.post(`/centres/${id}/procedure-volume`, { token: cast.office, body: { proceduresPerYear: 200 + i }, headers: { 'If-Match': `"${before.length - 1}"` } }),
      ),
    );
    expect(statuses(results)).toEqual({ 201: 1, 412: 19 });
    const after = await journey.events(id);
    expect(after.length).toBe(before.length + 1);
    const winner = results.find((r) => r.status === 201)!;
    expect(after.at(-1)!.id).toBe(winner.body.events[0].id);
    expect(winner.headers.get('etag')).toBe(`"${after.length - 1}"`);
    expectIntactStream(after);
  });

  it('20 racing writers without If-Match: each either lands exactly once or gets 409; nothing lost, nothing doubled', async () => {
    const id = 'race-retries';
    await journey.enrolled(id);
    await journey.applied(id);
    const auditId = await journey.auditing(id);
    const before = await journey.events(id);
    const criteria = ALL_CRITERIA.slice(0, 20);
    const results = await Promise.all(
      criteria.map((criterionId) => api.http.put(`/centres/${id}/audits/${auditId}/criteria/${criterionId}`, { token: cast.auditor, body: { met: true, note: criterionId } })),
    );
    const won = results.filter((r) => r.status === 200);
    expect(won.length + results.filter((r) => r.status === 409).length).toBe(20);
    expect(won.length).toBeGreaterThanOrEqual(6); // the first writer always wins, and each retry round lets at least one more in
    const after = await journey.events(id);
    const judged = after.slice(before.length);
    expect(judged.length).toBe(won.length);
    expect(judged.map((e) => e.id).sort()).toEqual(won.map((r) => r.body.events[0].id).sort());
    expect(judged.every((e) => e.type === 'CriterionJudged')).toBe(true);
    expect(new Set(judged.map((e) => (e.data as { criterionId: string }).criterionId)).size).toBe(judged.length);
    for (const result of results.filter((r) => r.status === 409)) expect(result.body.message).toMatch(/retry/);
    expectIntactStream(after);
  });

  it('the same Idempotency-Key twice: one set of events, same minted ids, the same body (replayed: true)', async () => {
    const id = 'idempotent-centre';
    await journey.enrolled(id);
    await journey.applied(id);
    const headers = { 'Idempotency-Key': 'open-audit-2020-01' };
    const first = await api.http.post(`/centres/${id}/audits`, { token: cast.office, body: { dueDate: '2020-06-30' }, headers });
    const second = await api.http.post(`/centres/${id}/audits`, { token: cast.office, body: { dueDate: '2020-06-30' }, headers });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(first.body.replayed).toBe(false);
    expect(second.body).toEqual({ ...first.body, replayed: true });
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    const events = await journey.events(id);
    expect(events.filter((e) => e.type === 'AuditOpened')).toHaveLength(1);

    const differently = await api.http.post(`/centres/${id}/audits`, { token: cast.office, body: { dueDate: '2020-07-31' }, headers });
    expect(differently.body).toMatchObject({ statusCode: 422, rule: 'IdempotencyKeyReused' });
    expect(await journey.events(id)).toHaveLength(events.length);
  });

  it('20 concurrent retries of one request with one Idempotency-Key append it once', async () => {
    const id = 'idempotent-race';
    await journey.readyForDecision(id);
    const headers = { 'Idempotency-Key': 'grant-once' };
    const results = await Promise.all(Array.from({ length: 20 }, () => api.http.post(`/centres/${id}/accreditation`, { token: cast.committee, body: {}, headers })));
    expect(statuses(results)).toEqual({ 201: 20 });
    const certificates = new Set(results.map((r) => r.body.events[0].data.certificateNumber));
    expect(certificates.size).toBe(1);
    expect([...certificates][0]).toMatch(/^IASIOS-2020-[0-9A-F]{8}$/);
    expect(results.filter((r) => !r.body.replayed)).toHaveLength(1);
    const events = await journey.events(id);
    expect(events.filter((e) => e.type === 'AccreditationGranted')).toHaveLength(1);
    expectIntactStream(events);
  });

  it('echoes X-Correlation-Id and records it, the actor and the command in every event; generates one when absent', async () => {
    const id = 'correlated-centre';
    const given = await api.http.post('/centres', { token: cast.office, body: registerBody(id), headers: { 'X-Correlation-Id': 'tour-2020-step-1' } });
    expect(given.status).toBe(201);
    expect(given.headers.get('x-correlation-id')).toBe('tour-2020-step-1');
    const [event] = await journey.events(id);
    expect(event.metadata).toMatchObject({
      correlationId: 'tour-2020-step-1',
      causationId: 'tour-2020-step-1',
      actor: { id: 'office-1', role: 'office' },
      commandId: given.body.commandId,
      commandType: 'RegisterCentre',
      recordedAt: '2020-01-06T09:00:00.000Z',
      occurredAt: '2020-01-06T09:00:00.000Z',
      schemeVersion: 'IASIOS-2019.1',
    });

    const generated = await api.http.post(`/centres/${id}/procedure-volume`, { token: cast.office, body: { proceduresPerYear: 300 } });
    const echoed = generated.headers.get('x-correlation-id');
    expect(echoed).toMatch(/^[0-9a-f-]{36}$/);
    expect((await journey.events(id))[1].metadata.correlationId).toBe(echoed);

    const unsafe = await api.http.post(`/centres/${id}/procedure-volume`, { token: cast.office, body: { proceduresPerYear: 310 }, headers: { 'X-Correlation-Id': 'has spaces; and <tags>' } });
    expect(unsafe.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);

    const failed = await api.http.post('/centres/nobody/enrolment', { token: cast.office, body: { feeReference: 'F' }, headers: { 'X-Correlation-Id': 'failing-call' } });
    expect(failed.status).toBe(404);
    expect(failed.headers.get('x-correlation-id')).toBe('failing-call');
    expect(failed.body.correlationId).toBe('failing-call');
  });
});
