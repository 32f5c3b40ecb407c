import { generateKeyPairSync, randomBytes, randomUUID, sign } from 'node:crypto';
import { type CentreCommand, centreDecider } from '@accreditation/domain';
import { InMemoryEventStore, type LedgerSigner, MemoryDigestLog, keyIdOf, verifyDigestSignature, verifyEvidenceBundle } from '@accreditation/event-store';
import { randomIds } from '../ids/id-source';
import { AdjustableClock } from '../ports/clock';
import { AuditTrailReplay } from '../replay/audit-trail.replay';
import { createDeciderRunner, readStoredEvent } from '../runner/create-decider-runner';
import { Ledger } from './ledger';
import { inOldChainFormat } from '../../../testing/src/integrity';
import { StreamTruncated } from '../runner/application.errors';

function signer(): LedgerSigner {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { keyId: keyIdOf(publicKey), publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(), sealKey: randomBytes(32), sign: (input) => sign(null, input, privateKey).toString('base64') };
}

const office = { id: 'office-1', role: 'office' as const };
const register = (id: string) =>
  ({ type: 'RegisterCentre', data: { centreId: id, name: `Centre ${id}`, country: 'FR', city: 'Lyon', institution: 'HCL', proceduresPerYear: 300, representativeId: 'p1', contactId: 'p2', substituteId: 'p3' } }) as CentreCommand;
const volume = (id: string, n: number) => ({ type: 'UpdateProcedureVolume', data: { centreId: id, proceduresPerYear: n } }) as CentreCommand;

async function setUp() {
  const store = new InMemoryEventStore();
  const clock = new AdjustableClock(new Date('2024-03-01T09:00:00Z'));
  const key = signer();
  const log = new MemoryDigestLog();
  const ledger = new Ledger({ store, signer: key, log, clock, intervalMs: 0 });
  await ledger.start();
  const runner = createDeciderRunner(store, clock, randomIds, 3, 100, { sealKey: key.sealKey, anchoredHead: (s) => ledger.anchoredHead(s) });
  const run = (id: string, command: CentreCommand) => runner.run(centreDecider, `centre-${id}`, { command, actor: office, correlationId: 'corr' });
  for (const id of ['a', 'b', 'c']) await run(id, register(id));
  await run('b', volume('b', 400));
  return { store, clock, key, log, ledger, run, replay: new AuditTrailReplay(store, readStoredEvent, clock, ledger) };
}

describe('Ledger', () => {
  it('signs a digest of every stream head, chained to the previous digest, only when a head moved', async () => {
    const { ledger, key, log, run } = await setUp();
    const first = await ledger.digestNow();
    expect(first).toMatchObject({ sequence: 1, treeSize: 3, keyId: key.keyId });
    expect(verifyDigestSignature(first, key.publicKeyPem)).toBe(true);
    expect(verifyDigestSignature({ ...first, treeSize: 2 }, key.publicKeyPem)).toBe(false);
    expect(await ledger.digestNow()).toEqual(first);
    await run('c', volume('c', 500));
    const second = await ledger.digestNow();
    expect(second.sequence).toBe(2);
    expect(log.readAll().map((d) => d.changedHeads.map((h) => `${h.streamId}@${h.revision}`))).toEqual([['centre-a@0', 'centre-b@1', 'centre-c@0'], ['centre-c@1']]);
    expect(ledger.anchoredHead('centre-c')).toMatchObject({ digestSequence: 2, revision: 1 });
    expect(ledger.health()).toMatchObject({ ok: true, state: 'verified', streams: 3, latestDigest: { sequence: 2 } });
  });

  it('verifies new events between digests (following $all), and finds a forged one without a digest being asked for', async () => {
    const { store, clock, key, log, run } = await setUp();
    const follower = new Ledger({ store, signer: key, log, clock, intervalMs: 0, followIntervalMs: 10 });
    await follower.start();
    try {
      const before = follower.health().eventsVerified;
      await run('a', volume('a', 410));
      await run('c', volume('c', 420));
      const until = async (done: () => boolean) => {
        for (let i = 0; i < 500 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
      };
      await until(() => follower.health().eventsVerified === before + 2);
      expect(follower.health()).toMatchObject({ ok: true, eventsVerified: before + 2, latestDigest: null });
      // An event in the old chain format after sealed ones: not the engine's.
      const [last] = await store.readStream('centre-a', { direction: 'backwards', maxCount: 1 });
      await store.appendToStream('centre-a', inOldChainFormat([{ id: randomUUID(), type: 'ProcedureVolumeUpdated', data: { centreId: 'a', proceduresPerYear: 9 }, metadata: { actor: office, occurredAt: '2024-03-01T10:00:00.000Z' } }], String(last.metadata.hash)), last.revision);
      await until(() => !follower.health().ok);
      expect(follower.health()).toMatchObject({ ok: false, brokenStreams: 1, broken: [expect.objectContaining({ streamId: 'centre-a', revision: last.revision + 1, reason: 'forged_append' })] });
      expect(log.readAll()).toEqual([]);
    } finally {
      await follower.stop();
    }
  });

  it('reloads its heads from the log (a restart), and reports a digest log that was tampered with', async () => {
    const { ledger, store, clock, key, log } = await setUp();
    await ledger.digestNow();
    const restarted = new Ledger({ store, signer: key, log, clock, intervalMs: 0 });
    await restarted.start();
    expect(restarted.anchoredHead('centre-b')).toEqual(ledger.anchoredHead('centre-b'));
    expect(restarted.health().ok).toBe(true);

    const forgedLog = new MemoryDigestLog();
    const [entry] = log.readAll();
    forgedLog.append({ ...entry, changedHeads: entry.changedHeads.map((h) => (h.streamId === 'centre-b' ? { ...h, revision: 0 } : h)) });
    const fooled = new Ledger({ store, signer: key, log: forgedLog, clock, intervalMs: 0 });
    expect(fooled.health()).toMatchObject({ ok: false, digestLogProblems: ['digest 1: its heads do not give its root hash'] });
  });

  it('makes an evidence bundle that verifies offline, and fails it when an event is altered or the key is not the published one', async () => {
    const { replay, key } = await setUp();
    const bundle = await replay.evidenceBundle('centre', 'b');
    const verdict = verifyEvidenceBundle(JSON.parse(JSON.stringify(bundle)), { trustedPublicKeyPem: key.publicKeyPem });
    expect(verdict).toMatchObject({ ok: true, chain: { intact: true, verified: 2 } });
    expect(verdict.proves[0]).toContain('centre-b up to revision 1');

    const altered = JSON.parse(JSON.stringify(bundle));
    altered.events[1].metadata.actor.id = 'office-mallory';
    expect(verifyEvidenceBundle(altered)).toMatchObject({ ok: false, chain: { intact: false, brokenAt: { revision: 1, reason: 'metadata_edited' } } });

    const truncated = { ...JSON.parse(JSON.stringify(bundle)), events: bundle.events.slice(0, 1) };
    expect(verifyEvidenceBundle(truncated)).toMatchObject({ ok: false, chain: { brokenAt: { revision: 1, reason: 'truncated_after_digest' } } });

    const otherKey = signer();
    expect(verifyEvidenceBundle(bundle, { trustedPublicKeyPem: otherKey.publicKeyPem }).checks.find((c) => c.check === 'trusted key')).toMatchObject({ ok: false });
  });

  it('reports an event whose data no longer reads as broken (unreadable_data), never throws', async () => {
    const { store, clock, key } = await setUp();
    // Written through the store with a valid seal, so only the data is wrong: the replay must say so.
    const runner = createDeciderRunner(store, clock, randomIds, 3, 0, { sealKey: key.sealKey });
    await runner.run(centreDecider, 'centre-d', { command: register('d'), actor: office, correlationId: 'corr' });
    const [registered] = await store.readStream('centre-d');
    const broken = new InMemoryEventStore();
    const { sealEvent, SEAL_FIELDS } = await import('@accreditation/event-store');
    const unsealed = Object.fromEntries(Object.entries(registered.metadata).filter(([k]) => !SEAL_FIELDS.has(k)));
    const metadata = sealEvent({ streamId: 'centre-d', revision: 0, eventId: registered.id, type: registered.type, data: {}, metadata: { ...unsealed, occurredAt: 'not a date' }, previousHash: '0'.repeat(64) }, key.sealKey);
    await broken.appendToStream('centre-d', [{ id: registered.id, type: registered.type, data: {}, metadata }], 'no_stream');
    const dossier = await new AuditTrailReplay(broken, readStoredEvent, clock, { sealKey: key.sealKey, anchoredHead: () => undefined, report: () => undefined }).replay('d', { kind: 'latest' });
    expect(dossier.integrity).toMatchObject({ intact: false, brokenAt: { revision: 0, reason: 'unreadable_data' } });
    expect(dossier.trail[0].unreadable).toContain('occurredAt');
  });
  it('after a restart, refuses to write over a truncation instead of reusing the deleted revision', async () => {
    const { ledger, store, clock, key } = await setUp();
    await ledger.digestNow();
    // The store as an attacker left it: centre-b without its last event; the process restarted (no cache).
    const truncated = new InMemoryEventStore();
    const [first] = await store.readStream('centre-b');
    await truncated.appendToStream('centre-b', [{ id: first.id, type: first.type, data: first.data, metadata: first.metadata }], 'no_stream');
    const runner = createDeciderRunner(truncated, clock, randomIds, 3, 0, { sealKey: key.sealKey, anchoredHead: (s) => ledger.anchoredHead(s) });
    await expect(runner.run(centreDecider, 'centre-b', { command: volume('b', 500), actor: office, correlationId: 'corr' })).rejects.toBeInstanceOf(StreamTruncated);
    expect(await truncated.readStream('centre-b')).toHaveLength(1);
  });

  describe('events in the old chain format (v1: no seal, no key needed)', () => {
    /** Events as a store written before chain v2 holds them, or as a forger without the key writes them. */
    async function writeOldFormat(store: InMemoryEventStore, streamId: string, count: number): Promise<void> {
      const existing = await store.readStream(streamId);
      const occurredAt = '2019-06-01T09:00:00.000Z';
      const unsealed = Array.from({ length: count }, (_, i) => ({
        id: randomUUID(),
        type: 'ProcedureVolumeUpdated',
        data: { centreId: streamId.slice('centre-'.length), proceduresPerYear: 100 + existing.length + i },
        metadata: { actor: office, occurredAt, recordedAt: occurredAt },
      }));
      const after = existing.length ? String(existing[existing.length - 1].metadata.hash) : undefined;
      await store.appendToStream(streamId, inOldChainFormat(unsealed, after), existing.length ? existing.length - 1 : 'no_stream');
    }

    it('given a record from before chain v2, when a record or an event in that format appears after the first digest, then only those are forged_append, also after a restart', async () => {
      const store = new InMemoryEventStore();
      const clock = new AdjustableClock(new Date('2024-03-01T09:00:00Z'));
      const key = signer();
      const log = new MemoryDigestLog();
      await writeOldFormat(store, 'centre-legacy', 3);
      const ledger = new Ledger({ store, signer: key, log, clock, intervalMs: 0 });
      await ledger.start();
      expect((await ledger.digestNow()).treeSize).toBe(1);
      expect(ledger.oldFormatUpTo('centre-legacy')).toEqual({ digestSequence: 1, revision: 2 });

      await writeOldFormat(store, 'centre-forged', 2);
      await writeOldFormat(store, 'centre-legacy', 1);
      await ledger.digestNow();
      const expected = { ok: false, brokenStreams: 2, broken: expect.arrayContaining([
        expect.objectContaining({ streamId: 'centre-forged', revision: 0, reason: 'forged_append' }),
        expect.objectContaining({ streamId: 'centre-legacy', revision: 3, reason: 'forged_append' }),
      ]) };
      expect(ledger.health()).toMatchObject(expected);
      // Neither forgery was signed: the legacy record keeps its head at revision 2, the forged one has none.
      expect(ledger.anchoredHead('centre-legacy')).toMatchObject({ revision: 2 });
      expect(ledger.anchoredHead('centre-forged')).toBeUndefined();

      const restarted = new Ledger({ store, signer: key, log, clock, intervalMs: 0 });
      await restarted.start();
      expect(restarted.health()).toMatchObject(expected);
      const replay = new AuditTrailReplay(store, readStoredEvent, clock, restarted);
      expect(await replay.verifyStream('centre-forged')).toMatchObject({ intact: false, brokenAt: { revision: 0, reason: 'forged_append' } });
      expect(await replay.verifyStream('centre-legacy')).toMatchObject({ intact: false, verified: 3, brokenAt: { revision: 3, reason: 'forged_append' } });
    });
  });
});
