import type { AuditorCommand, AuditorCommandType } from '../auditor/auditor.commands';
import type { CentreCommand, CentreCommandType } from '../centre/centre.commands';
import type { CentreProfile } from '../centre/centre.state';
import type { PersonCommand, PersonCommandType } from '../person/person.commands';
import type { DecisionContext } from '../shared/decision-context';
import { DomainRuleBroken } from '../shared/domain-errors';
import type { Role } from '../shared/primitives';

const TIMER: Role[] = ['system', 'office'];

/** Who may issue each centre command (DOMAIN.md, Roles). Timers run as `system`; the office may trigger them by hand. */
export const CENTRE_COMMAND_ROLES: Record<CentreCommandType, readonly Role[]> = {
  RegisterCentre: ['office'],
  // The office attests the sign-off it received from the Head of Department or Hospital Director; a centre never attests its own.
  AttestSignOff: ['office'],
  UpdateProcedureVolume: ['office', 'centre'],
  EnrolCentre: ['office'],
  RenewEnrolment: ['office'],
  LapseEnrolment: TIMER,
  SubmitApplication: ['centre'],
  OpenAudit: ['office'],
  ObjectToAuditor: ['centre'],
  DecideAuditorObjection: ['office', 'committee'],
  AppointAuditor: ['office'],
  RecuseAuditor: ['office', 'auditor'],
  RequestEvidence: ['auditor'],
  ProvideEvidence: ['centre'],
  JudgeCriterion: ['auditor'],
  RaiseFinding: ['auditor'],
  SubmitCorrectiveAction: ['centre'],
  AcceptCorrectiveAction: ['auditor'],
  CloseFinding: ['auditor'],
  MarkCorrectiveActionOverdue: TIMER,
  CompleteAudit: ['auditor'],
  GrantAccreditation: ['committee'],
  AwardExcellenceSeal: ['committee'],
  RefuseAccreditation: ['committee'],
  SuspendAccreditation: ['committee'],
  ReinstateAccreditation: ['committee'],
  RecordSuspensionLimitReached: TIMER,
  WithdrawAccreditation: ['committee'],
  RelinquishAccreditation: ['centre'],
  ExpireAccreditation: TIMER,
  IssueRenewalReminder: TIMER,
  LodgeAppeal: ['centre'],
  DecideAppeal: ['committee'],
  RecordCorrection: ['office', 'committee'],
};

/**
 * Legal acts for the centre: in the centre role only its authorised representative may issue them
 * (not the contact person or the substitute). Relinquishing ends the award.
 */
export const REPRESENTATIVE_ONLY: readonly CentreCommandType[] = ['RelinquishAccreditation'];

/** The register of interests: a person declares their own; the office records consultations (and may record for a person). */
export const PERSON_COMMAND_ROLES: Record<PersonCommandType, readonly Role[]> = {
  DeclareInterests: ['office', 'auditor', 'committee'],
  DeclarePersonConflict: ['office', 'auditor', 'committee'],
  RecordPersonConsultation: ['office'],
};

export const AUDITOR_COMMAND_ROLES: Record<AuditorCommandType, readonly Role[]> = {
  RegisterAuditor: ['office'],
  DeclareConflict: ['auditor', 'office'],
  RecordConsultation: ['office'],
};

/** Checked against the person who acted, also for an import (its recorder is `ctx.recordedBy`, checked by rule 10). */
function assertRoleIn(allowed: readonly Role[], type: string, ctx: DecisionContext): void {
  if (!allowed.includes(ctx.actor.role)) {
    throw new DomainRuleBroken('RoleNotPermitted', `${type} is for the ${allowed.join(' or ')} role, not ${ctx.actor.role}.`);
  }
}

/** Role check plus: a centre's people act only for their own centre, and legal acts only by its representative. */
export function assertCentreRole(command: CentreCommand, ctx: DecisionContext, profile: CentreProfile | null, centreId: string): void {
  assertRoleIn(CENTRE_COMMAND_ROLES[command.type], command.type, ctx);
  if (ctx.actor.role !== 'centre' || !profile) return;
  const own = [centreId, profile.representativeId, profile.contactId, profile.substituteId];
  if (!own.includes(ctx.actor.id)) {
    throw new DomainRuleBroken('CentreActsForItselfOnly', `${ctx.actor.id} is not the representative, contact or substitute of centre ${centreId}.`);
  }
  if (REPRESENTATIVE_ONLY.includes(command.type) && ctx.actor.id !== profile.representativeId) {
    throw new DomainRuleBroken('OnlyRepresentativeActsLegally', `${command.type} is a legal act for centre ${centreId}: only its authorised representative (${profile.representativeId}) may issue it, not ${ctx.actor.id}.`);
  }
}

/** Role check plus: outside the office, a person declares only their own interests. */
export function assertPersonRole(command: PersonCommand, ctx: DecisionContext): void {
  assertRoleIn(PERSON_COMMAND_ROLES[command.type], command.type, ctx);
  if (ctx.actor.role !== 'office' && ctx.actor.id !== command.data.personId) {
    throw new DomainRuleBroken('RoleNotPermitted', `A person declares their own interests only; ${ctx.actor.id} is not ${command.data.personId}.`);
  }
}

/** Role check plus: an auditor declares conflicts only for themself. */
export function assertAuditorRole(command: AuditorCommand, ctx: DecisionContext): void {
  assertRoleIn(AUDITOR_COMMAND_ROLES[command.type], command.type, ctx);
  if (ctx.actor.role === 'auditor' && ctx.actor.id !== command.data.auditorId) {
    throw new DomainRuleBroken('RoleNotPermitted', `An auditor declares conflicts for themself only; ${ctx.actor.id} is not ${command.data.auditorId}.`);
  }
}
