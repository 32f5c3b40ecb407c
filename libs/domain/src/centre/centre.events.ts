import type { IsoDateTime } from '../shared/primitives';

/**
 * The events of a centre's stream (`centre-<centreId>`). Wire names are fixed forever: a breaking
 * change is a new type plus an upcaster. People appear by id only; their details live in the
 * personal-data store. Every `<verb>At` is when it happened in the world (occurredAt).
 */

export type ApplicationKind = 'initial' | 'recertification' | 'excellence';
export type FindingGrade = 'major' | 'minor' | 'observation';
export type SuspensionReason = 'persistent_nonconformity' | 'unpaid_fees' | 'seal_misuse' | 'voluntary';
export type AppealableDecision = 'refusal' | 'suspension' | 'withdrawal';
export type Signatory = 'head_of_department' | 'hospital_director';

export interface CriterionAnswer {
  /** How the centre judges itself against the criterion. */
  compliance: 'met' | 'partially_met' | 'not_met';
  comment: string;
}

export interface InternalCaseReview {
  /** Exactly the scheme's ICR size of case references (pseudonymous file references, no patient data). */
  caseReferences: string[];
  summary: string;
}

export type CentreEvent =
  | { type: 'CentreRegistered'; data: { centreId: string; name: string; country: string; city: string; institution: string; proceduresPerYear: number; representativeId: string; contactId: string; substituteId: string; registeredAt: IsoDateTime; registeredBy: string } }
  | { type: 'SignOffAttested'; data: { centreId: string; signatory: Signatory; signatoryId: string; attestedAt: IsoDateTime; recordedBy: string } }
  | { type: 'ProcedureVolumeUpdated'; data: { centreId: string; proceduresPerYear: number; updatedAt: IsoDateTime; updatedBy: string } }
  | { type: 'CentreEnrolled'; data: { centreId: string; feeReference: string; enrolledAt: IsoDateTime; enrolledBy: string; enrolmentPaidUntil: IsoDateTime } }
  | { type: 'EnrolmentRenewed'; data: { centreId: string; feeReference: string; renewedAt: IsoDateTime; renewedBy: string; enrolmentPaidUntil: IsoDateTime } }
  | { type: 'EnrolmentLapsed'; data: { centreId: string; enrolmentPaidUntil: IsoDateTime; lapsedAt: IsoDateTime } }
  | { type: 'ApplicationSubmitted'; data: { centreId: string; applicationId: string; kind: ApplicationKind; schemeVersion: string; answers: Record<string, CriterionAnswer>; icr: InternalCaseReview; submittedAt: IsoDateTime; submittedBy: string } }
  | { type: 'AuditOpened'; data: { centreId: string; auditId: string; applicationId: string; kind: ApplicationKind; schemeVersion: string; dueDate: IsoDateTime; openedAt: IsoDateTime; openedBy: string } }
  | { type: 'AuditorObjectionRaised'; data: { centreId: string; auditId: string; auditorId: string; grounds: string; raisedAt: IsoDateTime; raisedBy: string } }
  | { type: 'AuditorObjectionDecided'; data: { centreId: string; auditId: string; auditorId: string; upheld: boolean; reason: string; decidedAt: IsoDateTime; decidedBy: string } }
  | { type: 'AuditorAppointed'; data: { centreId: string; auditId: string; auditorId: string; conflictsDeclared: boolean; appointedAt: IsoDateTime; appointedBy: string } }
  | { type: 'AuditorRecused'; data: { centreId: string; auditId: string; auditorId: string; reason: string; recusedAt: IsoDateTime; recusedBy: string } }
  | { type: 'EvidenceRequested'; data: { centreId: string; auditId: string; requestId: string; description: string; requestedAt: IsoDateTime; requestedBy: string } }
  | { type: 'EvidenceProvided'; data: { centreId: string; auditId: string; requestId: string; documentReferences: string[]; providedAt: IsoDateTime; providedBy: string } }
  | { type: 'CriterionJudged'; data: { centreId: string; auditId: string; criterionId: string; met: boolean; note: string; judgedAt: IsoDateTime; judgedBy: string } }
  | { type: 'FindingRaised'; data: { centreId: string; auditId: string; findingId: string; grade: FindingGrade; criterionId: string; description: string; dueDate: IsoDateTime | null; raisedAt: IsoDateTime; raisedBy: string } }
  | { type: 'CorrectiveActionSubmitted'; data: { centreId: string; auditId: string; findingId: string; plan: string; submittedAt: IsoDateTime; submittedBy: string } }
  | { type: 'CorrectiveActionAccepted'; data: { centreId: string; auditId: string; findingId: string; acceptedAt: IsoDateTime; acceptedBy: string } }
  | { type: 'CorrectiveActionOverdue'; data: { centreId: string; auditId: string; findingId: string; dueDate: IsoDateTime; detectedAt: IsoDateTime } }
  | { type: 'FindingClosed'; data: { centreId: string; auditId: string; findingId: string; closedAt: IsoDateTime; closedBy: string } }
  | { type: 'AuditPassed'; data: { centreId: string; auditId: string; kind: ApplicationKind; recommendation: 'pass'; allExtendedMet: boolean; unmetExtendedCriteria: string[]; completedAt: IsoDateTime; completedBy: string } }
  | { type: 'AuditFailed'; data: { centreId: string; auditId: string; kind: ApplicationKind; recommendation: 'fail'; unmetCoreCriteria: string[]; openMajorFindings: string[]; reason: string; completedAt: IsoDateTime; completedBy: string } }
  | { type: 'AccreditationGranted'; data: { centreId: string; auditId: string; certificateNumber: string; validFrom: IsoDateTime; validUntil: IsoDateTime; schemeVersion: string; decidedAt: IsoDateTime; decidedBy: string } }
  | { type: 'ExcellenceSealAwarded'; data: { centreId: string; auditId: string; certificateNumber: string; validFrom: IsoDateTime; validUntil: IsoDateTime; schemeVersion: string; decidedAt: IsoDateTime; decidedBy: string } }
  | { type: 'AccreditationRefused'; data: { centreId: string; auditId: string; reasons: string[]; decidedAt: IsoDateTime; decidedBy: string } }
  | { type: 'AccreditationSuspended'; data: { centreId: string; reason: SuspensionReason; note: string; suspendedAt: IsoDateTime; suspendedUntil: IsoDateTime; decidedBy: string } }
  | { type: 'AccreditationReinstated'; data: { centreId: string; reinstatedAt: IsoDateTime; decidedBy: string } }
  | { type: 'SuspensionLimitReached'; data: { centreId: string; suspendedAt: IsoDateTime; limitReachedAt: IsoDateTime } }
  | { type: 'AccreditationWithdrawn'; data: { centreId: string; reason: string; withdrawnAt: IsoDateTime; decidedBy: string } }
  | { type: 'AccreditationRelinquished'; data: { centreId: string; reason: string; relinquishedAt: IsoDateTime; relinquishedBy: string } }
  | { type: 'AccreditationExpired'; data: { centreId: string; validUntil: IsoDateTime; expiredAt: IsoDateTime } }
  /** Rule 7: at validUntil the award stays in force pending the committee's decision on a renewal audit completed before it. */
  | { type: 'AccreditationExtendedPendingDecision'; data: { centreId: string; applicationId: string; auditId: string; validUntil: IsoDateTime; extendedUntil: IsoDateTime; extendedAt: IsoDateTime } }
  /** Rule 7: a renewal decided early takes over at the old validUntil. */
  | { type: 'AwardTermStarted'; data: { centreId: string; kind: 'accreditation' | 'excellence'; certificateNumber: string; previousCertificateNumber: string; validFrom: IsoDateTime; validUntil: IsoDateTime; startedAt: IsoDateTime } }
  | { type: 'RenewalReminderIssued'; data: { centreId: string; validUntil: IsoDateTime; monthsBefore: number; issuedAt: IsoDateTime } }
  | { type: 'AppealLodged'; data: { centreId: string; appealId: string; against: AppealableDecision; grounds: string; lodgedAt: IsoDateTime; lodgedBy: string } }
  /** `against`/`appealedDecisionAt` name the decision appealed; `effect` says what the outcome restored ('none' when the situation moved on). Events before 2026-11 lack the three. */
  | { type: 'AppealDecided'; data: { centreId: string; appealId: string; outcome: 'upheld' | 'dismissed'; reason: string; against?: AppealableDecision; appealedDecisionAt?: IsoDateTime | null; effect?: 'suspension_lifted' | 'award_restored' | 'returned_to_committee' | 'none'; decidedAt: IsoDateTime; decidedBy: string } }
  | { type: 'CorrectionRecorded'; data: { centreId: string; correctsEventId: string; description: string; correctedAt: IsoDateTime; correctedBy: string } };

export type CentreEventType = CentreEvent['type'];
export type CentreEventOf<T extends CentreEventType> = Extract<CentreEvent, { type: T }>;
