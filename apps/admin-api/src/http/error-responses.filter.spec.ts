import { Logger, type ArgumentsHost } from '@nestjs/common';
import { EventStoreAccessDeniedError, EventStoreUnavailableError, StreamDeletedError } from '@accreditation/event-store';
import { DATABASE_UNAVAILABLE, ErrorResponsesFilter } from './error-responses.filter';

/** What the filter answers for the database going away, as pg reports it (no HTTP server needed). */
function answer(exception: unknown) {
  const sent: { status?: number; body?: unknown; headers: Record<string, string> } = { headers: {} };
  const reply = {
    header: (name: string, value: string) => ((sent.headers[name] = value), reply),
    status: (status: number) => ((sent.status = status), reply),
    send: (body: unknown) => ((sent.body = body), reply),
  };
  const host = { switchToHttp: () => ({ getRequest: () => ({ id: 'req-1' }), getResponse: () => reply }) } as unknown as ArgumentsHost;
  new ErrorResponsesFilter().catch(exception, host);
  return sent;
}

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('ErrorResponsesFilter: the database away', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it.each([
    ['57P01 terminating connection due to unexpected postmaster exit', pgError('57P01', 'terminating connection due to unexpected postmaster exit')],
    ['57P03 the database system is starting up', pgError('57P03', 'the database system is starting up')],
    ['ECONNREFUSED', pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['Connection terminated unexpectedly', new Error('Connection terminated unexpectedly')],
    ['EventStoreUnavailableError', new EventStoreUnavailableError('connect ECONNREFUSED')],
  ])('%s: 503 with a clear body and Retry-After', (_name, error) => {
    const sent = answer(error);
    expect(sent.status).toBe(503);
    expect(sent.body).toEqual({ statusCode: 503, error: 'Service Unavailable', message: DATABASE_UNAVAILABLE, correlationId: 'req-1' });
    expect(Number(sent.headers['Retry-After'])).toBeGreaterThan(0);
  });

  it('disk full (53100): 503 saying so', () => {
    const sent = answer(pgError('53100', 'could not extend file "base/5/16384": No space left on device'));
    expect(sent.status).toBe(503);
    expect(sent.body).toMatchObject({ message: expect.stringContaining('out of disk space') });
  });

  it('anything else stays a 500', () => {
    expect(answer(new Error('boom')).status).toBe(500);
    expect(answer(pgError('23505', 'duplicate key value')).status).toBe(500);
  });
});

describe('ErrorResponsesFilter: EventStoreDB answers', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it("a store that refuses this service's user is 503 (a deployment error, not the caller's)", () => {
    const sent = answer(new EventStoreAccessDeniedError('read $all'));
    expect(sent.status).toBe(503);
    expect(sent.body).toMatchObject({ message: expect.stringContaining('refused this service access') });
  });

  it('a stream deleted in the store is 410, naming it', () => {
    const sent = answer(new StreamDeletedError('centre-1'));
    expect(sent.status).toBe(410);
    expect(sent.body).toMatchObject({ message: expect.stringContaining('centre-1') });
  });
});
