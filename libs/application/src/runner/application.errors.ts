/** Errors of the command path that are not business rules; the API maps each to one status. */

/** The client's If-Match named a revision the stream has moved past (HTTP 412). */
export class PreconditionFailed extends Error {
  constructor(readonly streamId: string, readonly expected: number | 'no_stream', readonly actual: number | 'no_stream') {
    super(`${streamId} is at revision ${String(actual)}, not ${String(expected)} as the request expected`);
    this.name = 'PreconditionFailed';
  }
}

/** Writers kept racing on the same stream and the bounded retries ran out (HTTP 409). */
export class ConcurrencyConflict extends Error {
  constructor(readonly streamId: string, readonly attempts: number) {
    super(`${streamId} changed concurrently ${attempts} times in a row; retry the request`);
    this.name = 'ConcurrencyConflict';
  }
}

/** An Idempotency-Key was sent again with a different request (HTTP 422). */
export class IdempotencyKeyReused extends Error {
  readonly rule = 'IdempotencyKeyReused';
  constructor(readonly key: string) {
    super(`Idempotency-Key "${key}" was already used for a different request`);
    this.name = 'IdempotencyKeyReused';
  }
}

/**
 * The stream is shorter than the engine knows it to be (its signed head, or what this process
 * wrote): events were deleted outside the engine. Writing would reuse a deleted revision and hide
 * the loss, so writes are refused (HTTP 409) until the stream is restored from a backup.
 */
export class StreamTruncated extends Error {
  constructor(readonly streamId: string, readonly actual: number, readonly known: number) {
    super(`${streamId} ends at revision ${actual}, but the engine knows it up to revision ${known}: events were deleted outside the engine; writes are refused until the stream is restored`);
    this.name = 'StreamTruncated';
  }
}

/** An evidence bundle cannot be made (no signing key in this process, or nothing signed for the stream): HTTP 409. */
export class EvidenceUnavailable extends Error {
  constructor(reason: string) {
    super(`No evidence bundle: ${reason}`);
    this.name = 'EvidenceUnavailable';
  }
}

/** A stored event of the stream does not read any more (altered outside the engine): writes are refused (HTTP 409) until it is restored. */
export class StreamUnreadable extends Error {
  constructor(readonly streamId: string, reason: string) {
    super(`${streamId} holds an event that no longer reads (${reason}); verify the stream: writes are refused until it is restored`);
    this.name = 'StreamUnreadable';
  }
}

/** Verification found the stream broken (altered outside the engine): nothing is added to it until it is restored (HTTP 409). */
export class StreamIntegrityBroken extends Error {
  constructor(readonly streamId: string, readonly revision: number, readonly reason: string) {
    super(`${streamId} is broken at revision ${revision} (${reason}): writes are refused until the record is restored and verifies`);
    this.name = 'StreamIntegrityBroken';
  }
}
