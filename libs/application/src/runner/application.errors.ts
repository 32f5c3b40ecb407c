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
