import type { TestApi } from '../libs/testing/src/http';
import { startAdminApi } from './support/admin-api';
import { readEndpointTable } from './support/endpoint-table';
import { ALL_CRITERIA, AUDITOR, AUDITOR_2, COMMITTEE, COMMITTEE_2, type Cast, Journey, applicationBody, castFor, registerBody } from './support/journey';

const YEAR_MS = 365.25 * 24 * 3600 * 1000;
const MONTH_MS = YEAR_MS / 12;

describe('a centre from registration to Centre of Excellence, over HTTP', () => {
  let api: TestApi;
  let cast: Cast;
  let journey: Journey;

  beforeAll(async () => {
    api = await startAdminApi('e2e_lifecycle', new Date('2020-01-06T09:00:00.000Z'));
    cast = await castFor(api);
    journey = new Journey(api, cast);
    await journey.registerAuditors();
  });
  afterAll(() => api?.close());

  it('registers, enrols, applies, is audited, accredited for 4 years, and after a completed term becomes a Centre of Excellence', async () => {
    const id = 'hus-strasbourg';
    const rep = await cast.centre(id);
    const at = (path: string) => `/centres/${id}${path}`;

    // Auditors: the second one declares a conflict with this centre (for themself only).
    await journey.post(`/auditors/${AUDITOR_2}/conflicts`, cast.auditor2, { centreId: id, description: 'Trained there until 2019' });
    await journey.post(`/auditors/${AUDITOR_2}/consultations`, cast.office, { centreId: 'another-centre', description: 'Advised on their 2019 self-assessment' });
    // People who are not (only) auditors: the register of persons.
    await journey.post(`/persons/${COMMITTEE_2}/consultations`, cast.office, { centreId: 'another-centre', description: 'Advised on their 2019 self-assessment' });
    await journey.post(`/persons/${COMMITTEE_2}/conflicts`, cast.committee2, { centreId: 'yet-another-centre', description: 'Trained there' });
    // The lead auditor files a declaration of interests: their appointment records it.
    await journey.post(`/persons/${AUDITOR}/interests`, cast.auditor, { statement: 'No interests in any accredited or applicant centre' });

    // Registration and eligibility.
    const registered = await journey.post('/centres', cast.office, registerBody(id, 140));
    expect(registered).toMatchObject({ streamId: `centre-${id}`, revision: 0, replayed: false, events: [{ type: 'CentreRegistered', revision: 0 }] });
    await journey.post(at('/sign-off'), cast.office, { signatory: 'hospital_director', signatoryId: 'person-director-hus' });
    const tooFew = await api.http.post(at('/enrolment'), { token: cast.office, body: { feeReference: 'FEE-2020-0001' } });
    expect(tooFew.status).toBe(422);
    expect(tooFew.body.rule).toBe('ProcedureVolumeBelowMinimum');
    await journey.post(at('/procedure-volume'), rep, { proceduresPerYear: 420 });
    const enrolled = await journey.post(at('/enrolment'), cast.office, { feeReference: 'FEE-2020-0001' });
    expect(enrolled.events[0].type).toBe('CentreEnrolled');

    // Application and audit planning.
    const submitted = await journey.post(at('/applications'), rep, applicationBody('initial'));
    expect(submitted.events[0]).toMatchObject({ type: 'ApplicationSubmitted', data: { kind: 'initial', schemeVersion: 'IASIOS-2019.1' } });
    expect(submitted.events[0].data.applicationId).toMatch(/^[0-9a-f-]{36}$/);
    const opened = await journey.post(at('/audits'), cast.office, { dueDate: '2020-03-31' });
    const auditId: string = opened.events[0].data.auditId;
    expect(opened.events[0].data.dueDate).toBe('2020-03-31T00:00:00.000Z');

    const conflicted = await api.http.post(at(`/audits/${auditId}/auditors`), { token: cast.office, body: { auditorId: AUDITOR_2 } });
    expect(conflicted.status).toBe(422);
    expect(conflicted.body.rule).toBe('ConflictedAuditorCannotBeAppointed');
    await journey.post(at(`/audits/${auditId}/objections`), rep, { auditorId: AUDITOR, grounds: 'Worked with our competitor' });
    await journey.post(at(`/audits/${auditId}/objections/${AUDITOR}/decision`), cast.committee2, { upheld: false, reason: 'No competing interest' });
    const appointed = await journey.post(at(`/audits/${auditId}/auditors`), cast.office, { auditorId: AUDITOR });
    expect(appointed.events[0]).toMatchObject({ type: 'AuditorAppointed', data: { auditorId: AUDITOR, conflictsDeclared: true } });

    // Assessment: evidence, a major finding and its corrective action, judgements.
    const requested = await journey.post(at(`/audits/${auditId}/evidence-requests`), cast.auditor, { description: 'M&M minutes 2019' });
    const requestId: string = requested.events[0].data.requestId;
    await journey.post(at(`/audits/${auditId}/evidence-requests/${requestId}/evidence`), rep, { documentReferences: ['DMS:2020/mm-2019.pdf'] });
    const raised = await journey.post(at(`/audits/${auditId}/findings`), cast.auditor, { grade: 'major', criterionId: '10c', description: 'No complication register' });
    const findingId: string = raised.events[0].data.findingId;
    expect(raised.events[0].data.dueDate).toBe('2020-04-05T09:00:00.000Z');
    await journey.judge(id, auditId, ALL_CRITERIA);
    const blocked = await api.http.post(at(`/audits/${auditId}/completion`), { token: cast.auditor, body: { recommendation: 'pass', reason: 'ok' } });
    expect(blocked.status).toBe(422);
    expect(blocked.body.rule).toBe('MajorFindingOpen');
    await journey.post(at(`/findings/${findingId}/corrective-action`), rep, { plan: 'Register in the RIS from March' });
    await journey.post(at(`/findings/${findingId}/corrective-action/acceptance`), cast.auditor, {});
    await journey.post(at(`/findings/${findingId}/closure`), cast.auditor, {});
    const passed = await journey.post(at(`/audits/${auditId}/completion`), cast.auditor, { recommendation: 'pass', reason: 'All criteria met' });
    expect(passed.events[0]).toMatchObject({ type: 'AuditPassed', data: { allExtendedMet: true } });

    // Separation of duties: an auditor of the audit may not decide it, even with a committee token.
    const assessorDeciding = await api.http.post(at('/accreditation'), { token: await api.token('committee', AUDITOR), body: {} });
    expect(assessorDeciding.status).toBe(422);
    expect(assessorDeciding.body.rule).toBe('AssessorCannotDecide');

    const granted = await journey.post(at('/accreditation'), cast.committee, {});
    const grant = granted.events[0];
    expect(grant).toMatchObject({ type: 'AccreditationGranted', data: { auditId, validFrom: '2020-01-06T09:00:00.000Z', validUntil: '2024-01-06T09:00:00.000Z', decidedBy: COMMITTEE } });
    expect(grant.data.certificateNumber).toMatch(/^IASIOS-2020-[0-9A-F]{8}$/);

    // Too early for the seal; then four yearly fee renewals while the term runs.
    for (let year = 1; year <= 4; year++) {
      api.clock.advance(11 * MONTH_MS);
      const renewed = await journey.post(at('/enrolment/renewal'), cast.office, { feeReference: `FEE-${2020 + year}-0001` });
      // A renewal reminder that fell due meanwhile is recorded first, at its own instant.
      expect(renewed.events.map((e: { type: string }) => e.type)).toContain('EnrolmentRenewed');
    }
    const reapplied = await journey.post(at('/applications'), rep, applicationBody('excellence'));
    expect(reapplied.events[0].data.kind).toBe('excellence');
    const reopened = await journey.post(at('/audits'), cast.office, { dueDate: '2024-03-31T00:00:00Z' });
    const excellenceAuditId: string = reopened.events[0].data.auditId;
    await journey.post(at(`/audits/${excellenceAuditId}/auditors`), cast.office, { auditorId: AUDITOR });
    await journey.passed(id, excellenceAuditId, ALL_CRITERIA);

    // Decided while the accreditation is in force: the term is complete at the seal's start (the old validUntil).
    const sealed = await journey.post(at('/excellence-seal'), cast.committee, {});
    // No expiry first: the seal is decided while the accreditation is in force.
    expect(sealed.events.map((e: { type: string }) => e.type)).not.toContain('AccreditationExpired');
    expect(sealed.events.at(-1)).toMatchObject({
      type: 'ExcellenceSealAwarded',
      data: { auditId: excellenceAuditId, validFrom: '2024-01-06T09:00:00.000Z', validUntil: '2028-01-06T09:00:00.000Z' },
    });
    expect(sealed.events.at(-1).data.certificateNumber).toMatch(/^IASIOS-2023-[0-9A-F]{8}$/);
    const twice = await api.http.post(at('/excellence-seal'), { token: cast.committee, body: {} });
    expect(twice.status).toBe(422);

    // The stream holds the whole story, in order, hash-chained.
    const events = await journey.events(id);
    expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
    expect(events.at(-1)?.type).toBe('ExcellenceSealAwarded');
    for (let i = 1; i < events.length; i++) expect(events[i].metadata.previousHash).toBe(events[i - 1].metadata.hash);
  });

  it('refusal, then an appeal decided by an independent committee member', async () => {
    const id = 'refused-centre';
    const auditId = await journey.readyForDecision(id);
    const refused = await journey.post(`/centres/${id}/refusal`, cast.committee, { reasons: ['Criterion 10c evidence weak'] });
    expect(refused.events[0]).toMatchObject({ type: 'AccreditationRefused', data: { auditId, reasons: ['Criterion 10c evidence weak'] } });
    const lodged = await journey.post(`/centres/${id}/appeals`, await cast.centre(id), { against: 'refusal', grounds: 'The register existed' });
    const appealId: string = lodged.events[0].data.appealId;
    const sameDecider = await api.http.post(`/centres/${id}/appeals/${appealId}/decision`, { token: cast.committee, body: { outcome: 'dismissed', reason: 'x' } });
    expect(sameDecider.status).toBe(422);
    const decided = await journey.post(`/centres/${id}/appeals/${appealId}/decision`, cast.committee2, { outcome: 'dismissed', reason: 'Register introduced after the audit' });
    expect(decided.events[0]).toMatchObject({ type: 'AppealDecided', data: { appealId, outcome: 'dismissed', decidedBy: COMMITTEE_2 } });
  });

  it('suspension (never past the limit), reinstatement, withdrawal, and a correction that names the corrected event', async () => {
    const id = 'suspended-centre';
    await journey.accredited(id);
    const tooLong = await api.http.post(`/centres/${id}/suspension`, { token: cast.committee, body: { reason: 'unpaid_fees', note: 'Fee 2020', suspendedUntil: '2030-01-01' } });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.rule).toBe('SuspensionLimitExceeded');
    const suspended = await journey.post(`/centres/${id}/suspension`, cast.committee, { reason: 'unpaid_fees', note: 'Fee 2020 unpaid' });
    expect(suspended.events[0].type).toBe('AccreditationSuspended');
    await journey.post(`/centres/${id}/reinstatement`, cast.committee, {});
    const withdrawn = await journey.post(`/centres/${id}/withdrawal`, cast.committee, { reason: 'Seal misused after reinstatement' });
    expect(withdrawn.events[0].type).toBe('AccreditationWithdrawn');

    const events = await journey.events(id);
    const enrolment = events.find((e) => e.type === 'CentreEnrolled')!;
    const corrected = await journey.post(`/centres/${id}/corrections`, cast.office, { correctsEventId: enrolment.id, description: 'Fee reference mistyped' });
    expect(corrected.events[0]).toMatchObject({ type: 'CorrectionRecorded', data: { correctsEventId: enrolment.id } });
  });

  it('a centre relinquishes its award; an auditor recuses themself; a failed audit names the unmet core criteria', async () => {
    const id = 'relinquishing-centre';
    await journey.accredited(id);
    const relinquished = await journey.post(`/centres/${id}/relinquishment`, await cast.centre(id), { reason: 'Service closed' });
    expect(relinquished.events[0].type).toBe('AccreditationRelinquished');

    const other = 'failing-centre';
    await journey.enrolled(other);
    await journey.applied(other);
    const auditId = await journey.auditing(other);
    await journey.post(`/centres/${other}/audits/${auditId}/auditors`, cast.office, { auditorId: COMMITTEE });
    const recused = await journey.post(`/centres/${other}/audits/${auditId}/auditors/${COMMITTEE}/recusal`, cast.office, { reason: 'Sits on the committee' });
    expect(recused.events[0]).toMatchObject({ type: 'AuditorRecused', data: { auditorId: COMMITTEE } });
    await journey.post(`/centres/${other}/audits/${auditId}/auditors`, cast.office, { auditorId: AUDITOR_2 });
    const selfRecused = await journey.post(`/centres/${other}/audits/${auditId}/auditors/${AUDITOR_2}/recusal`, cast.auditor2, { reason: 'Workload' });
    expect(selfRecused.events[0]).toMatchObject({ type: 'AuditorRecused', data: { auditorId: AUDITOR_2, recusedBy: AUDITOR_2 } });
    await journey.judge(other, auditId, ['1a'], false);
    const failed = await journey.post(`/centres/${other}/audits/${auditId}/completion`, cast.auditor, { recommendation: 'fail', reason: 'Core criteria unmet' });
    expect(failed.events[0].type).toBe('AuditFailed');
    expect(failed.events[0].data.unmetCoreCriteria).toContain('1a');
    const selfRecusal = await journey.post(`/centres/${other}/audits/${auditId}/auditors/${AUDITOR}/recusal`, cast.auditor, { reason: 'Leaving' }, 422);
    expect(selfRecusal.rule).toBeDefined();
  });

  it('historical import: needs the import capability, names who really acted, records the clerk as recorder', async () => {
    const id = 'imported-centre';
    await journey.enrolled(id);
    const past = { 'X-Occurred-At': '2019-06-01T10:00:00Z' };
    // X-Occurred-At alone is no capability, whoever sends it.
    for (const token of [await cast.centre(id), cast.office, cast.committee]) {
      const refused = await api.http.post(`/centres/${id}/procedure-volume`, { token, body: { proceduresPerYear: 300 }, headers: past });
      expect(refused.body).toMatchObject({ statusCode: 403, rule: 'ImportCapabilityRequired' });
    }
    const clerk = await api.token('office', 'clerk-import', undefined, 'import');
    const history = await api.http.post('/centres', { token: clerk, body: registerBody('imported-history'), headers: { 'X-Occurred-At': '2018-03-01T10:00:00Z' } });
    expect(history.status).toBe(201);
    expect((await journey.events('imported-history'))[0].metadata).toMatchObject({ occurredAt: '2018-03-01T10:00:00.000Z', actor: { id: 'clerk-import', role: 'office' }, recordedBy: { id: 'clerk-import', role: 'office' } });
    const laterImport = await api.http.post('/centres/imported-history/sign-off', { token: clerk, body: { signatory: 'head_of_department', signatoryId: 'hod-x' }, headers: { 'X-Occurred-At': '2018-04-01T10:00:00Z' } });
    expect(laterImport.status).toBe(201);
    // The clerk cannot take the committee's decision in their own name, live or imported.
    expect((await api.http.post('/centres/imported-history/accreditation', { token: clerk, body: {} })).status).toBe(403);
    expect((await api.http.post('/centres/imported-history/accreditation', { token: clerk, body: {}, headers: { 'X-Occurred-At': '2018-05-01T10:00:00Z' } })).status).toBe(403);
    // On behalf of a committee member it reaches the domain, which checks the rules against that member.
    const imported = await api.http.post('/centres/imported-history/accreditation', { token: clerk, body: {}, headers: { 'X-Occurred-At': '2018-05-01T10:00:00Z', 'X-On-Behalf-Of': `committee:${COMMITTEE}` } });
    expect(imported.status).toBe(422);
    expect(imported.body.rule).toBe('GrantRequiresPassedAudit');
  });

  it('has, in this file, a successful call of every command endpoint of docs/api.md (read back from the events)', async () => {
    const events = await api.store.readAll();
    const succeeded = new Set(events.map((e) => String(e.metadata.commandType)));
    const missing = readEndpointTable().map((row) => row.command).filter((command) => !succeeded.has(command));
    expect(missing).toEqual([]);
  });
});
