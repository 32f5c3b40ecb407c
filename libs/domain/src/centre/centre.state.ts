import type { IsoDateTime } from '../shared/primitives';
import type { AppealableDecision, ApplicationKind, CriterionAnswer, FindingGrade, Signatory, SuspensionReason } from './centre.events';

export interface CentreProfile {
  name: string;
  country: string;
  city: string;
  institution: string;
  proceduresPerYear: number;
  representativeId: string;
  contactId: string;
  substituteId: string;
  signOff: { signatory: Signatory; signatoryId: string; attestedAt: IsoDateTime } | null;
}

export interface Enrolment {
  enrolledAt: IsoDateTime;
  paidUntil: IsoDateTime;
  /** Set by EnrolmentLapsed; cleared by a renewal or a new enrolment. */
  lapsedAt: IsoDateTime | null;
}

export interface Application {
  applicationId: string;
  kind: ApplicationKind;
  schemeVersion: string;
  answers: Record<string, CriterionAnswer>;
  caseCount: number;
  submittedAt: IsoDateTime;
  submittedBy: string;
}

export interface EvidenceRequest {
  requestedAt: IsoDateTime;
  providedAt: IsoDateTime | null;
}

export type ObjectionState = 'pending' | 'upheld' | 'rejected';

export interface Audit {
  auditId: string;
  applicationId: string;
  kind: ApplicationKind;
  schemeVersion: string;
  dueDate: IsoDateTime;
  openedAt: IsoDateTime;
  objections: Record<string, ObjectionState>;
  evidenceRequests: Record<string, EvidenceRequest>;
  /** The decision clock stops while any evidence request is open (DOMAIN.md, Assessment). */
  clockPausedSince: IsoDateTime | null;
  /** When the last open request was answered: the 8-12 week decision letter counts from here. */
  evidenceCompleteAt: IsoDateTime | null;
  judged: Record<string, { met: boolean; judgedAt: IsoDateTime; judgedBy: string }>;
}

export interface AuditOutcome {
  passed: boolean;
  allExtendedMet: boolean;
  unmetExtendedCriteria: string[];
  unmetCoreCriteria: string[];
  completedAt: IsoDateTime;
  completedBy: string;
}

/** The application in progress and how far it got. */
export type Work =
  | { stage: 'ApplicationSubmitted'; application: Application }
  | { stage: 'UnderAudit'; application: Application; audit: Audit }
  | { stage: 'AuditPassed'; application: Application; audit: Audit; outcome: AuditOutcome }
  | { stage: 'AuditFailed'; application: Application; audit: Audit; outcome: AuditOutcome };
export type WorkAt<S extends Work['stage']> = Extract<Work, { stage: S }>;

/** Everyone ever appointed to an audit (separation of duties looks here) and who is active now. */
export interface AuditTeam {
  everAppointed: string[];
  active: string[];
}

export type FindingState = 'open' | 'action_submitted' | 'action_accepted' | 'closed';

export interface Finding {
  findingId: string;
  auditId: string;
  grade: FindingGrade;
  criterionId: string;
  dueDate: IsoDateTime | null;
  raisedAt: IsoDateTime;
  state: FindingState;
  overdueAt: IsoDateTime | null;
}

/** An accreditation or Centre of Excellence term. */
export interface Award {
  kind: 'accreditation' | 'excellence';
  auditId: string;
  certificateNumber: string;
  validFrom: IsoDateTime;
  validUntil: IsoDateTime;
  schemeVersion: string;
  decidedAt: IsoDateTime;
  decidedBy: string;
}

export interface Suspension {
  reason: SuspensionReason;
  suspendedAt: IsoDateTime;
  suspendedUntil: IsoDateTime;
  decidedBy: string;
  limitReachedAt: IsoDateTime | null;
}

/** Rule 7: the explicit, bounded stay of an award whose renewal audit was complete before validUntil. */
export interface PendingDecision {
  validUntil: IsoDateTime;
  extendedUntil: IsoDateTime;
  applicationId: string;
}

export interface Ended {
  kind: 'Expired' | 'Withdrawn' | 'Relinquished';
  at: IsoDateTime;
  lastAward: Award;
}

/** The latest appealable decision of each kind, with what an upheld appeal restores. */
export interface AppealableDecisionRecord {
  kind: AppealableDecision;
  decidedAt: IsoDateTime;
  decidedBy: string;
  /** Audit whose auditors may not handle the appeal. */
  auditId: string | null;
  appealId: string | null;
  /** Refusal: the completed audit to decide again. */
  restoreWork: Work | null;
  /** Withdrawal: the award to give back. */
  restoreAward: Award | null;
  /** Withdrawal: a renewal already decided that was to start at restoreAward's validUntil. */
  restoreNextAward: Award | null;
}

/** What an upheld appeal did; `none` when the situation has moved on since the decision (or dismissed). */
export type AppealEffect = 'suspension_lifted' | 'award_restored' | 'returned_to_committee' | 'none';

export interface Appeal {
  appealId: string;
  against: AppealableDecision;
  lodgedAt: IsoDateTime;
  lodgedBy: string;
  /** The very decision appealed (rule 13), fixed when the appeal is lodged. */
  decision: AppealableDecisionRecord | null;
  state: 'open' | 'upheld' | 'dismissed';
  decidedAt: IsoDateTime | null;
  decidedBy: string | null;
}

/** Facts every registered centre carries, whatever its status. */
export interface CentreRecord {
  centreId: string;
  profile: CentreProfile;
  enrolment: Enrolment | null;
  /** Accreditation cycle; a new one starts with an initial application after an award ended. */
  cycle: number;
  /** Awards granted in the current cycle, oldest first ("completed 4-year term" looks here). */
  terms: Award[];
  /**
   * A renewal or seal decided before the current award ends: it starts at the current award's
   * validUntil (rule 7), so the current award stays what it is until then (`AwardTermStarted`).
   */
  nextAward: Award | null;
  /** The current award in force past its validUntil, pending the committee's decision on a renewal. */
  pendingDecision: PendingDecision | null;
  findings: Record<string, Finding>;
  auditTeams: Record<string, AuditTeam>;
  decisions: Partial<Record<AppealableDecision, AppealableDecisionRecord>>;
  appeals: Record<string, Appeal>;
  /** `${validUntil}|${monthsBefore}` of reminders already issued. */
  remindersIssued: string[];
  corrections: Array<{ correctsEventId: string; correctedAt: IsoDateTime }>;
  /** Latest occurredAt in the stream (rule 10). */
  lastOccurredAt: IsoDateTime;
}

/** The slots that decide the status; `settleCentre` derives the status from them. */
export interface CentreSlots {
  award: Award | null;
  work: Work | null;
  suspension: Suspension | null;
  ended: Ended | null;
}

export type CentreFile = CentreRecord & CentreSlots;

type In<S extends string, X extends CentreSlots> = CentreRecord & X & { status: S };
type NoAward = { award: null; suspension: null; ended: null };

export type UnregisteredCentre = { status: 'Unregistered' };
export type RegisteredCentre = In<'Registered', NoAward & { work: null }>;
export type EnrolledCentre = In<'Enrolled', NoAward & { work: null }>;
export type ApplicationSubmittedCentre = In<'ApplicationSubmitted', NoAward & { work: WorkAt<'ApplicationSubmitted'> }>;
export type UnderAuditCentre = In<'UnderAudit', NoAward & { work: WorkAt<'UnderAudit'> }>;
export type AwaitingDecisionCentre = In<'AwaitingDecision', NoAward & { work: WorkAt<'AuditPassed'> }>;
export type AuditFailedCentre = In<'AuditFailed', NoAward & { work: WorkAt<'AuditFailed'> }>;
/** Accredited or CoE; `work` is a re-certification or excellence application in progress. */
export type AccreditedCentre = In<'Accredited', { award: Award; work: Work | null; suspension: null; ended: null }>;
export type ExcellenceCentre = In<'CentreOfExcellence', { award: Award; work: Work | null; suspension: null; ended: null }>;
export type SuspendedCentre = In<'Suspended', { award: Award; work: Work | null; suspension: Suspension; ended: null }>;
/** An expired award is final (rule 9); `work` is null for new histories (older ones may still hold one). */
export type ExpiredCentre = In<'Expired', { award: null; work: Work | null; suspension: null; ended: Ended }>;
export type WithdrawnCentre = In<'Withdrawn', { award: null; work: null; suspension: null; ended: Ended }>;
export type RelinquishedCentre = In<'Relinquished', { award: null; work: null; suspension: null; ended: Ended }>;

export type KnownCentre =
  | RegisteredCentre
  | EnrolledCentre
  | ApplicationSubmittedCentre
  | UnderAuditCentre
  | AwaitingDecisionCentre
  | AuditFailedCentre
  | AccreditedCentre
  | ExcellenceCentre
  | SuspendedCentre
  | ExpiredCentre
  | WithdrawnCentre
  | RelinquishedCentre;

export type CentreState = UnregisteredCentre | KnownCentre;
export type CentreStatus = CentreState['status'];

export const initialCentreState = (): CentreState => ({ status: 'Unregistered' });

const STAGE_STATUS = {
  ApplicationSubmitted: 'ApplicationSubmitted',
  UnderAudit: 'UnderAudit',
  AuditPassed: 'AwaitingDecision',
  AuditFailed: 'AuditFailed',
} as const;

/** Status is derived from the slots, so it cannot disagree with them. */
export function statusOf(file: CentreFile): KnownCentre['status'] {
  if (file.ended) return file.ended.kind;
  if (file.award) return file.suspension ? 'Suspended' : file.award.kind === 'excellence' ? 'CentreOfExcellence' : 'Accredited';
  if (file.work) return STAGE_STATUS[file.work.stage];
  return file.enrolment && !file.enrolment.lapsedAt ? 'Enrolled' : 'Registered';
}

/**
 * A shallow copy of the file, field by field. Object spread (`{ ...file }`) of these ~20 fields
 * took V8 (Node 20) ten times as long, and a replay copies the file once per event.
 * Listing every field is checked: CentreFile's fields are all required, so a new one fails to compile here.
 */
export function copyFile(f: CentreFile): CentreFile {
  return {
    centreId: f.centreId, profile: f.profile, enrolment: f.enrolment, cycle: f.cycle, terms: f.terms, nextAward: f.nextAward,
    pendingDecision: f.pendingDecision, findings: f.findings, auditTeams: f.auditTeams, decisions: f.decisions, appeals: f.appeals,
    remindersIssued: f.remindersIssued, corrections: f.corrections, lastOccurredAt: f.lastOccurredAt,
    award: f.award, work: f.work, suspension: f.suspension, ended: f.ended,
  };
}

/** `{ ...file, ...changes }` as a new file, at copyFile's speed; the file passed in is never changed. */
export const editFile = (f: CentreFile, changes: Partial<CentreFile>): CentreFile => Object.assign(copyFile(f), changes);

/** The profile with some fields changed, as a new object (field by field, as copyFile). */
export function editProfile(p: CentreProfile, changes: Partial<CentreProfile>): CentreProfile {
  return Object.assign({
    name: p.name, country: p.country, city: p.city, institution: p.institution, proceduresPerYear: p.proceduresPerYear,
    representativeId: p.representativeId, contactId: p.contactId, substituteId: p.substituteId, signOff: p.signOff,
  }, changes);
}

/**
 * settleCentre without the copy, for a file its caller has just built and nobody else holds (the
 * copy evolve makes of the previous state): a replay folds thousands of events, one copy each.
 */
export function settleOwnCopy(file: CentreFile, lastOccurredAt: IsoDateTime): KnownCentre {
  const settled = file as CentreFile & { status: KnownCentre['status'] };
  settled.lastOccurredAt = lastOccurredAt;
  settled.status = statusOf(file);
  return settled as KnownCentre;
}

/** The file as a state: its status derived, and its lastOccurredAt moved on when one is given. */
export function settleCentre(file: CentreFile, lastOccurredAt: IsoDateTime = file.lastOccurredAt): KnownCentre {
  // The single cast (in settleOwnCopy): evolve keeps the slot combinations statusOf maps to a legal variant.
  return settleOwnCopy(copyFile(file), lastOccurredAt);
}

export function fileOf(state: KnownCentre): CentreFile {
  const { status: _status, ...file } = state;
  return file;
}

/** Does the centre hold an award that gives it the right to the seal? */
export const holdsValidAward = (state: CentreState): boolean => state.status === 'Accredited' || state.status === 'CentreOfExcellence';
