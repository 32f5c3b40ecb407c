import { IASIOS_2019_1, coreCriteria } from '@accreditation/domain';
import type { HttpResult, TestApi } from '../../libs/testing/src/http';

/** Everything a test needs to drive centres through the API, with the tokens of a small cast. */
export interface Cast {
  office: string;
  committee: string;
  /** A second committee member, independent of the first (appeals). */
  committee2: string;
  auditor: string;
  auditor2: string;
  compliance: string;
  reporting: string;
  /** A centre representative's token for `centreId`; their subject is the representative's person id. */
  centre(centreId: string): Promise<string>;
}

export const AUDITOR = 'auditor-lead';
export const AUDITOR_2 = 'auditor-second';
export const COMMITTEE = 'committee-chair';
export const COMMITTEE_2 = 'committee-appeals';

export const representativeOf = (centreId: string) => `rep-${centreId}`.slice(0, 80);

export async function castFor(api: TestApi): Promise<Cast> {
  return {
    office: await api.token('office', 'office-1'),
    committee: await api.token('committee', COMMITTEE),
    committee2: await api.token('committee', COMMITTEE_2),
    auditor: await api.token('auditor', AUDITOR),
    auditor2: await api.token('auditor', AUDITOR_2),
    compliance: await api.token('compliance', 'compliance-1'),
    reporting: await api.token('reporting', 'reporting-job'),
    centre: (centreId) => api.token('centre', representativeOf(centreId), centreId),
  };
}

export const ALL_CRITERIA = IASIOS_2019_1.criteria.map((c) => c.id);
export const CORE_CRITERIA = coreCriteria(IASIOS_2019_1).map((c) => c.id);

export const registerBody = (centreId: string, proceduresPerYear = 420) => ({
  centreId,
  name: `Centre ${centreId}`,
  country: 'FR',
  city: 'Strasbourg',
  institution: 'Interventional Radiology',
  proceduresPerYear,
  representativeId: representativeOf(centreId),
  contactId: `contact-${centreId}`.slice(0, 80),
  substituteId: `substitute-${centreId}`.slice(0, 80),
});

export const applicationBody = (kind: 'initial' | 'recertification' | 'excellence' = 'initial', criteria = ALL_CRITERIA) => ({
  kind,
  answers: Object.fromEntries(criteria.map((id) => [id, { compliance: 'met', comment: `Self-assessed ${id}` }])),
  icr: { caseReferences: Array.from({ length: 30 }, (_, i) => `ICR-${String(i + 1).padStart(3, '0')}`), summary: '30 consecutive cases reviewed' },
});

/** Fails the test with the response body when the status is not the expected one. */
export function expectStatus<T extends HttpResult>(result: T, status: number): T {
  if (result.status !== status) {
    throw new Error(`expected HTTP ${status}, got ${result.status}: ${JSON.stringify(result.body)}`);
  }
  return result;
}

/** Drives centres through the lifecycle over HTTP; each step asserts success and returns the body. */
export class Journey {
  constructor(
    readonly api: TestApi,
    readonly cast: Cast,
  ) {}

  async post(path: string, token: string, body: unknown = {}, status = 201, headers?: Record<string, string>) {
    return expectStatus(await this.api.http.post(path, { token, body, headers }), status).body;
  }

  async registerAuditors(): Promise<void> {
    for (const auditorId of [AUDITOR, AUDITOR_2, COMMITTEE, COMMITTEE_2]) {
      const result = await this.api.http.post('/auditors', { token: this.cast.office, body: { auditorId, country: 'DE', specialties: ['ablation'] } });
      if (result.status !== 201 && result.body?.rule !== 'AuditorAlreadyRegistered') expectStatus(result, 201);
    }
  }

  async registered(centreId: string) {
    return this.post('/centres', this.cast.office, registerBody(centreId));
  }

  async enrolled(centreId: string) {
    await this.registered(centreId);
    await this.post(`/centres/${centreId}/sign-off`, this.cast.office, { signatory: 'head_of_department', signatoryId: `hod-${centreId}`.slice(0, 80) });
    return this.post(`/centres/${centreId}/enrolment`, this.cast.office, { feeReference: `FEE-${centreId}` });
  }

  async applied(centreId: string, kind: 'initial' | 'recertification' | 'excellence' = 'initial') {
    const body = await this.post(`/centres/${centreId}/applications`, await this.cast.centre(centreId), applicationBody(kind));
    return body.events[0].data.applicationId as string;
  }

  /** Opens the audit and appoints the lead auditor; returns the audit id. */
  async auditing(centreId: string): Promise<string> {
    const opened = await this.post(`/centres/${centreId}/audits`, this.cast.office, { dueDate: '2030-12-31' });
    const auditId = opened.events[0].data.auditId as string;
    await this.post(`/centres/${centreId}/audits/${auditId}/auditors`, this.cast.office, { auditorId: AUDITOR });
    return auditId;
  }


  async judge(centreId: string, auditId: string, criteria: string[], met = true) {
    for (const criterionId of criteria) {
      expectStatus(await this.api.http.put(`/centres/${centreId}/audits/${auditId}/criteria/${criterionId}`, { token: this.cast.auditor, body: { met, note: 'checked' } }), 200);
    }
  }

  async passed(centreId: string, auditId: string, criteria = CORE_CRITERIA) {
    await this.judge(centreId, auditId, criteria);
    return this.post(`/centres/${centreId}/audits/${auditId}/completion`, this.cast.auditor, { recommendation: 'pass', reason: 'All core criteria met' });
  }

  /** Registered → enrolled → applied → audited and passed: ready for a committee decision. Returns the audit id. */
  async readyForDecision(centreId: string): Promise<string> {
    await this.enrolled(centreId);
    await this.applied(centreId);
    const auditId = await this.auditing(centreId);
    await this.passed(centreId, auditId);
    return auditId;
  }

  async accredited(centreId: string) {
    await this.readyForDecision(centreId);
    return this.post(`/centres/${centreId}/accreditation`, this.cast.committee, {});
  }

  async events(centreId: string) {
    return this.api.store.readStream(`centre-${centreId}`);
  }
}
