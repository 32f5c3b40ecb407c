import 'reflect-metadata';
import '../../libs/testing/src/http/native-esm-packages';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ledger, randomIds } from '@accreditation/application';
import { JsonlDigestLog, loadLedgerKey } from '@accreditation/event-store';
import { type TestApi, type TestEngineParts, startTestApi } from '../../libs/testing/src/http';
import { createAdminApi } from '../../apps/admin-api/src/bootstrap/create-admin-api';
import { loadConfig } from '../../apps/admin-api/src/config/app-config';

/** Where a test ledger keeps its key and digests (a fresh temporary folder unless given). */
export interface TestLedgerFiles {
  dir: string;
  keyFile: string;
  digestLog: string;
}

export function testLedgerFiles(dir = mkdtempSync(join(tmpdir(), 'ledger-'))): TestLedgerFiles {
  return { dir, keyFile: join(dir, 'signing-key.pem'), digestLog: join(dir, 'digests.jsonl') };
}

/** A ledger as `npm start` opens it, on the test's store and clock (digests on demand only). */
export async function startTestLedger(parts: Pick<TestEngineParts, 'store' | 'clock'>, files: TestLedgerFiles): Promise<Ledger> {
  const ledger = new Ledger({
    store: parts.store,
    signer: loadLedgerKey(files.keyFile, { generate: true }),
    log: new JsonlDigestLog(files.digestLog),
    clock: parts.clock,
    intervalMs: 0,
  });
  await ledger.start();
  return ledger;
}

export type LedgerTestApi = TestApi & { ledger: Ledger; ledgerFiles: TestLedgerFiles };

/**
 * The admin API under test: real HTTP, real PostgreSQL event store on a fresh database, an
 * AdjustableClock, the known test JWT secret. No rate limiting, quiet logs. One per test file.
 * With `ledger`, it seals events and signs digests as `npm start` does (key in a temporary folder).
 */
export function startAdminApi(databasePrefix: string, now?: Date): Promise<TestApi>;
export function startAdminApi(databasePrefix: string, now: Date | undefined, options: { ledger: TestLedgerFiles }): Promise<LedgerTestApi>;
export async function startAdminApi(databasePrefix: string, now = new Date('2020-01-06T09:00:00.000Z'), options: { ledger?: TestLedgerFiles } = {}): Promise<TestApi> {
  let ledger: Ledger | undefined;
  const api = await startTestApi(
    async ({ store, clock, jwtSecret }) => {
      ledger = options.ledger ? await startTestLedger({ store, clock }, options.ledger) : undefined;
      return createAdminApi({
        config: loadConfig({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', RATE_LIMIT_MAX: '0', RUN_PROJECTOR: 'false', JWT_SECRET: jwtSecret }),
        store,
        readModels: store.pool,
        clock,
        ids: randomIds,
        jwtSecret,
        ledger,
        readinessChecks: ledger ? { integrity: async () => ledger!.health() } : undefined,
      });
    },
    { databasePrefix, now },
  );
  if (!ledger) return api;
  const close = api.close;
  return Object.assign(api, { ledger, ledgerFiles: options.ledger!, close: async () => { await ledger!.stop(); await close(); } });
}
