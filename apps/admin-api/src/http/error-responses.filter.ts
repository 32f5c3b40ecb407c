import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AggregateNotFound, DomainRuleBroken } from '@accreditation/domain';
import { ConcurrencyConflict, EvidenceUnavailable, IdempotencyKeyReused, PreconditionFailed, StreamTruncated } from '@accreditation/application';
import {
  EventStoreUnavailableError,
  EventTooLargeError,
  InvalidEventError,
  InvalidStreamNameError,
  WrongExpectedRevisionError,
} from '@accreditation/event-store';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  /** The business rule broken (422). */
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
    if (body.statusCode >= 500) {
      this.logger.error({ message: 'request failed', correlationId: body.correlationId, error: describe(exception) });
    }
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
    if (exception instanceof ConcurrencyConflict || exception instanceof WrongExpectedRevisionError) return make(409, exception.message);
    if (exception instanceof EventTooLargeError) return make(413, exception.message);
    if (exception instanceof InvalidEventError || exception instanceof InvalidStreamNameError) {
      return make(400, exception.message, { errors: [{ field: 'body', message: exception.message }] });
    }
    if (exception instanceof EventStoreUnavailableError) return make(503, 'The event store is unavailable; try again shortly');
    if (exception instanceof HttpException) return this.fromHttpException(exception, make);
    return make(500, 'Internal error; it has been logged with this correlation id');
  }

  private fromHttpException(exception: HttpException, make: (s: number, m: string, e?: Partial<ErrorBody>) => ErrorBody): ErrorBody {
    const status = exception.getStatus();
    const response = exception.getResponse();
    if (typeof response === 'object' && response !== null) {
      const r = response as { message?: unknown; errors?: ErrorBody['errors'] };
      const message = Array.isArray(r.message) ? r.message.join('; ') : String(r.message ?? exception.message);
      return make(status, message, r.errors ? { errors: r.errors } : {});
    }
    return make(status, String(response));
  }
}

function reason(status: number): string {
  const name = HttpStatus[status] as string | undefined;
  return name ? name.toLowerCase().split('_').map((w) => w[0].toUpperCase() + w.slice(1)).join(' ') : 'Error';
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
}
