import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { type Clock, Ledger } from '@accreditation/application';
import { type EventStore, JsonlDigestLog, loadLedgerKey } from '@accreditation/event-store';
import type { AppConfig } from '../config/app-config';

/**
 * The ledger of this process: its key (generated in DATA_DIR on first start unless LEDGER_KEY_FILE
 * names one), its digest log, and the start-up verification of the whole store (in the
 * background: readiness reports it while it runs, and fails if it finds a break).
 */
export function openLedger(config: AppConfig, store: EventStore, clock: Clock, log: (message: string, extra?: Record<string, unknown>) => void): Ledger {
  const key = loadLedgerKey(config.ledger.keyFile, { generate: !config.ledger.keyFileGiven });
  if (key.generated) log('ledger signing key generated', { file: key.file, keyId: key.keyId });
  mkdirSync(dirname(config.ledger.digestLog), { recursive: true });
  const ledger = new Ledger({
    store,
    signer: key,
    log: new JsonlDigestLog(config.ledger.digestLog),
    clock,
    intervalMs: config.ledger.digestIntervalMs,
    onError: (message, error) => log(message, error === undefined ? {} : { error: error instanceof Error ? error.message : String(error) }),
  });
  const begin = (): void => {
    ledger.start().then(
      () => log('ledger verified the store', { ...ledger.health(), broken: undefined }),
      (error: unknown) => {
        // The store did not answer: try again shortly (the pass resumes where it stopped).
        log('ledger verification interrupted, retrying in 5 s', { error: error instanceof Error ? error.message : String(error) });
        setTimeout(begin, 5_000).unref();
      },
    );
  };
  begin();
  return ledger;
}
