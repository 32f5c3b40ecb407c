import type { components, paths } from './schema';

/**
 * Shapes of the answers the console reads. The OpenAPI document types every request (schema.d.ts,
 * generated) and the command answers, but not these read-model answers, so only the fields the pages show are named here.
 */
export interface Freshness {
  position: string;
  updatedAt: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
  checkpoint: Freshness;
}

/** The read model's statuses, as the API's OpenAPI document lists them for the board's filter. */
export type Standing = NonNullable<NonNullable<paths['/centres']['get']['parameters']['query']>['status']>;

/** Every status, in lifecycle order; typed against the generated union, so a status the API drops fails the build. */
export const STANDINGS = [
  'registered', 'enrolled', 'enrolment_lapsed', 'application_submitted', 'under_audit', 'audit_passed', 'audit_failed',
  'accredited', 'excellence', 'suspended', 'withdrawn', 'relinquished', 'expired',
] as const satisfies readonly Standing[];

export interface CentreView {
  centreId: string;
  name: string;
  country: string;
  city: string;
  institution: string;
  proceduresPerYear: number;
  status: Standing;
  seal: 'enrolled' | 'accredited' | 'excellence' | null;
  enrolmentPaidUntil: string | null;
  validUntil: string | null;
  certificateNumber: string | null;
  suspendedUntil: string | null;
  currentAuditId: string | null;
  currentAuditStatus: 'open' | 'passed' | 'failed' | null;
  currentAuditDueDate: string | null;
  openFindings: { major: number; minor: number; observation: number };
  openAppeals: number;
  revision: number;
}

export interface CaseFileEvent {
  revision: number;
  type: string;
  data: Record<string, unknown>;
  actorId: string;
  actorRole: string;
  occurredAt: string;
  recordedAt: string;
}

/** The domain's folded state, as far as the pages read it. */
export interface CentreState {
  status: string;
  work: null | {
    stage: 'ApplicationSubmitted' | 'UnderAudit' | 'AuditPassed' | 'AuditFailed';
    application: { applicationId: string; kind: string; answers: Record<string, { compliance: string; comment?: string }>; caseCount: number; submittedAt: string };
    audit?: {
      auditId: string;
      dueDate: string;
      evidenceRequests: Record<string, { requestedAt: string; providedAt: string | null }>;
      judged: Record<string, { met: boolean; judgedAt: string; judgedBy: string }>;
    };
    outcome?: { passed: boolean; unmetCoreCriteria: string[]; unmetExtendedCriteria: string[]; completedAt: string; completedBy: string };
  };
  award: null | { kind: string; certificateNumber: string; validFrom: string; validUntil: string };
  suspension: null | { suspendedUntil: string; reason: string };
  findings: Record<string, { findingId: string; auditId: string; grade: string; criterionId: string; dueDate: string | null; state: string }>;
  auditTeams: Record<string, { active: string[]; everAppointed: string[] }>;
  appeals: Record<string, { appealId: string; against: string; state: string; lodgedAt: string }>;
  decisions: Record<string, { decidedAt: string }>;
}

export interface CaseFile {
  centreId: string;
  revision: number;
  state: CentreState;
  events: CaseFileEvent[];
}

export interface Appointment {
  auditId: string;
  centreId: string;
  status: string;
  appointedAt: string;
  endedAt: string | null;
}

export interface AuditorDetail {
  auditorId: string;
  country: string | null;
  declarations: { centreId: string; kind: 'conflict' | 'consultation'; description: string; declaredAt: string }[];
  appointments: Appointment[];
}

export interface Scheme {
  version: string;
  title: string;
  sections: { number: number; title: string }[];
  standards: { number: number; section: number; title: string }[];
  criteria: { id: string; standard: number; level: 'core' | 'extended' }[];
  icrCases: number;
}

export interface TrailEntry {
  revision: number;
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  actorId: string;
  actorRole: string;
  occurredAt: string;
  recordedAt: string;
}

export interface Dossier {
  centreId: string;
  trail: TrailEntry[];
  streamLength: number;
  state: CentreState | { status: string };
  integrity: Integrity;
  generatedAt: string;
}

export type Integrity =
  | { intact: true; verified: number; lastHash: string }
  | { intact: false; verified: number; brokenAt: { revision: number; eventId: string; reason: string } };

export interface Statistics {
  byCountry: { country: string; status: string; centres: number }[];
  byStatus: { status: string; centres: number }[];
  auditPassRate: { period: string; passed: number; failed: number; passRate: number | null }[];
  checkpoints: { centreStatus: Freshness; auditOutcomes: Freshness };
}

export interface Expiring {
  centreId: string;
  name: string;
  country: string;
  validUntil: string;
  daysLeft: number;
  certificateNumber: string | null;
}

/** What every command answers (typed by the OpenAPI document). */
export type CommandResult = components['schemas']['CommandOutcomeDto'];

export const STATUS_LABELS: Record<string, string> = {
  registered: 'Registered', enrolled: 'Enrolled', enrolment_lapsed: 'Enrolment lapsed', application_submitted: 'Application submitted',
  under_audit: 'Under audit', audit_passed: 'Audit passed', audit_failed: 'Audit failed', refused: 'Refused', accredited: 'Accredited',
  excellence: 'Centre of Excellence', suspended: 'Suspended', withdrawn: 'Withdrawn', relinquished: 'Relinquished', expired: 'Expired',
};
