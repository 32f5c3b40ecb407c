import { type CentreCommand, centreStreamId } from '@accreditation/domain';
import { InMemoryEventStore, type EventStore, verifyChain } from '@accreditation/event-store';
import { AdjustableClock } from '../ports/clock';
import { createDeciderRunner } from './create-decider-runner';
import { ConcurrencyConflict, IdempotencyKeyReused, PreconditionFailed, StreamIntegrityBroken, StreamUnreadable } from './application.errors';
import { DeciderRunner } from './decider-runner';
import type { CommandRequest } from './command-request';
import { centreDecider, currentSchemaVersion } from '@accreditation/domain';

const office = { id: 'office-1', role: 'office' as const };
const register: CentreCommand = {
  type: 'RegisterCentre',
  data: { centreId: 'c1', name: 'Centre One', country: 'FR', city: 'Lyon', institution: 'HCL', proceduresPerYear: 300, representativeId: 'p1', contactId: 'p2', substituteId: 'p3' },
};
const sequentialIds = () => {
  let n = 0;
  return { uuid: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` };
};
const req = (command: CentreCommand, extra: Partial<CommandRequest<CentreCommand>> = {}): CommandRequest<CentreCommand> => ({ command, actor: office, correlationId: 'corr-1', ...extra });

describe('DeciderRunner', () => {
  let store: InMemoryEventStore;
  let clock: AdjustableClock;
  let ids: ReturnType<typeof sequentialIds>;
  const runnerOn = (s: EventStore, retries = 3) => createDeciderRunner(s, clock, ids, retries);

  beforeEach(() => {
    ids = sequentialIds();
    store = new InMemoryEventStore();
    clock = new AdjustableClock(new Date('2024-01-10T09:00:00Z'));
  });

  it('currentState gives the stream as it is now: a cached view extended by what another writer appended behind its back, reading only the tail', async () => {
    const runner = runnerOn(store);
    await runner.run(centreDecider, centreStreamId('c1'), req(register));
    // Another process (a second runner on the same store) writes; this runner's cache does not know.
    await runnerOn(store).run(centreDecider, centreStreamId('c1'), req({ type: 'UpdateProcedureVolume', data: { centreId: 'c1', proceduresPerYear: 480 } } as CentreCommand));
    const whole = await runnerOn(store).currentState(centreDecider, centreStreamId('c1'));
    const reads: unknown[] = [];
    const readStream = store.readStream.bind(store);
    jest.spyOn(store, 'readStream').mockImplementation((streamId, options) => {
      reads.push(options);
      return readStream(streamId, options);
    });
    const state = await runner.currentState(centreDecider, centreStreamId('c1'));
    expect(state).toEqual(whole);
    expect(JSON.stringify(state)).toContain('480');
    expect(reads).toEqual([{ fromRevision: 1 }]);
    // Nothing new: still one read of the (empty) tail, never a stale answer.
    await runner.currentState(centreDecider, centreStreamId('c1'));
    expect(reads).toEqual([{ fromRevision: 1 }, { fromRevision: 2 }]);
  });

  it('reads, decides and appends with full metadata and a hash-chain link', async () => {
    const runner = runnerOn(store);
    const outcome = await runner.run(centreDecider, centreStreamId('c1'), req(register));
    expect(outcome).toMatchObject({ streamId: 'centre-c1', revision: 0, replayed: false, events: [{ type: 'CentreRegistered', revision: 0 }] });
    const [event] = await store.readStream('centre-c1');
    expect(event.metadata).toMatchObject({
      actor: office, correlationId: 'corr-1', causationId: 'corr-1', commandId: outcome.commandId,
      recordedAt: '2024-01-10T09:00:00.000Z', occurredAt: '2024-01-10T09:00:00.000Z', schemaVersion: currentSchemaVersion('CentreRegistered'),
    });
    expect(verifyChain(await store.readStream('centre-c1'))).toMatchObject({ intact: true, verified: 1 });
  });

  it('chains each new event to the previous one of the stream', async () => {
    const runner = runnerOn(store);
    await runner.run(centreDecider, 'centre-c1', req(register));
    await runner.run(centreDecider, 'centre-c1', req({ type: 'AttestSignOff', data: { centreId: 'c1', signatory: 'hospital_director', signatoryId: 'p9' } }));
    const events = await store.readStream('centre-c1');
    expect(events[1].metadata.previousHash).toBe(events[0].metadata.hash);
    expect(verifyChain(events)).toMatchObject({ intact: true, verified: 2 });
  });

  it('answers a repeated Idempotency-Key with the first response and appends nothing', async () => {
    const runner = runnerOn(store);
    const first = await runner.run(centreDecider, 'centre-c1', req(register, { idempotencyKey: 'k-1' }));
    clock.advance(60_000);
    const again = await runner.run(centreDecider, 'centre-c1', req(register, { idempotencyKey: 'k-1' }));
    expect(again).toEqual({ ...first, replayed: true });
    expect(await store.readStream('centre-c1')).toHaveLength(1);
  });

  it('refuses an Idempotency-Key reused for a different request', async () => {
    const runner = runnerOn(store);
    await runner.run(centreDecider, 'centre-c1', req(register, { idempotencyKey: 'k-1' }));
    const other = { ...register, data: { ...register.data, name: 'Another name' } };
    await expect(runner.run(centreDecider, 'centre-c1', req(other, { idempotencyKey: 'k-1' }))).rejects.toBeInstanceOf(IdempotencyKeyReused);
  });

  it('fails with PreconditionFailed when If-Match names an old revision', async () => {
    const runner = runnerOn(store);
    await runner.run(centreDecider, 'centre-c1', req(register));
    const attest: CentreCommand = { type: 'AttestSignOff', data: { centreId: 'c1', signatory: 'hospital_director', signatoryId: 'p9' } };
    await expect(runner.run(centreDecider, 'centre-c1', req(attest, { expectedRevision: -1 }))).rejects.toBeInstanceOf(PreconditionFailed);
    await expect(runner.run(centreDecider, 'centre-c1', req(attest, { expectedRevision: 0 }))).resolves.toMatchObject({ revision: 1 });
  });

  it('retries a lost race and gives up with ConcurrencyConflict after the bounded retries', async () => {
    await runnerOn(store).run(centreDecider, 'centre-c1', req(register));
    // A store whose every append loses the race: a rival writes just before ours.
    let appends = 0;
    const racing: EventStore = {
      readStream: (id, options) => store.readStream(id, options),
      readAll: (options) => store.readAll(options),
      subscribeToAll: (handler, options) => store.subscribeToAll(handler, options),
      health: () => store.health(),
      close: () => store.close(),
      appendToStream: async (streamId, events, expected) => {
        appends++;
        await store.appendToStream(streamId, [{ id: `00000000-0000-4000-9000-${String(appends).padStart(12, '0')}`, type: 'ProcedureVolumeUpdated', data: { centreId: 'c1', proceduresPerYear: 200 + appends, updatedAt: '2024-01-10T09:00:00.000Z', updatedBy: 'rival' } }], 'any');
        return store.appendToStream(streamId, events, expected);
      },
    };
    const attest: CentreCommand = { type: 'AttestSignOff', data: { centreId: 'c1', signatory: 'hospital_director', signatoryId: 'p9' } };
    await expect(runnerOn(racing, 2).run(centreDecider, 'centre-c1', req(attest))).rejects.toBeInstanceOf(ConcurrencyConflict);
    expect(appends).toBe(3);
  });

  it('records a historical import with occurredAt in the past, recordedAt now, the real actor and the clerk as recorder', async () => {
    const runner = runnerOn(store);
    const clerk = { id: 'clerk-7', role: 'office' as const };
    await runner.run(centreDecider, 'centre-c1', req(register, { occurredAt: '2019-05-01T00:00:00.000Z', recordedBy: clerk }));
    const [event] = await store.readStream('centre-c1');
    expect(event.metadata).toMatchObject({ occurredAt: '2019-05-01T00:00:00.000Z', recordedAt: '2024-01-10T09:00:00.000Z', actor: office, recordedBy: clerk });
    expect(verifyChain(await store.readStream('centre-c1'))).toMatchObject({ intact: true });
  });

  it('refuses a back-dated command without a recorder (no import capability)', async () => {
    await expect(runnerOn(store).run(centreDecider, 'centre-c1', req(register, { occurredAt: '2024-01-10T08:59:59.000Z' }))).rejects.toMatchObject({ rule: 'BackDatingRequiresImport' });
    expect(await store.readStream('centre-c1')).toEqual([]);
  });

  it('records timer events decided alongside a command at their due instant, by the engine, chained', async () => {
    const runner = runnerOn(store);
    const clerk = { id: 'clerk-7', role: 'office' as const };
    const at = (occurredAt: string) => ({ occurredAt, recordedBy: clerk });
    await runner.run(centreDecider, 'centre-c1', req(register, at('2019-01-07T00:00:00.000Z')));
    await runner.run(centreDecider, 'centre-c1', req({ type: 'AttestSignOff', data: { centreId: 'c1', signatory: 'hospital_director', signatoryId: 'p9' } }, at('2019-01-07T00:00:00.000Z')));
    await runner.run(centreDecider, 'centre-c1', req({ type: 'EnrolCentre', data: { centreId: 'c1', feeReference: 'FEE-1' } }, at('2019-01-07T00:00:00.000Z')));
    await runner.run(centreDecider, 'centre-c1', req({ type: 'UpdateProcedureVolume', data: { centreId: 'c1', proceduresPerYear: 250 } }, at('2020-02-01T00:00:00.000Z')));
    const events = await store.readStream('centre-c1');
    expect(events.slice(-2).map((e) => [e.type, e.metadata.occurredAt, (e.metadata.actor as { id: string }).id, e.metadata.recordedBy])).toEqual([
      ['EnrolmentLapsed', '2020-01-07T00:00:00.000Z', 'deadline-jobs', undefined],
      ['ProcedureVolumeUpdated', '2020-02-01T00:00:00.000Z', office.id, clerk],
    ]);
    expect(verifyChain(events)).toMatchObject({ intact: true, verified: 5 });
  });

  describe('with cached stream views', () => {
    const attest: CentreCommand = { type: 'AttestSignOff', data: { centreId: 'c1', signatory: 'hospital_director', signatoryId: 'p9' } };
    const enrol: CentreCommand = { type: 'EnrolCentre', data: { centreId: 'c1', feeReference: 'FEE-1' } };

    it('sees what another process appended since, and keeps the chain', async () => {
      const a = runnerOn(store);
      const b = runnerOn(store); // its own cache, as in another process
      await a.run(centreDecider, 'centre-c1', req(register));
      await b.run(centreDecider, 'centre-c1', req(attest));
      // Enrolment needs the sign-off that only B wrote: A's cache refuses it, so A reads the tail before answering.
      await expect(a.run(centreDecider, 'centre-c1', req(enrol))).resolves.toMatchObject({ revision: 2 });
      expect(verifyChain(await store.readStream('centre-c1'))).toMatchObject({ intact: true, verified: 3 });
    });

    /** The store, recording what each readStream asked for. */
    const spyingOn = (reads: unknown[]): EventStore => ({
      appendToStream: (id, events, expected) => store.appendToStream(id, events, expected),
      readStream: (id, options) => {
        reads.push(options?.fromRevision ?? 'whole stream');
        return store.readStream(id, options);
      },
      readAll: (options) => store.readAll(options),
      subscribeToAll: (handler, options) => store.subscribeToAll(handler, options),
      health: () => store.health(),
      close: () => store.close(),
    });
    const volume: CentreCommand = { type: 'UpdateProcedureVolume', data: { centreId: 'c1', proceduresPerYear: 250 } };

    it('given a current cached view, when commands follow, then it decides on it and reads nothing: the exact-revision append proves it current', async () => {
    const reads: unknown[] = [];
      const runner = runnerOn(spyingOn(reads));
      await runner.run(centreDecider, 'centre-c1', req(register));
      await runner.run(centreDecider, 'centre-c1', req(attest));
      await expect(runner.run(centreDecider, 'centre-c1', req(enrol))).resolves.toMatchObject({ revision: 2 });
      expect(reads).toEqual(['whole stream']);
      expect(verifyChain(await store.readStream('centre-c1'))).toMatchObject({ intact: true, verified: 3 });
    });

    it('given a cache behind another process, when its append is refused, then it reads the tail and decides again at once, without spending a retry', async () => {
    const reads: unknown[] = [];
      const a = runnerOn(spyingOn(reads), 0); // no retries at all for lost races
      await a.run(centreDecider, 'centre-c1', req(register));
      await runnerOn(store).run(centreDecider, 'centre-c1', req(attest));
      await expect(a.run(centreDecider, 'centre-c1', req(volume))).resolves.toMatchObject({ revision: 2 });
      expect(reads).toEqual(['whole stream', 1]);
      const events = await store.readStream('centre-c1');
      expect(events.map((e) => e.type)).toEqual(['CentreRegistered', 'SignOffAttested', 'ProcedureVolumeUpdated']);
      expect(verifyChain(events)).toMatchObject({ intact: true, verified: 3 });
    });

    it('given a cache behind another process, when the request names the newer revision in If-Match, then it is checked against the store, not refused', async () => {
      const a = runnerOn(store);
      await a.run(centreDecider, 'centre-c1', req(register));
      await runnerOn(store).run(centreDecider, 'centre-c1', req(attest));
      await expect(a.run(centreDecider, 'centre-c1', req(volume, { expectedRevision: 1 }))).resolves.toMatchObject({ revision: 2 });
      await expect(a.run(centreDecider, 'centre-c1', req(volume, { expectedRevision: 1 }))).rejects.toBeInstanceOf(PreconditionFailed);
    });

    it('given a cache behind a signed head that another process wrote, then it reads the store before calling the stream truncated', async () => {
      const ledger: { signed?: { revision: number } } = {};
      const a = createDeciderRunner(store, clock, ids, 3, 100, { anchoredHead: () => ledger.signed });
      await a.run(centreDecider, 'centre-c1', req(register));
      await runnerOn(store).run(centreDecider, 'centre-c1', req(attest));
      ledger.signed = { revision: 1 }; // a digest signed the head the other process wrote
      await expect(a.run(centreDecider, 'centre-c1', req(volume))).resolves.toMatchObject({ revision: 2 });
    });

    it('answers an Idempotency-Key first used in another process', async () => {
      const first = await runnerOn(store).run(centreDecider, 'centre-c1', req(register, { idempotencyKey: 'k-2' }));
      const again = await runnerOn(store).run(centreDecider, 'centre-c1', req(register, { idempotencyKey: 'k-2' }));
      expect(again).toEqual({ ...first, replayed: true });
    });
  });

  it('refuses to write to a stream holding an event that no longer reads, or one found broken (never a crash)', async () => {
    await runnerOn(store).run(centreDecider, centreStreamId('c1'), req(register));
    const unreadable = new DeciderRunner(store, clock, ids, () => { throw new Error('InvalidDate'); }, { maxRetries: 1, currentSchemeVersion: 'x', schemaVersionOf: () => 1 });
    const volume: CentreCommand = { type: 'UpdateProcedureVolume', data: { centreId: 'c1', proceduresPerYear: 200 } };
    await expect(unreadable.run(centreDecider, centreStreamId('c1'), req(volume))).rejects.toBeInstanceOf(StreamUnreadable);
    const guarded = createDeciderRunner(store, clock, ids, 1, 0, { knownBreak: () => ({ revision: 0, reason: 'content_edited' }) });
    await expect(guarded.run(centreDecider, centreStreamId('c1'), req(volume))).rejects.toBeInstanceOf(StreamIntegrityBroken);
    expect(await store.readStream('centre-c1')).toHaveLength(1);
  });

  it('seals every event with chain v3 and, given the key, the engine seal', async () => {
    const key = new Uint8Array(32).fill(7);
    await createDeciderRunner(store, clock, ids, 1, 0, { sealKey: key }).run(centreDecider, centreStreamId('c1'), req(register));
    const [event] = await store.readStream('centre-c1');
    expect(event.metadata).toMatchObject({ chain: 3, contentHash: expect.any(String), metadataHash: expect.any(String), seal: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(verifyChain([event], { streamId: 'centre-c1', sealKey: key })).toMatchObject({ intact: true });
    expect(verifyChain([event], { streamId: 'centre-c1', sealKey: new Uint8Array(32) })).toMatchObject({ intact: false, brokenAt: { reason: 'forged_append' } });
  });
});
