import { isAfter, laterOf } from '../shared/time';
import type { CentreEvent } from './centre.events';
import { assertNever, occurredAtOf } from './centre.occurred-at';
import {
  type Appeal, type Audit, type AuditTeam, type Award, type CentreFile, type CentreState, type Work, type WorkAt,
  editFile, editProfile, settleCentre, settleOwnCopy,
} from './centre.state';
import { appealEffect } from '../rules/appeals.rules';

/**
 * Folds one event into the state. Never throws on an event `decide` produced, never reads a clock:
 * every date comes from the event. Unknown combinations (an event the state cannot use) leave the
 * state as it was, so a replay of an imported history never stops half-way.
 */
export function evolveCentre(state: CentreState, event: CentreEvent): CentreState {
  if (event.type === 'CentreRegistered') {
    if (state.status !== 'Unregistered') return state;
    const d = event.data;
    return settleCentre({
      centreId: d.centreId,
      profile: {
        name: d.name, country: d.country, city: d.city, institution: d.institution, proceduresPerYear: d.proceduresPerYear,
        representativeId: d.representativeId, contactId: d.contactId, substituteId: d.substituteId, signOff: null,
      },
      enrolment: null, cycle: 1, terms: [], nextAward: null, pendingDecision: null, findings: {}, auditTeams: {}, decisions: {}, appeals: {},
      remindersIssued: [], corrections: [], lastOccurredAt: d.registeredAt,
      award: null, work: null, suspension: null, ended: null,
    });
  }
  if (state.status === 'Unregistered') return state;
  const at = occurredAtOf(event);
  // The state is used as its file as it is (apply never reads the status; it is derived again
  // below), and the copy apply makes is settled in place: one object per event on a replay's hot
  // path instead of four. Only the state passed in is never changed, so it alone is copied.
  const before = startDueTerm(state, at);
  const after = apply(before, event);
  const lastOccurredAt = laterOf(before.lastOccurredAt, at);
  return after === state ? settleCentre(after, lastOccurredAt) : settleOwnCopy(after, lastOccurredAt);
}

/**
 * A renewal decided early takes over at its validFrom; the expiry timer records that
 * (AwardTermStarted, at validFrom). Streams written before that event existed never recorded it, so
 * an event dated after validFrom also finds the renewed term in force.
 */
function startDueTerm(f: CentreFile, at: string): CentreFile {
  return f.award && f.nextAward && isAfter(at, f.nextAward.validFrom) ? editFile(f, { award: f.nextAward, nextAward: null, pendingDecision: null }) : f;
}

function withAudit(f: CentreFile, auditId: string, change: (audit: Audit) => Audit): CentreFile {
  const w = f.work;
  if (!w || w.stage === 'ApplicationSubmitted' || w.audit.auditId !== auditId) return f;
  return editFile(f, { work: { ...w, audit: change(w.audit) } });
}

function withTeam(f: CentreFile, auditId: string, change: (team: AuditTeam) => AuditTeam): CentreFile {
  const team = f.auditTeams[auditId] ?? { everAppointed: [], active: [] };
  return editFile(f, { auditTeams: { ...f.auditTeams, [auditId]: change(team) } });
}

function withFinding(f: CentreFile, findingId: string, change: Partial<CentreFile['findings'][string]>): CentreFile {
  const finding = f.findings[findingId];
  return finding ? editFile(f, { findings: { ...f.findings, [findingId]: { ...finding, ...change } } }) : f;
}

const without = (list: string[], item: string): string[] => list.filter((x) => x !== item);
const withItem = (list: string[], item: string): string[] => (list.includes(item) ? list : [...list, item]);

function apply(f: CentreFile, event: CentreEvent): CentreFile {
  switch (event.type) {
    // Stryker disable next-line all: unreachable, evolveCentre handles CentreRegistered before apply (the case keeps the switch exhaustive)
    case 'CentreRegistered':
      return f;
    case 'SignOffAttested': {
      const { signatory, signatoryId, attestedAt } = event.data;
      return editFile(f, { profile: editProfile(f.profile, { signOff: { signatory, signatoryId, attestedAt } }) });
    }
    case 'ProcedureVolumeUpdated':
      return editFile(f, { profile: editProfile(f.profile, { proceduresPerYear: event.data.proceduresPerYear }) });
    case 'CentreEnrolled':
      return editFile(f, { enrolment: { enrolledAt: event.data.enrolledAt, paidUntil: event.data.enrolmentPaidUntil, lapsedAt: null } });
    case 'EnrolmentRenewed':
      return f.enrolment ? editFile(f, { enrolment: { ...f.enrolment, paidUntil: event.data.enrolmentPaidUntil, lapsedAt: null } }) : f;
    case 'EnrolmentLapsed':
      return f.enrolment ? editFile(f, { enrolment: { ...f.enrolment, lapsedAt: event.data.lapsedAt } }) : f;
    case 'ApplicationSubmitted': {
      const d = event.data;
      const work: Work = {
        stage: 'ApplicationSubmitted',
        application: {
          applicationId: d.applicationId, kind: d.kind, schemeVersion: d.schemeVersion, answers: d.answers,
          caseCount: d.icr.caseReferences.length, submittedAt: d.submittedAt, submittedBy: d.submittedBy,
        },
      };
      // An initial application after an award ended opens a new cycle (rule 9).
      if (f.ended && d.kind === 'initial') return editFile(f, { work, ended: null, cycle: f.cycle + 1, terms: [], nextAward: null, pendingDecision: null });
      return editFile(f, { work });
    }
    case 'AuditOpened': {
      if (f.work?.stage !== 'ApplicationSubmitted') return f;
      const d = event.data;
      const audit: Audit = {
        auditId: d.auditId, applicationId: d.applicationId, kind: d.kind, schemeVersion: d.schemeVersion, dueDate: d.dueDate,
        openedAt: d.openedAt, objections: {}, evidenceRequests: {}, clockPausedSince: null, evidenceCompleteAt: null, judged: {},
      };
      return withTeam(editFile(f, { work: { stage: 'UnderAudit', application: f.work.application, audit } }), d.auditId, (t) => t);
    }
    case 'AuditorObjectionRaised':
      return withAudit(f, event.data.auditId, (a) => ({ ...a, objections: { ...a.objections, [event.data.auditorId]: 'pending' } }));
    case 'AuditorObjectionDecided': {
      const { auditId, auditorId, upheld } = event.data;
      const next = withAudit(f, auditId, (a) => ({ ...a, objections: { ...a.objections, [auditorId]: upheld ? 'upheld' : 'rejected' } }));
      // An upheld objection removes an auditor who was already appointed.
      return upheld ? withTeam(next, auditId, (t) => ({ ...t, active: without(t.active, auditorId) })) : next;
    }
    case 'AuditorAppointed':
      return withTeam(f, event.data.auditId, (t) => ({
        everAppointed: withItem(t.everAppointed, event.data.auditorId),
        active: withItem(t.active, event.data.auditorId),
      }));
    case 'AuditorRecused':
      return withTeam(f, event.data.auditId, (t) => ({ ...t, active: without(t.active, event.data.auditorId) }));
    case 'EvidenceRequested': {
      const { auditId, requestId, requestedAt } = event.data;
      return withAudit(f, auditId, (a) => ({
        ...a,
        evidenceRequests: { ...a.evidenceRequests, [requestId]: { requestedAt, providedAt: null } },
        clockPausedSince: a.clockPausedSince ?? requestedAt,
        evidenceCompleteAt: null,
      }));
    }
    case 'EvidenceProvided': {
      const { auditId, requestId, providedAt } = event.data;
      return withAudit(f, auditId, (a) => {
        const request = a.evidenceRequests[requestId];
        if (!request) return a;
        const evidenceRequests = { ...a.evidenceRequests, [requestId]: { ...request, providedAt } };
        const stillOpen = Object.values(evidenceRequests).some((r) => r.providedAt === null);
        return stillOpen
          ? { ...a, evidenceRequests }
          : { ...a, evidenceRequests, clockPausedSince: null, evidenceCompleteAt: providedAt };
      });
    }
    case 'CriterionJudged': {
      const { auditId, criterionId, met, judgedAt, judgedBy } = event.data;
      return withAudit(f, auditId, (a) => ({ ...a, judged: { ...a.judged, [criterionId]: { met, judgedAt, judgedBy } } }));
    }
    case 'FindingRaised': {
      const d = event.data;
      return editFile(f, {
        findings: {
          ...f.findings,
          [d.findingId]: {
            findingId: d.findingId, auditId: d.auditId, grade: d.grade, criterionId: d.criterionId, dueDate: d.dueDate,
            raisedAt: d.raisedAt, state: 'open', overdueAt: null,
          },
        },
      });
    }
    case 'CorrectiveActionSubmitted':
      return withFinding(f, event.data.findingId, { state: 'action_submitted' });
    case 'CorrectiveActionAccepted':
      return withFinding(f, event.data.findingId, { state: 'action_accepted' });
    case 'CorrectiveActionOverdue':
      return withFinding(f, event.data.findingId, { overdueAt: event.data.detectedAt });
    case 'FindingClosed':
      return withFinding(f, event.data.findingId, { state: 'closed' });
    case 'AuditPassed':
    case 'AuditFailed': {
      const w = f.work;
      if (w?.stage !== 'UnderAudit' || w.audit.auditId !== event.data.auditId) return f;
      const d = event.data;
      const passed = d.recommendation === 'pass';
      const outcome = {
        passed,
        allExtendedMet: passed ? d.allExtendedMet : false,
        unmetExtendedCriteria: passed ? d.unmetExtendedCriteria : [],
        unmetCoreCriteria: passed ? [] : d.unmetCoreCriteria,
        completedAt: d.completedAt,
        completedBy: d.completedBy,
      };
      const work: WorkAt<'AuditPassed'> | WorkAt<'AuditFailed'> = passed
        ? { stage: 'AuditPassed', application: w.application, audit: w.audit, outcome }
        : { stage: 'AuditFailed', application: w.application, audit: w.audit, outcome };
      return editFile(f, { work });
    }
    case 'AccreditationGranted':
    case 'ExcellenceSealAwarded': {
      const d = event.data;
      const award: Award = {
        kind: event.type === 'AccreditationGranted' ? 'accreditation' : 'excellence',
        auditId: d.auditId, certificateNumber: d.certificateNumber, validFrom: d.validFrom, validUntil: d.validUntil,
        schemeVersion: d.schemeVersion, decidedAt: d.decidedAt, decidedBy: d.decidedBy,
      };
      const terms = [...f.terms, award];
      // Rule 7: a renewal decided before the current award ends waits for it; the current award stays as it is.
      if (f.award && !f.ended && isAfter(d.validFrom, d.decidedAt)) return editFile(f, { nextAward: award, terms, work: null });
      return editFile(f, { award, terms, nextAward: null, pendingDecision: null, work: null, suspension: null, ended: null });
    }
    case 'AwardTermStarted':
      return f.award && f.nextAward?.certificateNumber === event.data.certificateNumber
        ? editFile(f, { award: f.nextAward, nextAward: null, pendingDecision: null })
        : f;
    case 'AccreditationExtendedPendingDecision': {
      const d = event.data;
      return f.award ? editFile(f, { pendingDecision: { validUntil: d.validUntil, extendedUntil: d.extendedUntil, applicationId: d.applicationId } }) : f;
    }
    case 'AccreditationRefused': {
      const d = event.data;
      return editFile(f, {
        work: null,
        decisions: {
          ...f.decisions,
          refusal: { kind: 'refusal', decidedAt: d.decidedAt, decidedBy: d.decidedBy, auditId: d.auditId, appealId: null, restoreWork: f.work, restoreAward: null, restoreNextAward: null },
        },
      });
    }
    case 'AccreditationSuspended': {
      if (!f.award) return f;
      const d = event.data;
      return editFile(f, {
        suspension: { reason: d.reason, suspendedAt: d.suspendedAt, suspendedUntil: d.suspendedUntil, decidedBy: d.decidedBy, limitReachedAt: null },
        decisions: {
          ...f.decisions,
          suspension: { kind: 'suspension', decidedAt: d.suspendedAt, decidedBy: d.decidedBy, auditId: f.award.auditId, appealId: null, restoreWork: null, restoreAward: null, restoreNextAward: null },
        },
      });
    }
    case 'AccreditationReinstated':
      return editFile(f, { suspension: null });
    case 'SuspensionLimitReached':
      return f.suspension ? editFile(f, { suspension: { ...f.suspension, limitReachedAt: event.data.limitReachedAt } }) : f;
    case 'AccreditationWithdrawn': {
      if (!f.award) return f;
      const d = event.data;
      return editFile(f, {
        award: null, nextAward: null, pendingDecision: null, suspension: null, work: null,
        ended: { kind: 'Withdrawn', at: d.withdrawnAt, lastAward: f.award },
        decisions: {
          ...f.decisions,
          withdrawal: {
            kind: 'withdrawal', decidedAt: d.withdrawnAt, decidedBy: d.decidedBy, auditId: f.award.auditId, appealId: null,
            restoreWork: null, restoreAward: f.award, restoreNextAward: f.nextAward,
          },
        },
      });
    }
    case 'AccreditationRelinquished':
      return f.award
        ? editFile(f, { award: null, nextAward: null, pendingDecision: null, suspension: null, work: null, ended: { kind: 'Relinquished', at: event.data.relinquishedAt, lastAward: f.award } })
        : f;
    case 'AccreditationExpired':
      // Rule 9: final for the cycle; a renewal still in progress can no longer be decided.
      return f.award
        ? editFile(f, { award: null, nextAward: null, pendingDecision: null, suspension: null, work: null, ended: { kind: 'Expired', at: event.data.expiredAt, lastAward: f.award } })
        : f;
    case 'RenewalReminderIssued':
      return editFile(f, { remindersIssued: [...f.remindersIssued, `${event.data.validUntil}|${event.data.monthsBefore}`] });
    case 'AppealLodged': {
      const d = event.data;
      const record = f.decisions[d.against];
      return editFile(f, {
        appeals: {
          ...f.appeals,
          [d.appealId]: {
            appealId: d.appealId, against: d.against, lodgedAt: d.lodgedAt, lodgedBy: d.lodgedBy, decision: record ?? null,
            state: 'open', decidedAt: null, decidedBy: null,
          },
        },
        decisions: record ? { ...f.decisions, [d.against]: { ...record, appealId: d.appealId } } : f.decisions,
      });
    }
    case 'AppealDecided': {
      const d = event.data;
      const appeal = f.appeals[d.appealId];
      if (!appeal) return f;
      const next: CentreFile = editFile(f, { appeals: { ...f.appeals, [d.appealId]: { ...appeal, state: d.outcome, decidedAt: d.decidedAt, decidedBy: d.decidedBy } } });
      return d.outcome === 'upheld' ? overturn(next, appeal) : next;
    }
    case 'CorrectionRecorded':
      return editFile(f, { corrections: [...f.corrections, { correctsEventId: event.data.correctsEventId, correctedAt: event.data.correctedAt }] });
    // Stryker disable next-line all: exhaustive switch, unreachable (TypeScript's never check)
    default:
      return assertNever(event);
  }
}

/** Rule 13: an upheld appeal restores what the appealed decision took away, if that is still the situation. */
function overturn(f: CentreFile, appeal: Appeal): CentreFile {
  const record = appeal.decision;
  const effect = appealEffect(f, appeal);
  if (!record || effect === 'none') return f;
  if (effect === 'suspension_lifted') return editFile(f, { suspension: null });
  // validUntil is untouched: an award restored after its validUntil still expires.
  if (effect === 'award_restored') return editFile(f, { ended: null, award: record.restoreAward, nextAward: record.restoreNextAward });
  // The committee decides again on the same completed audit.
  return editFile(f, { work: record.restoreWork });
}
