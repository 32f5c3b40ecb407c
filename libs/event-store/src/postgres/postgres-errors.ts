import type { ExpectedRevision } from '../event-store.port';
import { EventStoreUnavailableError, WrongExpectedRevisionError } from '../event-store.errors';

/** SQLSTATE raised by es_append on a conflict; DETAIL carries the actual revision. */
export const CONFLICT_SQLSTATE = 'ES409';

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'EPIPE']);

/**
 * Is this the database being unreachable (rather than a bug)? Connection-level failures, pg's
 * own pool/connect timeouts, and server states that refuse work: 08 (connection exception),
 * 57P01-57P03 (shutdown / cannot connect now), 53300 (too many connections).
 */
export function isUnavailable(error: unknown): boolean {
  // Not `instanceof Error`: socket errors come from Node's own realm, which differs under Jest.
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, errors } = error as { code?: unknown; message?: unknown; errors?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code))) {
    return true;
  }
  // Node's happy-eyeballs connect reports an AggregateError of per-address failures.
  if (Array.isArray(errors) && errors.length > 0 && errors.every(isUnavailable)) return true;
  return (
    typeof message === 'string' &&
    /timeout exceeded when trying to connect|Connection terminated|connection timeout|Query read timeout|Client has encountered a connection error|not queryable/i.test(message)
  );
}

/** Translate a pg error into the port's vocabulary; anything unrecognised passes through untouched. */
export function translateError(error: unknown, context: { streamId?: string; expected?: ExpectedRevision } = {}): unknown {
  const code = (error as { code?: string } | undefined)?.code;
  if (code === CONFLICT_SQLSTATE && context.streamId !== undefined && context.expected !== undefined) {
    const actual = Number((error as { detail?: string }).detail);
    return new WrongExpectedRevisionError(context.streamId, context.expected, actual < 0 ? 'no_stream' : actual);
  }
  if (isUnavailable(error)) return new EventStoreUnavailableError(String((error as { message?: unknown }).message ?? error), error);
  return error;
}
