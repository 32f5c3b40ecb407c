import { AggregateNotFound } from '../shared/domain-errors';
import { deciderSpec } from '../testing/decider-spec';
import { AUDITOR_A, AUDITOR_B, ctx, day, OFFICE } from '../testing/centre.fixtures';
import type { AuditorEvent } from './auditor.events';
import { auditorDecider } from './auditor.decider';
import { personFactsFor } from './auditor.facts';
import { evolveAuditor } from './auditor.evolve';

const spec = deciderSpec(auditorDecider);
const T = day('2025-01-10');
const registered: AuditorEvent[] = [{ type: 'AuditorRegistered', data: { auditorId: AUDITOR_A.id, country: 'IT', specialties: ['TACE'], registeredAt: T, registeredBy: OFFICE.id } }];

describe('Auditor', () => {
  it('RegisterAuditor → AuditorRegistered', () => {
    spec.given([]).when({ type: 'RegisterAuditor', data: { auditorId: AUDITOR_A.id, country: 'IT', specialties: ['TACE'] } }, ctx(OFFICE, T)).then(registered);
  });

  it('AuditorAlreadyRegistered', () => {
    spec.given(registered).when({ type: 'RegisterAuditor', data: { auditorId: AUDITOR_A.id, country: 'IT', specialties: [] } }, ctx(OFFICE, T)).thenBreaks('AuditorAlreadyRegistered');
  });

  it('unknown auditor → AggregateNotFound', () => {
    spec.given([]).when({ type: 'DeclareConflict', data: { auditorId: 'x', centreId: 'c', description: '' } }, ctx(OFFICE, T)).thenThrows(AggregateNotFound);
  });

  it('an auditor declares their own conflicts; not someone else\'s', () => {
    spec.given(registered).when({ type: 'DeclareConflict', data: { auditorId: AUDITOR_A.id, centreId: 'c-1', description: 'Trained there' } }, ctx(AUDITOR_A, day('2025-02-01'))).then([
      { type: 'ConflictDeclared', data: { auditorId: AUDITOR_A.id, centreId: 'c-1', description: 'Trained there', declaredAt: day('2025-02-01'), declaredBy: AUDITOR_A.id } },
    ]);
    spec.given(registered).when({ type: 'DeclareConflict', data: { auditorId: AUDITOR_A.id, centreId: 'c-1', description: '' } }, ctx(AUDITOR_B, day('2025-02-01'))).thenBreaks('RoleNotPermitted');
  });

  it('the office records consultations; facts for a centre come from the fold', () => {
    const events: AuditorEvent[] = [
      ...registered,
      { type: 'ConsultationRecorded', data: { auditorId: AUDITOR_A.id, centreId: 'c-2', description: 'Set up the service', consultedAt: day('2025-02-01'), recordedBy: OFFICE.id } },
      { type: 'ConflictDeclared', data: { auditorId: AUDITOR_A.id, centreId: 'c-1', description: '', declaredAt: day('2025-02-02'), declaredBy: AUDITOR_A.id } },
    ];
    const state = events.reduce(auditorDecider.evolve, auditorDecider.initialState());
    expect(personFactsFor(state, 'c-1')).toEqual({ registeredAuditor: true, interestsDeclared: false, conflictDeclared: true, consultedForCentre: false });
    expect(personFactsFor(state, 'c-2')).toEqual({ registeredAuditor: true, interestsDeclared: false, conflictDeclared: false, consultedForCentre: true });
    expect(personFactsFor(auditorDecider.initialState(), 'c-1')).toEqual({ registeredAuditor: false, interestsDeclared: false, conflictDeclared: false, consultedForCentre: false });
    spec.given(events).when({ type: 'RecordConsultation', data: { auditorId: AUDITOR_A.id, centreId: 'c-3', description: '' } }, ctx(OFFICE, day('2025-02-01'))).thenBreaks('OccurredAtBeforeStreamHistory');
  });

  it('the fold ignores what it cannot use: declarations before registration, a second registration; repeats count once', () => {
    const initial = auditorDecider.initialState();
    const conflict: AuditorEvent = { type: 'ConflictDeclared', data: { auditorId: AUDITOR_A.id, centreId: 'c-1', description: '', declaredAt: day('2025-03-01'), declaredBy: AUDITOR_A.id } };
    const consulted: AuditorEvent = { type: 'ConsultationRecorded', data: { auditorId: AUDITOR_A.id, centreId: 'c-2', description: '', consultedAt: day('2025-02-01'), recordedBy: OFFICE.id } };
    expect(evolveAuditor(initial, conflict)).toBe(initial);
    expect(evolveAuditor(initial, consulted)).toBe(initial);
    const state = [...registered, conflict, conflict, consulted, consulted].reduce(evolveAuditor, initial);
    expect(state).toEqual({ status: 'Registered', auditorId: AUDITOR_A.id, country: 'IT', specialties: ['TACE'], conflicts: ['c-1'], consultations: ['c-2'], lastOccurredAt: day('2025-03-01') });
    expect(evolveAuditor(state, registered[0]!)).toBe(state);
  });

  it('RecordConsultation → ConsultationRecorded by the office, dated by the context', () => {
    spec.given(registered).when({ type: 'RecordConsultation', data: { auditorId: AUDITOR_A.id, centreId: 'c-3', description: 'Advised on the ICR' } }, ctx(OFFICE, day('2025-02-01'))).then([
      { type: 'ConsultationRecorded', data: { auditorId: AUDITOR_A.id, centreId: 'c-3', description: 'Advised on the ICR', consultedAt: day('2025-02-01'), recordedBy: OFFICE.id } },
    ]);
  });

  it('an unknown auditor is named in the error', () => {
    let error: unknown;
    try { auditorDecider.decide({ type: 'DeclareConflict', data: { auditorId: 'x', centreId: 'c', description: '' } }, auditorDecider.initialState(), ctx(OFFICE, T)); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(AggregateNotFound);
    expect(error).toMatchObject({ streamId: 'auditor-x', message: 'Auditor x is not registered.' });
    expect(new AggregateNotFound('centre-y').message).toBe('centre-y does not exist');
  });
});
