import type { EventToAppend, ExpectedRevision } from '../event-store.port';
import { EventTooLargeError, InvalidEventError, InvalidStreamNameError } from '../event-store.errors';

/** 1 MiB of serialised data + metadata per event, unless the adapter is configured otherwise. */
export const DEFAULT_MAX_EVENT_BYTES = 1024 * 1024;

const STREAM_NAME = /^[A-Za-z0-9\-_.:@]{1,200}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An event after validation: ids normalised to lower case, data and metadata already serialised once. */
export interface ValidatedEvent {
  id: string;
  type: string;
  dataJson: string;
  metadataJson: string;
}

export function assertValidStreamName(streamId: unknown): asserts streamId is string {
  if (typeof streamId !== 'string' || !STREAM_NAME.test(streamId)) throw new InvalidStreamNameError(streamId);
}

export function assertValidExpectedRevision(expected: unknown): asserts expected is ExpectedRevision {
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return;
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0) return;
  throw new RangeError(`Invalid expected revision ${String(expected)}: a revision >= 0, 'no_stream', 'stream_exists' or 'any'`);
}

/**
 * The single gate every adapter passes an append through, so that all stores reject the same
 * input with the same typed error and write nothing. Returns the serialised form, so adapters
 * do not stringify twice.
 */
export function validateAppend(
  streamId: unknown,
  events: unknown,
  expected: unknown,
  maxEventBytes: number = DEFAULT_MAX_EVENT_BYTES,
): ValidatedEvent[] {
  assertValidStreamName(streamId);
  assertValidExpectedRevision(expected);
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidEventError('empty_append', `Append to ${streamId} has no events`);
  }
  const seen = new Set<string>();
  return events.map((event: unknown, index) => {
    const validated = validateEvent(event, index, maxEventBytes);
    if (seen.has(validated.id)) {
      throw new InvalidEventError('invalid_id', `Event id ${validated.id} appears twice in one append`);
    }
    seen.add(validated.id);
    return validated;
  });
}

function validateEvent(event: unknown, index: number, maxEventBytes: number): ValidatedEvent {
  if (typeof event !== 'object' || event === null) {
    throw new InvalidEventError('not_serialisable', `Event #${index} is not an object`);
  }
  const { id, type, data, metadata } = event as Partial<EventToAppend>;
  if (typeof id !== 'string' || !UUID.test(id)) {
    throw new InvalidEventError('invalid_id', `Event #${index} id ${JSON.stringify(id)} is not a UUID`);
  }
  if (typeof type !== 'string' || type.trim() === '') {
    throw new InvalidEventError('empty_type', `Event ${id} has an empty type`);
  }
  if (metadata !== undefined && !isPlainObject(metadata)) {
    throw new InvalidEventError('not_serialisable', `Event ${id}: metadata must be a plain object`);
  }
  const dataJson = toJson(data, `event ${id} data`);
  const metadataJson = metadata === undefined ? '{}' : toJson(metadata, `event ${id} metadata`);
  // A UTF-16 code unit is at most 3 bytes of UTF-8: most events need no byte count at all.
  if ((dataJson.length + metadataJson.length) * 3 > maxEventBytes) {
    const size = Buffer.byteLength(dataJson) + Buffer.byteLength(metadataJson);
    if (size > maxEventBytes) throw new EventTooLargeError(id, size, maxEventBytes);
  }
  return { id: id.toLowerCase(), type, dataJson, metadataJson };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  // Compared by shape, not identity: Jest runs tests in another realm with its own Object.prototype.
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * JSON.stringify silently turns NaN into null, drops functions and stringifies a Map as {}:
 * each is data loss in an event that must be replayed for years, so they are refused instead.
 * Undefined object properties are allowed (JSON drops them; the event means the same).
 */
function toJson(value: unknown, what: string): string {
  // Events are almost always plain JSON data: check that with a walk and stringify without a
  // replacer (a replacer is a call back into JavaScript per key, most of the CPU of an append).
  // Anything else takes the replacer, which gives the exact error or result.
  if (isPlainJsonTree(value, 0)) return JSON.stringify(value);
  let json: string | undefined;
  try {
    json = JSON.stringify(value, function replacer(this: unknown, key: string, v: unknown) {
      const at = key === '' ? what : `${what} at "${key}"`;
      switch (typeof v) {
        case 'function':
        case 'symbol':
        case 'bigint':
          throw new InvalidEventError('not_serialisable', `${at}: a ${typeof v} is not JSON`);
        case 'number':
          if (!Number.isFinite(v)) throw new InvalidEventError('not_serialisable', `${at}: ${v} is not JSON`);
          return v;
        case 'undefined':
          if (key === '' || Array.isArray(this)) throw new InvalidEventError('not_serialisable', `${at}: undefined is not JSON`);
          return v;
        case 'object':
          if (v !== null && !Array.isArray(v) && !isPlainObject(v)) {
            const tag = Object.prototype.toString.call(v).slice(8, -1);
            throw new InvalidEventError('not_serialisable', `${at}: a ${tag} is not plain JSON data`);
          }
          return v;
        default:
          return v;
      }
    });
  } catch (error) {
    if (error instanceof InvalidEventError) throw error;
    // Cycles surface as a TypeError from JSON.stringify itself.
    throw new InvalidEventError('not_serialisable', `${what}: ${(error as Error).message}`);
  }
  if (json === undefined) throw new InvalidEventError('not_serialisable', `${what}: not JSON`);
  return json;
}

/** Nesting beyond this (or a cycle) takes the replacer path, which reports cycles itself. */
const MAX_WALK_DEPTH = 64;

/**
 * True when JSON.stringify gives exactly what the replacer would accept unchanged: null, booleans,
 * strings, finite numbers, arrays of those without undefined, plain objects (undefined members
 * allowed: JSON drops them). False for anything the replacer might refuse or transform (toJSON,
 * class instances, functions, NaN, bigint, deep or cyclic trees); false is never an error.
 */
function isPlainJsonTree(value: unknown, depth: number): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null) return true;
      if (depth >= MAX_WALK_DEPTH) return false;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          if (item === undefined || !isPlainJsonTree(item, depth + 1)) return false;
        }
        return true;
      }
      if (!isPlainObject(value)) return false;
      for (const key of Object.keys(value)) {
        const member = (value as Record<string, unknown>)[key];
        if (member !== undefined && !isPlainJsonTree(member, depth + 1)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}
