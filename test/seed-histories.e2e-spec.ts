import type { TestApi } from '../libs/testing/src/http';
import { type HistoryImport, startHistoryImport } from './support/history-import';
import { ALL_CRITERIA, AUDITOR, AUDITOR_2, COMMITTEE, COMMITTEE_2, type Cast, Journey, applicationBody, expectStatus, registerBody, representativeOf } from './support/journey';

/**
 * The seeds' real histories, keyed in over HTTP by an office clerk holding the import capability,
 * each fact on behalf of the person who really acted, then read back through the compliance replay.
 * (St. Jude's enrolment is imported in test/history-import.e2e-spec.ts.) The engine's clock stands
 * in January 2026.
 */
describe('the seeds\' histories imported over HTTP', () => {
  let history: HistoryImport;
  let api: TestApi;
  let cast: Cast;
  let journey: Journey;
  const NOW = '2026-01-15T09:00:00.000Z';

  beforeAll(async () => {
    history = await startHistoryImport('seed_histories', 'clerk-seeds', new Date(NOW));
    ({ api, cast, journey } = history);
  });
  afterAll(() => api?.close());

  const imported = (...args: Parameters<HistoryImport['imported']>) => history.imported(...args);

  const replay = (centreId: string, query: string) => history.replay(centreId, query);

  /** An audit opened, one auditor appointed, every criterion judged met and the audit passed, each on its real date. */
  async function auditPassed(centreId: string, auditorId: string, dates: { opened: string; appointed: string; judged: string; completed: string }) {
    const opened = await imported(`/centres/${centreId}/audits`, dates.opened, { dueDate: dates.completed });
    const auditId: string = opened.events.at(-1).data.auditId;
    await imported(`/centres/${centreId}/audits/${auditId}/auditors`, dates.appointed, { auditorId });
    for (const criterionId of ALL_CRITERIA) {
      await imported(`/centres/${centreId}/audits/${auditId}/criteria/${criterionId}`, dates.judged, { met: true, note: 'verified on site' }, `auditor:${auditorId}`, 'put');
    }
    await imported(`/centres/${centreId}/audits/${auditId}/completion`, dates.completed, { recommendation: 'pass', reason: 'Every core and extended criterion met' }, `auditor:${auditorId}`);
    return auditId;
  }

  const OLD_VALID_UNTIL = '2024-04-15T09:00:00.000Z';

  /** Strasbourg's real history up to its excellence audit, passed before validUntil; returns that audit's id. */
  async function strasbourgUntilExcellenceAudit(id: string, feeReferencePrefix: string): Promise<string> {
    const rep = `centre:${representativeOf(id)}`;
    await imported('/centres', '2019-05-06T09:00:00Z', { ...registerBody(id, 600), name: 'Interventional Radiology', institution: 'Hôpitaux Universitaires de Strasbourg' });
    await imported(`/centres/${id}/sign-off`, '2019-05-06T10:00:00Z', { signatory: 'head_of_department', signatoryId: 'hod-hus' }, 'office:office-1');
    await imported(`/centres/${id}/enrolment`, '2019-05-20T09:00:00Z', { feeReference: `${feeReferencePrefix}-2019` }, 'office:office-1');
    await imported(`/centres/${id}/applications`, '2019-10-01T09:00:00Z', applicationBody('initial'), rep);
    await auditPassed(id, AUDITOR, { opened: '2019-10-15T09:00:00Z', appointed: '2019-10-16T09:00:00Z', judged: '2020-02-03T09:00:00Z', completed: '2020-02-10T09:00:00Z' });
    const granted = await imported(`/centres/${id}/accreditation`, '2020-04-15T09:00:00Z', {}, `committee:${COMMITTEE}`);
    expect(granted.events.at(-1)).toMatchObject({ type: 'AccreditationGranted', data: { decidedBy: COMMITTEE, validFrom: '2020-04-15T09:00:00.000Z', validUntil: OLD_VALID_UNTIL } });
    for (const year of [2020, 2021, 2022, 2023]) await imported(`/centres/${id}/enrolment/renewal`, `${year}-05-10T09:00:00Z`, { feeReference: `${feeReferencePrefix}-${year + 1}` }, 'office:office-1');

    // The excellence application is lodged and its audit passed before validUntil.
    await imported(`/centres/${id}/applications`, '2024-01-08T09:00:00Z', applicationBody('excellence'), rep);
    return auditPassed(id, AUDITOR_2, { opened: '2024-01-10T09:00:00Z', appointed: '2024-01-11T09:00:00Z', judged: '2024-03-20T09:00:00Z', completed: '2024-03-25T09:00:00Z' });
  }

  it('Strasbourg: accredited April 2020, covered without a gap, Centre of Excellence from the old validUntil (decided July 2024)', async () => {
    const id = 'hus-strasbourg';
    const excellenceAuditId = await strasbourgUntilExcellenceAudit(id, 'FEE');

    // The first fact past validUntil: the pending-decision period is recorded before it, at validUntil.
    const feePaid = await imported(`/centres/${id}/enrolment/renewal`, '2024-05-10T09:00:00Z', { feeReference: 'FEE-2025' }, 'office:office-1');
    expect(feePaid.events.map((e: { type: string }) => e.type)).toEqual(['AccreditationExtendedPendingDecision', 'EnrolmentRenewed']);
    expect(feePaid.events[0].data).toMatchObject({ validUntil: OLD_VALID_UNTIL, extendedAt: OLD_VALID_UNTIL, extendedUntil: '2024-10-15T09:00:00.000Z', auditId: excellenceAuditId });

    const sealed = await imported(`/centres/${id}/excellence-seal`, '2024-07-02T09:00:00Z', {}, `committee:${COMMITTEE_2}`);
    expect(sealed.events.map((e: { type: string }) => e.type)).toEqual(['ExcellenceSealAwarded']);
    expect(sealed.events[0].data).toMatchObject({ auditId: excellenceAuditId, decidedBy: COMMITTEE_2, decidedAt: '2024-07-02T09:00:00.000Z', validFrom: OLD_VALID_UNTIL, validUntil: '2028-04-15T09:00:00.000Z' });
    await imported(`/centres/${id}/enrolment/renewal`, '2025-05-10T09:00:00Z', { feeReference: 'FEE-2026' }, 'office:office-1');

    // Nothing was ever expired, and no timer was dated anywhere but at its own instant.
    const events = await journey.events(id);
    expect(events.map((e) => e.type)).not.toContain('AccreditationExpired');
    expect(events.filter((e) => e.type === 'RenewalReminderIssued').map((e) => e.metadata.occurredAt)).toEqual(['2023-10-15T09:00:00.000Z', '2024-01-15T09:00:00.000Z']);
    const instants = events.map((e) => Date.parse(String(e.metadata.occurredAt)));
    expect(instants).toEqual([...instants].sort((a, b) => a - b));

    // Covered on every date asked, 2020 to 2025: accredited (pending the decision after validUntil), then the seal.
    const statusAsOf = async (at: string) => {
      const { state, implied } = await replay(id, `asOf=${at}`);
      expect(implied).toEqual([]);
      return [at, state.status];
    };
    const dates: Array<[string, string]> = [
      ['2020-04-14T09:00:00Z', 'AwaitingDecision'],
      ['2020-04-15T09:00:00Z', 'Accredited'],
      ['2020-12-31T00:00:00Z', 'Accredited'],
      ['2021-06-01T00:00:00Z', 'Accredited'],
      ['2022-06-01T00:00:00Z', 'Accredited'],
      ['2023-06-01T00:00:00Z', 'Accredited'],
      ['2024-04-14T09:00:00Z', 'Accredited'],
      ['2024-04-15T08:59:59Z', 'Accredited'],
      ['2024-04-15T09:00:00Z', 'Accredited'],
      ['2024-04-15T23:59:59Z', 'Accredited'],
      ['2024-05-01T00:00:00Z', 'Accredited'],
      ['2024-06-15T00:00:00Z', 'Accredited'],
      ['2024-07-01T23:59:59Z', 'Accredited'],
      ['2024-07-02T09:00:00Z', 'CentreOfExcellence'],
      ['2025-01-01T00:00:00Z', 'CentreOfExcellence'],
      ['2025-12-31T00:00:00Z', 'CentreOfExcellence'],
    ];
    const seen: unknown[] = [];
    for (const [at] of dates) seen.push(await statusAsOf(at));
    expect(seen).toEqual(dates.map(([at, status]) => [at, status]));

    // The state as of the seal: its term runs from the old validUntil for four years, after the accreditation's.
    const asOfSeal = await replay(id, 'asOf=2024-07-02T09:00:00Z');
    expect(asOfSeal.state.award).toMatchObject({ validFrom: OLD_VALID_UNTIL, validUntil: '2028-04-15T09:00:00.000Z', decidedBy: COMMITTEE_2 });
    expect(asOfSeal.state.terms.map((t: { kind: string; validFrom: string; validUntil: string }) => [t.kind, t.validFrom, t.validUntil])).toEqual([
      ['accreditation', '2020-04-15T09:00:00.000Z', OLD_VALID_UNTIL],
      ['excellence', OLD_VALID_UNTIL, '2028-04-15T09:00:00.000Z'],
    ]);

    // As the engine knew it: nothing before the import, the whole story after; the deciders are the committee members, the clerk the recorder.
    expect((await replay(id, 'knownAt=2026-01-14T00:00:00Z')).state.status).toBe('Unregistered');
    const known = await replay(id, `knownAt=${NOW}`);
    expect(known.state.status).toBe('CentreOfExcellence');
    type Entry = { type: string; actorId: string; actorRole: string; recordedById: string; occurredAt: string; recordedAt: string };
    const entry = (type: string) => (known.trail as Entry[]).find((e) => e.type === type)!;
    expect(entry('AccreditationGranted')).toMatchObject({ actorId: COMMITTEE, actorRole: 'committee', recordedById: 'clerk-seeds', occurredAt: '2020-04-15T09:00:00.000Z', recordedAt: NOW });
    expect(entry('ExcellenceSealAwarded')).toMatchObject({ actorId: COMMITTEE_2, actorRole: 'committee', recordedById: 'clerk-seeds', occurredAt: '2024-07-02T09:00:00.000Z', recordedAt: NOW });
    expect(entry('AccreditationExtendedPendingDecision')).toMatchObject({ actorId: 'deadline-jobs', actorRole: 'system', occurredAt: OLD_VALID_UNTIL, recordedAt: NOW });
    expect(entry('AuditPassed')).toMatchObject({ actorId: AUDITOR, actorRole: 'auditor', recordedById: 'clerk-seeds' });
    // Every fact keyed in names the clerk as recorder, and none the clerk as actor.
    const keyedIn = (known.trail as Entry[]).filter((e) => e.actorRole !== 'system');
    expect(keyedIn.every((e) => e.recordedById === 'clerk-seeds')).toBe(true);
    expect(keyedIn.filter((e) => e.actorId === 'clerk-seeds').map((e) => e.type)).toEqual(['CentreRegistered', 'AuditOpened', 'AuditorAppointed', 'AuditOpened', 'AuditorAppointed']);

    const verification = expectStatus(await api.http.get(`/centres/${id}/audit-trail/verification`, { token: cast.compliance }), 200).body;
    expect(verification).toMatchObject({ intact: true, verified: events.length });
  });

  it('the same history with the seal as the first fact past validUntil: the period is recorded first, at validUntil, in the same decision', async () => {
    const id = 'hus-strasbourg-b';
    const excellenceAuditId = await strasbourgUntilExcellenceAudit(id, 'FEE-B');
    const sealed = await imported(`/centres/${id}/excellence-seal`, '2024-05-14T09:00:00Z', {}, `committee:${COMMITTEE_2}`);
    expect(sealed.events.map((e: { type: string }) => e.type)).toEqual(['AccreditationExtendedPendingDecision', 'ExcellenceSealAwarded']);
    expect(sealed.events[0].data).toMatchObject({ validUntil: OLD_VALID_UNTIL, extendedAt: OLD_VALID_UNTIL, auditId: excellenceAuditId });
    expect(sealed.events[1].data).toMatchObject({ decidedBy: COMMITTEE_2, validFrom: OLD_VALID_UNTIL, validUntil: '2028-04-15T09:00:00.000Z' });
    const statuses: string[] = [];
    for (const at of ['2024-04-14T09:00:00Z', '2024-04-15T09:00:00Z', '2024-05-13T00:00:00Z', '2024-05-14T09:00:00Z', '2024-06-15T00:00:00Z']) statuses.push((await replay(id, `asOf=${at}`)).state.status);
    expect(statuses).toEqual(['Accredited', 'Accredited', 'Accredited', 'CentreOfExcellence', 'CentreOfExcellence']);
    const [extended] = (await journey.events(id)).filter((e) => e.type === 'AccreditationExtendedPendingDecision');
    expect(extended.metadata).toMatchObject({ occurredAt: OLD_VALID_UNTIL, recordedAt: NOW });
    expect(expectStatus(await api.http.get(`/centres/${id}/audit-trail/verification`, { token: cast.compliance }), 200).body).toMatchObject({ intact: true });
  });
});
