import type { AuditorEventType } from '../../../domain/src/auditor/auditor.events';
import type { CentreEventType } from '../../../domain/src/centre/centre.events';

/** Every centre event type; the Record forces this list to follow the domain's union. */
const CENTRE: Record<CentreEventType, true> = {
  CentreRegistered: true, SignOffAttested: true, ProcedureVolumeUpdated: true, CentreEnrolled: true,
  EnrolmentRenewed: true, EnrolmentLapsed: true, ApplicationSubmitted: true, AuditOpened: true,
  AuditorObjectionRaised: true, AuditorObjectionDecided: true, AuditorAppointed: true, AuditorRecused: true,
  EvidenceRequested: true, EvidenceProvided: true, CriterionJudged: true, FindingRaised: true,
  CorrectiveActionSubmitted: true, CorrectiveActionAccepted: true, CorrectiveActionOverdue: true,
  FindingClosed: true, AuditPassed: true, AuditFailed: true, AccreditationGranted: true,
  ExcellenceSealAwarded: true, AccreditationRefused: true, AccreditationSuspended: true,
  AccreditationReinstated: true, SuspensionLimitReached: true, AccreditationWithdrawn: true,
  AccreditationRelinquished: true, AccreditationExpired: true, AccreditationExtendedPendingDecision: true,
  AwardTermStarted: true, RenewalReminderIssued: true,
  AppealLodged: true, AppealDecided: true, CorrectionRecorded: true,
};
const AUDITOR: Record<AuditorEventType, true> = { AuditorRegistered: true, ConflictDeclared: true, ConsultationRecorded: true };

export const CENTRE_EVENT_TYPES = Object.keys(CENTRE) as CentreEventType[];
export const AUDITOR_EVENT_TYPES = Object.keys(AUDITOR) as AuditorEventType[];
