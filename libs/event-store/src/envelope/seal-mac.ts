import { type KeyObject, createHmac, createSecretKey } from 'node:crypto';
import { oneShotHash as oneShot } from './one-shot-hash';

const BLOCK = 64;

/** Per key: the HMAC pads (RFC 2104) in place, the message written after the inner one. */
interface Pads {
  inner: Buffer;
  outer: Buffer;
}
const padsByKey = new WeakMap<Uint8Array, Pads>();

function padsOf(key: Uint8Array): Pads | undefined {
  let pads = padsByKey.get(key);
  if (!pads && key.length <= BLOCK) {
    pads = { inner: Buffer.alloc(BLOCK + 64, 0x36), outer: Buffer.alloc(BLOCK + 32, 0x5c) };
    for (let i = 0; i < key.length; i++) {
      pads.inner[i] ^= key[i];
      pads.outer[i] ^= key[i];
    }
    padsByKey.set(key, pads);
  }
  return pads;
}

/** The seal key as a KeyObject, made once per key: an HMAC from a raw key imports it every time. */
const secretKeys = new WeakMap<Uint8Array, KeyObject>();
function secretKeyOf(key: Uint8Array): KeyObject {
  let secret = secretKeys.get(key);
  if (!secret) secretKeys.set(key, (secret = createSecretKey(key)));
  return secret;
}

/** 64 characters, all ASCII: their latin1 bytes are their UTF-8 bytes. */
function isAsciiOf64(message: string): boolean {
  if (message.length !== 64) return false;
  for (let i = 0; i < 64; i++) if (message.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * HMAC-SHA-256 of a link hash (64 hex digits), hex. Computed as RFC 2104 defines it, with two
 * one-shot SHA-256 over pads prepared once per key: half the CPU of an Hmac object per call,
 * which the store-wide verification pays once per event. Any other message (or runtime without
 * crypto.hash) goes through createHmac; both give the same MAC (seal-mac.spec).
 */
export function hmacSha256Hex(key: Uint8Array, message: string): string {
  const pads = oneShot && isAsciiOf64(message) ? padsOf(key) : undefined;
  if (!pads || !oneShot) return createHmac('sha256', secretKeyOf(key)).update(message).digest('hex');
  pads.inner.write(message, BLOCK, 'latin1');
  pads.outer.write(oneShot('sha256', pads.inner, 'latin1'), BLOCK, 'latin1');
  return oneShot('sha256', pads.outer, 'hex');
}
