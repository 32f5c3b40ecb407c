import type { IsoDateTime } from '../shared/primitives';
import type { CentreEvent } from './centre.events';

/** The `<verb>At` of each event: when it happened in the world (its occurredAt). */
export function occurredAtOf(event: CentreEvent): IsoDateTime {
  switch (event.type) {
    case 'CentreRegistered': return event.data.registeredAt;
    case 'SignOffAttested': return event.data.attestedAt;
    case 'ProcedureVolumeUpdated': return event.data.updatedAt;
    case 'CentreEnrolled': return event.data.enrolledAt;
    case 'EnrolmentRenewed': return event.data.renewedAt;
    case 'EnrolmentLapsed': return event.data.lapsedAt;
    case 'ApplicationSubmitted': return event.data.submittedAt;
    case 'AuditOpened': return event.data.openedAt;
    case 'AuditorObjectionRaised': return event.data.raisedAt;
    case 'AuditorObjectionDecided': return event.data.decidedAt;
    case 'AuditorAppointed': return event.data.appointedAt;
    case 'AuditorRecused': return event.data.recusedAt;
    case 'EvidenceRequested': return event.data.requestedAt;
    case 'EvidenceProvided': return event.data.providedAt;
    case 'CriterionJudged': return event.data.judgedAt;
    case 'FindingRaised': return event.data.raisedAt;
    case 'CorrectiveActionSubmitted': return event.data.submittedAt;
    case 'CorrectiveActionAccepted': return event.data.acceptedAt;
    case 'CorrectiveActionOverdue': return event.data.detectedAt;
    case 'FindingClosed': return event.data.closedAt;
    case 'AuditPassed':
    case 'AuditFailed': return event.data.completedAt;
    case 'AccreditationGranted':
    case 'ExcellenceSealAwarded':
    case 'AccreditationRefused': return event.data.decidedAt;
    case 'AccreditationSuspended': return event.data.suspendedAt;
    case 'AccreditationReinstated': return event.data.reinstatedAt;
    case 'SuspensionLimitReached': return event.data.limitReachedAt;
    case 'AccreditationWithdrawn': return event.data.withdrawnAt;
    case 'AccreditationRelinquished': return event.data.relinquishedAt;
    case 'AccreditationExpired': return event.data.expiredAt;
    case 'AccreditationExtendedPendingDecision': return event.data.extendedAt;
    case 'AwardTermStarted': return event.data.startedAt;
    case 'RenewalReminderIssued': return event.data.issuedAt;
    case 'AppealLodged': return event.data.lodgedAt;
    case 'AppealDecided': return event.data.decidedAt;
    case 'CorrectionRecorded': return event.data.correctedAt;
    default: return assertNever(event);
  }
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value ${JSON.stringify(value)}`);
}
