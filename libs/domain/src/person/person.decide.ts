import { assertTimeline } from '../rules/historical-import.rules';
import { assertPersonRole } from '../rules/roles.rules';
import type { DecisionContext } from '../shared/decision-context';
import { DomainRuleBroken } from '../shared/domain-errors';
import type { PersonCommand } from './person.commands';
import type { PersonEvent } from './person.events';
import type { PersonState } from './person.state';

/** A person's register of interests; separation of duties reads it through PersonFacts (rules 4 and 6, appeals). */
export function decidePerson(command: PersonCommand, state: PersonState, ctx: DecisionContext): PersonEvent[] {
  assertTimeline(ctx, state.lastOccurredAt);
  assertPersonRole(command, ctx);
  const d = command.data;
  if (!d.personId?.trim()) throw new DomainRuleBroken('RegistrationIncomplete', 'A person is named by their id.');
  switch (command.type) {
    case 'DeclareInterests':
      return [{ type: 'InterestsDeclared', data: { personId: d.personId, statement: command.data.statement, declaredAt: ctx.occurredAt, declaredBy: ctx.actor.id } }];
    case 'DeclarePersonConflict':
      return [{ type: 'PersonConflictDeclared', data: { personId: d.personId, centreId: command.data.centreId, description: command.data.description, declaredAt: ctx.occurredAt, declaredBy: ctx.actor.id } }];
    case 'RecordPersonConsultation':
      return [{ type: 'PersonConsultationRecorded', data: { personId: d.personId, centreId: command.data.centreId, description: command.data.description, consultedAt: ctx.occurredAt, recordedBy: ctx.actor.id } }];
    // Stryker disable next-line all: exhaustive switch, unreachable (TypeScript's never check)
    default: {
      const unreachable: never = command;
      return unreachable;
    }
  }
}
