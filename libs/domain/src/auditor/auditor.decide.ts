import { assertTimeline } from '../rules/historical-import.rules';
import { assertAuditorRole } from '../rules/roles.rules';
import type { DecisionContext } from '../shared/decision-context';
import { AggregateNotFound, DomainRuleBroken } from '../shared/domain-errors';
import { auditorStreamId } from '../shared/stream-ids';
import type { AuditorCommand } from './auditor.commands';
import type { AuditorEvent } from './auditor.events';
import type { AuditorState } from './auditor.state';

/** An auditor's own stream: registration, conflicts and consultations (rule 6 reads them via PersonFacts). */
export function decideAuditor(command: AuditorCommand, state: AuditorState, ctx: DecisionContext): AuditorEvent[] {
  if (state.status === 'Unregistered' && command.type !== 'RegisterAuditor') {
    throw new AggregateNotFound(auditorStreamId(command.data.auditorId), `Auditor ${command.data.auditorId} is not registered.`);
  }
  if (state.status === 'Registered' && command.type === 'RegisterAuditor') {
    throw new DomainRuleBroken('AuditorAlreadyRegistered', `Auditor ${state.auditorId} is already registered.`);
  }
  assertTimeline(ctx, state.status === 'Registered' ? state.lastOccurredAt : null);
  assertAuditorRole(command, ctx);
  const d = command.data;
  switch (command.type) {
    case 'RegisterAuditor':
      return [{ type: 'AuditorRegistered', data: { auditorId: d.auditorId, country: command.data.country, specialties: [...command.data.specialties], registeredAt: ctx.occurredAt, registeredBy: ctx.actor.id } }];
    case 'DeclareConflict':
      return [{ type: 'ConflictDeclared', data: { auditorId: d.auditorId, centreId: command.data.centreId, description: command.data.description, declaredAt: ctx.occurredAt, declaredBy: ctx.actor.id } }];
    case 'RecordConsultation':
      return [{ type: 'ConsultationRecorded', data: { auditorId: d.auditorId, centreId: command.data.centreId, description: command.data.description, consultedAt: ctx.occurredAt, recordedBy: ctx.actor.id } }];
    // Stryker disable next-line all: exhaustive switch, unreachable (TypeScript's never check)
    default: {
      const unreachable: never = command;
      return unreachable;
    }
  }
}
