import { createHmac, randomBytes } from 'node:crypto';
import { hmacSha256Hex } from './seal-mac';

describe('hmacSha256Hex', () => {
  it('equals node:crypto HMAC-SHA-256 for link hashes, other messages and keys of every length up to a block', () => {
    const messages = [randomBytes(32).toString('hex'), '0'.repeat(64), '', 'short', 'é'.repeat(64), 'x'.repeat(65), `${'a'.repeat(63)}\u00ff`];
    for (const length of [1, 16, 32, 64, 65, 100]) {
      const key = randomBytes(length);
      for (const message of messages) {
        // Twice: the second call reuses the pads written by the first.
        for (let round = 0; round < 2; round++) expect(hmacSha256Hex(key, message)).toBe(createHmac('sha256', key).update(message).digest('hex'));
      }
    }
  });

  it('keeps the pads of each key apart', () => {
    const [a, b] = [randomBytes(32), randomBytes(32)];
    const message = randomBytes(32).toString('hex');
    expect([hmacSha256Hex(a, message), hmacSha256Hex(b, message), hmacSha256Hex(a, message)]).toEqual([a, b, a].map((k) => createHmac('sha256', k).update(message).digest('hex')));
  });
});
