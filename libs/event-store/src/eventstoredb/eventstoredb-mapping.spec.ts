import { EventStoreAccessDeniedError, EventStoreUnavailableError, EventTooLargeError, StreamDeletedError, WrongExpectedRevisionError } from '../event-store.errors';
import type { ExpectedRevision } from '../event-store.port';
import {
  UNKNOWN_POSITION,
  appendSizeCulprit,
  escapeRegex,
  fromEsdbCurrentRevision,
  fromEsdbExpectedRevision,
  fromEsdbPosition,
  isAfter,
  isFatalSubscriptionError,
  isSystemEvent,
  mapAppendError,
  mapConnectionError,
  toEsdbExpectedRevision,
  toEsdbReadPosition,
  toRecordedEvent,
  toServerFilter,
} from './eventstoredb-mapping';
import { isRandomUuid, normaliseConnectionString } from './eventstoredb-event-store';

describe('EventStoreDB mapping: expected revision', () => {
  it.each<[ExpectedRevision, unknown]>([
    [0, 0n],
    [41, 41n],
    ['no_stream', 'no_stream'],
    ['stream_exists', 'stream_exists'],
    ['any', 'any'],
  ])('maps %p to %p and back', (port, esdb) => {
    expect(toEsdbExpectedRevision(port)).toBe(esdb);
    expect(fromEsdbExpectedRevision(toEsdbExpectedRevision(port))).toBe(port);
  });

  it('reports no stream for the string form, the -1 form and a missing value', () => {
    expect(fromEsdbCurrentRevision('no_stream')).toBe('no_stream');
    expect(fromEsdbCurrentRevision(-1n)).toBe('no_stream');
    expect(fromEsdbCurrentRevision(undefined)).toBe('no_stream');
    expect(fromEsdbCurrentRevision(7n)).toBe(7);
  });

  it('refuses a revision a number cannot hold exactly', () => {
    expect(() => fromEsdbExpectedRevision(2n ** 60n)).toThrow(RangeError);
  });
});

describe('EventStoreDB mapping: errors', () => {
  const sized = (id: string, bytes: number) => ({ id, type: 'T', dataJson: 'x'.repeat(bytes), metadataJson: '{}' });
  const context = { streamId: 'centre-1', expected: 3 as ExpectedRevision, events: [sized('e-1', 600), sized('e-2', 600)] };

  it('turns WrongExpectedVersionError into WrongExpectedRevisionError with the actual revision', () => {
    const mapped = mapAppendError({ type: 'wrong-expected-version', actualState: 5n, expectedVersion: 3n }, context);
    expect(mapped).toBeInstanceOf(WrongExpectedRevisionError);
    expect(mapped).toMatchObject({ streamId: 'centre-1', expected: 3, actual: 5, code: 'WRONG_EXPECTED_REVISION' });
  });

  it('reports a missing stream as actual no_stream', () => {
    const mapped = mapAppendError({ type: 'wrong-expected-version', actualState: 'no_stream' }, { ...context, expected: 'stream_exists' });
    expect(mapped).toMatchObject({ expected: 'stream_exists', actual: 'no_stream' });
  });

  it('turns the server append size limit into EventTooLargeError naming the event that crosses it', () => {
    const mapped = mapAppendError({ type: 'maximum-append-size-exceeded', maxAppendSize: 1024 }, context);
    expect(mapped).toBeInstanceOf(EventTooLargeError);
    // 600 + 2 + 2×1 = 604 for the first event; the second brings the total to 1208 > 1024.
    expect(mapped).toMatchObject({ eventId: 'e-2', size: 1208, limit: 1024 });
  });

  it('applies the server size arithmetic: data + metadata + 2 bytes per type character, over the whole append', () => {
    expect(appendSizeCulprit([sized('a', 1000)], 1004)).toBeUndefined();
    expect(appendSizeCulprit([sized('a', 1000)], 1003)).toEqual({ eventId: 'a', size: 1004 });
    expect(appendSizeCulprit([{ ...sized('a', 0), type: 'Typé' }], 10)).toBeUndefined();
    expect(appendSizeCulprit([{ ...sized('a', 0), type: 'Typé' }], 9)).toEqual({ eventId: 'a', size: 2 + 8 });
  });

  it('maps a deleted stream and access denied to the port errors', () => {
    expect(mapAppendError({ type: 'stream-deleted' }, context)).toBeInstanceOf(StreamDeletedError);
    expect(mapAppendError({ type: 'access-denied' }, context)).toBeInstanceOf(EventStoreAccessDeniedError);
    expect(mapConnectionError({ type: 'access-denied' })).toBeInstanceOf(EventStoreAccessDeniedError);
  });

  it('a node that ends its calls (CancelledError since client 6.x) is unavailable, not a bug', () => {
    expect(mapAppendError({ type: 'cancelled', message: '1 CANCELLED' }, context)).toBeInstanceOf(EventStoreUnavailableError);
  });

  it('turns an unreachable server into EventStoreUnavailableError, by error type or gRPC code', () => {
    expect(mapAppendError({ type: 'unavailable', message: 'No connection established' }, context)).toBeInstanceOf(EventStoreUnavailableError);
    expect(mapConnectionError({ type: 'deadline-exceeded' })).toBeInstanceOf(EventStoreUnavailableError);
    expect(mapConnectionError(Object.assign(new Error('14 UNAVAILABLE'), { code: 14 }))).toBeInstanceOf(EventStoreUnavailableError);
  });

  it('passes anything else through unchanged', () => {
    const bug = new TypeError('boom');
    expect(mapAppendError(bug, context)).toBe(bug);
  });

  it('gives up a subscription only on errors retrying cannot fix', () => {
    expect(isFatalSubscriptionError({ type: 'access-denied' })).toBe(true);
    expect(isFatalSubscriptionError({ type: 'unavailable' })).toBe(false);
    expect(isFatalSubscriptionError(new Error('socket hang up'))).toBe(false);
  });
});

describe('EventStoreDB mapping: positions', () => {
  it('uses the commit position as the port position', () => {
    expect(fromEsdbPosition({ commit: 1234n, prepare: 1234n })).toBe(1234n);
    expect(fromEsdbPosition(undefined)).toBeUndefined();
  });

  it('starts from the beginning for no checkpoint or 0n', () => {
    expect(toEsdbReadPosition(undefined)).toBe('start');
    expect(toEsdbReadPosition(0n)).toBe('start');
  });

  it('maps a checkpoint back to the commit = prepare position of that event', () => {
    expect(toEsdbReadPosition(987n)).toEqual({ commit: 987n, prepare: 987n });
  });

  it('is exclusive: the event at the checkpoint is not after it', () => {
    expect(isAfter(987n, 987n)).toBe(false);
    expect(isAfter(986n, 987n)).toBe(false);
    expect(isAfter(988n, 987n)).toBe(true);
    expect(isAfter(0n, undefined)).toBe(true);
  });
});

describe('EventStoreDB mapping: filters and system events', () => {
  const event = (streamId: string, type: string) => ({ streamId, type });

  it('recognises the server own events', () => {
    expect(isSystemEvent(event('$stats-127.0.0.1:2113', 'StatsCollected'))).toBe(true);
    expect(isSystemEvent(event('$ce-centre', '$>'))).toBe(true);
    expect(isSystemEvent(event('centre-1', '$metadata'))).toBe(true);
    expect(isSystemEvent(event('centre-1', 'CentreRegistered'))).toBe(false);
  });

  it('asks the server for an anchored, escaped type regex, else stream prefixes, else no system events', () => {
    expect(toServerFilter({ eventTypes: ['A.B', 'C'] })).toEqual({ on: 'eventType', regex: '^(?:A\\.B|C)$' });
    expect(toServerFilter({ eventTypes: ['T'], streamPrefixes: ['centre-'] })).toEqual({ on: 'eventType', regex: '^(?:T)$' });
    expect(toServerFilter({ streamPrefixes: ['centre-'] })).toEqual({ on: 'streamName', prefixes: ['centre-'] });
    expect(toServerFilter(undefined)).toEqual({ on: 'eventType', excludeSystemEvents: true });
  });

  it('lets nothing through for an empty list, as the other adapters do', () => {
    const nothing = toServerFilter({ eventTypes: [] }) as { regex: string };
    expect(new RegExp(nothing.regex).test('CentreRegistered')).toBe(false);
    const noPrefix = toServerFilter({ streamPrefixes: [] }) as { regex: string };
    expect(new RegExp(noPrefix.regex).test('CentreRegistered')).toBe(false);
  });

  it('escapes every regex metacharacter', () => {
    const nasty = 'a.b*c+d?e^f$g{h}i(j)k|l[m]n\\o';
    expect(new RegExp(`^${escapeRegex(nasty)}$`).test(nasty)).toBe(true);
    expect(new RegExp(`^${escapeRegex('a.b')}$`).test('axb')).toBe(false);
  });
});

describe('EventStoreDB mapping: recorded events', () => {
  const base = {
    streamId: 'centre-1',
    id: '5d2b8f5e-9a3c-4c57-9d0e-6b1b8f1f0a11',
    revision: 2n,
    type: 'CentreRegistered',
    created: new Date('2026-01-02T03:04:05Z'),
    data: { name: 'North' },
    metadata: { correlationId: 'c' },
    isJson: true,
    position: { commit: 500n, prepare: 500n },
  };

  it('maps every field', () => {
    expect(toRecordedEvent(base)).toEqual({
      streamId: 'centre-1',
      revision: 2,
      position: 500n,
      id: base.id,
      type: 'CentreRegistered',
      data: { name: 'North' },
      metadata: { correlationId: 'c' },
      recordedAt: base.created,
    });
  });

  it('reads absent or non-object metadata as {}', () => {
    expect(toRecordedEvent({ ...base, metadata: undefined }).metadata).toEqual({});
    expect(toRecordedEvent({ ...base, metadata: new Uint8Array([1, 2]) }).metadata).toEqual({});
  });

  it('parses binary JSON written by other tools, and marks a missing position', () => {
    const binary = { ...base, isJson: false, data: new Uint8Array(Buffer.from('{"a":1}')), position: undefined };
    expect(toRecordedEvent(binary)).toMatchObject({ data: { a: 1 }, position: UNKNOWN_POSITION });
  });
});

describe('EventStoreDB connection strings and ids', () => {
  it('rewrites the legacy esdb:// scheme, keeps kurrentdb:// as it is', () => {
    expect(normaliseConnectionString('esdb://localhost:2113?tls=false')).toBe('kurrentdb://localhost:2113?tls=false');
    expect(normaliseConnectionString('esdb+discover://a:2113,b:2113')).toBe('kurrentdb+discover://a:2113,b:2113');
    expect(normaliseConnectionString('kurrentdb://admin:changeit@x:2113?nodePreference=leader')).toBe('kurrentdb://admin:changeit@x:2113?nodePreference=leader');
  });

  it('tells random (v4) ids from name-based (v5) ones', () => {
    expect(isRandomUuid('3f2c1a4e-9b7d-4c1e-8f00-0123456789ab')).toBe(true);
    expect(isRandomUuid('3f2c1a4e-9b7d-5c1e-8f00-0123456789ab')).toBe(false);
  });
});
