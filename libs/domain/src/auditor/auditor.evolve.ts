import { laterOf } from '../shared/time';
import type { AuditorEvent } from './auditor.events';
import type { AuditorState } from './auditor.state';

const withItem = (list: string[], item: string): string[] => (list.includes(item) ? list : [...list, item]);

export function evolveAuditor(state: AuditorState, event: AuditorEvent): AuditorState {
  switch (event.type) {
    case 'AuditorRegistered':
      if (state.status !== 'Unregistered') return state;
      return {
        status: 'Registered', auditorId: event.data.auditorId, country: event.data.country, specialties: [...event.data.specialties],
        conflicts: [], consultations: [], lastOccurredAt: event.data.registeredAt,
      };
    case 'ConflictDeclared':
      if (state.status !== 'Registered') return state;
      return { ...state, conflicts: withItem(state.conflicts, event.data.centreId), lastOccurredAt: laterOf(state.lastOccurredAt, event.data.declaredAt) };
    case 'ConsultationRecorded':
      if (state.status !== 'Registered') return state;
      return { ...state, consultations: withItem(state.consultations, event.data.centreId), lastOccurredAt: laterOf(state.lastOccurredAt, event.data.consultedAt) };
    // Stryker disable next-line all: exhaustive switch, unreachable (TypeScript's never check)
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}
