import type { TestApi } from '../libs/testing/src/http';
import { type HistoryImport, startHistoryImport } from './support/history-import';
import { AUDITOR, COMMITTEE, CORE_CRITERIA, type Cast, Journey, applicationBody, registerBody, representativeOf } from './support/journey';

/**
 * Real histories keyed in by an office clerk holding the import capability, each fact on behalf of
 * the person who really acted, then replayed as of and as known at chosen dates. The engine's
 * clock stands in January 2026.
 */
describe('importing real histories over HTTP', () => {
  let history: HistoryImport;
  let api: TestApi;
  let cast: Cast;
  let journey: Journey;
  let clerk: string;
  const NOW = '2026-01-15T09:00:00.000Z';

  beforeAll(async () => {
    history = await startHistoryImport('history_import', 'clerk-import', new Date(NOW));
    ({ api, cast, journey, clerk } = history);
  });
  afterAll(() => api?.close());

  const imported = (...args: Parameters<HistoryImport['imported']>) => history.imported(...args);

  const stateAt = (centreId: string, query: string) => history.replay(centreId, query);

  it('St. Jude Children\'s Research Hospital: registered, sign-off attested by the office, enrolled on 2025-03-18', async () => {
    const id = 'st-jude';
    await imported('/centres', '2025-03-03T14:00:00Z', { ...registerBody(id, 160), name: 'St. Jude Children\'s Research Hospital', country: 'US', city: 'Memphis', institution: 'St. Jude' });
    await imported(`/centres/${id}/sign-off`, '2025-03-10T15:00:00Z', { signatory: 'head_of_department', signatoryId: 'hod-st-jude' }, 'office:office-1');
    const enrolled = await imported(`/centres/${id}/enrolment`, '2025-03-18T10:00:00Z', { feeReference: 'FEE-2025-0318' }, 'office:office-1');
    expect(enrolled.events[0]).toMatchObject({ type: 'CentreEnrolled', data: { enrolledAt: '2025-03-18T10:00:00.000Z', enrolledBy: 'office-1', enrolmentPaidUntil: '2026-03-18T10:00:00.000Z' } });

    const events = await journey.events(id);
    expect(events.map((e) => [e.type, e.metadata.occurredAt, e.metadata.recordedAt, e.metadata.actor, e.metadata.recordedBy])).toEqual([
      ['CentreRegistered', '2025-03-03T14:00:00.000Z', NOW, { id: 'clerk-import', role: 'office' }, { id: 'clerk-import', role: 'office' }],
      ['SignOffAttested', '2025-03-10T15:00:00.000Z', NOW, { id: 'office-1', role: 'office' }, { id: 'clerk-import', role: 'office' }],
      ['CentreEnrolled', '2025-03-18T10:00:00.000Z', NOW, { id: 'office-1', role: 'office' }, { id: 'clerk-import', role: 'office' }],
    ]);

    expect((await stateAt(id, 'asOf=2025-03-17T23:59:59Z')).state.status).toBe('Registered');
    expect((await stateAt(id, 'asOf=2025-03-18T10:00:00Z')).state).toMatchObject({ status: 'Enrolled', enrolment: { enrolledAt: '2025-03-18T10:00:00.000Z', lapsedAt: null } });
    expect((await stateAt(id, 'knownAt=2025-12-31T00:00:00Z')).state.status).toBe('Unregistered');
    const known = await stateAt(id, `knownAt=${NOW}`);
    expect(known.state.status).toBe('Enrolled');
    expect(known.trail.map((e: { recordedById: string }) => e.recordedById)).toEqual(['clerk-import', 'clerk-import', 'clerk-import']);
  });

  it('a centre from 2019: its enrolment lapse and its expiry fall between imported facts and are recorded there, at their own dates', async () => {
    const id = 'hist-2019';
    const rep = `centre:${representativeOf(id)}`;
    await imported('/centres', '2019-01-07T09:00:00Z', registerBody(id));
    await imported(`/centres/${id}/sign-off`, '2019-01-07T09:00:00Z', { signatory: 'head_of_department', signatoryId: 'hod-hist' });
    await imported(`/centres/${id}/enrolment`, '2019-01-07T09:00:00Z', { feeReference: 'FEE-2019' });
    await imported(`/centres/${id}/applications`, '2019-03-01T09:00:00Z', applicationBody('initial'), rep);
    const opened = await imported(`/centres/${id}/audits`, '2019-03-04T09:00:00Z', { dueDate: '2019-06-30T00:00:00Z' });
    const auditId: string = opened.events[0].data.auditId;
    await imported(`/centres/${id}/audits/${auditId}/auditors`, '2019-03-05T09:00:00Z', { auditorId: AUDITOR });
    // The auditor's work is imported on the auditor's behalf: nobody else may have judged it.
    const judgedByOffice = await api.http.put(`/centres/${id}/audits/${auditId}/criteria/${CORE_CRITERIA[0]}`, { token: clerk, body: { met: true, note: 'checked' }, headers: { 'X-Occurred-At': '2019-04-01T09:00:00Z' } });
    expect(judgedByOffice.status).toBe(403);
    for (const criterionId of CORE_CRITERIA) {
      await imported(`/centres/${id}/audits/${auditId}/criteria/${criterionId}`, '2019-04-01T09:00:00Z', { met: true, note: 'verified on site' }, `auditor:${AUDITOR}`, 'put');
    }
    await imported(`/centres/${id}/audits/${auditId}/completion`, '2019-04-02T09:00:00Z', { recommendation: 'pass', reason: 'All core criteria met' }, `auditor:${AUDITOR}`);
    // Separation of duties holds against the person named: the auditor cannot be imported as the decider.
    const selfDecided = await api.http.post(`/centres/${id}/accreditation`, { token: clerk, body: {}, headers: { 'X-Occurred-At': '2019-06-12T09:00:00Z', 'X-On-Behalf-Of': `committee:${AUDITOR}` } });
    expect(selfDecided.body).toMatchObject({ statusCode: 422, rule: 'AssessorCannotDecide' });
    const granted = await imported(`/centres/${id}/accreditation`, '2019-06-12T09:00:00Z', {}, `committee:${COMMITTEE}`);
    expect(granted.events[0]).toMatchObject({ type: 'AccreditationGranted', data: { decidedBy: COMMITTEE, validFrom: '2019-06-12T09:00:00.000Z', validUntil: '2023-06-12T09:00:00.000Z' } });

    // The fee was not paid in January 2020: the lapse (2020-01-07) comes before the next imported fact.
    const volume = await imported(`/centres/${id}/procedure-volume`, '2020-03-01T09:00:00Z', { proceduresPerYear: 380 });
    expect(volume.events.map((e: { type: string }) => e.type)).toEqual(['EnrolmentLapsed', 'ProcedureVolumeUpdated']);
    await imported(`/centres/${id}/enrolment`, '2020-04-01T09:00:00Z', { feeReference: 'FEE-2020' });
    for (const year of [2021, 2022, 2023]) await imported(`/centres/${id}/enrolment/renewal`, `${year}-03-15T09:00:00Z`, { feeReference: `FEE-${year}` });

    // Nothing recorded the expiry yet, but as of a date past validUntil the award had ended.
    expect((await journey.events(id)).map((e) => e.type)).not.toContain('AccreditationExpired');
    expect((await stateAt(id, 'asOf=2023-06-12T08:59:59Z')).state.status).toBe('Accredited');
    const atValidUntil = await stateAt(id, 'asOf=2023-06-12T09:00:00Z');
    expect(atValidUntil.state).toMatchObject({ status: 'Expired', ended: { kind: 'Expired', at: '2023-06-12T09:00:00.000Z' } });
    expect(atValidUntil.implied).toEqual([{ type: 'AccreditationExpired', occurredAt: '2023-06-12T09:00:00.000Z', data: { centreId: id, validUntil: '2023-06-12T09:00:00.000Z', expiredAt: '2023-06-12T09:00:00.000Z' } }]);

    // The next imported fact, after validUntil: the expiry is recorded before it, at validUntil.
    const later = await imported(`/centres/${id}/procedure-volume`, '2023-09-01T09:00:00Z', { proceduresPerYear: 410 });
    expect(later.events.map((e: { type: string }) => e.type)).toEqual(['AccreditationExpired', 'ProcedureVolumeUpdated']);

    const events = await journey.events(id);
    const timed = events.filter((e) => ['EnrolmentLapsed', 'RenewalReminderIssued', 'AccreditationExpired'].includes(e.type));
    expect(timed.map((e) => [e.type, e.metadata.occurredAt, e.metadata.actor, e.metadata.recordedBy])).toEqual([
      ['EnrolmentLapsed', '2020-01-07T09:00:00.000Z', { id: 'deadline-jobs', role: 'system' }, undefined],
      ['RenewalReminderIssued', '2022-12-12T09:00:00.000Z', { id: 'deadline-jobs', role: 'system' }, undefined],
      ['RenewalReminderIssued', '2023-03-12T09:00:00.000Z', { id: 'deadline-jobs', role: 'system' }, undefined],
      ['AccreditationExpired', '2023-06-12T09:00:00.000Z', { id: 'deadline-jobs', role: 'system' }, undefined],
    ]);
    // occurredAt never goes backwards along the stream, so every later import stays possible.
    const instants = events.map((e) => Date.parse(String(e.metadata.occurredAt)));
    expect(instants).toEqual([...instants].sort((a, b) => a - b));
    const grant = events.find((e) => e.type === 'AccreditationGranted')!;
    expect(grant.metadata).toMatchObject({ actor: { id: COMMITTEE, role: 'committee' }, recordedBy: { id: 'clerk-import', role: 'office' } });

    // Replays: what was true then, and what the engine knew then.
    expect((await stateAt(id, 'asOf=2020-02-01T00:00:00Z')).state).toMatchObject({ status: 'Accredited', enrolment: { lapsedAt: '2020-01-07T09:00:00.000Z' } });
    expect((await stateAt(id, 'asOf=2021-06-01T00:00:00Z')).state).toMatchObject({ status: 'Accredited', enrolment: { enrolledAt: '2020-04-01T09:00:00.000Z', lapsedAt: null } });
    const asOf2023 = await stateAt(id, 'asOf=2023-07-01T00:00:00Z');
    expect(asOf2023.state.status).toBe('Expired');
    expect(asOf2023.implied).toEqual([]);
    expect(asOf2023.trail.at(-1)).toMatchObject({ type: 'AccreditationExpired', occurredAt: '2023-06-12T09:00:00.000Z', recordedAt: NOW, actorId: 'deadline-jobs' });
    expect((await stateAt(id, 'knownAt=2026-01-14T00:00:00Z')).state.status).toBe('Unregistered');
    expect((await stateAt(id, `knownAt=${NOW}`)).state.status).toBe('Expired');
  });

  it('a live command can never be back-dated, and X-Occurred-At without the capability is refused', async () => {
    const id = 'st-jude';
    const liveOffice = await api.http.post(`/centres/${id}/procedure-volume`, { token: cast.office, body: { proceduresPerYear: 170 }, headers: { 'X-Occurred-At': '2026-01-15T08:59:59Z' } });
    expect(liveOffice.body).toMatchObject({ statusCode: 403, rule: 'ImportCapabilityRequired' });
    const asCommittee = await api.http.post(`/centres/${id}/procedure-volume`, { token: cast.committee, body: { proceduresPerYear: 170 }, headers: { 'X-Occurred-At': '2025-06-01T00:00:00Z' } });
    expect(asCommittee.body).toMatchObject({ statusCode: 403, rule: 'ImportCapabilityRequired' });
    // A case variant of an id is not the same person: refused at authentication.
    const variant = await api.http.post(`/centres/${id}/procedure-volume`, { token: await api.token('office', 'Office-1'), body: { proceduresPerYear: 170 } });
    expect(variant.status).toBe(401);
  });
});
