import type { AppealableDecision, ApplicationKind, CriterionAnswer, FindingGrade, InternalCaseReview, Signatory, SuspensionReason } from './centre.events';

/**
 * Commands addressed to one centre. Ids (audit, finding, certificate...) are chosen by the caller,
 * so the decider stays deterministic. Facts owned by another aggregate (an auditor's conflicts,
 * the decider's consultations) arrive as command data, looked up by the handler. `assessor` is the
 * acting auditor's facts on assessment commands (a conflict declared after appointment blocks them);
 * the handler always sets it, the client never does.
 */

/** What the centre needs to know about a person, from their person record (and auditor stream). */
export interface PersonFacts {
  /** The person has an auditor record (registered). */
  registeredAuditor: boolean;
  /** The person has lodged a declaration of interests (recorded as AuditorAppointed.conflictsDeclared). */
  interestsDeclared: boolean;
  /** The person declared a conflict of interest with this centre. */
  conflictDeclared: boolean;
  /** The person consulted for this centre. */
  consultedForCentre: boolean;
}

export type CentreCommand =
  | { type: 'RegisterCentre'; data: { centreId: string; name: string; country: string; city: string; institution: string; proceduresPerYear: number; representativeId: string; contactId: string; substituteId: string } }
  | { type: 'AttestSignOff'; data: { centreId: string; signatory: Signatory; signatoryId: string } }
  | { type: 'UpdateProcedureVolume'; data: { centreId: string; proceduresPerYear: number } }
  | { type: 'EnrolCentre'; data: { centreId: string; feeReference: string } }
  | { type: 'RenewEnrolment'; data: { centreId: string; feeReference: string } }
  | { type: 'LapseEnrolment'; data: { centreId: string } }
  | { type: 'SubmitApplication'; data: { centreId: string; applicationId: string; kind: ApplicationKind; answers: Record<string, CriterionAnswer>; icr: InternalCaseReview } }
  | { type: 'OpenAudit'; data: { centreId: string; auditId: string; dueDate: string } }
  | { type: 'ObjectToAuditor'; data: { centreId: string; auditId: string; auditorId: string; grounds: string } }
  | { type: 'DecideAuditorObjection'; data: { centreId: string; auditId: string; auditorId: string; upheld: boolean; reason: string } }
  | { type: 'AppointAuditor'; data: { centreId: string; auditId: string; auditorId: string; auditor: PersonFacts } }
  | { type: 'RecuseAuditor'; data: { centreId: string; auditId: string; auditorId: string; reason: string } }
  | { type: 'RequestEvidence'; data: { centreId: string; auditId: string; requestId: string; description: string; assessor?: PersonFacts } }
  | { type: 'ProvideEvidence'; data: { centreId: string; auditId: string; requestId: string; documentReferences: string[] } }
  | { type: 'JudgeCriterion'; data: { centreId: string; auditId: string; criterionId: string; met: boolean; note: string; assessor?: PersonFacts } }
  | { type: 'RaiseFinding'; data: { centreId: string; auditId: string; findingId: string; grade: FindingGrade; criterionId: string; description: string; assessor?: PersonFacts } }
  | { type: 'SubmitCorrectiveAction'; data: { centreId: string; findingId: string; plan: string } }
  | { type: 'AcceptCorrectiveAction'; data: { centreId: string; findingId: string; assessor?: PersonFacts } }
  | { type: 'CloseFinding'; data: { centreId: string; findingId: string; assessor?: PersonFacts } }
  | { type: 'MarkCorrectiveActionOverdue'; data: { centreId: string; findingId: string } }
  | { type: 'CompleteAudit'; data: { centreId: string; auditId: string; recommendation: 'pass' | 'fail'; reason: string; assessor?: PersonFacts } }
  | { type: 'GrantAccreditation'; data: { centreId: string; certificateNumber: string; decider: PersonFacts } }
  | { type: 'AwardExcellenceSeal'; data: { centreId: string; certificateNumber: string; decider: PersonFacts } }
  | { type: 'RefuseAccreditation'; data: { centreId: string; reasons: string[]; decider: PersonFacts } }
  | { type: 'SuspendAccreditation'; data: { centreId: string; reason: SuspensionReason; note: string; suspendedUntil?: string } }
  | { type: 'ReinstateAccreditation'; data: { centreId: string } }
  | { type: 'RecordSuspensionLimitReached'; data: { centreId: string } }
  | { type: 'WithdrawAccreditation'; data: { centreId: string; reason: string } }
  | { type: 'RelinquishAccreditation'; data: { centreId: string; reason: string } }
  /** `validUntil` (optional, added): the expiry the timer was scheduled for; a stale one (renewed since) decides []. */
  | { type: 'ExpireAccreditation'; data: { centreId: string; validUntil?: string } }
  | { type: 'IssueRenewalReminder'; data: { centreId: string; monthsBefore: number; validUntil?: string } }
  | { type: 'LodgeAppeal'; data: { centreId: string; appealId: string; against: AppealableDecision; grounds: string } }
  | { type: 'DecideAppeal'; data: { centreId: string; appealId: string; outcome: 'upheld' | 'dismissed'; reason: string; decider: PersonFacts } }
  | { type: 'RecordCorrection'; data: { centreId: string; correctsEventId: string; description: string } };

export type CentreCommandType = CentreCommand['type'];
