import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { AdjustableClock, AuditTrailReplay, Ledger, createDeciderRunner, randomIds, readStoredEvent } from '@accreditation/application';
import { type CentreCommand, centreDecider } from '@accreditation/domain';
import { JsonlDigestLog, PostgresEventStore, loadLedgerKey } from '@accreditation/event-store';
import { createTestDatabase, type TestDatabase } from '../../../libs/testing/src/database/test-database';

/** `npm run verify` and `npm run verify-dossier` as a user runs them: real processes. */
const run = promisify(execFile);
const repoRoot = resolve(__dirname, '../../..');

const register = (id: string) =>
  ({ type: 'RegisterCentre', data: { centreId: id, name: `Centre ${id}`, country: 'FR', city: 'Lyon', institution: 'HCL', proceduresPerYear: 300, representativeId: 'p1', contactId: 'p2', substituteId: 'p3' } }) as CentreCommand;
const volume = (id: string, n: number) => ({ type: 'UpdateProcedureVolume', data: { centreId: id, proceduresPerYear: n } }) as CentreCommand;

describe('verify and verify-dossier CLIs', () => {
  let db: TestDatabase;
  let dataDir: string;
  let store: PostgresEventStore;
  let bundleFile: string;
  const cli = (script: string, ...args: string[]) =>
    run(process.execPath, ['-r', '@swc-node/register', join('apps/cli/src', script), ...args], { cwd: repoRoot, env: { ...process.env, DATABASE_URL: db.connectionString, DATA_DIR: dataDir } });
  const failing = (script: string, ...args: string[]) => cli(script, ...args).then(() => { throw new Error(`${script} exited 0`); }, (error: { code: number; stdout: string }) => error);

  beforeAll(async () => {
    db = await createTestDatabase('cli_verify');
    dataDir = await mkdtemp(join(tmpdir(), 'verify-'));
    store = await PostgresEventStore.connect({ connectionString: db.connectionString });
    const key = loadLedgerKey(join(dataDir, 'ledger', 'signing-key.pem'), { generate: true });
    const clock = new AdjustableClock(new Date('2024-03-01T09:00:00Z'));
    const ledger = new Ledger({ store, signer: key, log: new JsonlDigestLog(join(dataDir, 'ledger', 'digests.jsonl')), clock, intervalMs: 0 });
    await ledger.start();
    const runner = createDeciderRunner(store, clock, randomIds, 3, 100, { sealKey: key.sealKey });
    for (const id of ['c1', 'c2', 'c3']) {
      await runner.run(centreDecider, `centre-${id}`, { command: register(id), actor: { id: 'office-1', role: 'office' }, correlationId: 'corr' });
      await runner.run(centreDecider, `centre-${id}`, { command: volume(id, 400), actor: { id: 'office-1', role: 'office' }, correlationId: 'corr' });
    }
    await ledger.digestNow();
    const bundle = await new AuditTrailReplay(store, readStoredEvent, clock, ledger).evidenceBundle('centre', 'c1');
    bundleFile = join(dataDir, 'evidence-c1.json');
    await writeFile(bundleFile, JSON.stringify(bundle, null, 2));
    await writeFile(join(dataDir, 'published-key.pem'), key.publicKeyPem);
    await ledger.stop();
  });

  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it('verify: every event and every digest, with the rate; exit 0', async () => {
    const { stdout, stderr } = await cli('verify.ts');
    expect(stdout).toMatch(/6 events in 3 streams verified in [\d.]+ s \([\d,]+ events\/s\)/);
    expect(stdout).toContain('1 signed digests checked');
    expect(stdout).toContain('INTACT');
    expect(stderr).toContain('verify [');
  });

  it('verify --workers=N: the same answer from any number of worker threads; a bad count is a usage error (exit 2)', async () => {
    for (const workers of ['1', '3']) {
      const { stdout, stderr } = await cli('verify.ts', `--workers=${workers}`);
      expect(stdout).toMatch(/6 events in 3 streams verified in/);
      expect(stdout).toContain('INTACT');
      expect(stderr).toContain(`verifying with ${workers} worker thread(s)`);
    }
    const bad = await failing('verify.ts', '--workers=0');
    expect(bad.code).toBe(2);
    expect((bad as unknown as { stderr: string }).stderr).toContain('--workers must be a positive integer');
  });

  it('verify-dossier: checks a bundle with no database and says what it proves', async () => {
    const { stdout } = await cli('verify-dossier.ts', bundleFile, '--key', join(dataDir, 'published-key.pem'));
    expect(stdout).toContain('VERIFIED');
    expect(stdout).toContain('This proves:');
    expect(stdout).toMatch(/ok\s+trusted key/);

    const altered = JSON.parse(await readFile(bundleFile, 'utf8'));
    altered.events[1].metadata.recordedAt = '2019-01-01T00:00:00.000Z';
    const alteredFile = join(dataDir, 'altered.json');
    await writeFile(alteredFile, JSON.stringify(altered));
    const result = await failing('verify-dossier.ts', alteredFile);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('NOT VERIFIED');
    expect(result.stdout).toMatch(/FAIL\s+chain\s+broken at revision 1: metadata_edited/);
  });

  it('verify: exit 1 with the first broken link of each broken stream', async () => {
    await store.pool.query(`BEGIN; SET LOCAL session_replication_role = replica;
      UPDATE events SET data = jsonb_set(data, '{proceduresPerYear}', '9') WHERE stream_id = 'centre-c2' AND revision = 1;
      DELETE FROM events WHERE stream_id = 'centre-c3' AND revision = 1; COMMIT;`);
    for (const args of [[], ['--workers=1'], ['--workers=2']]) {
      const result = await failing('verify.ts', ...args);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('BROKEN centre-c2 at revision 1');
      expect(result.stdout).toContain('content_edited');
      expect(result.stdout).toContain('BROKEN centre-c3 at revision 1');
      expect(result.stdout).toContain('truncated_after_digest');
      expect(result.stdout).toContain('NOT INTACT: 2 broken stream(s)');
    }
  });
});
