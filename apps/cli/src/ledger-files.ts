import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { JsonlDigestLog, type LedgerKey, loadLedgerKey } from '@accreditation/event-store';

/** The ledger key and digest log as `npm start` finds them (LEDGER_KEY_FILE, LEDGER_DIGEST_LOG, else under DATA_DIR). */
export function ledgerFiles(env: NodeJS.ProcessEnv = process.env): { key: LedgerKey | undefined; log: JsonlDigestLog; keyFile: string } {
  const dataDir = resolve(env.DATA_DIR || '.data');
  const keyFile = resolve(env.LEDGER_KEY_FILE || `${dataDir}/ledger/signing-key.pem`);
  const log = new JsonlDigestLog(resolve(env.LEDGER_DIGEST_LOG || `${dataDir}/ledger/digests.jsonl`));
  return { key: existsSync(keyFile) ? loadLedgerKey(keyFile, { generate: false }) : undefined, log, keyFile };
}
