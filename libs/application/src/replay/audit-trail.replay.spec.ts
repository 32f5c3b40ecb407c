import { type CentreCommand, AggregateNotFound, centreDecider } from '@accreditation/domain';
import { InMemoryEventStore } from '@accreditation/event-store';
import { randomIds } from '../ids/id-source';
import { AdjustableClock } from '../ports/clock';
import { createDeciderRunner, readStoredEvent } from '../runner/create-decider-runner';
import { AuditTrailReplay } from './audit-trail.replay';
import { dossierToCsv } from './dossier-csv';
import { dossierToHtml } from './dossier-html';

const office = { id: 'office-1', role: 'office' as const };
const clerk = { id: 'clerk-7', role: 'office' as const };
const c = (type: string, data: Record<string, unknown>) => ({ type, data: { centreId: 'c1', ...data } }) as CentreCommand;

/** A centre registered in 2019 (imported in 2024), signed off and enrolled live in 2024. */
async function history() {
  const store = new InMemoryEventStore();
  const clock = new AdjustableClock(new Date('2024-03-01T09:00:00Z'));
  const runner = createDeciderRunner(store, clock, randomIds, 3);
  const run = (command: CentreCommand, occurredAt?: string) => runner.run(centreDecider, 'centre-c1', { command, actor: office, correlationId: 'corr', occurredAt, ...(occurredAt ? { recordedBy: clerk } : {}) });
  await run(c('RegisterCentre', { name: 'Centre One', country: 'FR', city: 'Lyon', institution: 'HCL', proceduresPerYear: 300, representativeId: 'p1', contactId: 'p2', substituteId: 'p3' }), '2019-05-01T00:00:00.000Z');
  clock.set(new Date('2024-03-02T09:00:00Z'));
  await run(c('AttestSignOff', { signatory: 'hospital_director', signatoryId: 'p9' }));
  clock.set(new Date('2024-03-03T09:00:00Z'));
  await run(c('EnrolCentre', { feeReference: 'FEE-1' }));
  return { store, replay: new AuditTrailReplay(store, readStoredEvent, clock) };
}

describe('AuditTrailReplay', () => {
  it('replays the whole trail with actor, both clocks and an intact chain', async () => {
    const { replay } = await history();
    const dossier = await replay.replay('c1', { kind: 'latest' });
    expect(dossier.trail.map((e) => e.type)).toEqual(['CentreRegistered', 'SignOffAttested', 'CentreEnrolled']);
    expect(dossier.trail[0]).toMatchObject({ actorId: 'office-1', actorRole: 'office', recordedById: 'clerk-7', occurredAt: '2019-05-01T00:00:00.000Z', recordedAt: '2024-03-01T09:00:00.000Z' });
    expect(dossier.state).toMatchObject({ status: 'Enrolled' });
    expect(dossier.integrity).toMatchObject({ intact: true, verified: 3 });
  });

  it('tells "as it was in the world" from "as the engine knew it"', async () => {
    const { replay } = await history();
    const asOf2020 = await replay.replay('c1', { kind: 'asOf', at: '2020-01-01T00:00:00.000Z' });
    expect(asOf2020.trail.map((e) => e.type)).toEqual(['CentreRegistered']);
    expect(asOf2020.state).toMatchObject({ status: 'Registered' });
    const known2020 = await replay.replay('c1', { kind: 'knownAt', at: '2020-01-01T00:00:00.000Z' });
    expect(known2020.trail).toEqual([]);
    expect(known2020.state).toEqual({ status: 'Unregistered' });
    const atRevision1 = await replay.replay('c1', { kind: 'revision', revision: 1 });
    expect(atRevision1.trail).toHaveLength(2);
    expect(atRevision1.integrity).toMatchObject({ intact: true, verified: 3 });
  });

  it('names the first altered event when the chain is broken', async () => {
    const { store } = await history();
    const events = await store.readStream('centre-c1');
    const tampered = new InMemoryEventStore();
    await tampered.appendToStream(
      'centre-c1',
      events.map((e, i) => ({ id: e.id, type: e.type, data: i === 1 ? { ...(e.data as object), signatoryId: 'someone-else' } : e.data, metadata: e.metadata })),
      'no_stream',
    );
    const dossier = await new AuditTrailReplay(tampered, readStoredEvent, new AdjustableClock(new Date())).replay('c1', { kind: 'latest' });
    expect(dossier.integrity).toMatchObject({ intact: false, verified: 1, brokenAt: { revision: 1, reason: 'content_edited' } });
  });

  it('exports CSV and a printable HTML dossier', async () => {
    const { replay } = await history();
    const dossier = await replay.replay('c1', { kind: 'latest' });
    const csv = dossierToCsv(dossier).trim().split('\r\n');
    expect(csv[0]).toBe('revision,position,eventId,type,occurredAt,recordedAt,actorId,actorRole,recordedById,correlationId,commandId,schemeVersion,hash,data');
    expect(csv).toHaveLength(4);
    expect(csv[1]).toContain('CentreRegistered');
    const html = dossierToHtml(dossier);
    expect(html).toContain('Integrity chain intact: 3 events verified');
    expect(html).toContain('<strong>Centre enrolled</strong>');
  });

  it('rejects an unknown centre', async () => {
    const { replay } = await history();
    await expect(replay.replay('nobody', { kind: 'latest' })).rejects.toBeInstanceOf(AggregateNotFound);
  });
});
