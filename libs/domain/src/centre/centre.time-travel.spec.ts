import type { Actor } from '../shared/primitives';
import { answers, AUDITOR_A, CentreStory, CLEAN_AUDITOR, COMMITTEE, day, icr, importCtx, NO_FACTS, OFFICE, REPRESENTATIVE } from '../testing/centre.fixtures';
import { occurredAtOf } from './centre.occurred-at';
import { centreStateAt, includesEvent, type TimedEvent } from './centre.time-travel';

/**
 * Strasbourg's history imported on 10 Jan 2025 (occurredAt 2019-2020, recordedAt 2025), each
 * fact on behalf of whoever did it. "As of" 2021 it was accredited; "as known at" 2024 the engine
 * knew nothing.
 */
function importedHistory(): TimedEvent[] {
  const IMPORTED = day('2025-01-10');
  const story = new CentreStory();
  const as = (actor: Actor, at: string) => importCtx(actor, day(at), IMPORTED);
  const c = { centreId: story.centreId };
  story.run({ type: 'RegisterCentre', data: { ...c, name: 'IR', country: 'FR', city: 'Strasbourg', institution: 'HUS', proceduresPerYear: 400, representativeId: 'rep-1', contactId: 'contact-1', substituteId: 'sub-1' } }, as(OFFICE, '2019-06-01'));
  story.run({ type: 'AttestSignOff', data: { ...c, signatory: 'head_of_department', signatoryId: 'hod' } }, as(OFFICE, '2019-06-01'));
  story.run({ type: 'EnrolCentre', data: { ...c, feeReference: 'F' } }, as(OFFICE, '2019-06-02'));
  story.run({ type: 'SubmitApplication', data: { ...c, applicationId: 'APP-1', kind: 'initial', answers: answers(), icr: icr() } }, as(REPRESENTATIVE, '2020-02-01'));
  story.run({ type: 'OpenAudit', data: { ...c, auditId: 'AUD-1', dueDate: day('2020-03-01') } }, as(OFFICE, '2020-02-01'));
  story.run({ type: 'AppointAuditor', data: { ...c, auditId: 'AUD-1', auditorId: AUDITOR_A.id, auditor: CLEAN_AUDITOR } }, as(OFFICE, '2020-02-01'));
  for (const criterionId of Object.keys(answers())) story.run({ type: 'JudgeCriterion', data: { ...c, auditId: 'AUD-1', criterionId, met: true, note: '' } }, as(AUDITOR_A, '2020-02-01'));
  story.run({ type: 'CompleteAudit', data: { ...c, auditId: 'AUD-1', recommendation: 'pass', reason: 'All met' } }, as(AUDITOR_A, '2020-02-01'));
  story.run({ type: 'GrantAccreditation', data: { ...c, certificateNumber: 'C-2020-02', decider: NO_FACTS } }, as(COMMITTEE, '2020-04-15'));
  return story.events.map((e, revision) => ({ ...e, revision, occurredAt: occurredAtOf(e), recordedAt: IMPORTED }));
}

describe('centreStateAt', () => {
  const events = importedHistory();

  it('at a revision', () => {
    expect(centreStateAt(events, { revision: 0 }).status).toBe('Registered');
    expect(centreStateAt(events, { revision: 2 }).status).toBe('Enrolled');
    expect(centreStateAt(events, { revision: 3 }).status).toBe('ApplicationSubmitted');
    expect(centreStateAt(events, { revision: events.length - 1 }).status).toBe('Accredited');
  });

  it('as of an occurredAt date: what was true in the world', () => {
    expect(centreStateAt(events, { asOf: day('2019-12-31') }).status).toBe('Enrolled');
    expect(centreStateAt(events, { asOf: day('2020-03-01') }).status).toBe('AwaitingDecision');
    const accredited = centreStateAt(events, { asOf: day('2021-01-01') });
    expect(accredited.status).toBe('Accredited');
    if (accredited.status === 'Accredited') expect(accredited.award.validUntil).toBe(day('2024-04-15'));
  });

  it('as known at a recordedAt date: what the engine knew, and what those dates implied by then', () => {
    expect(centreStateAt(events, { knownAt: day('2024-12-31') }).status).toBe('Unregistered');
    expect(centreStateAt(events, { knownAt: day('2025-01-10') }).status).toBe('Expired');
  });

  it('as of a date, what the dates imply counts even before the timers\' events are recorded', () => {
    // No expiry or lapse is recorded in this stream, yet the award ended at validUntil (end-exclusive).
    expect(events.map((e) => e.type)).not.toContain('AccreditationExpired');
    expect(centreStateAt(events, { asOf: '2024-04-15T09:59:59.999Z' }).status).toBe('Accredited');
    const expired = centreStateAt(events, { asOf: day('2024-04-15') });
    expect(expired).toMatchObject({ status: 'Expired', ended: { kind: 'Expired', at: day('2024-04-15') } });
    // The enrolment, paid until 2020-06-02, had lapsed by 2020-07-01 (the award stands on its own).
    expect(centreStateAt(events, { asOf: day('2020-07-01') })).toMatchObject({ status: 'Accredited', enrolment: { lapsedAt: day('2020-06-02') } });
    // A revision is the stream exactly as recorded.
    expect(centreStateAt(events, { revision: events.length - 1 }).status).toBe('Accredited');
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
