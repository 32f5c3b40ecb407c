import { type KeyObject, createPrivateKey, createPublicKey, generateKeyPairSync, hkdfSync, sign } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type LedgerSigner, keyIdOf } from './signed-digest';

/** The engine's Ed25519 signing key, kept outside the database. */
export interface LedgerKey extends LedgerSigner {
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicKeyPem: string;
  keyId: string;
  /** HMAC key for the per-event seal, derived from the private key (HKDF-SHA-256). */
  sealKey: Uint8Array;
  file: string;
  /** True when this call generated it. */
  generated: boolean;
}

/**
 * Reads the PKCS#8 PEM private key at `file`; when `generate` and the file does not exist, makes a
 * new Ed25519 key there (mode 0600). A production deployment names its own key file
 * (LEDGER_KEY_FILE) and never lets it be generated silently.
 */
export function loadLedgerKey(file: string, options: { generate: boolean }): LedgerKey {
  let generated = false;
  if (!existsSync(file)) {
    if (!options.generate) throw new Error(`Ledger signing key ${file} does not exist`);
    const { privateKey } = generateKeyPairSync('ed25519');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
    generated = true;
  }
  const privateKey = createPrivateKey(readFileSync(file));
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`Ledger signing key ${file} is not an Ed25519 key`);
  const publicKey = createPublicKey(privateKey);
  const rawPrivate = Buffer.from(privateKey.export({ format: 'jwk' }).d as string, 'base64url');
  const sealKey = new Uint8Array(hkdfSync('sha256', rawPrivate, Buffer.alloc(0), 'accreditation event seal v2', 32));
  return {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    keyId: keyIdOf(publicKey),
    sealKey,
    file,
    generated,
    sign: (input) => sign(null, input, privateKey).toString('base64'),
  };
}
