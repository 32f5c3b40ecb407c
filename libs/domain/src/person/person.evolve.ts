import { laterOf } from '../shared/time';
import type { PersonEvent } from './person.events';
import type { PersonState } from './person.state';

const withItem = (list: string[], item: string): string[] => (list.includes(item) ? list : [...list, item]);
const at = (state: PersonState, when: string): string => (state.lastOccurredAt ? laterOf(state.lastOccurredAt, when) : when);

export function evolvePerson(state: PersonState, event: PersonEvent): PersonState {
  const personId = event.data.personId;
  switch (event.type) {
    case 'InterestsDeclared':
      return { ...state, personId, interestsDeclaredAt: event.data.declaredAt, lastOccurredAt: at(state, event.data.declaredAt) };
    case 'PersonConflictDeclared':
      return { ...state, personId, conflicts: withItem(state.conflicts, event.data.centreId), lastOccurredAt: at(state, event.data.declaredAt) };
    case 'PersonConsultationRecorded':
      return { ...state, personId, consultations: withItem(state.consultations, event.data.centreId), lastOccurredAt: at(state, event.data.consultedAt) };
    // Stryker disable next-line all: exhaustive switch, unreachable (TypeScript's never check)
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}
