import { CentreStory, day } from '../testing/centre.fixtures';
import type { CentreEvent } from './centre.events';
import { evolveCentre } from './centre.evolve';
import { initialCentreState } from './centre.state';

describe('evolveCentre', () => {
  it('ignores events before registration instead of failing a replay', () => {
    const stray: CentreEvent = { type: 'AccreditationReinstated', data: { centreId: 'x', reinstatedAt: day('2025-01-01'), decidedBy: 'c' } };
    expect(evolveCentre(initialCentreState(), stray)).toEqual(initialCentreState());
  });

  it('tracks the latest occurredAt of the stream (rule 10)', () => {
    const s = new CentreStory().onboarded(day('2025-01-10'));
    expect(s.known.lastOccurredAt).toBe(day('2025-01-10'));
  });

  it('a second CentreRegistered does not reset the centre', () => {
    const s = new CentreStory().onboarded(day('2025-01-10'));
    const again = evolveCentre(s.state, s.events[0]);
    expect(again).toBe(s.state);
  });

  it('derives the status from the slots: an enrolment lapse sends an Enrolled centre back to Registered only', () => {
    const lapse: CentreEvent = { type: 'EnrolmentLapsed', data: { centreId: 'hus-strasbourg', enrolmentPaidUntil: day('2026-01-10'), lapsedAt: day('2026-01-10') } };
    expect(evolveCentre(new CentreStory().onboarded(day('2025-01-10')).state, lapse).status).toBe('Registered');
    expect(evolveCentre(new CentreStory().accredited(day('2025-01-10')).state, lapse).status).toBe('Accredited');
  });
});
