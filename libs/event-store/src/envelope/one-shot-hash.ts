import * as cryptoModule from 'node:crypto';

/**
 * crypto.hash (Node ≥ 20.12): a digest in one call, without a Hash object per call. Undefined on
 * older runtimes, where callers fall back to createHash. The chain, the seal and the digest tree
 * hash once or more per event, so they all go through it.
 */
export const oneShotHash = (
  cryptoModule as {
    hash?: {
      (algorithm: string, data: string | Uint8Array, outputEncoding: 'hex' | 'latin1'): string;
      (algorithm: string, data: string | Uint8Array, outputEncoding: 'buffer'): Buffer;
    };
  }
).hash;
