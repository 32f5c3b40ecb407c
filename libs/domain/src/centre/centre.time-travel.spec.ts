import { CentreStory, COMMITTEE, ctx, day, OFFICE } from '../testing/centre.fixtures';
import { occurredAtOf } from './centre.occurred-at';
import { centreStateAt, includesEvent, type TimedEvent } from './centre.time-travel';

/**
 * Strasbourg's history imported on 10 Jan 2025 (occurredAt 2019-2020, recordedAt 2025), then
 * one live event. "As of" 2021 it was accredited; "as known at" 2024 the engine knew nothing.
 */
function importedHistory(): TimedEvent[] {
  const IMPORTED = day('2025-01-10');
  const story = new CentreStory();
  const office = (at: string) => ctx(OFFICE, at, IMPORTED);
  story.run({ type: 'RegisterCentre', data: { centreId: story.centreId, name: 'IR', country: 'FR', city: 'Strasbourg', institution: 'HUS', proceduresPerYear: 400, representativeId: 'rep-1', contactId: 'contact-1', substituteId: 'sub-1' } }, office(day('2019-06-01')));
  story.run({ type: 'AttestSignOff', data: { centreId: story.centreId, signatory: 'head_of_department', signatoryId: 'hod' } }, office(day('2019-06-01')));
  story.run({ type: 'EnrolCentre', data: { centreId: story.centreId, feeReference: 'F' } }, office(day('2019-06-02')));
  const imported = story.events.length;
  story.passedAudit(day('2020-02-01'));
  const timed: TimedEvent[] = story.events.map((e, revision) => ({ ...e, revision, occurredAt: occurredAtOf(e), recordedAt: revision < imported ? IMPORTED : occurredAtOf(e) }));
  // The passed audit was recorded live in this fixture; make the grant an import too.
  const grantStory = story.fork();
  grantStory.run({ type: 'GrantAccreditation', data: { centreId: story.centreId, certificateNumber: 'C-2020-02', decider: { registeredAuditor: false, conflictDeclared: false, consultedForCentre: false } } }, ctx(COMMITTEE, day('2020-04-15')));
  const grant = grantStory.events.at(-1)!;
  return [...timed.map((e) => ({ ...e, recordedAt: IMPORTED })), { ...grant, revision: timed.length, occurredAt: day('2020-04-15'), recordedAt: IMPORTED }];
}

describe('centreStateAt', () => {
  const events = importedHistory();

  it('at a revision', () => {
    expect(centreStateAt(events, { revision: 0 }).status).toBe('Registered');
    expect(centreStateAt(events, { revision: 2 }).status).toBe('Enrolled');
    expect(centreStateAt(events, { revision: events.length - 1 }).status).toBe('Accredited');
  });

  it('as of an occurredAt date: what was true in the world', () => {
    expect(centreStateAt(events, { asOf: day('2019-12-31') }).status).toBe('Enrolled');
    expect(centreStateAt(events, { asOf: day('2020-03-01') }).status).toBe('AwaitingDecision');
    const accredited = centreStateAt(events, { asOf: day('2021-01-01') });
    expect(accredited.status).toBe('Accredited');
    if (accredited.status === 'Accredited') expect(accredited.award.validUntil).toBe(day('2024-04-15'));
  });

  it('as known at a recordedAt date: what the engine knew', () => {
    expect(centreStateAt(events, { knownAt: day('2024-12-31') }).status).toBe('Unregistered');
    expect(centreStateAt(events, { knownAt: day('2025-01-10') }).status).toBe('Accredited');
  });

  it('upcasts old event shapes on the way', () => {
    const [first, ...rest] = events;
    const { country, city, proceduresPerYear, ...data } = (first as Extract<TimedEvent, { type: 'CentreRegistered' }>).data;
    const v1 = { ...first, data: { ...data, location: `${city}, ${country}`, procedures: proceduresPerYear }, schemaVersion: 1 } as unknown as TimedEvent;
    const state = centreStateAt([v1, ...rest], { revision: 99 });
    expect(state.status).toBe('Accredited');
    if (state.status !== 'Unregistered') expect(state.profile).toMatchObject({ city: 'Strasbourg', country: 'FR', proceduresPerYear: 400 });
  });

  it('each point in time includes its boundary: the revision itself, an event at exactly asOf or knownAt', () => {
    const e = { revision: 3, occurredAt: day('2020-01-01'), recordedAt: day('2025-01-10') };
    expect(includesEvent(e, { revision: 3 })).toBe(true);
    expect(includesEvent(e, { revision: 2 })).toBe(false);
    expect(includesEvent(e, { asOf: day('2020-01-01') })).toBe(true);
    expect(includesEvent(e, { asOf: '2020-01-01T09:59:59.999Z' })).toBe(false);
    expect(includesEvent(e, { knownAt: day('2025-01-10') })).toBe(true);
    expect(includesEvent(e, { knownAt: '2025-01-10T09:59:59.999Z' })).toBe(false);
  });

  it('events without a schema version are taken as they are (already in the current shape)', () => {
    const state = centreStateAt(events, { revision: 0 });
    expect(state.status !== 'Unregistered' && state.profile).toMatchObject({ city: 'Strasbourg', country: 'FR', proceduresPerYear: 400 });
  });
});
