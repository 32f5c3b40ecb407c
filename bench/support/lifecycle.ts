import { IASIOS_2019_1, coreCriteria } from '../../libs/domain/src';
import { benchToken } from './api-process';
import type { JsonHttp, JsonResponse } from './http-client';

export const AUDITOR = 'auditor-lead';
export const COMMITTEE = 'committee-chair';
const CORE = coreCriteria(IASIOS_2019_1).map((c) => c.id);
const ALL = IASIOS_2019_1.criteria.map((c) => c.id);

export interface Cast {
  office: string;
  auditor: string;
  committee: string;
}

export async function castTokens(): Promise<Cast> {
  return { office: await benchToken('office', 'office-1'), auditor: await benchToken('auditor', AUDITOR), committee: await benchToken('committee', COMMITTEE) };
}

export async function registerAuditor(http: JsonHttp, cast: Cast): Promise<void> {
  const r = await http.request('POST', '/auditors', cast.office, { auditorId: AUDITOR, country: 'DE', specialties: ['ablation'] });
  if (r.status !== 201 && r.body?.rule !== 'AuditorAlreadyRegistered') throw new Error(`register auditor: ${r.status} ${JSON.stringify(r.body)}`);
}

export class UnexpectedResponse extends Error {
  constructor(
    readonly step: string,
    readonly response: JsonResponse,
  ) {
    super(`${step}: HTTP ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`);
  }
}

interface Step {
  name: string;
  method: 'POST' | 'PUT';
  path: string;
  token: string;
  body: unknown;
  status: number;
}

/**
 * One centre walked through its lifecycle over HTTP, one command per next() call: register,
 * sign-off, enrol, apply, open an audit, appoint the auditor, evidence requested and provided,
 * every core criterion judged, audit completed, accreditation granted, then suspended and
 * reinstated. Returns the stream length the command read (for the raw-read ceiling).
 */
export class CentreWalk {
  private stepIndex = 0;
  private auditId = '';
  private requestId = '';
  private centreToken = '';
  readonly steps: number;

  constructor(
    private readonly http: JsonHttp,
    private readonly cast: Cast,
    readonly centreId: string,
    /** Stop after the audit team is in place (for S3's prepared centres). */
    private readonly untilAppointed = false,
  ) {
    this.steps = untilAppointed ? 6 : 6 + 2 + CORE.length + 4;
  }

  get done(): boolean {
    return this.stepIndex >= this.steps;
  }

  get audit(): string {
    return this.auditId;
  }

  async next(): Promise<number> {
    if (!this.centreToken) this.centreToken = await benchToken('centre', `rep-${this.centreId}`, this.centreId);
    const step = this.step(this.stepIndex);
    const r = await this.http.request(step.method, step.path, step.token, step.body);
    if (r.status !== step.status) throw new UnexpectedResponse(`${step.name} ${this.centreId}`, r);
    if (step.name === 'open-audit') this.auditId = r.body.events[0].data.auditId;
    if (step.name === 'request-evidence') this.requestId = r.body.events[0].data.requestId;
    this.stepIndex++;
    return r.body.revision + 1 - r.body.events.length;
  }

  private step(i: number): Step {
    const id = this.centreId;
    const c = `/centres/${id}`;
    const a = `${c}/audits/${this.auditId}`;
    const { office, auditor, committee } = this.cast;
    const fixed: Step[] = [
      { name: 'register', method: 'POST', path: '/centres', token: office, status: 201, body: { centreId: id, name: `Centre ${id}`, country: 'FR', city: 'Strasbourg', institution: 'Interventional Radiology', proceduresPerYear: 420, representativeId: `rep-${id}`, contactId: `contact-${id}`, substituteId: `sub-${id}` } },
      { name: 'sign-off', method: 'POST', path: `${c}/sign-off`, token: office, status: 201, body: { signatory: 'head_of_department', signatoryId: `hod-${id}` } },
      { name: 'enrol', method: 'POST', path: `${c}/enrolment`, token: office, status: 201, body: { feeReference: `FEE-${id}` } },
      { name: 'apply', method: 'POST', path: `${c}/applications`, token: this.centreToken, status: 201, body: { kind: 'initial', answers: Object.fromEntries(ALL.map((cid) => [cid, { compliance: 'met', comment: `Self-assessed ${cid}` }])), icr: { caseReferences: Array.from({ length: 30 }, (_, k) => `ICR-${String(k + 1).padStart(3, '0')}`), summary: '30 consecutive cases reviewed' } } },
      { name: 'open-audit', method: 'POST', path: `${c}/audits`, token: office, status: 201, body: { dueDate: '2030-12-31' } },
      { name: 'appoint', method: 'POST', path: `${a}/auditors`, token: office, status: 201, body: { auditorId: AUDITOR } },
      { name: 'request-evidence', method: 'POST', path: `${a}/evidence-requests`, token: auditor, status: 201, body: { description: 'M&M minutes of the last year' } },
      { name: 'provide-evidence', method: 'POST', path: `${a}/evidence-requests/${this.requestId}/evidence`, token: this.centreToken, status: 201, body: { documentReferences: ['DMS:mm-minutes.pdf'] } },
    ];
    if (i < fixed.length) return fixed[i]!;
    const j = i - fixed.length;
    if (j < CORE.length) return { name: 'judge', method: 'PUT', path: `${a}/criteria/${CORE[j]}`, token: auditor, status: 200, body: { met: true, note: 'checked' } };
    const tail: Step[] = [
      { name: 'complete', method: 'POST', path: `${a}/completion`, token: auditor, status: 201, body: { recommendation: 'pass', reason: 'All core criteria met' } },
      { name: 'grant', method: 'POST', path: `${c}/accreditation`, token: committee, status: 201, body: {} },
      { name: 'suspend', method: 'POST', path: `${c}/suspension`, token: committee, status: 201, body: { reason: 'unpaid_fees', note: 'Fee unpaid' } },
      { name: 'reinstate', method: 'POST', path: `${c}/reinstatement`, token: committee, status: 201, body: {} },
    ];
    return tail[j - CORE.length]!;
  }
}

/** A judgement on an open audit: always valid, appends one event (S3, hot stream). */
export function judgeRequest(centreId: string, auditId: string, n: number): { path: string; body: unknown } {
  return { path: `/centres/${centreId}/audits/${auditId}/criteria/${ALL[n % ALL.length]}`, body: { met: n % 5 !== 0, note: 'checked' } };
}
