import type { ExpectedRevision } from './event-store.port';

/** Base of every error the event store raises on purpose; anything else is a bug or an outage. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Optimistic concurrency conflict: the stream is not where the writer expected it. */
export class WrongExpectedRevisionError extends EventStoreError {
  readonly code = 'WRONG_EXPECTED_REVISION';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** Current revision, or 'no_stream' when the stream does not exist. */
    readonly actual: number | 'no_stream',
  ) {
    super(`Stream ${streamId}: expected ${String(expected)}, but it is at ${String(actual)}`);
  }
}

export class InvalidStreamNameError extends EventStoreError {
  readonly code = 'INVALID_STREAM_NAME';
  constructor(readonly streamId: unknown) {
    super(`Invalid stream name ${JSON.stringify(streamId)}: 1-200 characters of letters, digits, '-', '_', '.', ':' or '@'`);
  }
}

export class InvalidEventError extends EventStoreError {
  readonly code = 'INVALID_EVENT';
  constructor(readonly reason: 'empty_type' | 'invalid_id' | 'not_serialisable' | 'empty_append', detail: string) {
    super(detail);
  }
}

export class EventTooLargeError extends EventStoreError {
  readonly code = 'EVENT_TOO_LARGE';
  constructor(readonly eventId: string, readonly size: number, readonly limit: number) {
    super(`Event ${eventId} is ${size} bytes, over the limit of ${limit} bytes`);
  }
}

/** The store cannot be reached (connection refused, timeout): a clear failure instead of a hang. */
export class EventStoreUnavailableError extends EventStoreError {
  readonly code = 'EVENT_STORE_UNAVAILABLE';
  constructor(detail: string, override readonly cause?: unknown) {
    super(`Event store unavailable: ${detail}`);
  }
}

/** The stream was deleted outside the engine (the engine never deletes): it can be neither read nor written. */
export class StreamDeletedError extends EventStoreError {
  readonly code = 'STREAM_DELETED';
  constructor(readonly streamId: string) {
    super(`Stream ${streamId} has been deleted in the event store`);
  }
}

/**
 * The store refused the configured credentials this operation (a secure EventStoreDB lets only
 * $admins and $ops read $all by default): a deployment error, not a bad request.
 */
export class EventStoreAccessDeniedError extends EventStoreError {
  readonly code = 'EVENT_STORE_ACCESS_DENIED';
  constructor(readonly operation: string, override readonly cause?: unknown) {
    super(`Event store access denied: the configured user may not ${operation}`);
  }
}
