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
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code;
  if (code && (NETWORK_CODES.has(code) || code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code))) return true;
  return /timeout exceeded when trying to connect|Connection terminated|connection timeout|Query read timeout|Client has encountered a connection error/i.test(error.message);
}

/** Translate a pg error into the port's vocabulary; anything unrecognised passes through untouched. */
export function translateError(error: unknown, context: { streamId?: string; expected?: ExpectedRevision } = {}): unknown {
  const code = (error as { code?: string } | undefined)?.code;
  if (code === CONFLICT_SQLSTATE && context.streamId !== undefined && context.expected !== undefined) {
    const actual = Number((error as { detail?: string }).detail);
    return new WrongExpectedRevisionError(context.streamId, context.expected, actual < 0 ? 'no_stream' : actual);
  }
  if (isUnavailable(error)) return new EventStoreUnavailableError((error as Error).message, error);
  return error;
}
