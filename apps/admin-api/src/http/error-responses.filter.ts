import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AggregateNotFound, DomainRuleBroken } from '@accreditation/domain';
import { ConcurrencyConflict, EvidenceUnavailable, IdempotencyKeyReused, PreconditionFailed, StreamIntegrityBroken, StreamTruncated, StreamUnreadable } from '@accreditation/application';
import {
  EventStoreAccessDeniedError,
  EventStoreUnavailableError,
  EventTooLargeError,
  InvalidEventError,
  InvalidStreamNameError,
  isDatabaseUnavailable,
  StreamDeletedError,
  WrongExpectedRevisionError,
} from '@accreditation/event-store';
import { BadInput } from './hostile-input';
import { TooManyInFlight } from './in-flight-limit';

export const DATABASE_UNAVAILABLE = 'The database is unavailable; retry shortly';
/** A restarted database is usually back within seconds. */
const RETRY_AFTER_SECONDS = 2;

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  /** The business rule broken (422), or the capability missing (403 ImportCapabilityRequired). */
  rule?: string;
  /** The offending fields (400). */
  errors?: Array<{ field: string; message: string }>;
  correlationId: string;
}

/** The single place where failures become HTTP answers; anything unexpected is logged and is a 500. */
@Catch()
export class ErrorResponsesFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const body = this.toBody(exception, String(request.id));
    // In-flight refusals are expected under overload: counted where they happen, never logged one by one.
    if (isUnavailable(exception)) {
      // Expected while the database is away: one line, no stack (readiness says the same).
      this.logger.warn({ message: 'database unavailable', correlationId: body.correlationId, error: String((exception as Error).message ?? exception) });
    } else if (body.statusCode >= 500 && !(exception instanceof TooManyInFlight)) {
      this.logger.error({ message: 'request failed', correlationId: body.correlationId, error: describe(exception) });
    }
    if (body.statusCode === 503) reply.header('Retry-After', String(RETRY_AFTER_SECONDS));
    if (exception instanceof PreconditionFailed || exception instanceof WrongExpectedRevisionError) {
      const actual = exception.actual;
      reply.header('ETag', `"${actual === 'no_stream' ? -1 : actual}"`);
    }
    void reply.status(body.statusCode).send(body);
  }

  private toBody(exception: unknown, correlationId: string): ErrorBody {
    const make = (statusCode: number, message: string, extra: Partial<ErrorBody> = {}): ErrorBody => ({
      statusCode,
      error: reason(statusCode),
      message,
      ...extra,
      correlationId,
    });
    if (exception instanceof DomainRuleBroken) return make(422, exception.message, { rule: exception.rule });
    if (exception instanceof IdempotencyKeyReused) return make(422, exception.message, { rule: exception.rule });
    if (exception instanceof AggregateNotFound) return make(404, exception.message);
    if (exception instanceof PreconditionFailed) return make(412, exception.message);
    if (exception instanceof StreamTruncated) return make(409, exception.message, { rule: 'StreamTruncated' });
    if (exception instanceof EvidenceUnavailable) return make(409, exception.message);
    if (exception instanceof StreamUnreadable) return make(409, exception.message, { rule: 'StreamUnreadable' });
    if (exception instanceof StreamIntegrityBroken) return make(409, exception.message, { rule: 'StreamIntegrityBroken' });
    if (exception instanceof ConcurrencyConflict || exception instanceof WrongExpectedRevisionError) return make(409, exception.message);
    if (exception instanceof EventTooLargeError) return make(413, exception.message);
    if (exception instanceof InvalidEventError || exception instanceof InvalidStreamNameError) {
      return make(400, exception.message, { errors: [{ field: 'body', message: exception.message }] });
    }
    if (isUnavailable(exception)) return make(503, DATABASE_UNAVAILABLE);
    // Nothing was written; an operator must free space (logged as an error below).
    if (isDiskFull(exception)) return make(503, 'The database is out of disk space; nothing was stored, retry once space is freed');
    // A read model's table not there yet (the projector creates them as it starts): not ready, not broken.
    if ((exception as { code?: unknown } | null)?.code === '42P01') return make(503, 'The read models are still being built; try again shortly');
    // A deployment error (the store's user lacks a permission): logged as a 5xx, not blamed on the caller.
    if (exception instanceof EventStoreAccessDeniedError) return make(503, 'The event store refused this service access; it has been logged');
    // Deleted in the store by an operator (the engine never deletes): it is gone for good.
    if (exception instanceof StreamDeletedError) return make(410, exception.message);
    if (exception instanceof HttpException) return this.fromHttpException(exception, make);
    if (exception instanceof BadInput) return make(400, exception.message, { errors: [{ field: exception.field, message: exception.message }] });
    // Fastify's own refusals (malformed JSON, unsupported media type, body too large) carry their 4xx.
    const status = (exception as { statusCode?: unknown } | null)?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message = (exception as Error).message;
      return make(status, message, status === 400 ? { errors: [{ field: 'body', message }] } : {});
    }
    return make(500, 'Internal error; it has been logged with this correlation id');
  }

  private fromHttpException(exception: HttpException, make: (s: number, m: string, e?: Partial<ErrorBody>) => ErrorBody): ErrorBody {
    const status = exception.getStatus();
    const response = exception.getResponse();
    if (typeof response === 'object' && response !== null) {
      const r = response as { message?: unknown; errors?: ErrorBody['errors']; rule?: unknown };
      const message = Array.isArray(r.message) ? r.message.join('; ') : String(r.message ?? exception.message);
      return make(status, message, { ...(r.errors ? { errors: r.errors } : {}), ...(typeof r.rule === 'string' ? { rule: r.rule } : {}) });
    }
    return make(status, String(response));
  }
}

function reason(status: number): string {
  const name = HttpStatus[status] as string | undefined;
  return name ? name.toLowerCase().split('_').map((w) => w[0].toUpperCase() + w.slice(1)).join(' ') : 'Error';
}

/** The store, or the read models' database, is away (crash, restart, network): a retryable 503. */
function isUnavailable(error: unknown): boolean {
  return error instanceof EventStoreUnavailableError || isDatabaseUnavailable(error);
}

/** SQLSTATE 53100 (disk_full): PostgreSQL could not extend a file. */
function isDiskFull(error: unknown): boolean {
  return (error as { code?: unknown } | undefined)?.code === '53100';
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
}
