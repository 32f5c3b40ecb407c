import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { type CentreCommand, centreDecider } from '@accreditation/domain';
import { type EventStore, type LedgerSigner, MemoryDigestLog, PostgresEventStore, keyIdOf } from '@accreditation/event-store';
import { createTestDatabase, type TestDatabase } from '../../../testing/src/database/test-database';
import { forgedRegistration, rewriteBehindTheEngine } from '../../../testing/src/integrity';
import { randomIds } from '../ids/id-source';
import { AdjustableClock } from '../ports/clock';
import { createDeciderRunner } from '../runner/create-decider-runner';
import { Ledger } from './ledger';

/**
 * The ledger's start-up pass on PostgreSQL runs in worker threads (the store's chain sweep) up to
 * a position fixed at its start, then folds $all from there: it must find what the fold over the
 * whole of $all finds, and carry on from the same heads.
 */
const office = { id: 'office-1', role: 'office' as const };
const register = (id: string) =>
  ({ type: 'RegisterCentre', data: { centreId: id, name: `Centre ${id}`, country: 'FR', city: 'Lyon', institution: 'HCL', proceduresPerYear: 300, representativeId: 'p1', contactId: 'p2', substituteId: 'p3' } }) as CentreCommand;
const volume = (id: string, n: number) => ({ type: 'UpdateProcedureVolume', data: { centreId: id, proceduresPerYear: n } }) as CentreCommand;

describe('[postgresql] the ledger at start-up, in worker threads', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let key: LedgerSigner;
  let log: MemoryDigestLog;
  const clock = new AdjustableClock(new Date('2024-03-01T09:00:00Z'));
  /** The same store without its chain sweep: the ledger folds the whole of $all in its own thread. */
  let plain: EventStore;
  let run: (id: string, command: CentreCommand) => Promise<unknown>;

  const ledgerOn = async (over: EventStore, workers?: number) => {
    const ledger = new Ledger({ store: over, signer: key, log, clock, intervalMs: 0, workers });
    await ledger.start();
    return ledger;
  };
  const view = (ledger: Ledger) => {
    const { ok, state, eventsVerified, streams, brokenStreams, broken } = ledger.health();
    return { ok, state, eventsVerified, streams, brokenStreams, broken: broken.map((b) => [b.streamId, b.revision, b.reason]).sort() };
  };

  beforeAll(async () => {
    db = await createTestDatabase('ledger_start');
    store = await PostgresEventStore.connect({ connectionString: db.connectionString });
    plain = { readAll: (o) => store.readAll(o), readStream: (s, o) => store.readStream(s, o), appendToStream: (s, e, x) => store.appendToStream(s, e, x) } as EventStore;
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    key = { keyId: keyIdOf(publicKey), publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(), sealKey: randomBytes(32), sign: (input) => sign(null, input, privateKey).toString('base64') };
    log = new MemoryDigestLog();
    const runner = createDeciderRunner(store, clock, randomIds, 3, 100, { sealKey: key.sealKey });
    run = (id, command) => runner.run(centreDecider, `centre-${id}`, { command, actor: office, correlationId: 'corr' });
    for (let i = 1; i <= 8; i++) {
      await run(`s${i}`, register(`s${i}`));
      await run(`s${i}`, volume(`s${i}`, 400));
    }
  });

  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it('given an intact store, then it verifies every event as the fold does, signs the same heads, and follows what is written after', async () => {
    // The store, noting where each $all read starts: after the sweep, not from the beginning.
    const from: bigint[] = [];
    const noting = Object.assign(Object.create(store) as PostgresEventStore, { readAll: (o: Parameters<EventStore['readAll']>[0]) => (from.push(o?.fromPosition ?? 0n), store.readAll(o)) });
    const swept = await ledgerOn(noting, 3);
    expect(view(swept)).toEqual({ ok: true, state: 'verified', eventsVerified: 16, streams: 8, brokenStreams: 0, broken: [] });
    const { rows: [{ head }] } = await store.pool.query<{ head: string }>('SELECT max(position)::text AS head FROM events');
    expect(from[0]).toBeGreaterThanOrEqual(BigInt(head));
    const digest = await swept.digestNow();
    expect(digest.treeSize).toBe(8);
    const folded = await ledgerOn(plain);
    expect(view(folded)).toEqual(view(swept));
    expect(folded.anchoredHead('centre-s3')).toEqual(swept.anchoredHead('centre-s3'));

    await run('s1', volume('s1', 500));
    await run('s9', register('s9'));
    const next = await swept.digestNow();
    expect(next).toMatchObject({ sequence: 2, treeSize: 9 });
    expect(swept.anchoredHead('centre-s1')).toMatchObject({ digestSequence: 2, revision: 2 });
    expect(view(swept)).toMatchObject({ ok: true, eventsVerified: 18, streams: 9 });
    await swept.stop();
    await folded.stop();
  });

  it('given a store tampered with after the digests, then after a restart it finds the same breaks as the fold: an edit, a truncation, a deletion, a forged record', async () => {
    await rewriteBehindTheEngine(store.pool, `
      UPDATE events SET data = jsonb_set(data, '{proceduresPerYear}', '9') WHERE stream_id = 'centre-s2' AND revision = 1;
      DELETE FROM events WHERE stream_id = 'centre-s5';
      DELETE FROM events WHERE stream_id = 'centre-s1' AND revision = 2;`);
    await store.appendToStream('centre-forged', forgedRegistration('forged', office), 'no_stream');

    const swept = await ledgerOn(store, 2);
    const folded = await ledgerOn(plain);
    expect(view(swept).broken).toEqual([
      ['centre-forged', 0, 'forged_append'],
      ['centre-s1', 2, 'truncated_after_digest'],
      ['centre-s2', 1, 'content_edited'],
      ['centre-s5', 0, 'stream_deleted'],
    ]);
    expect(view(swept)).toEqual(view(folded));
    // Nothing broken is signed over: the truncated record keeps its signed head.
    await swept.digestNow();
    expect(swept.anchoredHead('centre-s1')).toMatchObject({ revision: 2 });
    expect(swept.anchoredHead('centre-forged')).toBeUndefined();
    await swept.stop();
    await folded.stop();
  });

  it('given worker threads that cannot run, then it says so and verifies in its own thread, with the same findings', async () => {
    const failing = Object.assign(Object.create(store) as PostgresEventStore, { sweepChains: () => Promise.reject(new Error('no worker threads here')) });
    const errors: string[] = [];
    const ledger = new Ledger({ store: failing, signer: key, log, clock, intervalMs: 0, onError: (message, error) => errors.push(`${message}: ${(error as Error).message}`) });
    await ledger.start();
    expect(errors).toEqual(['ledger start-up sweep failed; verifying in one thread instead: no worker threads here']);
    const folded = await ledgerOn(plain);
    expect(view(ledger)).toEqual(view(folded));
    await ledger.stop();
    await folded.stop();
  });
});
