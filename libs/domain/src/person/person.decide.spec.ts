import { auditorDecider } from '../auditor/auditor.decider';
import type { AuditorEvent } from '../auditor/auditor.events';
import { personFactsFor } from '../auditor/auditor.facts';
import { deciderSpec } from '../testing/decider-spec';
import { AUDITOR_A, COMMITTEE, COMMITTEE_2, ctx, day, importCtx, OFFICE, REPRESENTATIVE } from '../testing/centre.fixtures';
import { personDecider } from './person.decider';
import type { PersonEvent } from './person.events';

const spec = deciderSpec(personDecider);
const fold = (events: PersonEvent[]) => events.reduce(personDecider.evolve, personDecider.initialState());

describe('Person register of interests', () => {
  it('a committee member, not an auditor, declares their own conflict; the fact reaches separation of duties', () => {
    const events = spec.given([]).when({ type: 'DeclarePersonConflict', data: { personId: COMMITTEE.id, centreId: 'c-1', description: 'Former head of IR there' } }, ctx(COMMITTEE, day('2025-01-10'))).then([
      { type: 'PersonConflictDeclared', data: { personId: COMMITTEE.id, centreId: 'c-1', description: 'Former head of IR there', declaredAt: day('2025-01-10'), declaredBy: COMMITTEE.id } },
    ]);
    expect(personFactsFor(auditorDecider.initialState(), 'c-1', fold(events))).toEqual({ registeredAuditor: false, interestsDeclared: false, conflictDeclared: true, consultedForCentre: false });
    expect(personFactsFor(auditorDecider.initialState(), 'c-2', fold(events))).toEqual({ registeredAuditor: false, interestsDeclared: false, conflictDeclared: false, consultedForCentre: false });
  });

  it('the office records a consultation; a declaration of interests is on file', () => {
    const consulted = spec.given([]).when({ type: 'RecordPersonConsultation', data: { personId: COMMITTEE_2.id, centreId: 'c-1', description: 'Advised on the self-assessment' } }, ctx(OFFICE, day('2025-01-10'))).then([
      { type: 'PersonConsultationRecorded', data: { personId: COMMITTEE_2.id, centreId: 'c-1', description: 'Advised on the self-assessment', consultedAt: day('2025-01-10'), recordedBy: OFFICE.id } },
    ]);
    const declared = spec.given(consulted).when({ type: 'DeclareInterests', data: { personId: COMMITTEE_2.id, statement: 'No other interests' } }, ctx(COMMITTEE_2, day('2025-01-11'))).then([
      { type: 'InterestsDeclared', data: { personId: COMMITTEE_2.id, statement: 'No other interests', declaredAt: day('2025-01-11'), declaredBy: COMMITTEE_2.id } },
    ]);
    expect(personFactsFor(auditorDecider.initialState(), 'c-1', fold([...consulted, ...declared]))).toEqual({ registeredAuditor: false, interestsDeclared: true, conflictDeclared: false, consultedForCentre: true });
  });

  it('RoleNotPermitted: nobody declares for someone else (but the office); a person does not record their own consultation; a centre has no say', () => {
    spec.given([]).when({ type: 'DeclarePersonConflict', data: { personId: COMMITTEE.id, centreId: 'c-1', description: '' } }, ctx(COMMITTEE_2, day('2025-01-10'))).thenBreaks('RoleNotPermitted');
    spec.given([]).when({ type: 'DeclarePersonConflict', data: { personId: COMMITTEE.id, centreId: 'c-1', description: '' } }, ctx(OFFICE, day('2025-01-10'))).thenMatches([{ type: 'PersonConflictDeclared', data: { declaredBy: OFFICE.id } }]);
    spec.given([]).when({ type: 'RecordPersonConsultation', data: { personId: COMMITTEE.id, centreId: 'c-1', description: '' } }, ctx(COMMITTEE, day('2025-01-10'))).thenBreaks('RoleNotPermitted');
    spec.given([]).when({ type: 'DeclareInterests', data: { personId: REPRESENTATIVE.id, statement: '' } }, ctx(REPRESENTATIVE, day('2025-01-10'))).thenBreaks('RoleNotPermitted');
  });

  it('facts merge the person record with the auditor stream', () => {
    const auditor: AuditorEvent[] = [
      { type: 'AuditorRegistered', data: { auditorId: AUDITOR_A.id, country: 'IT', specialties: [], registeredAt: day('2025-01-01'), registeredBy: OFFICE.id } },
      { type: 'ConsultationRecorded', data: { auditorId: AUDITOR_A.id, centreId: 'c-2', description: '', consultedAt: day('2025-01-02'), recordedBy: OFFICE.id } },
    ];
    const person = fold([{ type: 'PersonConflictDeclared', data: { personId: AUDITOR_A.id, centreId: 'c-1', description: '', declaredAt: day('2025-01-03'), declaredBy: AUDITOR_A.id } }]);
    const state = auditor.reduce(auditorDecider.evolve, auditorDecider.initialState());
    expect(personFactsFor(state, 'c-1', person)).toEqual({ registeredAuditor: true, interestsDeclared: false, conflictDeclared: true, consultedForCentre: false });
    expect(personFactsFor(state, 'c-2', person)).toEqual({ registeredAuditor: true, interestsDeclared: false, conflictDeclared: false, consultedForCentre: true });
  });

  it('OccurredAtBeforeStreamHistory: a person record keeps its order', () => {
    const events = spec.given([]).when({ type: 'DeclareInterests', data: { personId: AUDITOR_A.id, statement: 'None' } }, ctx(AUDITOR_A, day('2025-02-01'))).then([
      { type: 'InterestsDeclared', data: { personId: AUDITOR_A.id, statement: 'None', declaredAt: day('2025-02-01'), declaredBy: AUDITOR_A.id } },
    ]);
    spec.given(events).when({ type: 'RecordPersonConsultation', data: { personId: AUDITOR_A.id, centreId: 'c', description: '' } }, importCtx(OFFICE, day('2025-01-01'), day('2025-03-01'))).thenBreaks('OccurredAtBeforeStreamHistory');
  });
  it('RegistrationIncomplete: a person is named by a non-blank id', () => {
    const error = spec.given([]).when({ type: 'RecordPersonConsultation', data: { personId: '  ', centreId: 'c-1', description: 'Advice' } }, ctx(OFFICE, day('2025-01-10'))).thenBreaks('RegistrationIncomplete');
    expect(error.message).toBe('A person is named by their id.');
    // Commands are typed, but the id may still arrive missing from outside.
    spec.given([]).when({ type: 'RecordPersonConsultation', data: { personId: undefined as unknown as string, centreId: 'c-1', description: 'Advice' } }, ctx(OFFICE, day('2025-01-10')))
      .thenBreaks('RegistrationIncomplete');
  });

  it('a person with nothing declared: the empty record', () => {
    expect(personDecider.initialState()).toEqual({ personId: null, interestsDeclaredAt: null, conflicts: [], consultations: [], lastOccurredAt: null });
  });
});
