import { createHash, randomUUID } from 'node:crypto';

/** Source of fresh ids, injected so tests can make them predictable. */
export interface IdSource {
  uuid(): string;
}

export const ID_SOURCE = Symbol('ID_SOURCE');

export const randomIds: IdSource = { uuid: () => randomUUID() };

const NAMESPACE = 'accreditation-engine';

/**
 * Name-based UUID (RFC 4122 version 5 layout over SHA-1): the same name always gives the same id.
 * Used for idempotent requests and timers, so a retry appends events the store already has.
 */
export function deterministicUuid(...parts: string[]): string {
  const bytes = createHash('sha1').update(NAMESPACE).update('\u0000').update(parts.join('\u0000')).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
