import { EventStoreUnavailableError, EventTooLargeError, WrongExpectedRevisionError } from '../event-store.errors';
import type { ExpectedRevision } from '../event-store.port';
import {
  UNKNOWN_POSITION,
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
import { KeyedSerialiser, toAppendResult } from './eventstoredb-event-store';

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
  const context = { streamId: 'centre-1', expected: 3 as ExpectedRevision, firstEventId: 'e-1', totalBytes: 2048 };

  it('turns WrongExpectedVersionError into WrongExpectedRevisionError with the actual revision', () => {
    const mapped = mapAppendError({ type: 'wrong-expected-version', actualVersion: 5n, expectedVersion: 3n }, context);
    expect(mapped).toBeInstanceOf(WrongExpectedRevisionError);
    expect(mapped).toMatchObject({ streamId: 'centre-1', expected: 3, actual: 5, code: 'WRONG_EXPECTED_REVISION' });
  });

  it('reports a missing stream as actual no_stream', () => {
    const mapped = mapAppendError({ type: 'wrong-expected-version', actualVersion: 'no_stream' }, { ...context, expected: 'stream_exists' });
    expect(mapped).toMatchObject({ expected: 'stream_exists', actual: 'no_stream' });
  });

  it('turns the server append size limit into EventTooLargeError', () => {
    const mapped = mapAppendError({ type: 'maximum-append-size-exceeded', maxAppendSize: 1024 }, context);
    expect(mapped).toBeInstanceOf(EventTooLargeError);
    expect(mapped).toMatchObject({ eventId: 'e-1', size: 2048, limit: 1024 });
  });

  it('turns an unreachable server into EventStoreUnavailableError, by error type or gRPC code', () => {
    expect(mapAppendError({ type: 'unavailable', message: 'No connection established' }, context)).toBeInstanceOf(EventStoreUnavailableError);
    expect(mapConnectionError({ type: 'deadline-exceeded' })).toBeInstanceOf(EventStoreUnavailableError);
    expect(mapConnectionError(Object.assign(new Error('14 UNAVAILABLE'), { code: 14 }))).toBeInstanceOf(EventStoreUnavailableError);
  });

  it('passes anything else through unchanged', () => {
    const bug = new TypeError('boom');
    expect(mapAppendError(bug, context)).toBe(bug);
    const denied = { type: 'access-denied' };
    expect(mapConnectionError(denied)).toBe(denied);
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

describe('EventStoreDB append result', () => {
  const noTail = async () => undefined;

  it('a write that moves the stream past its old tail wrote every event', async () => {
    const result = await toAppendResult({ nextExpectedRevision: 4n, position: { commit: 900n, prepare: 900n } }, { revision: 2, position: 700n }, 2, noTail);
    expect(result).toEqual({ nextExpectedRevision: 4, position: 900n, written: 2 });
  });

  it('a write to a new stream wrote every event', async () => {
    const result = await toAppendResult({ nextExpectedRevision: 0n, position: { commit: 10n, prepare: 10n } }, undefined, 1, noTail);
    expect(result).toEqual({ nextExpectedRevision: 0, position: 10n, written: 1 });
  });

  it('an idempotent retry reports the stream as it is and written 0, whatever the server says', async () => {
    // The server answers with the revision (and, from 23.x, the position) of the matched events.
    const result = await toAppendResult({ nextExpectedRevision: 2n, position: { commit: 600n, prepare: 600n } }, { revision: 3, position: 800n }, 3, noTail);
    expect(result).toEqual({ nextExpectedRevision: 3, position: 800n, written: 0 });
  });

  it('reads the tail when a fresh write comes back without a position', async () => {
    const result = await toAppendResult({ nextExpectedRevision: 1n, position: undefined }, { revision: 0, position: 5n }, 1, async () => ({ revision: 1, position: 9n }));
    expect(result).toEqual({ nextExpectedRevision: 1, position: 9n, written: 1 });
  });
});

describe('EventStoreDB per-stream append serialiser', () => {
  const tick = () => new Promise((r) => setTimeout(r, 1));

  it('runs tasks of one key in order, one at a time, and other keys alongside', async () => {
    const serialiser = new KeyedSerialiser();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([serialiser.run('a', task('a1')), serialiser.run('a', task('a2')), serialiser.run('b', task('b1'))]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(log.indexOf('end a1')).toBeLessThan(log.indexOf('start a2'));
    expect(log.indexOf('start b1')).toBeLessThan(log.indexOf('end a1'));
    await tick();
    expect(serialiser.size).toBe(0);
  });

  it('a failing task rejects its caller only and does not block the next', async () => {
    const serialiser = new KeyedSerialiser();
    const failed = serialiser.run('a', async () => {
      throw new Error('conflict');
    });
    const next = serialiser.run('a', async () => 'ok');
    await expect(failed).rejects.toThrow('conflict');
    await expect(next).resolves.toBe('ok');
  });
});
