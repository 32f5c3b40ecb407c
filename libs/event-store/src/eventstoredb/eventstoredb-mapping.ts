/**
 * Pure translations between the port and EventStoreDB's vocabulary. Deliberately free of any
 * `@kurrent/kurrentdb-client` import (eventstoredb-event-store.ts is the only file that imports it):
 * the shapes below are structurally the client's own (`'no_stream'`, bigint revisions,
 * `{ commit, prepare }` positions, `error.type` strings), and the compiler checks them where the
 * adapter hands them to the client. That keeps these functions unit-testable without a server.
 *
 * Positions. EventStoreDB addresses $all with a `{ commit, prepare }` pair. Since v20 every event
 * appended over gRPC is its own committed record, so for each event commit === prepare === its
 * log position: unique and strictly increasing. The port's bigint position is that commit
 * position. A checkpoint p maps back to `{ commit: p, prepare: p }`; EventStoreDB reads $all from
 * a position *inclusively* (and subscriptions may or may not include it), so the adapter always
 * drops events at or below p itself: exclusive semantics without relying on the server's choice.
 * (Explicit transactions of the legacy TCP API could give several events one commit position;
 * 24.x has no TCP API, and this engine never wrote that way.)
 */
import type { EventFilter, ExpectedRevision, RecordedEvent } from '../event-store.port';
import {
  EventStoreAccessDeniedError,
  EventStoreUnavailableError,
  EventTooLargeError,
  StreamDeletedError,
  WrongExpectedRevisionError,
} from '../event-store.errors';

/** EventStoreDB's expected revision: a bigint revision or one of the three stream states. */
export type EsdbExpectedRevision = bigint | 'no_stream' | 'stream_exists' | 'any';
/** EventStoreDB's current revision as reported in a conflict. */
export type EsdbCurrentRevision = bigint | 'no_stream';
export interface EsdbPosition {
  commit: bigint;
  prepare: bigint;
}

export function toEsdbExpectedRevision(expected: ExpectedRevision): EsdbExpectedRevision {
  if (typeof expected === 'number') return BigInt(expected);
  return expected;
}

export function fromEsdbExpectedRevision(expected: EsdbExpectedRevision): ExpectedRevision {
  if (typeof expected === 'bigint') return toRevisionNumber(expected);
  return expected;
}

/** EventStoreDB reports "no stream" as 'no_stream' (gRPC details) or -1 (older metadata path). */
export function fromEsdbCurrentRevision(current: EsdbCurrentRevision | undefined): number | 'no_stream' {
  if (current === undefined || current === 'no_stream' || current < 0n) return 'no_stream';
  return toRevisionNumber(current);
}

/** Stream revisions are numbers in the port: 2^53 events in one stream is not a real case. */
export function toRevisionNumber(revision: bigint): number {
  const n = Number(revision);
  if (!Number.isSafeInteger(n)) throw new RangeError(`Stream revision ${revision} is beyond Number.MAX_SAFE_INTEGER`);
  return n;
}

/** Where to start an inclusive EventStoreDB read for an exclusive port checkpoint. */
export function toEsdbReadPosition(after: bigint | undefined): EsdbPosition | 'start' {
  if (after === undefined || after <= 0n) return 'start';
  return { commit: after, prepare: after };
}

/** The port's position of an event: its commit position (see the note at the top). */
export function fromEsdbPosition(position: EsdbPosition | undefined): bigint | undefined {
  return position?.commit;
}

/** Exclusive checkpoint test: true when an event at `position` comes strictly after `after`. */
export function isAfter(position: bigint, after: bigint | undefined): boolean {
  return after === undefined || position > after;
}

/** The subset of the client's CommandError this adapter looks at. */
export interface EsdbErrorLike {
  type?: string;
  code?: number;
  /** WrongExpectedVersionError's current revision ('no_stream' or a bigint). */
  actualState?: EsdbCurrentRevision;
  maxAppendSize?: number;
  message?: string;
}

/**
 * Client error types meaning "no usable answer from a node". `cancelled`: since client 6.x a node
 * that stops ends its calls with CANCELLED; `not-leader` once the adapter's retries are spent.
 */
const UNAVAILABLE_TYPES = new Set(['unavailable', 'deadline-exceeded', 'timeout', 'not-leader', 'cancelled']);
/** gRPC status codes meaning "could not reach / no answer": 4 DEADLINE_EXCEEDED, 14 UNAVAILABLE. */
const UNAVAILABLE_GRPC_CODES = new Set([4, 14]);

export function isEsdbError(error: unknown, type: string): boolean {
  return typeof error === 'object' && error !== null && (error as EsdbErrorLike).type === type;
}

export function isEsdbUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { type, code } = error as EsdbErrorLike;
  return (type !== undefined && UNAVAILABLE_TYPES.has(type)) || (code !== undefined && UNAVAILABLE_GRPC_CODES.has(code));
}

export interface AppendErrorContext {
  streamId: string;
  expected: ExpectedRevision;
  /** The append's events, to name the one that crosses the server's size limit. */
  events: SizedEvent[];
}

export interface SizedEvent {
  id: string;
  type: string;
  dataJson: string;
  metadataJson: string;
}

/**
 * Translates what the client throws on append into the port's errors; anything unrecognised is
 * returned unchanged (a bug or an outage the caller should see as is).
 */
export function mapAppendError(error: unknown, context: AppendErrorContext): unknown {
  if (isEsdbError(error, 'wrong-expected-version')) {
    const actual = fromEsdbCurrentRevision((error as EsdbErrorLike).actualState);
    return new WrongExpectedRevisionError(context.streamId, context.expected, actual);
  }
  if (isEsdbError(error, 'maximum-append-size-exceeded')) {
    const limit = (error as EsdbErrorLike).maxAppendSize ?? 0;
    const culprit = appendSizeCulprit(context.events, limit) ?? { eventId: context.events[0]?.id ?? '', size: 0 };
    return new EventTooLargeError(culprit.eventId, culprit.size, limit);
  }
  if (isEsdbError(error, 'stream-deleted')) return new StreamDeletedError(context.streamId);
  if (isEsdbError(error, 'access-denied')) return new EventStoreAccessDeniedError(`write to ${context.streamId}`, error);
  return mapConnectionError(error);
}

/**
 * Unreachable or stopping node → EventStoreUnavailableError (a clear failure, not a hang);
 * access denied → EventStoreAccessDeniedError; others unchanged.
 */
export function mapConnectionError(error: unknown, operation = 'read'): unknown {
  if (isEsdbError(error, 'access-denied')) return new EventStoreAccessDeniedError(operation, error);
  if (isEsdbUnavailable(error)) {
    const detail = (error as EsdbErrorLike).message || String((error as EsdbErrorLike).type);
    return new EventStoreUnavailableError(`EventStoreDB: ${detail}`, error);
  }
  return error;
}

/**
 * The server's append size rule (Event.SizeOnDisk summed over the append, compared with
 * MaxAppendSize in Streams.BatchAppend.cs): data + metadata + 2 bytes per type character.
 * Returns the first event at which the running total passes the limit, so the error names it.
 */
export function appendSizeCulprit(
  events: SizedEvent[],
  maxAppendBytes: number,
): { eventId: string; size: number } | undefined {
  let total = 0;
  for (const event of events) {
    total += Buffer.byteLength(event.dataJson) + Buffer.byteLength(event.metadataJson) + event.type.length * 2;
    if (total > maxAppendBytes) return { eventId: event.id, size: total };
  }
  return undefined;
}

/** Subscriptions give up only on errors that retrying cannot fix; everything else resubscribes. */
export function isFatalSubscriptionError(error: unknown): boolean {
  return ['access-denied', 'invalid-argument', 'unsupported', 'stream-deleted'].some((type) => isEsdbError(error, type));
}

/** Events the server writes for itself ($-prefixed types or streams): never part of the port's $all. */
export function isSystemEvent(event: { streamId: string; type: string }): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

/** What to ask the server to filter on (reads and subscriptions); the client-side filter still runs on top of it. */
export type ServerFilterSpec =
  | { on: 'eventType'; regex: string }
  | { on: 'streamName'; prefixes: string[] }
  | { on: 'eventType'; excludeSystemEvents: true };

/**
 * EventStoreDB filters on one thing at a time. Exact event types become an anchored regex (a
 * prefix filter would let `Granted` match `GrantedLater`); with both constraints the server
 * narrows by type and the client checks the stream prefix (the shared matchesFilter always runs
 * on top). An empty list matches nothing, as on the other adapters. No filter still excludes
 * system events.
 */
export function toServerFilter(filter: EventFilter | undefined): ServerFilterSpec {
  const types = filter?.eventTypes;
  const prefixes = filter?.streamPrefixes;
  if (types) return { on: 'eventType', regex: `^(?:${types.map(escapeRegex).join('|')})$` };
  if (prefixes && prefixes.length === 0) return { on: 'eventType', regex: MATCHES_NOTHING };
  if (prefixes) return { on: 'streamName', prefixes };
  return { on: 'eventType', excludeSystemEvents: true };
}

/** Every event has a non-empty type, so this type regex lets nothing through. */
const MATCHES_NOTHING = '^(?:)$';

/** Escapes the metacharacters .NET and JavaScript regexes share (the server evaluates it in .NET). */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The subset of the client's recorded event the adapter reads. */
export interface EsdbRecordedEventLike {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  created: Date;
  data: unknown;
  metadata: unknown;
  isJson: boolean;
  position?: EsdbPosition;
}

/**
 * Position of an event read from a stream on a server older than 22.6 (which does not return it):
 * -1n marks "unknown", never a valid checkpoint. $all reads always carry the real position.
 */
export const UNKNOWN_POSITION = -1n;

export function toRecordedEvent(event: EsdbRecordedEventLike): RecordedEvent {
  return {
    streamId: event.streamId,
    revision: toRevisionNumber(event.revision),
    position: fromEsdbPosition(event.position) ?? UNKNOWN_POSITION,
    id: event.id,
    type: event.type,
    data: event.isJson ? event.data : decodeBinary(event.data),
    metadata: toMetadata(event.metadata),
    recordedAt: event.created,
  };
}

/** Metadata is written as a JSON object; anything else (absent, foreign binary) reads as {}. */
function toMetadata(metadata: unknown): Record<string, unknown> {
  if (typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata) && !(metadata instanceof Uint8Array)) {
    return metadata as Record<string, unknown>;
  }
  return {};
}

/** Events written by another tool as binary: parse when it is JSON, else hand over the bytes. */
function decodeBinary(data: unknown): unknown {
  if (!(data instanceof Uint8Array)) return data;
  try {
    return JSON.parse(Buffer.from(data).toString('utf8'));
  } catch {
    return data;
  }
}
