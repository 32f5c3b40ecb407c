import { assertTimeline } from '../rules/historical-import.rules';
import { assertCentreRole } from '../rules/roles.rules';
import type { DecisionContext } from '../shared/decision-context';
import { AggregateNotFound, DomainRuleBroken } from '../shared/domain-errors';
import { centreStreamId } from '../shared/stream-ids';
import type { CentreCommand } from './centre.commands';
import type { CentreEvent } from './centre.events';
import { assertNever } from './centre.occurred-at';
import { evolveCentre } from './centre.evolve';
import type { CentreState, KnownCentre } from './centre.state';
import { dueTimerEvents } from './centre.timers';
import { appointAuditor, completeAudit, decideAuditorObjection, judgeCriterion, objectToAuditor, provideEvidence, recuseAuditor, requestEvidence } from './decide/audit.decide';
import { decideAppeal, lodgeAppeal } from './decide/appeals.decide';
import { openAudit, submitApplication } from './decide/application.decide';
import {
  expireAccreditation, issueRenewalReminder, recordSuspensionLimitReached, reinstateAccreditation, relinquishAccreditation,
  suspendAccreditation, withdrawAccreditation,
} from './decide/award.decide';
import { awardExcellenceSeal, grantAccreditation, refuseAccreditation } from './decide/committee.decide';
import { enrolCentre, lapseEnrolment, renewEnrolment } from './decide/enrolment.decide';
import { acceptCorrectiveAction, closeFinding, markCorrectiveActionOverdue, raiseFinding, submitCorrectiveAction } from './decide/findings.decide';
import { attestSignOff, recordCorrection, registerCentre, updateProcedureVolume } from './decide/registration.decide';

/**
 * Decides the events a command produces on a centre, or throws: DomainRuleBroken naming the rule,
 * or AggregateNotFound for anything but RegisterCentre on an empty stream. Pure: the clock, the
 * actor and the scheme version come in `ctx`, ids in the command.
 */
export function decideCentre(command: CentreCommand, state: CentreState, ctx: DecisionContext): CentreEvent[] {
  if (state.status === 'Unregistered') {
    if (command.type !== 'RegisterCentre') throw new AggregateNotFound(centreStreamId(command.data.centreId), `Centre ${command.data.centreId} is not registered.`);
    assertTimeline(ctx, null);
    assertCentreRole(command, ctx, null, command.data.centreId);
    return registerCentre(command.data, ctx);
  }
  if (command.type === 'RegisterCentre') {
    throw new DomainRuleBroken('CentreAlreadyRegistered', `Centre ${state.centreId} is already registered.`);
  }
  // Rule 10 and the role matrix apply to every command, before anything else.
  assertTimeline(ctx, state.lastOccurredAt);
  assertCentreRole(command, ctx, state.profile, state.centreId);

  // Timers due by the command's instant take effect first, at their own instants, and any the
  // command's events make due (an award restored after its validUntil) right after, in the same
  // append: a live command and an imported one see the same world, and no timer blocks an import.
  const before = dueTimerEvents(state, ctx.occurredAt, ctx);
  const settled = before.reduce(evolveCentre, state as CentreState) as KnownCentre;
  const decided = decideKnown(command, settled, ctx);
  const after = dueTimerEvents(decided.reduce(evolveCentre, settled as CentreState), ctx.occurredAt, ctx);
  return [...before, ...decided, ...after];
}

function decideKnown(command: Exclude<CentreCommand, { type: 'RegisterCentre' }>, state: KnownCentre, ctx: DecisionContext): CentreEvent[] {
  switch (command.type) {
    case 'AttestSignOff': return attestSignOff(command.data, ctx);
    case 'UpdateProcedureVolume': return updateProcedureVolume(command.data, ctx);
    case 'EnrolCentre': return enrolCentre(command.data, state, ctx);
    case 'RenewEnrolment': return renewEnrolment(command.data, state, ctx);
    case 'LapseEnrolment': return lapseEnrolment(command.data, state, ctx);
    case 'SubmitApplication': return submitApplication(command.data, state, ctx);
    case 'OpenAudit': return openAudit(command.data, state, ctx);
    case 'ObjectToAuditor': return objectToAuditor(command.data, state, ctx);
    case 'DecideAuditorObjection': return decideAuditorObjection(command.data, state, ctx);
    case 'AppointAuditor': return appointAuditor(command.data, state, ctx);
    case 'RecuseAuditor': return recuseAuditor(command.data, state, ctx);
    case 'RequestEvidence': return requestEvidence(command.data, state, ctx);
    case 'ProvideEvidence': return provideEvidence(command.data, state, ctx);
    case 'JudgeCriterion': return judgeCriterion(command.data, state, ctx);
    case 'RaiseFinding': return raiseFinding(command.data, state, ctx);
    case 'SubmitCorrectiveAction': return submitCorrectiveAction(command.data, state, ctx);
    case 'AcceptCorrectiveAction': return acceptCorrectiveAction(command.data, state, ctx);
    case 'CloseFinding': return closeFinding(command.data, state, ctx);
    case 'MarkCorrectiveActionOverdue': return markCorrectiveActionOverdue(command.data, state, ctx);
    case 'CompleteAudit': return completeAudit(command.data, state, ctx);
    case 'GrantAccreditation': return grantAccreditation(command.data, state, ctx);
    case 'AwardExcellenceSeal': return awardExcellenceSeal(command.data, state, ctx);
    case 'RefuseAccreditation': return refuseAccreditation(command.data, state, ctx);
    case 'SuspendAccreditation': return suspendAccreditation(command.data, state, ctx);
    case 'ReinstateAccreditation': return reinstateAccreditation(command.data, state, ctx);
    case 'RecordSuspensionLimitReached': return recordSuspensionLimitReached(command.data, state, ctx);
    case 'WithdrawAccreditation': return withdrawAccreditation(command.data, state, ctx);
    case 'RelinquishAccreditation': return relinquishAccreditation(command.data, state, ctx);
    case 'ExpireAccreditation': return expireAccreditation(command.data, state, ctx);
    case 'IssueRenewalReminder': return issueRenewalReminder(command.data, state, ctx);
    case 'LodgeAppeal': return lodgeAppeal(command.data, state, ctx);
    case 'DecideAppeal': return decideAppeal(command.data, state, ctx);
    case 'RecordCorrection': return recordCorrection(command.data, ctx);
    // Stryker disable next-line all: exhaustive switch, unreachable (TypeScript's never check)
    default: return assertNever(command);
  }
}
