import type { TestApi } from '../libs/testing/src/http';
import { startAdminApi } from './support/admin-api';
import { COMMAND_SAMPLES, samplePathIds } from './support/command-samples';
import { type EndpointRow, fillPath, readEndpointTable } from './support/endpoint-table';
import { type Cast, CORE_CRITERIA, Journey, applicationBody, castFor, registerBody } from './support/journey';

const TABLE = readEndpointTable();
const route = (row: EndpointRow) => `${row.method} ${row.path}`;
/** Commands that may address a stream with no events: the registrations, and a person's record (it needs none). */
const isRegistration = (row: EndpointRow) => row.command === 'RegisterCentre' || row.command === 'RegisterAuditor' || row.path.startsWith('/persons/');

describe('validation, 404, 412 and 422 on every command endpoint', () => {
  let api: TestApi;
  let cast: Cast;
  let journey: Journey;

  beforeAll(async () => {
    api = await startAdminApi('e2e_validation');
    cast = await castFor(api);
    journey = new Journey(api, cast);
    await journey.registerAuditors();
  });
  afterAll(() => api?.close());

  /** A token of a role the row allows: the centre's own representative, or the auditor named in the path. */
  async function allowedToken(row: EndpointRow, centreId: string, auditorId = 'auditor-lead'): Promise<string> {
    const role = row.roles[0];
    if (role === 'centre') return cast.centre(centreId);
    if (role === 'auditor') return api.token('auditor', row.path.startsWith('/auditors/') ? centreId : auditorId);
    return api.token(role, `${role}-1`);
  }

  const send = async (row: EndpointRow, id: string, body: unknown, headers?: Record<string, string>) =>
    api.http.request(row.method, fillPath(row.path, samplePathIds(id)), { token: await allowedToken(row, id), body, headers });

  it('answers 400 naming the offending field, for a broken body on every endpoint', async () => {
    for (const row of TABLE) {
      const sample = COMMAND_SAMPLES[row.command];
      const result = await send(row, 'validation-centre', sample.invalid);
      expect(`${route(row)} → ${result.status}`).toBe(`${route(row)} → 400`);
      expect({ route: route(row), fields: result.body.errors.map((e: { field: string }) => e.field) }).toEqual({ route: route(row), fields: expect.arrayContaining([sample.invalidField]) });
    }
  });

  it('rejects unknown fields everywhere, so nothing unchecked reaches an event (400, field named)', async () => {
    for (const row of TABLE) {
      const body = { ...(COMMAND_SAMPLES[row.command].valid('validation-centre') as object), sneaky: 1 };
      const result = await send(row, 'validation-centre', body);
      expect(`${route(row)} → ${result.status} ${JSON.stringify(result.body.errors)}`).toBe(`${route(row)} → 400 [{"field":"sneaky","message":"property sneaky should not exist"}]`);
    }
  });

  it('never answers 500, whatever the body', async () => {
    const junk: Array<string | undefined> = ['[]', '"text"', 'null', '{"a":', '{"__proto__":{"x":1}}', '{"answers":{"constructor":{"prototype":1}}}', '123', undefined];
    for (const row of TABLE) {
      for (const body of junk) {
        const result = await send(row, 'validation-centre', body);
        expect(`${route(row)} ${body} → ${result.status < 500 ? 'handled' : result.status}`).toBe(`${route(row)} ${body} → handled`);
      }
    }
  });

  it('checks the application in depth: answers keyed by criterion id, nested ICR, array bounds', async () => {
    const row = TABLE.find((r) => r.command === 'SubmitApplication')!;
    const good = applicationBody('initial');
    const cases: Array<[unknown, string, RegExp]> = [
      [{ ...good, answers: { 'not a criterion!': { compliance: 'met', comment: '' } } }, 'answers', /answers key "not a criterion!"/],
      [{ ...good, answers: { '1a': { compliance: 'perfect', comment: '' } } }, 'answers', /answers\.1a\.compliance must be one of/],
      [{ ...good, answers: { '1a': { compliance: 'met', comment: '', score: 5 } } }, 'answers', /answers\.1a\.property score should not exist/],
      [{ ...good, answers: {} }, 'answers', /between 1 and 300/],
      [{ ...good, answers: ['1a'] }, 'answers', /object keyed by criterion id/],
      [{ ...good, icr: { caseReferences: good.icr.caseReferences } }, 'icr.summary', /summary/],
      [{ ...good, icr: { ...good.icr, caseReferences: Array.from({ length: 501 }, (_, i) => `C-${i}`) } }, 'icr.caseReferences', /500/],
      [{ ...good, icr: { ...good.icr, caseReferences: ['C-1', 'C-1'] } }, 'icr.caseReferences', /unique/],
      [{ ...good, icr: { ...good.icr, caseReferences: ['Jane Doe, born 1950'] } }, 'icr.caseReferences', /reference/],
      [{ ...good, icr: 'thirty cases' }, 'icr', /object/],
      [{ ...good, kind: 'renewal' }, 'kind', /kind must be one of/],
    ];
    for (const [body, field, message] of cases) {
      const result = await send(row, 'validation-centre', body);
      expect(result.status).toBe(400);
      const error = result.body.errors.find((e: { field: string }) => e.field === field);
      expect({ field, message: error?.message }).toEqual({ field, message: expect.stringMatching(message) });
    }
  });

  it('answers 400 for malformed path ids and headers', async () => {
    // With the import capability, so that X-Occurred-At reaches the header check (without it: 403 ImportCapabilityRequired).
    const office = await api.token('office', 'clerk-import', undefined, 'import');
    const badPath = await api.http.post('/centres/NOT_AN_ID/enrolment', { token: office, body: { feeReference: 'F' } });
    expect(badPath.status).toBe(400);
    expect(badPath.body.errors[0].field).toBe('path');
    const badCriterion = await api.http.put('/centres/c-1/audits/a-1/criteria/1a%20OR%201=1', { token: cast.auditor, body: { met: true, note: '' } });
    expect(badCriterion.status).toBe(400);
    expect(badCriterion.body.errors[0].field).toBe('path');
    const badHeaders: Array<Record<string, string>> = [{ 'If-Match': 'yesterday' }, { 'X-Occurred-At': 'last spring' }, { 'Idempotency-Key': 'ünïcode key' }];
    for (const headers of badHeaders) {
      const result = await api.http.post('/centres/c-1/enrolment', { token: office, body: { feeReference: 'F' }, headers });
      expect({ headers, status: result.status, field: result.body.errors?.[0]?.field }).toEqual({ headers, status: 400, field: 'headers' });
    }
  });

  it('answers 404 for an unknown centre or auditor on every endpoint but the registrations', async () => {
    for (const row of TABLE.filter((r) => !isRegistration(r))) {
      const result = await send(row, 'nobody-registered-this', COMMAND_SAMPLES[row.command].valid('nobody-registered-this'));
      expect(`${route(row)} → ${result.status}`).toBe(`${route(row)} → 404`);
    }
  });

  it('answers 412 with the current ETag to a stale If-Match, on every endpoint', async () => {
    const centreId = 'stale-centre';
    await journey.post('/centres', cast.office, registerBody(centreId));
    await journey.post(`/centres/${centreId}/procedure-volume`, cast.office, { proceduresPerYear: 300 });
    const auditorId = 'stale-auditor';
    await journey.post('/auditors', cast.office, { auditorId, country: 'IT', specialties: [] });
    await journey.post(`/auditors/${auditorId}/conflicts`, cast.office, { centreId, description: 'Relative works there' });
    const personId = 'stale-person';
    await journey.post(`/persons/${personId}/interests`, cast.office, { statement: 'None' });
    await journey.post(`/persons/${personId}/consultations`, cast.office, { centreId, description: 'Advised them' });
    for (const row of TABLE) {
      const id = row.path.startsWith('/auditors') ? auditorId : row.path.startsWith('/persons') ? personId : centreId;
      const result = await send(row, id, COMMAND_SAMPLES[row.command].valid(id), { 'If-Match': '"0"' });
      expect(`${route(row)} → ${result.status} ETag ${result.headers.get('etag')}`).toBe(`${route(row)} → 412 ETag "1"`);
    }
    const events = await journey.events(centreId);
    expect(events.map((e) => e.type)).toEqual(['CentreRegistered', 'ProcedureVolumeUpdated']);
  });

  it('answers 422 with the name of the broken rule', async () => {
    const id = 'rule-centre';
    await journey.post('/centres', cast.office, registerBody(id, 100));
    await journey.post(`/centres/${id}/sign-off`, cast.office, { signatory: 'head_of_department', signatoryId: 'hod-1' });
    const volume = await api.http.post(`/centres/${id}/enrolment`, { token: cast.office, body: { feeReference: 'F-1' } });
    expect(volume.body).toMatchObject({ statusCode: 422, error: 'Unprocessable Entity', rule: 'ProcedureVolumeBelowMinimum', message: expect.stringMatching(/150/) });
    await journey.post(`/centres/${id}/procedure-volume`, cast.office, { proceduresPerYear: 151 });
    await journey.post(`/centres/${id}/enrolment`, cast.office, { feeReference: 'F-1' });
    const twice = await api.http.post('/centres', { token: cast.office, body: registerBody(id) });
    expect(twice.status).toBe(422);
    expect(twice.body.rule).toBe('CentreAlreadyRegistered');
    const rep = await cast.centre(id);
    const short = applicationBody('initial');
    short.icr.caseReferences = short.icr.caseReferences.slice(0, 29);
    const icr = await api.http.post(`/centres/${id}/applications`, { token: rep, body: short });
    expect(icr.body).toMatchObject({ statusCode: 422, rule: 'InternalCaseReviewIncomplete' });
    const unanswered = await api.http.post(`/centres/${id}/applications`, { token: rep, body: applicationBody('initial', CORE_CRITERIA.slice(1)) });
    expect(unanswered.body).toMatchObject({ statusCode: 422, rule: 'CoreCriteriaUnanswered' });
    await journey.post(`/centres/${id}/applications`, rep, applicationBody('initial'));
    const auditId = await journey.auditing(id);
    const unknown = await api.http.put(`/centres/${id}/audits/${auditId}/criteria/99z`, { token: cast.auditor, body: { met: true, note: '' } });
    expect(unknown.body).toMatchObject({ statusCode: 422, rule: 'UnknownCriterion' });
    const notAppointed = await api.http.put(`/centres/${id}/audits/${auditId}/criteria/1a`, { token: cast.auditor2, body: { met: true, note: '' } });
    expect(notAppointed.body).toMatchObject({ statusCode: 422, rule: 'OnlyAppointedAuditorsAssess' });
  });
});
