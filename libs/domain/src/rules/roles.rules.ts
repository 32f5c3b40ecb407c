import type { AuditorCommand, AuditorCommandType } from '../auditor/auditor.commands';
import type { CentreCommand, CentreCommandType } from '../centre/centre.commands';
import type { CentreProfile } from '../centre/centre.state';
import type { DecisionContext } from '../shared/decision-context';
import { DomainRuleBroken } from '../shared/domain-errors';
import type { Role } from '../shared/primitives';

const TIMER: Role[] = ['system', 'office'];

/** Who may issue each centre command (DOMAIN.md, Roles). Timers run as `system`; the office may trigger them by hand. */
export const CENTRE_COMMAND_ROLES: Record<CentreCommandType, readonly Role[]> = {
  RegisterCentre: ['office'],
  AttestSignOff: ['office', 'centre'],
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

/** Role check plus: a centre's people act only for their own centre. */
export function assertCentreRole(command: CentreCommand, ctx: DecisionContext, profile: CentreProfile | null, centreId: string): void {
  assertRoleIn(CENTRE_COMMAND_ROLES[command.type], command.type, ctx);
  if (ctx.actor.role !== 'centre' || !profile) return;
  const own = [centreId, profile.representativeId, profile.contactId, profile.substituteId];
  if (!own.includes(ctx.actor.id)) {
    throw new DomainRuleBroken('CentreActsForItselfOnly', `${ctx.actor.id} is not the representative, contact or substitute of centre ${centreId}.`);
  }
}

/** Role check plus: an auditor declares conflicts only for themself. */
export function assertAuditorRole(command: AuditorCommand, ctx: DecisionContext): void {
  assertRoleIn(AUDITOR_COMMAND_ROLES[command.type], command.type, ctx);
  if (ctx.actor.role === 'auditor' && ctx.actor.id !== command.data.auditorId) {
    throw new DomainRuleBroken('RoleNotPermitted', `An auditor declares conflicts for themself only; ${ctx.actor.id} is not ${command.data.auditorId}.`);
  }
}
