import { createHash, createPrivateKey } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type LedgerKey, loadLedgerKey } from '../../libs/event-store/src/ledger/ledger-key';
import { JsonlDigestLog } from '../../libs/event-store/src/ledger/digest-log';
import { DIGEST_FORMAT, type DigestLogEntry, FIRST_PREVIOUS_DIGEST, type StreamHead, digestSigningInput, headsRoot, sortedHeads } from '../../libs/event-store/src/ledger/signed-digest';

/** DER prefix of a PKCS#8 Ed25519 private key; the 32-byte seed follows. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * The engine's ledger key for S7, written where LEDGER_KEY_FILE will name it: derived from the
 * run's seed so that the seals (HMAC with the key's seal key) are the same on every run.
 */
export function seededLedgerKey(file: string, seed: number): LedgerKey {
  const raw = createHash('sha256').update(`s7 ledger key ${seed}`).digest();
  const key = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, raw]), format: 'der', type: 'pkcs8' });
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, key.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
  return loadLedgerKey(file, { generate: false });
}

/** The first digest the ledger would sign over these heads (same body, same signature input, the heads as its changed heads). */
export function firstDigest(key: LedgerKey, heads: readonly StreamHead[], position: bigint, issuedAt: string): DigestLogEntry {
  const sorted = sortedHeads(heads);
  const body = {
    format: DIGEST_FORMAT,
    sequence: 1,
    issuedAt,
    position: position.toString(),
    treeSize: sorted.length,
    rootHash: headsRoot(sorted),
    previousDigestHash: FIRST_PREVIOUS_DIGEST,
    keyId: key.keyId,
  } as const;
  return { ...body, signature: key.sign(digestSigningInput(body)), changedHeads: sorted };
}

/** The first digest, into a digest log as LEDGER_DIGEST_LOG reads it: verification then checks every head against it. */
export function writeFirstDigest(logFile: string, key: LedgerKey, heads: readonly StreamHead[], position: bigint, issuedAt: string): JsonlDigestLog {
  mkdirSync(dirname(logFile), { recursive: true });
  writeFileSync(logFile, '');
  const log = new JsonlDigestLog(logFile);
  log.append(firstDigest(key, heads, position, issuedAt));
  return log;
}
