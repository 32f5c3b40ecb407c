import type { TestApi } from '../libs/testing/src/http';
import { startAdminApi } from './support/admin-api';
import { AUDITOR, type Cast, Journey, castFor } from './support/journey';

/** Issue 9, section 4, over HTTP: the register of persons and the centre's permissions reach the domain's rules. */
describe('separation of duties and who may do what, over HTTP', () => {
  let api: TestApi;
  let cast: Cast;
  let journey: Journey;

  beforeAll(async () => {
    api = await startAdminApi('e2e_separation');
    cast = await castFor(api);
    journey = new Journey(api, cast);
    await journey.registerAuditors();
  });
  afterAll(() => api?.close());

  it('a committee member who is not an auditor declares a conflict on their person record; they cannot decide for that centre', async () => {
    const id = 'conflicted-decision';
    const member = 'committee-not-an-auditor';
    const token = await api.token('committee', member);
    await journey.readyForDecision(id);
    const declared = await journey.post(`/persons/${member}/conflicts`, token, { centreId: id, description: 'Former head of IR there' });
    expect(declared).toMatchObject({ streamId: `person-${member}`, events: [{ type: 'PersonConflictDeclared', data: { personId: member, centreId: id, declaredBy: member } }] });
    const refused = await api.http.post(`/centres/${id}/accreditation`, { token, body: {} });
    expect(refused.body).toMatchObject({ statusCode: 422, rule: 'ConflictedPersonCannotDecide' });
    // Someone else's record is not theirs to write.
    const foreign = await api.http.post(`/persons/somebody-else/conflicts`, { token, body: { centreId: id, description: 'x' } });
    expect(foreign.status).toBe(403);
  });

  it('an auditor who declares a conflict after the appointment can no longer act on the audit', async () => {
    const id = 'conflict-after-appointment';
    await journey.enrolled(id);
    await journey.applied(id);
    const auditId = await journey.auditing(id);
    await journey.post(`/persons/${AUDITOR}/conflicts`, cast.auditor, { centreId: id, description: 'Spouse took a post there' });
    const judged = await api.http.put(`/centres/${id}/audits/${auditId}/criteria/1a`, { token: cast.auditor, body: { met: true, note: '' } });
    expect(judged.body).toMatchObject({ statusCode: 422, rule: 'ConflictedAuditorCannotAct' });
  });

  it("the centre's contact person cannot relinquish, nor can a suspended centre; the sign-off is the office's", async () => {
    const id = 'permissions-centre';
    await journey.accredited(id);
    const contact = await api.token('centre', `contact-${id}`, id);
    const byContact = await api.http.post(`/centres/${id}/relinquishment`, { token: contact, body: { reason: 'Closing' } });
    expect(byContact.body).toMatchObject({ statusCode: 422, rule: 'OnlyRepresentativeActsLegally' });
    const signOff = await api.http.post(`/centres/${id}/sign-off`, { token: await cast.centre(id), body: { signatory: 'head_of_department', signatoryId: 'hod-1' } });
    expect(signOff.status).toBe(403);
    await journey.post(`/centres/${id}/suspension`, cast.committee, { reason: 'seal_misuse', note: 'Seal on a brochure' });
    const whileSuspended = await api.http.post(`/centres/${id}/relinquishment`, { token: await cast.centre(id), body: { reason: 'Closing' } });
    expect(whileSuspended.body).toMatchObject({ statusCode: 422, rule: 'RelinquishWhileSuspended' });
  });
});
