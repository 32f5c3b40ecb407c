/**
 * Every business rule the deciders enforce, by name. The name travels in DomainRuleBroken.rule
 * and in API errors; the description documents it. Grouped by the invariant of docs/domain.md it serves;
 * the checks themselves live beside this file, one file per invariant or practice.
 */
export const RULES = {
  // Existence and addressing
  CentreAlreadyRegistered: 'A centre can be registered only once.',
  AuditorAlreadyRegistered: 'An auditor can be registered only once.',
  RegistrationIncomplete: 'Registration names the centre, its institution, country and city, an authorised representative, a contact person and a substitute, and a non-negative procedure volume.',
  NotAllowedInStatus: 'The command does not apply to the centre in its current status.',
  AuditMismatch: 'The command names an audit that is not the centre\'s current audit.',
  InvalidDate: 'Dates must be ISO 8601 date-times.',
  UnknownScheme: 'The scheme version must be one the engine knows.',
  UnknownCriterion: 'Criterion ids must exist in the scheme version the application or audit is decided under.',

  // Roles and separation of duties (ISO/IEC 17011 practice)
  RoleNotPermitted: 'Each command may be issued only by the roles the role table gives it (office, auditor, committee, centre, system timers); on an import, by the role of the person who really acted.',
  CentreActsForItselfOnly: 'A centre\'s representative acts only for their own centre.',
  OnlyAppointedAuditorsAssess: 'Only an auditor currently appointed to the audit judges criteria, raises findings, requests evidence and completes the audit; a finding\'s correction is verified by an auditor of the audit that raised it or of the centre\'s audit in progress.',
  OnlyRepresentativeActsLegally: 'Legal acts for a centre (relinquishing its award) are issued only by its authorised representative, not its contact person or substitute.',
  ConflictedAuditorCannotAct: 'A conflict of interest or consultation declared after the appointment takes effect at once: the auditor can no longer act on the audit, and once recused their judgements no longer count.',
  RelinquishWhileSuspended: 'A suspended award cannot be relinquished: the committee reinstates or withdraws it, so relinquishing cannot sidestep a withdrawal.',

  // 1. Enrolment eligibility
  ProcedureVolumeBelowMinimum: 'Rule 1: a centre enrols only with at least the scheme\'s minimum of therapeutic IO procedures a year (150).',
  SignOffNotAttested: 'Rule 1: a centre enrols only after the Head of Department or Hospital Director signed off.',
  AlreadyEnrolled: 'A centre with an active enrolment renews it instead of enrolling again.',
  EnrolmentNotActive: 'Rule 2: applying (and renewing an enrolment) needs an active, paid enrolment.',

  // 2. Application
  ApplicationInProgress: 'Rule 2: a centre has at most one application in progress.',
  ApplicationKindNotAllowed: 'Rule 2: an initial application is for a centre without an award; re-certification and excellence applications are for an accredited centre.',
  CoreCriteriaUnanswered: 'Rule 2: an application answers every core criterion of the scheme.',
  InternalCaseReviewIncomplete: 'Rule 2: the Internal Case Review lists exactly the scheme\'s number (30) of distinct case references.',

  // 3. Audit outcome
  AuditEvidenceOutstanding: 'Rule 3: an audit cannot pass while requested evidence is outstanding.',
  CoreCriteriaNotMet: 'Rule 3: an audit passes only if every core criterion is judged met.',
  MajorFindingOpen: 'Rule 3 and findings practice: no pass and no grant while a major finding is open.',
  AuditorAlreadyAppointed: 'An auditor is appointed to an audit once.',
  AuditorNotAppointed: 'Only an appointed auditor can be recused.',
  EvidenceRequestExists: 'Evidence request ids are unique within a centre\'s audit.',
  EvidenceRequestNotOpen: 'Evidence is provided against an open request.',

  // 4. Committee decisions
  GrantRequiresPassedAudit: 'Rule 4: accreditation is granted (or refused) only on a completed audit; granted only on a passed one.',
  AssessorCannotDecide: 'Rule 4: whoever decides was not an auditor on that audit.',
  ConsultantCannotDecide: 'Rule 4: whoever consulted for a centre may not decide for it.',
  ConflictedPersonCannotDecide: 'Whoever declared a conflict of interest with a centre may not decide for it.',
  AwardSuspended: 'A suspended award is reinstated before anything is granted or awarded on it.',

  // 5. Centre of Excellence
  ExcellenceRequiresCompletedTerm: 'Rule 5: the Centre of Excellence seal needs a 4-year accredited term of the current cycle completed by the seal\'s start (the old validUntil).',
  ExcellenceRequiresRecertificationAudit: 'Rule 5: the seal is awarded on a passed re-certification or excellence audit.',
  ExcellenceRequiresAllCriteria: 'Rule 5: the seal needs every core and every extended criterion met.',

  // 6. Auditor appointment
  AuditorNotRegistered: 'Rule 6: only a registered auditor can be appointed.',
  ConflictedAuditorCannotBeAppointed: 'Rule 6: an auditor with a declared conflict for the centre cannot be appointed to its audit.',
  ConsultantCannotAudit: 'Rule 6: an auditor who consulted for the centre cannot be appointed to its audit.',
  ObjectionBlocksAppointment: 'Rule 6: a centre\'s upheld objection blocks the auditor\'s appointment (and removes an appointed one).',
  ObjectionPending: 'Rule 6: an auditor the centre objected to is not appointed until the objection is decided.',
  ObjectionAlreadyRaised: 'A centre objects to an auditor once per audit.',
  NoPendingObjection: 'Only a pending objection can be decided.',

  // 7. Validity and renewal
  RenewalAfterExpiry: 'Rule 7: a re-certification or the seal is decided while the award is in force: before validUntil, or within the recorded, bounded pending-decision period that follows it when the renewal audit passed before validUntil; it then starts at the old validUntil. Afterwards the award has expired and a new cycle is needed.',
  RenewalAlreadyDecided: 'Rule 7: a term is renewed once; while a renewal decided early waits to start, no further renewal is applied for or decided.',

  // 8. Suspension
  SuspensionLimitExceeded: 'Rule 8: a suspension lasts at most the scheme\'s limit (6 months).',
  SuspensionPeriodInvalid: 'A suspension ends after it starts.',

  // 9. Final awards
  AwardIsFinal: 'Rule 9: withdrawn, relinquished and expired awards are final for their cycle; a new cycle starts with a new (initial) application.',

  // 10. Historical imports
  OccurredAtInFuture: 'Rule 10: nothing is recorded as having happened after the moment it is recorded (occurredAt <= recordedAt).',
  ImportRequiresOffice: 'Rule 10: historical imports are keyed in by the office (holding the import capability) only.',
  BackDatingRequiresImport: 'Rule 10: a live command is never back-dated; only a historical import, with the import capability and the person who really acted, has an occurredAt before recordedAt.',
  ImportMustBeInPast: 'Rule 10: a historical import records something that happened before the moment it is keyed in.',
  OccurredAtBeforeStreamHistory: 'Rule 10: occurredAt never goes backwards within a stream.',

  // 11. Corrections
  CorrectionMustNameEvent: 'Rule 11: events are never edited; a correction is a new event naming the event it corrects.',

  // Findings practice
  FindingAlreadyExists: 'Finding ids are unique within a centre.',
  FindingNotFound: 'The finding does not exist for this centre.',
  FindingAlreadyClosed: 'A closed finding stays closed; raise a new one.',
  ObservationNeedsNoResponse: 'Observations need no corrective action.',
  FindingNotAwaitingAction: 'A corrective action is submitted for an open finding without one pending or accepted.',
  CorrectiveActionNotSubmitted: 'Only a submitted corrective action can be accepted.',
  FindingCloseRequiresAcceptedAction: 'A major finding closes once its corrective action is verified (accepted); a minor one once its plan is accepted.',

  // Appeals practice
  NothingToAppeal: 'An appeal is lodged against a refusal, suspension or withdrawal the centre actually received.',
  AppealWindowClosed: 'An appeal is lodged within the scheme\'s window (30 days) after the decision.',
  AppealAlreadyLodged: 'A decision is appealed once.',
  AppealNotFound: 'The appeal does not exist for this centre.',
  AppealAlreadyDecided: 'An appeal is decided once.',
  AppealDeciderTookDecision: 'Whoever decides an appeal did not take the appealed decision.',
  AppealDeciderNotIndependent: 'Whoever decides an appeal was not an auditor on the audit concerned, never consulted for the centre and declared no conflict with it.',

  // Timers and enrolment
  TimerNotDue: 'A deadline command (lapse, overdue, suspension limit, expiry, reminder) is accepted only once its time has come.',
  ReminderOffsetNotInScheme: 'Renewal reminders go out only at the scheme\'s offsets (6 and 3 months).',
  ProcedureVolumeInvalid: 'A procedure volume is a non-negative whole number.',
} as const;

export type RuleName = keyof typeof RULES;
