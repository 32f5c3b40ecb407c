import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { type CentreCommand, centreDecider } from '@accreditation/domain';
import { type EventStore, type LedgerSigner, MemoryDigestLog, PostgresEventStore, keyIdOf } from '@accreditation/event-store';
import { createTestDatabase, type TestDatabase } from '../../../testing/src/database/test-database';
import { forgedRegistration, rewriteBehindTheEngine } from '../../../testing/src/integrity';
import { randomIds } from '../ids/id-source';
import { AdjustableClock } from '../ports/clock';
import { createDeciderRunner } from '../runner/create-decider-runner';
import { Ledger } from './ledger';
import { type StoreVerification, verifyStore } from './store-verification';

/** The store-wide verification on PostgreSQL: worker threads (1 or several) and the single-thread fold over $all agree. */
const office = { id: 'office-1', role: 'office' as const };
const register = (id: string) =>
  ({ type: 'RegisterCentre', data: { centreId: id, name: `Centre ${id}`, country: 'FR', city: 'Lyon', institution: 'HCL', proceduresPerYear: 300, representativeId: 'p1', contactId: 'p2', substituteId: 'p3' } }) as CentreCommand;
const volume = (id: string, n: number) => ({ type: 'UpdateProcedureVolume', data: { centreId: id, proceduresPerYear: n } }) as CentreCommand;
const ids = Array.from({ length: 9 }, (_, i) => `v${i + 1}`);

describe('verifyStore on PostgreSQL, in worker threads', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let key: LedgerSigner;
  let log: MemoryDigestLog;
  /** The same store without its own chain sweep: verifyStore falls back to the fold over $all. */
  let plain: EventStore;

  const verify = (over: EventStore, workers?: number, onProgress?: (n: number) => void) =>
    verifyStore({ store: over, sealKey: key.sealKey, publicKeyPem: key.publicKeyPem, digests: log.readAll(), workers, onProgress });
  const outcome = (r: StoreVerification) => ({ intact: r.intact, events: r.events, streams: r.streams, broken: r.broken, problems: r.digests.problems });

  beforeAll(async () => {
    db = await createTestDatabase('store_verify');
    store = await PostgresEventStore.connect({ connectionString: db.connectionString });
    plain = { readAll: (o) => store.readAll(o), readStream: (s, o) => store.readStream(s, o) } as EventStore;
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    key = { keyId: keyIdOf(publicKey), publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(), sealKey: randomBytes(32), sign: (input) => sign(null, input, privateKey).toString('base64') };
    log = new MemoryDigestLog();
    const clock = new AdjustableClock(new Date('2024-03-01T09:00:00Z'));
    const ledger = new Ledger({ store, signer: key, log, clock, intervalMs: 0 });
    await ledger.start();
    const runner = createDeciderRunner(store, clock, randomIds, 3, 100, { sealKey: key.sealKey });
    const run = (id: string, command: CentreCommand) => runner.run(centreDecider, `centre-${id}`, { command, actor: office, correlationId: 'corr' });
    for (const id of ids) {
      await run(id, register(id));
      await run(id, volume(id, 400));
      await run(id, volume(id, 500));
    }
    await ledger.digestNow();
    // Written after the digest: intact, simply not signed yet.
    await run('v9', volume('v9', 600));
    await ledger.stop();
  });

  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it('an intact store: the same answer from 1 worker, 3 workers and the fold over $all, with progress up to every event', async () => {
    let progress = 0;
    const three = await verify(store, 3, (n) => (progress = n));
    expect(outcome(three)).toEqual({ intact: true, events: 28, streams: 9, broken: [], problems: [] });
    expect(progress).toBe(28);
    expect(outcome(await verify(store, 1))).toEqual(outcome(three));
    expect(outcome(await verify(plain))).toEqual(outcome(three));
  });

  it('breaks found by the workers, classified as the fold classifies them: an edit, a truncation, a stream deleted after the digest, a record forged in the old chain format', async () => {
    await rewriteBehindTheEngine(store.pool, `
      UPDATE events SET data = jsonb_set(data, '{proceduresPerYear}', '9') WHERE stream_id = 'centre-v2' AND revision = 1;
      DELETE FROM events WHERE stream_id = 'centre-v5';
      DELETE FROM events WHERE stream_id = 'centre-v7' AND revision = 2;`);
    // A record that never was, written in the old chain format (no key needed) after the first digest.
    await store.appendToStream('centre-forged', forgedRegistration('forged', office), 'no_stream');
    const three = await verify(store, 3);
    expect(three.intact).toBe(false);
    expect(three.broken.map((b) => [b.streamId, b.revision, b.reason])).toEqual([
      ['centre-forged', 0, 'forged_append'],
      ['centre-v2', 1, 'content_edited'],
      ['centre-v5', 0, 'stream_deleted'],
      ['centre-v7', 2, 'truncated_after_digest'],
    ]);
    expect(three).toMatchObject({ events: 25, streams: 10 });
    expect(outcome(await verify(store, 1))).toEqual(outcome(three));
    expect(outcome(await verify(store, 8))).toEqual(outcome(three));
    expect(outcome(await verify(plain))).toEqual(outcome(three));
  });
});
