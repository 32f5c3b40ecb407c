import { type CentreEvent, centreStreamId, currentSchemaVersion } from '@accreditation/domain';
import { InMemoryEventStore } from '@accreditation/event-store';
import { CentreStory, day } from '../../../domain/src/testing/centre.fixtures';
import { randomIds } from '../ids/id-source';
import { AdjustableClock } from '../ports/clock';
import { createDeciderRunner } from '../runner/create-decider-runner';
import { fireDeadline } from './deadline-firing';
import { deadlinesSetBy } from './deadline-schedule';

async function storeWith(events: CentreEvent[], centreId = 'c1'): Promise<InMemoryEventStore> {
  const store = new InMemoryEventStore();
  await store.appendToStream(
    centreStreamId(centreId),
    events.map((e, i) => ({ id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`, type: e.type, data: e.data, metadata: { occurredAt: day('2020-04-15'), schemaVersion: currentSchemaVersion(e.type) } })),
    'no_stream',
  );
  return store;
}

describe('deadlines', () => {
  const accredited = () => new CentreStory('c1').accredited(day('2020-04-15')).events;

  it('an accreditation schedules its expiry at validUntil and reminders 6 and 3 months before', () => {
    const granted = accredited().find((e) => e.type === 'AccreditationGranted') as CentreEvent;
    const scheduled = deadlinesSetBy(granted);
    expect(scheduled.map((d) => [d.command.type, d.dueAt])).toEqual([
      ['IssueRenewalReminder', '2023-10-15T10:00:00.000Z'],
      ['IssueRenewalReminder', '2024-01-15T10:00:00.000Z'],
      ['ExpireAccreditation', '2024-04-15T10:00:00.000Z'],
    ]);
    expect(new Set(scheduled.map((d) => d.key)).size).toBe(3);
  });

  it('a pending-decision period schedules the expiry at its end', () => {
    const extended: CentreEvent = {
      type: 'AccreditationExtendedPendingDecision',
      data: { centreId: 'c1', applicationId: 'app', auditId: 'aud', validUntil: day('2024-04-15'), extendedUntil: day('2024-10-15'), extendedAt: day('2024-04-15') },
    };
    expect(deadlinesSetBy(extended)).toEqual([
      { key: `expiry:c1:${day('2024-10-15')}`, centreId: 'c1', dueAt: day('2024-10-15'), command: { type: 'ExpireAccreditation', data: { centreId: 'c1' } } },
    ]);
  });

  it('enrolment schedules its lapse; findings with a due date their overdue check; observations nothing', () => {
    const enrolled = accredited().find((e) => e.type === 'CentreEnrolled') as CentreEvent;
    expect(deadlinesSetBy(enrolled)).toEqual([expect.objectContaining({ command: { type: 'LapseEnrolment', data: { centreId: 'c1' } } })]);
    const observation: CentreEvent = { type: 'FindingRaised', data: { centreId: 'c1', auditId: 'a', findingId: 'f', grade: 'observation', criterionId: '1a', description: 'x', dueDate: null, raisedAt: day('2020-01-01'), raisedBy: 'a' } };
    expect(deadlinesSetBy(observation)).toEqual([]);
  });

  it('fires the expiry exactly once, even when two projectors fire it at the same time', async () => {
    const store = await storeWith(accredited());
    const clock = new AdjustableClock(new Date('2024-04-16T00:00:00Z'));
    const expiry = deadlinesSetBy(accredited().find((e) => e.type === 'AccreditationGranted') as CentreEvent).at(-1)!;
    const [a, b] = await Promise.all([
      fireDeadline(createDeciderRunner(store, clock, randomIds, 5), expiry),
      fireDeadline(createDeciderRunner(store, clock, randomIds, 5), expiry),
    ]);
    expect([a.result, b.result]).toContain('fired');
    const expired = (await store.readStream('centre-c1')).filter((e) => e.type === 'AccreditationExpired');
    expect(expired).toHaveLength(1);
    expect(expired[0].metadata).toMatchObject({ actor: { id: 'deadline-jobs', role: 'system' } });
    // A restart fires it again: nothing new.
    await fireDeadline(createDeciderRunner(store, clock, randomIds, 5), expiry);
    expect((await store.readStream('centre-c1')).filter((e) => e.type === 'AccreditationExpired')).toHaveLength(1);
  });

  it('a late expiry is recorded at validUntil (occurredAt = due instant, recordedAt = now), by the engine', async () => {
    const store = await storeWith(accredited());
    const expiry = deadlinesSetBy(accredited().find((e) => e.type === 'AccreditationGranted') as CentreEvent).at(-1)!;
    await fireDeadline(createDeciderRunner(store, new AdjustableClock(new Date('2024-09-01T00:00:00Z')), randomIds, 5), expiry);
    const expired = (await store.readStream('centre-c1')).find((e) => e.type === 'AccreditationExpired')!;
    expect(expired.metadata).toMatchObject({ occurredAt: '2024-04-15T10:00:00.000Z', recordedAt: '2024-09-01T00:00:00.000Z', actor: { id: 'deadline-jobs', role: 'system' } });
    expect(expired.data).toMatchObject({ expiredAt: '2024-04-15T10:00:00.000Z' });
  });

  it('a timer fired before its time is not discarded: the outcome says when to fire it again', async () => {
    const suspended = new CentreStory('c1').accredited(day('2020-04-15')).suspended(day('2021-01-10'), day('2021-03-01')).events;
    const store = await storeWith(suspended);
    const limit = deadlinesSetBy(suspended.at(-1)!)[0];
    expect(limit.dueAt).toBe(day('2021-03-01'));
    const early = await fireDeadline(createDeciderRunner(store, new AdjustableClock(new Date('2021-02-01T00:00:00Z')), randomIds, 5), limit);
    expect(early).toMatchObject({ result: 'not-due', dueAt: day('2021-03-01') });
    const onTime = await fireDeadline(createDeciderRunner(store, new AdjustableClock(new Date('2021-03-01T10:00:00Z')), randomIds, 5), limit);
    expect(onTime).toEqual({ result: 'fired', events: ['SuspensionLimitReached'] });
  });
});
