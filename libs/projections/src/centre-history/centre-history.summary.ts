import type { CentreEvent } from '../../../domain/src/centre/centre.events';

const day = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10) : 'n/a');
const list = (xs: readonly string[]): string => (xs.length ? xs.join(', ') : 'none');
const human = (s: string): string => s.replace(/_/g, ' ');

/** One plain sentence per event, for people reading a centre's history. No personal data: ids only. */
export function summarise(e: { type: string; data: unknown }): string {
  const ev = e as CentreEvent;
  switch (ev.type) {
    case 'CentreRegistered': { const d = ev.data; return `Centre ${d.name} (${d.institution}, ${d.city}, ${d.country}) registered with ${d.proceduresPerYear} procedures a year.`; }
    case 'SignOffAttested': return `Sign-off attested by the ${human(ev.data.signatory)}.`;
    case 'ProcedureVolumeUpdated': return `Procedure volume updated to ${ev.data.proceduresPerYear} a year.`;
    case 'CentreEnrolled': return `Centre enrolled (fee ${ev.data.feeReference}), enrolment paid until ${day(ev.data.enrolmentPaidUntil)}.`;
    case 'EnrolmentRenewed': return `Enrolment renewed (fee ${ev.data.feeReference}) until ${day(ev.data.enrolmentPaidUntil)}.`;
    case 'EnrolmentLapsed': return `Enrolment lapsed: annual fee unpaid since ${day(ev.data.enrolmentPaidUntil)}.`;
    case 'ApplicationSubmitted': return `${cap(ev.data.kind)} application ${ev.data.applicationId} submitted under scheme ${ev.data.schemeVersion} with an ICR of ${ev.data.icr.caseReferences.length} cases.`;
    case 'AuditOpened': return `${cap(ev.data.kind)} audit ${ev.data.auditId} opened, due ${day(ev.data.dueDate)}.`;
    case 'AuditorObjectionRaised': return `Centre objected to auditor ${ev.data.auditorId}: ${ev.data.grounds}`;
    case 'AuditorObjectionDecided': return `Objection to auditor ${ev.data.auditorId} ${ev.data.upheld ? 'upheld' : 'dismissed'}: ${ev.data.reason}`;
    case 'AuditorAppointed': return `Auditor ${ev.data.auditorId} appointed to audit ${ev.data.auditId} (conflicts declared).`;
    case 'AuditorRecused': return `Auditor ${ev.data.auditorId} recused from audit ${ev.data.auditId}: ${ev.data.reason}`;
    case 'EvidenceRequested': return `Evidence requested (${ev.data.requestId}): ${ev.data.description}`;
    case 'EvidenceProvided': return `Evidence provided for ${ev.data.requestId}: ${ev.data.documentReferences.length} document(s).`;
    case 'CriterionJudged': return `Criterion ${ev.data.criterionId} judged ${ev.data.met ? 'met' : 'not met'}.`;
    case 'FindingRaised': return `${cap(ev.data.grade)} finding ${ev.data.findingId} raised on criterion ${ev.data.criterionId}${ev.data.dueDate ? `, corrective action due ${day(ev.data.dueDate)}` : ''}.`;
    case 'CorrectiveActionSubmitted': return `Corrective action plan submitted for finding ${ev.data.findingId}.`;
    case 'CorrectiveActionAccepted': return `Corrective action for finding ${ev.data.findingId} accepted.`;
    case 'CorrectiveActionOverdue': return `Corrective action for finding ${ev.data.findingId} overdue since ${day(ev.data.dueDate)}.`;
    case 'FindingClosed': return `Finding ${ev.data.findingId} closed.`;
    case 'AuditPassed': return `Audit ${ev.data.auditId} passed${ev.data.allExtendedMet ? ' with every extended criterion met' : ''}.`;
    case 'AuditFailed': return `Audit ${ev.data.auditId} failed: ${ev.data.reason} (unmet core criteria: ${list(ev.data.unmetCoreCriteria)}).`;
    case 'AccreditationGranted': return `Accreditation granted, certificate ${ev.data.certificateNumber}, valid ${day(ev.data.validFrom)} to ${day(ev.data.validUntil)}.`;
    case 'ExcellenceSealAwarded': return `Centre of Excellence seal awarded, certificate ${ev.data.certificateNumber}, valid ${day(ev.data.validFrom)} to ${day(ev.data.validUntil)}.`;
    case 'AccreditationRefused': return `Accreditation refused: ${list(ev.data.reasons)}.`;
    case 'AccreditationSuspended': return `Accreditation suspended (${human(ev.data.reason)}) until ${day(ev.data.suspendedUntil)}.`;
    case 'AccreditationReinstated': return 'Accreditation reinstated.';
    case 'SuspensionLimitReached': return `Suspension limit reached for the suspension of ${day(ev.data.suspendedAt)}.`;
    case 'AccreditationWithdrawn': return `Accreditation withdrawn: ${ev.data.reason}`;
    case 'AccreditationRelinquished': return `Accreditation relinquished by the centre: ${ev.data.reason}`;
    case 'AccreditationExpired': return `Accreditation expired on ${day(ev.data.validUntil)}.`;
    case 'RenewalReminderIssued': return `Renewal reminder issued ${ev.data.monthsBefore} months before expiry on ${day(ev.data.validUntil)}.`;
    case 'AppealLodged': return `Appeal ${ev.data.appealId} lodged against the ${ev.data.against}.`;
    case 'AppealDecided': return `Appeal ${ev.data.appealId} ${ev.data.outcome}: ${ev.data.reason}`;
    case 'CorrectionRecorded': return `Correction of event ${ev.data.correctsEventId}: ${ev.data.description}`;
    default: return `${(e as { type: string }).type}.`;
  }
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
